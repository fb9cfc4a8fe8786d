"""Hostile text typed into pilots and case studies is shown escaped on every page and e-mail.

The method of tests/security/test_xss_catalogue.py, for the forms of `solutions.pilots.forms`, `solutions.case_studies.forms` and
`solutions.impact.forms`:
each payload goes in through the forms, typed by the person who may (the pilot city's staff, a
curator), then every page and HTML e-mail that shows it is read by each role that can see it. The
raw payload must be absent, its escaped form present (a page list that misses the field fails)
and no page may carry an injected script, event handler or `javascript:` link.

The fields are read from the form classes: a new free-text field of `solutions.pilots.forms`, `solutions.case_studies.forms` and
`solutions.impact.forms`
fails `test_every_free_text_field_of_the_pilot_forms_is_typed_in` until the scenario types it in.
"""

import re

import pytest
from django import forms
from django.urls import reverse

from solutions.case_studies import forms as case_study_forms
from solutions.case_studies.forms import CaseStudyForm
from solutions.impact import forms as impact_forms
from solutions.models import CaseStudy, Indicator, PilotProject
from solutions.pilots import forms as pilot_forms
from solutions.pilots.forms import (
    IndicatorForm,
    MeasurementForm,
    MilestoneForm,
    PilotForm,
    PilotStartForm,
    PilotTransitionForm,
)
from tests.security.xss_helpers import assert_escaped, ok
from tests.solutions.helpers import open_challenge, solution_of

from .builders import introduced_match

# The indicator's free unit takes 40 characters: both payloads fit.
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']

# The impact dashboard draws its charts as inline SVG, which `assert_escaped` counts as active
# markup unless the tag is `allowed_svg` (no other page has any). These are the chart template's
# own opening tags, attributes made of numbers and table ids only; any other <svg> on the page is
# still reported.
PORTAL_SVG = re.compile(
    r'<svg class="chart-svg" role="img" aria-labelledby="[\w -]+" viewBox="[\d. ]+" '
    r'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
    r'|<svg width="14" height="14" aria-hidden="true" focusable="false">'
)


def free_text_fields() -> set[tuple[str, str]]:
    """(form, field) for every text field of the pilot and case study forms."""
    return {
        (name, field)
        for module in (pilot_forms, case_study_forms, impact_forms)
        for name, cls in vars(module).items()
        if isinstance(cls, type)
        and cls.__module__ == module.__name__
        and issubclass(cls, forms.BaseForm)
        for field, form_field in cls.base_fields.items()
        if isinstance(form_field, forms.CharField | forms.FileField)
    }


class Scenario:
    """One client playing each role in turn; remembers the fields it typed the payload into."""

    def __init__(self, client, payload: str, capture):
        self.client = client
        self.payload = payload
        self.capture = capture  # each request runs its on-commit work (e-mails) as it would
        self.typed: set[tuple[str, str]] = set()
        # Pages read on the way, in a state that does not last (a running pilot, a form).
        self.snapshots: list[tuple[str, str]] = []

    def as_(self, user) -> None:
        self.client.logout()
        if user is not None:
            self.client.force_login(user)

    def post(self, user, url: str, data: dict, *, form=None, status: int = 302):
        self.as_(user)
        if form is not None:
            self.typed |= {
                (form.__name__, field)
                for field, value in data.items()
                if self.payload in str(value) and field in form.base_fields
            }
        with self.capture(execute=True):
            response = self.client.post(url, data)
        return ok(response, status)

    def get(self, user, url: str) -> str:
        self.as_(user)
        return ok(self.client.get(url)).content.decode()

    def snapshot(self, user, url: str) -> None:
        self.snapshots.append((f"{url} (on the way)", self.get(user, url)))


