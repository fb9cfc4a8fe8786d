"""Hostile text typed into the evaluation of proposals is shown escaped on every page that shows it.

The method of tests/security/test_xss_catalogue.py, for the forms of `solutions.curation.forms` and `solutions.evaluations.forms`:
each payload goes in through the forms, typed by the people who may (the city's staff and the
curators manage the grid, each evaluator fills in their own sheet), then every page and HTML
e-mail of the evaluation is read by each role that can see it, with `assert_escaped`.

Each field gets its own payload (the payload followed by the field's name), so that every page
is checked against the exact list of fields it shows: a field missing from a page fails, and so
does a field shown on a page that does not list it (an evaluator's private notes, say).

The fields are read from the form classes, those added in `__init__` (`SheetForm.notes`)
included: a new free-text field fails `test_every_free_text_field_of_the_curation_forms_is_typed_in`
until the scenario below types it in, or `EXCLUDED` gives the reason it is not.
"""

import html as html_lib

import pytest
from django import forms
from django.urls import reverse
from django.utils.html import escape

from partners.models import User
from solutions.curation import forms as curation_forms
from solutions.evaluations import forms as evaluation_forms
from solutions.evaluations.forms import CriterionForm, EvaluatorForm, GridForm, SheetForm
from solutions.models import EvaluationGrid, EvaluationSheet
from tests.security.test_xss_catalogue import EXCLUDED as CATALOGUE_EXCLUDED
from tests.security.test_xss_catalogue import free_text_fields as catalogue_fields
from tests.security.xss_helpers import assert_escaped, ok

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']

# What the forms need to build their fields (the sheet's notes are added in __init__).
FORM_ARGUMENTS = {
    "SheetForm": {"criteria": []},
    "EvaluatorForm": {"candidates": User.objects.none()},
}

# Free-text fields not typed in here, with the reason. The evaluation pages show none of them.
CATALOGUE = (
    "tests/security/test_xss_catalogue.py types it in, following a challenge to its "
    "introductions, and reads every page and e-mail that shows it"
)
EXCLUDED = {
    ("DeclineForm", "reason"): CATALOGUE,
    ("IntroduceForm", "message"): CATALOGUE,
    ("AddMatchForm", "note"): CATALOGUE,
    ("CatalogueSearchForm", "q"): CATALOGUE,
    ("WorkspaceFilterForm", "q"): CATALOGUE,
    ("AcceptIntroductionForm", "contact"): CATALOGUE,
    ("RefuseIntroductionForm", "reason"): CATALOGUE,
    ("MessageForm", "body"): CATALOGUE,
}

INSTRUCTIONS = ("GridForm", "instructions")
LABEL = ("CriterionForm", "label")
DESCRIPTION = ("CriterionForm", "description")
CONFLICT = ("SheetForm", "conflict_details")
NOTES = ("SheetForm", "notes")


def markdown(key: tuple[str, str]) -> tuple[str, tuple[str, str]]:
    """In a page's list: the field is shown rendered as Markdown, which escapes `<`, `>` and `&`
    in text and leaves quotes as they are (harmless in a text node)."""
    return ("markdown", key)


def shown_as_text(html: str, text: str) -> bool:
    return escape(text) in html or html_lib.escape(text, quote=False) in html


def free_text_fields() -> set[tuple[str, str]]:
    """(form, field) for every text and file field of the curation forms, as built."""
    found = set()
    classes = [
        (name, cls, module)
        for module in (curation_forms, evaluation_forms)
        for name, cls in vars(module).items()
    ]
    for name, cls, module in classes:
        if not (
            isinstance(cls, type)
            and cls.__module__ == module.__name__
            and issubclass(cls, forms.BaseForm)
        ):
            continue
        form = cls(**FORM_ARGUMENTS.get(name, {}))
        found |= {
            (name, field)
            for field, form_field in form.fields.items()
            if isinstance(form_field, forms.CharField | forms.FileField)
        }
    return found


