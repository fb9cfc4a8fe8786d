"""The pilot pages as their users work through them: forms, errors, French and English."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from challenges.models import Challenge
from solutions.models import Indicator, Measurement, Milestone, PilotProject

from .builders import indicator


def test_start_a_pilot_from_the_match_page(client, curator, match_a):
    client.force_login(curator)
    page = client.get(reverse("solutions:proposal_detail", kwargs={"pk": match_a.pk}))
    start = reverse("solutions:pilot_start", kwargs={"match_pk": match_a.pk})
    assert start in page.content.decode()
    form = client.get(start)
    assert form.status_code == 200
    response = client.post(
        start,
        {
            "city": match_a.challenge.owners.get().pk,
            "title": "Essai de capteurs",
            "start_date": "2025-04-01",
            "end_date": "2025-10-31",
            "budget": "30000",
            "currency": "CAD",
            "paid_by": "shared",
            "funding_details": "50 % chacun",
        },
    )
    pilot = PilotProject.objects.get()
    assert response.status_code == 302 and response.url == pilot.get_absolute_url()
    assert (pilot.title, pilot.budget, pilot.paid_by) == (
        "Essai de capteurs",
        30000,
        "shared",
    )
    # Once started, the match page links to the pilot instead.
    page = client.get(reverse("solutions:proposal_detail", kwargs={"pk": match_a.pk}))
    assert pilot.get_absolute_url() in page.content.decode()


def test_start_form_errors_are_listed_and_nothing_is_created(client, curator, match_a):
    client.force_login(curator)
    response = client.post(
        reverse("solutions:pilot_start", kwargs={"match_pk": match_a.pk}),
        {
            "city": match_a.challenge.owners.get().pk,
            "start_date": "2025-05-01",
            "end_date": "2025-04-01",
            "currency": "CAD",
        },
    )
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not PilotProject.objects.exists()


def test_run_a_pilot_through_its_pages(client, city_a_staff, pilot_a):
    client.force_login(city_a_staff)
    url = pilot_a.get_absolute_url()
    pk = pilot_a.pk
    client.post(
        reverse("solutions:pilot_milestone_add", kwargs={"pk": pk}),
        {
            "title": "Installation des capteurs",
            "due_date": "2025-04-15",
            "progress": "50",
        },
    )
    client.post(
        reverse("solutions:pilot_indicator_add", kwargs={"pk": pk}),
        {
            "name": "Temps de recherche d'une place",
            "kind": "social",
            "unit": "hours",
            "direction": "decrease",
            "baseline": "1200",
            "target": "900",
            "data_source": "Sondage",
        },
    )
    item = Indicator.objects.get(pilot=pilot_a)
    response = client.post(
        reverse("solutions:pilot_transition", kwargs={"pk": pk, "to": "running"}),
        {"on": "2025-04-01"},
    )
    assert response.status_code == 302
    client.post(
        reverse(
            "solutions:pilot_measurement_add",
            kwargs={"pk": pk, "indicator_pk": item.pk},
        ),
        {"measured_on": "2025-07-01", "value": "950", "note": "Après trois mois"},
    )
    response = client.post(
        reverse("solutions:pilot_transition", kwargs={"pk": pk, "to": "completed"}),
        {
            "on": "2025-10-31",
            "results_summary": "Moins de temps perdu.",
            "lessons_learned": "",
        },
    )
    assert response.status_code == 302
    pilot = PilotProject.objects.get(pk=pk)
    assert pilot.status == "completed" and pilot.results_summary == "Moins de temps perdu."
    assert Milestone.objects.get(pilot=pilot).progress == 50
    assert Indicator.objects.get(pk=item.pk).gain == Decimal("250")
    page = client.get(url).content.decode()
    assert "Installation des capteurs" in page and "Sondage" in page
    assert 'style="' not in page


def test_stop_form_requires_reason_and_lessons(client, city_a_staff, pilot_a):
    client.force_login(city_a_staff)
    url = reverse("solutions:pilot_transition", kwargs={"pk": pilot_a.pk, "to": "stopped"})
    response = client.post(url, {"stop_reason": "", "lessons_learned": ""})
    assert response.status_code == 200
    assert response.content.decode().count("<li><a href=") >= 2  # both fields in the summary
    assert PilotProject.objects.get(pk=pilot_a.pk).status == "planned"


def test_a_transition_that_is_not_possible_now_is_not_found(client, city_a_staff, pilot_a):
    client.force_login(city_a_staff)
    url = reverse("solutions:pilot_transition", kwargs={"pk": pilot_a.pk, "to": "completed"})
    assert client.get(url).status_code == 404


def test_completing_without_measurement_shows_the_reason(client, city_a_staff, pilot_a):
    client.force_login(city_a_staff)
    client.post(reverse("solutions:pilot_transition", kwargs={"pk": pilot_a.pk, "to": "running"}))
    response = client.post(
        reverse("solutions:pilot_transition", kwargs={"pk": pilot_a.pk, "to": "completed"}),
        {},
    )
    assert response.status_code == 200
    assert "au moins une mesure" in response.content.decode()


def test_curator_sets_evidence_level_from_the_pilot_page(client, curator, pilot_a):
    item = indicator(pilot_a, curator)
    client.force_login(curator)
    client.post(
        reverse(
            "solutions:pilot_evidence",
            kwargs={"pk": pilot_a.pk, "indicator_pk": item.pk},
        ),
        {"level": "verified"},
    )
    assert Indicator.objects.get(pk=item.pk).evidence_level == "verified"


def test_delete_a_measurement_a_milestone_and_an_indicator(client, city_a_staff, pilot_a):
    item = indicator(pilot_a, city_a_staff, values=[(date(2025, 5, 1), "800")])
    milestone = Milestone.objects.create(pilot=pilot_a, title="Lancement")
    client.force_login(city_a_staff)
    measurement = Measurement.objects.get()
    client.post(
        reverse(
            "solutions:pilot_measurement_delete",
            kwargs={
                "pk": pilot_a.pk,
                "indicator_pk": item.pk,
                "measurement_pk": measurement.pk,
            },
        )
    )
    assert Indicator.objects.get(pk=item.pk).latest_value is None
    client.post(
        reverse(
            "solutions:pilot_milestone_delete",
            kwargs={"pk": pilot_a.pk, "milestone_pk": milestone.pk},
        )
    )
    client.post(
        reverse(
            "solutions:pilot_indicator_delete",
            kwargs={"pk": pilot_a.pk, "indicator_pk": item.pk},
        )
    )
    assert not Milestone.objects.exists() and not Indicator.objects.exists()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pilot_pages_render_in_both_languages(client, curator, completed_a, language):
    client.force_login(curator)
    curator.language = language
    curator.save()
    client.cookies["iveo_language"] = language
    for url in (
        reverse("solutions:pilot_list"),
        completed_a.get_absolute_url(),
        reverse("solutions:pilot_edit", kwargs={"pk": completed_a.pk}),
        reverse("solutions:case_study_create", kwargs={"pk": completed_a.pk}),
        reverse("solutions:impact_dashboard"),
        reverse("solutions:case_study_list"),
        reverse("partners:dashboard"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'lang="{language}-CA"' in response.content.decode(), url


def test_pilot_list_filters_by_status(client, curator, pilot_a, completed_a):
    client.force_login(curator)
    page = client.get(reverse("solutions:pilot_list"), {"status": "completed"}).content.decode()
    assert completed_a.get_absolute_url() in page
    assert pilot_a.get_absolute_url() not in page


def test_dashboard_shows_my_active_pilots(client, innovator_a, pilot_a):
    client.force_login(innovator_a)
    page = client.get(reverse("partners:dashboard")).content.decode()
    assert pilot_a.get_absolute_url() in page


def test_pilot_detail_query_count_does_not_grow_with_content(
    client, curator, pilot_a, django_assert_max_num_queries
):
    client.force_login(curator)

    def add(n: int) -> None:
        for i in range(n):
            Milestone.objects.create(pilot=pilot_a, title=f"Jalon {i}", progress=i)
            item = Indicator.objects.create(
                pilot=pilot_a, name=f"Indicateur {i}", kind="social", unit="hours"
            )
            for day in range(1, 4):
                Measurement.objects.create(
                    indicator=item, measured_on=date(2025, 5, day), value=Decimal(day)
                )

    add(2)
    with django_assert_max_num_queries(16) as small:
        assert client.get(pilot_a.get_absolute_url()).status_code == 200
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(pilot_a.get_absolute_url()).status_code == 200


def test_closed_challenge_page_lists_nothing_for_a_visitor_of_a_draft_pilot(client, pilot_a):
    # The challenge is in pilot: its public page still shows, without the pilot's workspace.
    challenge = Challenge.objects.get(pk=pilot_a.challenge_id)
    page = client.get(challenge.get_absolute_url()).content.decode()
    assert pilot_a.get_absolute_url() not in page


def test_pilot_list_and_exports_query_count_is_constant(
    client, curator, city_a, innovator_a_org, django_assert_max_num_queries
):
    from .builders import completed_pilot

    def add(n):
        for _ in range(n):
            completed_pilot(city=city_a, innovator=innovator_a_org, by=curator)

    add(2)
    client.force_login(curator)
    counts = {}
    for name in ("pilot_list", "pilot_export", "pilot_indicators_export"):
        with django_assert_max_num_queries(12) as captured:
            response = client.get(reverse(f"solutions:{name}"))
            _consume(response)
        counts[name] = len(captured.captured_queries)
    add(10)
    for name, count in counts.items():
        with django_assert_max_num_queries(count):
            response = client.get(reverse(f"solutions:{name}"))
            _consume(response)


def _consume(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