@pytest.fixture(params=PAYLOADS, ids=["script", "attribute"])
def hostile(
    request, client, curator, city_a, city_b, city_a_staff, city_b_staff, innovator_a_org,
    innovator_a, django_capture_on_commit_callbacks,
):  # fmt: skip
    """A pilot of city A run to completion and its published case study, copied by city B: every
    free-text field typed in through its form."""
    payload = request.param
    s = Scenario(client, payload, django_capture_on_commit_callbacks)
    challenge = open_challenge([city_a])
    neighbour = open_challenge([city_b], title="Stationnement à Sherbrooke")
    match = introduced_match(challenge, solution_of(innovator_a_org, name="Acme Parc"))

    # City A's staff start the pilot, then record its milestones, indicator and measurements.
    s.post(
        city_a_staff,
        reverse("solutions:pilot_start", kwargs={"match_pk": match.pk}),
        {
            "city": city_a.pk,
            "title": f"Essai {payload}",
            "description": f"# Protocole\n\n{payload}",
            "start_date": "2025-03-01",
            "budget": "40000",
            "currency": "CAD",
            "paid_by": "shared",
            "funding_details": payload,
        },
        form=PilotStartForm,
    )
    pilot = PilotProject.objects.get(match=match)
    pk = {"pk": pilot.pk}
    s.post(
        city_a_staff,
        reverse("solutions:pilot_milestone_add", kwargs=pk),
        {"title": payload, "due_date": "2025-05-01", "progress": "50", "note": payload},
        form=MilestoneForm,
    )
    s.post(
        city_a_staff,
        reverse("solutions:pilot_indicator_add", kwargs=pk),
        {
            "name": payload,
            "kind": "environmental",
            "unit": "free",
            "custom_unit": payload,
            "direction": "decrease",
            "baseline": "1000",
            "target": "800",
            "data_source": payload,
        },
        form=IndicatorForm,
    )
    indicator = pilot.indicators.get()
    s.post(
        city_a_staff,
        reverse("solutions:pilot_transition", kwargs={**pk, "to": "running"}),
        {"on": "2025-03-01"},
    )
    s.post(
        city_a_staff,
        reverse("solutions:pilot_measurement_add", kwargs={**pk, "indicator_pk": indicator.pk}),
        {"measured_on": "2025-07-01", "value": "700", "note": payload},
        form=MeasurementForm,
    )
    s.post(
        city_a_staff,
        reverse("solutions:pilot_edit", kwargs=pk),
        {
            "title": f"Essai {payload}",
            "description": f"# Protocole\n\n{payload}",
            "start_date": "2025-03-01",
            "budget": "40000",
            "currency": "CAD",
            "paid_by": "shared",
            "funding_details": payload,
            "results_summary": payload,
            "lessons_learned": payload,
        },
        form=PilotForm,
    )
    # While the pilot runs: the dashboards list it, the end form starts from what was typed.
    s.snapshot(city_a_staff, reverse("partners:dashboard"))
    s.snapshot(innovator_a, reverse("partners:dashboard"))
    s.snapshot(
        city_a_staff, reverse("solutions:pilot_transition", kwargs={**pk, "to": "completed"})
    )
    s.snapshot(city_a_staff, reverse("solutions:pilot_transition", kwargs={**pk, "to": "stopped"}))
    s.post(
        city_a_staff,
        reverse("solutions:pilot_transition", kwargs={**pk, "to": "completed"}),
        {"on": "2025-09-30", "results_summary": payload, "lessons_learned": payload},
        form=PilotTransitionForm,
    )

    # A curator writes the case study (it starts from the pilot's results) and publishes it.
    s.snapshot(curator, reverse("solutions:case_study_create", kwargs=pk))
    s.post(
        curator,
        reverse("solutions:case_study_create", kwargs=pk),
        {
            "title": f"Étude {payload}",
            "summary": payload,
            "need": f"Le besoin. {payload}",
            "solution_text": payload,
            "results": payload,
            "lessons": payload,
            "cost_note": payload,
            "contacts": payload,
            "language": "fr",
            "visibility": "public",
        },
        form=CaseStudyForm,
    )
    study = CaseStudy.objects.get(pilot=pilot)
    s.post(curator, reverse("solutions:case_study_publish", kwargs={"pk": study.pk}), {})

    # City B copies the idea into a draft challenge of its own.
    s.post(
        city_b_staff,
        reverse("solutions:case_study_copy", kwargs={"pk": study.pk}),
        {"city": city_b.pk},
    )
    s.as_(None)

    # Every form took what was typed.
    pilot.refresh_from_db()
    assert pilot.status == PilotProject.Status.COMPLETED
    assert (pilot.funding_details, pilot.results_summary, pilot.lessons_learned) == (payload,) * 3
    indicator = Indicator.objects.get(pk=indicator.pk)
    assert (indicator.name, indicator.custom_unit, indicator.data_source) == (payload,) * 3
    assert indicator.measurements.get().note == payload
    assert (pilot.milestones.get().title, pilot.milestones.get().note) == (payload, payload)
    study.refresh_from_db()
    assert study.status == CaseStudy.Status.PUBLISHED and study.contacts == payload
    copy = study.copies.get()
    return {
        "scenario": s,
        "challenge": challenge,
        "neighbour": neighbour,
        "match": match,
        "pilot": pilot,
        "indicator": indicator,
        "milestone": pilot.milestones.get(),
        "study": study,
        "copy": copy.challenge,
    }