def test_the_exclusions_are_typed_in_by_the_catalogue_test():
    fields = free_text_fields()
    assert NOTES in fields and INSTRUCTIONS in fields  # the discovery works
    typed_there = catalogue_fields() - set(CATALOGUE_EXCLUDED)
    for key, reason in EXCLUDED.items():
        assert key in fields, f"{key} is excluded but no longer exists"
        assert key in typed_there, f"{key} is excluded here and not typed in there either"
        assert len(reason) > 20


class Scenario:
    """One client playing each role in turn; remembers the fields it typed a payload into."""

    def __init__(self, client, payload: str, capture):
        self.client = client
        self.payload = payload
        self.capture = capture  # each request runs its on-commit work (e-mails) as it would
        self.fields = free_text_fields()
        self.typed: set[tuple[str, str]] = set()
        # Pages read on the way, in a state that does not last: (where, html, fields shown).
        self.snapshots: list[tuple[str, str, set[tuple]]] = []

    def text(self, key: tuple[str, str]) -> str:
        """The payload of one field: the payload, then the field's name."""
        return f"{self.payload} {key[0]}.{key[1]}"

    def as_(self, user) -> None:
        self.client.logout()
        self.client.force_login(user)

    def post(self, user, url: str, data: dict, *, form, status: int = 302):
        self.as_(user)
        self.typed |= {
            (form.__name__, field)
            for field, value in data.items()
            if (form.__name__, field) in self.fields and value == self.text((form.__name__, field))
        }
        with self.capture(execute=True):
            response = self.client.post(url, data)
        return ok(response, status)

    def get(self, user, url: str) -> str:
        self.as_(user)
        return ok(self.client.get(url)).content.decode()


def sheet_url(challenge, match) -> str:
    return reverse(
        "solutions:evaluation_sheet",
        kwargs={"challenge_pk": challenge.pk, "match_pk": match.pk},
    )


@pytest.fixture(params=PAYLOADS, ids=["script", "attribute"])
def hostile(
    request, client, curator, city_a_staff, challenge, proposal, django_capture_on_commit_callbacks
):
    """City A's challenge evaluated by its staff and a curator: instructions and criteria written
    by both, the staff's sheet a declared conflict with notes, the curator's scores."""
    s = Scenario(client, request.param, django_capture_on_commit_callbacks)
    cpk = {"challenge_pk": challenge.pk}
    grid_url = reverse("solutions:evaluation_grid", kwargs=cpk)
    s.post(city_a_staff, grid_url, {"instructions": s.text(INSTRUCTIONS)}, form=GridForm)
    # One criterion of each kind, one by each manager (a scale and a yes/no show differently).
    add = reverse("solutions:evaluation_criterion_add", kwargs=cpk)
    for user, kind in [(city_a_staff, "yes_no"), (curator, "scale")]:
        s.post(
            user,
            add,
            {
                "label": s.text(LABEL),
                "description": s.text(DESCRIPTION),
                "kind": kind,
                "scale_max": 5,
                "weight": 1,
            },
            form=CriterionForm,
        )
    for evaluator in (city_a_staff, curator):
        s.post(
            city_a_staff,
            reverse("solutions:evaluation_evaluator_add", kwargs=cpk),
            {"user": evaluator.pk},
            form=EvaluatorForm,
        )
    # Until somebody scores, the criteria can still be deleted (their labels on the buttons).
    s.snapshots.append(
        (
            "the grid before any score",
            s.get(city_a_staff, grid_url),
            {INSTRUCTIONS, LABEL, DESCRIPTION},
        )
    )

    # City A's staff declare a conflict: refused without its nature, the sheet comes back with
    # what was typed; then accepted.
    sheet = sheet_url(challenge, proposal)
    refused = s.post(
        city_a_staff,
        sheet,
        {"conflict": "yes", "conflict_details": "", "notes": s.text(NOTES)},
        form=SheetForm,
        status=200,
    )
    s.snapshots.append(("a sheet refused", refused.content.decode(), {LABEL, DESCRIPTION, NOTES}))
    s.post(
        city_a_staff,
        sheet,
        {"conflict": "yes", "conflict_details": s.text(CONFLICT), "notes": s.text(NOTES)},
        form=SheetForm,
    )
    grid = EvaluationGrid.objects.get(challenge=challenge)
    scores = {f"criterion_{c.pk}": 1 for c in grid.criteria.all()}
    s.post(curator, sheet, {"conflict": "no", **scores}, form=SheetForm)

    # Every form took what was typed.
    assert grid.instructions == s.text(INSTRUCTIONS)
    assert [(c.kind, c.label, c.description) for c in grid.criteria.all()] == [
        (kind, s.text(LABEL), s.text(DESCRIPTION)) for kind in ("yes_no", "scale")
    ]
    staff_sheet = EvaluationSheet.objects.get(evaluator__user=city_a_staff)
    assert staff_sheet.conflict
    assert (staff_sheet.conflict_details, staff_sheet.notes) == (s.text(CONFLICT), s.text(NOTES))
    curator_sheet = EvaluationSheet.objects.get(evaluator__user=curator)
    assert curator_sheet.scores.count() == 2
    return {"scenario": s, "challenge": challenge, "proposal": proposal}


