"""The issue's end-to-end check, through the services and the pages, in French and English.

A curator introduces a match, both sides accept, a pilot runs with two indicators, completes,
becomes a case study; another city copies it, runs its own pilot, and the case study shows both
results; the dashboard sums them; the API serves them; a visitor never sees network-only data.
"""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from challenges.services import challenge_transition
from solutions.case_studies import services as case_studies
from solutions.curation import services as curation
from solutions.models import CaseStudyCopy, Match
from solutions.pilots import services as pilots
from tests.solutions.helpers import open_challenge, solution_of


def _introduce(match: Match, *, curator, city_staff, innovator) -> None:
    curation.match_shortlist(match=match, by=curator)
    introduction = curation.match_introduce(match=match, by=curator, message="Parlez-vous.")
    curation.introduction_accept(introduction=introduction, by=city_staff, contact="450 555-0101")
    curation.introduction_accept(introduction=introduction, by=innovator, contact="514 555-0199")


def _run(match, *, curator, city_staff, start, end, values):
    pilot = pilots.pilot_start(match=match, by=curator, start_date=start, budget=30000)
    pilots.pilot_transition(pilot=pilot, to="running", by=city_staff, on=start)
    for name, kind, unit, baseline, last in values:
        indicator = pilots.indicator_save(
            pilot=pilot, by=city_staff, name=name, kind=kind, unit=unit, direction="decrease",
            baseline=Decimal(baseline), data_source="Compteurs",
        )  # fmt: skip
        pilots.measurement_add(
            indicator=indicator, by=city_staff, measured_on=end, value=Decimal(last)
        )
    return pilots.pilot_transition(pilot=pilot, to="completed", by=city_staff, on=end)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_from_introduction_to_copied_case_study(
    client, language, curator, city_a, city_a_staff, city_b, city_b_staff, innovator_a,
    innovator_a_org, innovator_b, django_capture_on_commit_callbacks, mailoutbox,
):  # fmt: skip
    client.cookies["iveo_language"] = language
    solution = solution_of(innovator_a_org, name="Compteurs d'eau communicants")
    challenge = open_challenge([city_a], title="Fuites chez les grands consommateurs")
    match = Match.objects.create(
        challenge=challenge, solution=solution, origin=Match.Origin.AUTO, score=0.9
    )
    with django_capture_on_commit_callbacks(execute=True):
        _introduce(match, curator=curator, city_staff=city_a_staff, innovator=innovator_a)
        first = _run(
            Match.objects.get(pk=match.pk), curator=curator, city_staff=city_a_staff,
            start=date(2025, 3, 1), end=date(2025, 9, 30),
            values=[("Eau", "environmental", "m3", "1000", "800"),
                    ("Coût", "economic", "CAD", "5000", "4200")],
        )  # fmt: skip
        study = case_studies.case_study_create(pilot=first, by=curator, title="Compteurs à Granby")
        case_studies.case_study_publish(case_study=study, by=curator)
    challenge.refresh_from_db()
    assert challenge.status == "closed"
    assert {m.to[0] for m in mailoutbox} >= {city_a_staff.email, innovator_a.email}

    # Sherbrooke copies the idea through the page, submits, IVÉO publishes, it runs its pilot.
    client.force_login(city_b_staff)
    client.post(reverse("solutions:case_study_copy", kwargs={"pk": study.pk}), {"city": city_b.pk})
    copied = CaseStudyCopy.objects.get().challenge
    challenge_transition(challenge=copied, to="submitted", by=city_b_staff)
    challenge_transition(challenge=copied, to="published", by=curator)
    second_match = Match.objects.create(challenge=copied, solution=solution, score=0.9)
    _introduce(second_match, curator=curator, city_staff=city_b_staff, innovator=innovator_a)
    _run(
        Match.objects.get(pk=second_match.pk), curator=curator, city_staff=city_b_staff,
        start=date(2026, 1, 5), end=date(2026, 6, 30),
        values=[("Eau", "environmental", "m3", "2000", "1700"),
                ("Coût", "economic", "CAD", "9000", "8000")],
    )  # fmt: skip

    # The case study shows both results, to anybody.
    client.logout()
    client.cookies["iveo_language"] = language
    page = client.get(study.get_absolute_url()).content.decode()
    assert city_b.name in page
    assert {"1000", "800", "2000", "1700"} <= _numbers(page)  # before and after, both cities
    assert f'lang="{language}-CA"' in page

    # The dashboard sums them: 200 + 300 m³, 800 + 1,000 $.
    body = client.get(reverse("solutions:impact_dashboard")).context["body"]
    totals = _numbers(body.split('id="gains-title"')[1].split("</table>")[0])
    assert {"500", "1800"} <= totals

    # The API serves them.
    item = client.get(f"/api/v1/case-studies/{study.pk}/").json()
    assert [i["gain"] for i in item["pilot"]["indicators"]] == ["200.0000", "800.0000"]
    assert item["copied_to"] == [{"city": city_b.name, "challenge": copied.pk}]


def _numbers(html: str) -> set[str]:
    """The figures of table cells, without group separators (space, comma, no-break space)."""
    cells = re.findall(r"<td>([^<]*)</td>", html)
    return {re.sub(r"[\s,\u00a0\u202f]", "", cell) for cell in cells}


def test_a_visitor_never_sees_network_only_data_by_any_route(
    client, curator, city_a, city_a_staff, innovator_a, innovator_a_org
):
    secret = "Réseau : fuites confidentielles"
    challenge = open_challenge([city_a], title=secret, visibility="network")
    match = Match.objects.create(
        challenge=challenge, solution=solution_of(innovator_a_org), score=0.5
    )
    _introduce(match, curator=curator, city_staff=city_a_staff, innovator=innovator_a)
    pilot = _run(
        Match.objects.get(pk=match.pk), curator=curator, city_staff=city_a_staff,
        start=date(2025, 1, 1), end=date(2025, 6, 1),
        values=[("Eau confidentielle", "environmental", "m3", "777", "111")],
    )  # fmt: skip
    study = case_studies.case_study_create(
        pilot=pilot, by=curator, title="Étude réseau confidentielle", visibility="network"
    )
    case_studies.case_study_publish(case_study=study, by=curator)
    urls = [
        reverse("home"),
        reverse("challenges:list"),
        challenge.get_absolute_url(),
        reverse("solutions:case_study_list"),
        study.get_absolute_url(),
        reverse("solutions:impact_dashboard"),
        reverse("solutions:impact_dashboard") + "?domain=mobility",
        pilot.get_absolute_url(),
        "/api/v1/challenges/",
        f"/api/v1/challenges/{challenge.pk}/",
        "/api/v1/case-studies/",
        f"/api/v1/case-studies/{study.pk}/",
        "/api/v1/pilots/",
        "/api/v1/matches/",
        "/api/v1/organizations/",
        "/api/v1/solutions/",
        reverse("challenges:feed"),
    ]
    for url in urls:
        body = client.get(url).content.decode()
        for word in (secret, "confidentielle", "666"):  # 777 - 111: the gain
            assert word not in body, (url, word)