def test_every_free_text_field_of_the_pilot_forms_is_typed_in(hostile):
    assert ("IndicatorForm", "custom_unit") in free_text_fields()  # the discovery works
    assert hostile["scenario"].typed == free_text_fields()


def test_pilot_and_case_study_text_is_escaped_everywhere(
    hostile, curator, city_a, city_a_staff, city_b_staff, innovator_a_org, innovator_a,
    mailoutbox,
):  # fmt: skip
    s = hostile["scenario"]
    pilot, study, indicator = hostile["pilot"], hostile["study"], hostile["indicator"]
    pk = {"pk": pilot.pk}
    pilot_team = (curator, city_a_staff, innovator_a)
    pages = [
        # (who reads, URL)
        *[(who, pilot.get_absolute_url()) for who in pilot_team],
        *[(who, reverse("solutions:pilot_list")) for who in pilot_team],
        *[
            (who, reverse("solutions:proposal_detail", kwargs={"pk": hostile["match"].pk}))
            for who in pilot_team
        ],
        (city_a_staff, reverse("solutions:pilot_edit", kwargs=pk)),
        (
            city_a_staff,
            reverse(
                "solutions:pilot_milestone_edit",
                kwargs={**pk, "milestone_pk": hostile["milestone"].pk},
            ),
        ),
        (
            city_a_staff,
            reverse("solutions:pilot_indicator_edit", kwargs={**pk, "indicator_pk": indicator.pk}),
        ),
        (
            city_a_staff,
            reverse("solutions:pilot_measurement_add", kwargs={**pk, "indicator_pk": indicator.pk}),
        ),
        *[(who, study.get_absolute_url()) for who in (None, curator, city_b_staff, innovator_a)],
        *[(who, reverse("solutions:case_study_list")) for who in (None, curator, city_b_staff)],
        (curator, reverse("solutions:case_study_edit", kwargs={"pk": study.pk})),
        (city_b_staff, reverse("solutions:case_study_copy", kwargs={"pk": study.pk})),
        # The free unit names a column of the gains.
        *[(who, reverse("solutions:impact_dashboard")) for who in (None, curator, city_b_staff)],
        # The pilot's title in its challenge's history (the challenge went in pilot and closed).
        *[(who, hostile["challenge"].get_absolute_url()) for who in (curator, city_a_staff)],
        # The case study offered on the pages of other challenges of its domain.
        *[(who, hostile["neighbour"].get_absolute_url()) for who in (None, city_b_staff)],
        # The case study on the pages of the pilot's city and innovator.
        *[
            (None, reverse("partners:organization_detail", kwargs={"slug": org.slug}))
            for org in (city_a, innovator_a_org)
        ],
        *[(who, reverse("partners:notifications")) for who in pilot_team],
        # The copy: a draft challenge of city B made of the case study's text.
        (city_b_staff, hostile["copy"].get_absolute_url()),
        (city_b_staff, reverse("challenges:edit", kwargs={"pk": hostile["copy"].pk})),
    ]
    for reader, url in pages:
        html = s.get(reader, url)
        where = f"{url} for {reader or 'a visitor'}"
        assert_escaped(html, s.payload, where, allowed_svg=PORTAL_SVG)
    for where, html in s.snapshots:
        assert_escaped(html, s.payload, where)
    # Started, running, completed, case study published, copied: each to the others concerned.
    assert len({message.subject for message in mailoutbox}) == 5
    for message in mailoutbox:
        assert_escaped(message.alternatives[0][0], s.payload, f"e-mail « {message.subject} »")
