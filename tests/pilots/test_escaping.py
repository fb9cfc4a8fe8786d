"""Hostile text typed into pilots and case studies is shown escaped on every page and e-mail."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from solutions import pilots

from .builders import completed_pilot

PAYLOAD = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def _assert_escaped(html: str, where: str) -> None:
    assert "<script>alert(2)" not in html, where
    assert "<img src=x" not in html, where
    assert "onerror=alert(1)>" not in html or "&lt;img" in html, where


def test_pilot_and_case_study_text_is_escaped_everywhere(
    client, curator, city_a, city_b, city_b_staff, innovator_a_org, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        pilot = completed_pilot(
            city=city_a, innovator=innovator_a_org, by=curator, title=f"Titre {PAYLOAD}",
            description=f"# Protocole\n\n{PAYLOAD}", funding_details=PAYLOAD,
        )  # fmt: skip
        indicator = pilot.indicators.get()
        pilots.indicator_save(
            pilot=pilot, by=curator, indicator=indicator, name=PAYLOAD, data_source=PAYLOAD
        )
        pilots.measurement_add(
            indicator=indicator, by=curator, measured_on=date(2025, 7, 1), value=Decimal(5),
            note=PAYLOAD,
        )  # fmt: skip
        pilots.milestone_save(pilot=pilot, by=curator, title=PAYLOAD, note=PAYLOAD)
        study = pilots.case_study_create(
            pilot=pilot, by=curator, title=PAYLOAD, summary=PAYLOAD, need=PAYLOAD,
            solution_text=PAYLOAD, results=PAYLOAD, lessons=PAYLOAD, cost_note=PAYLOAD,
            contacts=PAYLOAD,
        )  # fmt: skip
        pilots.case_study_publish(case_study=study, by=curator)
        pilots.case_study_copy(case_study=study, by=city_b_staff, city=city_b)
    client.force_login(curator)
    for url in (
        pilot.get_absolute_url(),
        reverse("solutions:pilot_list"),
        study.get_absolute_url(),
        reverse("solutions:case_study_list"),
        reverse("solutions:impact_dashboard"),
        reverse("partners:dashboard"),
        reverse("solutions:pilot_edit", kwargs={"pk": pilot.pk}),
        reverse("solutions:case_study_edit", kwargs={"pk": study.pk}),
    ):
        _assert_escaped(client.get(url).content.decode(), url)
    assert mailoutbox
    for message in mailoutbox:
        _assert_escaped(message.alternatives[0][0], message.subject)
