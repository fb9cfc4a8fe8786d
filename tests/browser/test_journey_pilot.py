"""Journey (c): a curator introduces a match, both sides accept, the city runs a pilot with an
indicator and a measurement and completes it, a curator publishes it as a case study, and
another city's staff copies it into a new draft challenge of its own."""

from django.utils import timezone
from playwright.sync_api import Page, expect

from challenges.models import Challenge
from solutions.models import CaseStudy, Match, PilotProject
from tests.solutions.helpers import open_challenge, solution_of

from .helpers import BROWSER, act_as, fill_form, submit, url

pytestmark = BROWSER

CHALLENGE = "Éclairage public intelligent"
SOLUTION = "Lampadaires à détection"


def click_link(page: Page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("main").get_by_role("link", name=name, exact=True).click()


def test_introduction_pilot_case_study_and_copy_by_another_city(
    page, live_server, curator, city_a, city_b, city_a_staff, city_b_staff, innovator_a, shots
):
    challenge = open_challenge(
        [city_a],
        title=CHALLENGE,
        summary="Réduire la consommation de l'éclairage de rue.",
        description="Des lampadaires qui s'allument au passage des piétons.",
        domains=["energy"],
    )
    solution = solution_of(innovator_a.memberships.get().organization, name=SOLUTION)
    match = Match.objects.create(
        challenge=challenge, solution=solution, status=Match.Status.SHORTLISTED, score=0.8
    )
    messages = page.locator(".messages")

    # The curator introduces the shortlisted solution to the city.
    act_as(page, live_server, curator)
    page.goto(url(live_server, "solutions:curation_challenge", challenge_pk=challenge.pk))
    page.get_by_text(f"Mettre en relation {SOLUTION}").click()
    page.locator(f"#introduce-message-{match.pk}").fill("Leur projet à Laval a réduit la facture.")
    shots("introduction-written")
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer la mise en relation").click()
    expect(messages).to_be_visible()

    # Both sides accept; the contacts are then shared.
    for person, contact in ((innovator_a, "514 555-0101"), (city_a_staff, "450 555-0199")):
        act_as(page, live_server, person)
        page.goto(url(live_server, "solutions:introduction_detail", pk=match.pk))
        fill_form(page, {"contact": contact})
        submit(page)
    expect(page.get_by_role("heading", name="Coordonnées")).to_be_visible()
    expect(page.locator("main")).to_contain_text("514 555-0101")
    shots("both-accepted")

    # City A's staff starts the pilot and runs it with an indicator and a measurement.
    click_link(page, "Le jumelage")
    click_link(page, "Démarrer un projet pilote")
    fill_form(page, {"budget": "25000"})
    submit(page)
    expect(messages).to_contain_text("Le projet pilote est créé.")
    click_link(page, "Démarrer")
    submit(page)  # the dates of the steps default to today
    click_link(page, "Ajouter un indicateur")
    fill_form(
        page,
        {
            "name": "Consommation d'électricité",
            "kind": "environmental",
            "unit": "kWh",
            "direction": "decrease",
            "baseline": "12000",
        },
    )
    submit(page)
    expect(messages).to_contain_text("L'indicateur est enregistré.")
    page.get_by_role("link", name="Ajouter une mesure").click()
    fill_form(page, {"measured_on": timezone.localdate().isoformat(), "value": "7800"})
    submit(page)
    expect(messages).to_contain_text("La mesure est enregistrée.")
    shots("running-with-a-measurement")
    click_link(page, "Terminer")
    fill_form(
        page,
        {
            "results_summary": "Un tiers d'électricité en moins.",
            "lessons_learned": "Prévoir l'entretien des détecteurs.",
        },
    )
    submit(page)
    expect(page.locator("main")).to_contain_text("Un tiers d'électricité en moins.")
    shots("completed")
    pilot = PilotProject.objects.get(match=match)
    assert pilot.status == PilotProject.Status.COMPLETED

    # The curator writes the case study from the pilot and publishes it.
    act_as(page, live_server, curator)
    page.goto(live_server.url + pilot.get_absolute_url())
    click_link(page, "Rédiger l'étude de cas")
    shots("case-study-prefilled")
    submit(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Publier").click()
    expect(messages).to_contain_text("L'étude de cas est publiée.")
    study = CaseStudy.objects.get(pilot=pilot)
    assert study.status == CaseStudy.Status.PUBLISHED

    # City B's staff copies it into a new draft challenge of its own.
    act_as(page, live_server, city_b_staff)
    page.goto(live_server.url + study.get_absolute_url())
    results = page.get_by_role(
        "table", name="Indicateurs : valeur de départ, dernière mesure et cible"
    )
    expect(results).to_contain_text("Consommation d'électricité")
    expect(results).to_contain_text("4 200 kWh")  # the gain: 12,000 before, 7,800 after
    shots("case-study-published")
    click_link(page, "Copier cette idée pour ma ville")
    submit(page)
    expect(messages).to_contain_text("Ville de Sherbrooke")
    shots("copied-into-a-draft")
    copy = Challenge.objects.exclude(pk=challenge.pk).get()
    assert copy.status == Challenge.Status.DRAFT
    assert list(copy.owners.all()) == [city_b]
