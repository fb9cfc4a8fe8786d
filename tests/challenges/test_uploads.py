"""Attachments: at most 10 MB, type sniffed from the content, disguised files refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from challenges.uploads import validate_upload

from .conftest import DOCX, PDF, PNG, odt_bytes, office_bytes, upload

XLSX = office_bytes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
PPTX = office_bytes(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("rapport.pdf", PDF, "application/pdf"),
        ("plan.png", PNG, "image/png"),
        ("photo.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("anim.gif", b"GIF89a" + b"\x00" * 20, "image/gif"),
        ("image.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 20, "image/webp"),
        (
            "devis.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("budget.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (
            "slides.pptx",
            PPTX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("texte.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_accepted_types(name, content, content_type):
    assert validate_upload(upload(name, content)).content_type == content_type


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("rapport.pdf", b"<html><script>alert(1)</script></html>", "bad_type"),
        ("image.png", b"MZ\x90\x00 executable", "bad_type"),
        ("devis.docx", b"PK\x03\x04 not really a zip", "bad_type"),
        ("archive.docx", office_bytes("application/x-something-else"), "bad_type"),
        ("script.svg", b'<svg onload="alert(1)"></svg>', "bad_type"),
        ("rapport.docx", PDF, "disguised"),
        ("rapport.html", PDF, "disguised"),
        ("sans-extension", PDF, "disguised"),
        ("vide.pdf", b"", "empty"),
    ],
)
def test_refused_files(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, content))
    assert error.value.code == code


def test_oversized_file_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("gros.pdf", PDF + b"0" * 2000))
    assert error.value.code == "too_large"
    assert "1,0" in error.value.messages[0] or "1.0" in error.value.messages[0]


def test_errors_are_translated_strings(settings):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_upload(upload("faux.pdf", b"hello"))
    assert "faux.pdf" in error.value.messages[0]


def test_real_10_mb_limit_through_the_form(client, draft, city_a_staff):
    client.force_login(city_a_staff)
    big = upload("gros.pdf", PDF + b"0" * (10 * 1024 * 1024))
    url = reverse("challenges:attachment_add", kwargs={"pk": draft.pk})
    response = client.post(url, {"file": big}, follow=True)
    assert response.status_code == 200
    assert draft.attachments.count() == 0
    assert any("10" in str(m) for m in response.context["messages"])


def test_disguised_file_through_the_challenge_form_shows_an_error(client, draft, city_a_staff):
    client.force_login(city_a_staff)
    url = reverse("challenges:attachment_add", kwargs={"pk": draft.pk})
    response = client.post(url, {"file": upload("devis.pdf", b"<html></html>")}, follow=True)
    assert draft.attachments.count() == 0
    messages = [str(m) for m in response.context["messages"]]
    assert any("devis.pdf" in m for m in messages)


def test_attachment_is_served_with_the_sniffed_type(client, published, city_a_staff):
    client.force_login(city_a_staff)
    url = reverse("challenges:attachment_add", kwargs={"pk": published.pk})
    client.post(url, {"file": upload("devis.docx", DOCX, content_type="text/html")})
    attachment = published.attachments.get()
    client.logout()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    # The stored name is random; the original name is only sent back by the view.
    assert "devis" not in attachment.file.name


def test_deleting_an_attachment(client, draft, city_a_staff, django_capture_on_commit_callbacks):
    client.force_login(city_a_staff)
    client.post(
        reverse("challenges:attachment_add", kwargs={"pk": draft.pk}),
        {"file": upload("plan.pdf", PDF)},
    )
    attachment = draft.attachments.get()
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "challenges:attachment_delete",
                kwargs={"pk": draft.pk, "attachment_pk": attachment.pk},
            )
        )
    assert not draft.attachments.exists()
    assert not storage.exists(name)
