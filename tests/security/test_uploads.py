"""Every upload form checks a file by its content and its size, never by its name.

A disguised file (an HTML page renamed .pdf, a Windows program renamed .png) and a file over the
10 MB limit are refused with a message on every form that takes a file, and nothing is written:
no row, no stored file. The same form with a real PDF is accepted, so that the refusal is the
file's doing. The CSV import takes CSV only (5 MB at most): the same files renamed .csv.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.solutions.helpers import PDF

from . import challenge_objects as challenges
from . import matrix_solutions as solutions
from .matrix import database_state, state_difference

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
ELEVEN_MB = 11 * 1024 * 1024
Fixtures = Callable[[str], object]


@dataclass(frozen=True)
class UploadForm:
    name: str
    role: str
    kwargs: Callable[[Fixtures], dict]
    body: Callable[[Fixtures], dict]  # the other fields, valid
    field: str
    extension: str = "pdf"  # of the real file the form accepts

    @property
    def id(self) -> str:
        return self.name.replace(":", "-")


def acme(fx) -> dict:
    """The CSV below names innovator A by its external id."""
    organization = fx("innovator_a_org")
    organization.external_id = "acme"
    organization.save(update_fields=["external_id"])
    return {}


FORMS = [
    UploadForm(
        "challenges:create", "city_a_staff", lambda fx: {}, challenges.challenge_form, "attachment"
    ),
    UploadForm(
        "challenges:edit",
        "city_a_staff",
        lambda fx: {"pk": challenges.challenge(fx, "draft").pk},
        challenges.challenge_form,
        "attachment",
    ),
    UploadForm(
        "challenges:attachment_add",
        "city_a_staff",
        lambda fx: {"pk": challenges.challenge(fx, "draft").pk},
        lambda fx: {},
        "file",
    ),
    UploadForm(
        "solutions:attachment_add",
        "innovator_a",
        lambda fx: {"pk": solutions.solution(fx).pk},
        lambda fx: {},
        "file",
    ),
    UploadForm(
        "solutions:propose",
        "innovator_a",
        lambda fx: {"challenge_pk": solutions.challenge(fx).pk},
        lambda fx: {**solutions.PITCH, "solution": solutions.solution(fx).pk},
        "attachment",
    ),
    UploadForm(
        "solutions:proposal_edit",
        "innovator_a",
        lambda fx: {"pk": solutions.proposal(fx).pk},
        lambda fx: {"pitch": "Une autre version.", "currency": "CAD"},
        "attachment",
    ),
    UploadForm(
        "solutions:import_upload", "curator", lambda fx: {}, lambda fx: acme(fx), "file", "csv"
    ),
]
CSV = b"external_id,organization,name,description\nx,acme,Nom,Texte\n"
BAD_FILES = {
    "html-renamed": lambda ext: ("offre." + ("csv" if ext == "csv" else "pdf"), HTML),
    "exe-renamed": lambda ext: ("photo." + ("csv" if ext == "csv" else "png"), EXE),
    "eleven-mb": lambda ext: (
        f"gros.{ext}",
        (CSV if ext == "csv" else PDF) + b"0" * (ELEVEN_MB - len(PDF)),
    ),
}
ERROR_SIGNS = ("error-summary", "message-error", "errorlist")


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def prepare(client, request, form: UploadForm) -> tuple[str, dict]:
    """Sign in as the form's role and build its objects: the URL and the other fields."""
    fx = request.getfixturevalue
    client.force_login(fx(form.role))
    return reverse(form.name, kwargs=form.kwargs(fx) or None), form.body(fx)


@pytest.mark.parametrize("bad", BAD_FILES, ids=str)
@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_a_disguised_or_too_large_file_is_refused_and_nothing_is_written(
    db, client, request, form, bad
):
    name, content = BAD_FILES[bad](form.extension)
    url, body = prepare(client, request, form)
    before, files = database_state(), stored_files()

    body[form.field] = SimpleUploadedFile(name, content)
    response = client.post(url, body, follow=True)

    assert response.status_code < 500
    page = response.content.decode()
    assert any(sign in page for sign in ERROR_SIGNS), f"{form.name}: no error shown for {name}"
    assert state_difference(before, database_state()) == [], f"{form.name} wrote for {name}"
    assert stored_files() == files, f"{form.name} stored {name}"


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_the_same_form_accepts_a_real_file(db, client, request, form):
    url, body = prepare(client, request, form)
    before = database_state()
    content = CSV if form.extension == "csv" else PDF
    body[form.field] = SimpleUploadedFile(f"vrai.{form.extension}", content)
    response = client.post(url, body, follow=True)
    assert response.status_code == 200
    assert not any(sign in response.content.decode() for sign in ERROR_SIGNS)
    assert state_difference(before, database_state()) != [], f"{form.name} refused a real file"