def test_every_free_text_field_of_the_curation_forms_is_typed_in(hostile):
    s = hostile["scenario"]
    assert s.typed == free_text_fields() - set(EXCLUDED), "fields typed in ≠ fields of the forms"


def test_evaluation_text_is_escaped_on_every_page_that_shows_it(
    hostile, curator, city_a_staff, mailoutbox
):
    s = hostile["scenario"]
    challenge, proposal = hostile["challenge"], hostile["proposal"]
    cpk = {"challenge_pk": challenge.pk}
    pages = [
        # (who reads, URL, the fields it shows)
        *[
            (
                who,
                reverse("solutions:evaluation_grid", kwargs=cpk),
                {INSTRUCTIONS, LABEL, DESCRIPTION},
            )
            for who in (city_a_staff, curator)
        ],
        *[
            (who, reverse("solutions:evaluation_summary", kwargs=cpk), {LABEL})
            for who in (city_a_staff, curator)
        ],
        *[
            (who, reverse("solutions:evaluation_board", kwargs=cpk), {markdown(INSTRUCTIONS)})
            for who in (city_a_staff, curator)
        ],
        *[(who, reverse("solutions:evaluation_mine"), set()) for who in (city_a_staff, curator)],
        # Each evaluator's own sheet; the conflict's nature and the notes are nobody else's.
        (city_a_staff, sheet_url(challenge, proposal), {LABEL, DESCRIPTION, CONFLICT, NOTES}),
        (curator, sheet_url(challenge, proposal), {LABEL, DESCRIPTION}),
    ]
    seen = list(s.snapshots)
    for reader, url, shows in pages:
        seen.append((f"{url} for {reader.email}", s.get(reader, url), shows))
    # Assigned evaluators are told by e-mail: the e-mail names the challenge, none of the fields.
    assert sorted(m.to[0] for m in mailoutbox) == sorted([city_a_staff.email, curator.email])
    for message in mailoutbox:
        html = [body for body, mimetype in message.alternatives if mimetype == "text/html"]
        assert html, f"« {message.subject} » has no HTML part"
        seen.append((f"HTML e-mail « {message.subject} » to {message.to[0]}", html[0], set()))

    for where, html, shows in seen:
        leaked = sorted(key for key in s.typed if s.text(key) in html)
        assert not leaked, f"{where} renders {leaked} as markup"
        for key in sorted(s.typed):
            text = s.text(key)
            assert_escaped(html, text, f"{where} ({key})", shown=key in shows)
            if markdown(key) in shows:
                assert html_lib.escape(text, quote=False) in html, f"{where} does not show {key}"
            elif key not in shows:
                assert not shown_as_text(html, text), (
                    f"{where} shows {key}: a private field leaks, or the page's list misses it"
                )
