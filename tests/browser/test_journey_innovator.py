"""Journey (b): an innovator signs up and is verified by a curator; it follows a domain, a
challenge of that domain is published, the innovator sees the notification and proposes."""

from playwright.sync_api import expect

from challenges.services import challenge_publish, challenge_transition
from partners.models import Organization
from solutions.models import Match
from tests.solutions.helpers import open_challenge, solution_of

from .helpers import BROWSER, fill_form, log_in, log_out, submit

pytestmark = BROWSER

INNOVATOR = {
    "first_name": "Inès",
    "last_name": "Lavoie",
    "email": "ines@capteurs-lavoie.test",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "language": "fr",
    "choice": "create",
    "organization_kind": "innovator",
    "organization_name": "Capteurs Lavoie inc.",
    "organization_region": "Estrie",
    "organization_country": "CA",
    "organization_website": "https://capteurs-lavoie.test",
}


def test_innovator_signs_up_is_verified_follows_a_domain_is_notified_and_proposes(
    page, live_server, curator, city_a, mailoutbox, shots
):
    # The innovator finds the sign-up page from the home page and registers a company.
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="S'inscrire"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("S'inscrire")
    fill_form(page, INNOVATOR)
    shots("sign-up-filled")
    submit(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Inès")
    expect(page.locator("main")).to_contain_text("IVÉO vérifie votre organisation")
    expect(page.locator("main .status").first).to_have_text("En attente de vérification")
    shots("dashboard-pending")
    log_out(page)

    # A curator finds the new organisation in the curation queue and verifies it.
    log_in(page, live_server, curator.email)
    # From the dashboard, the way to the organisations waiting for a curator.
    page.get_by_role("main").get_by_role("link", name="Organisations à vérifier").click()
    card = page.locator(".card", has_text="Capteurs Lavoie inc.")
    expect(card).to_contain_text("ines@capteurs-lavoie.test")
    shots("curation-queue")
    with page.expect_navigation():
        card.get_by_role("button", name="Vérifier Capteurs Lavoie inc.").click()
    expect(page.locator(".messages")).to_contain_text("Capteurs Lavoie inc. est vérifiée.")
    expect(page.locator("main")).to_contain_text("Aucune organisation n'attend de vérification.")
    shots("verified-by-curator")
    log_out(page)
    assert Organization.objects.get(name="Capteurs Lavoie inc.").is_verified

    # The innovator signs in again: verified, told in the inbox and by e-mail.
    log_in(page, live_server, INNOVATOR["email"], INNOVATOR["password1"])
    expect(page.locator("main .status").first).to_have_text("Vérifiée")
    expect(page.locator("main")).not_to_contain_text("IVÉO vérifie votre organisation")
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav.locator(".badge")).to_have_text("1 non lue")
    shots("dashboard-verified")
    nav.get_by_role("link", name="Notifications").click()
    expect(page.locator(".notifications li").first).to_contain_text("Capteurs Lavoie inc.")
    shots("notification")
    verified_mail = [m for m in mailoutbox if m.to == [INNOVATOR["email"]]]
    assert len(verified_mail) == 1 and "Capteurs Lavoie inc." in verified_mail[0].subject

    # The innovator follows a domain from its dashboard.
    nav.get_by_role("link", name="Tableau de bord").click()
    page.get_by_role("link", name="Mes alertes").click()
    page.get_by_role("checkbox", name="Mobilité durable").check()
    fill_form(page, {"name": "Mobilité"})
    shots("alert-filled")
    submit(page)
    expect(page.locator(".messages")).to_contain_text("Votre alerte est enregistrée.")
    expect(page.get_by_role("table", name="Vos alertes")).to_contain_text("Mobilité durable")
    shots("alert-saved")

    # A city's challenge of the followed domain is published by a curator (journey (a) does
    # it in the browser).
    challenge = open_challenge(
        [city_a], publish=False, title="Bornes de recharge à Granby", domains=["mobility"]
    )
    challenge_transition(challenge=challenge, to="submitted", by=None)
    challenge_publish(challenge=challenge, by=curator)

    # The innovator sees it in the inbox, opens it and proposes its solution.
    page.reload()
    # The verification's notice is still unread; the alert makes one more.
    expect(nav.locator(".badge")).to_have_text("2 non lues")
    nav.get_by_role("link", name="Notifications").click()
    notification = page.locator(".notifications li", has_text="Bornes de recharge à Granby")
    expect(notification).to_contain_text("Nouvel enjeu pour votre alerte")
    shots("notified")
    # Its catalogue entry is not this journey's subject: it is there when it proposes.
    solution_of(Organization.objects.get(name="Capteurs Lavoie inc."), name="Borne Lavoie")
    with page.expect_navigation():
        notification.get_by_role("button").click()
    page.get_by_role("link", name="Proposer une solution").click()
    fill_form(
        page,
        {"pitch": "Nos bornes se posent en une journée.", "accept_terms": True},
    )
    page.get_by_role("combobox", name="Solution proposée").select_option(label="Borne Lavoie")
    shots("proposal-filled")
    submit(page)
    expect(page.locator(".messages")).to_contain_text("Votre proposition est envoyée")
    shots("proposed")
    proposal = Match.objects.get(challenge=challenge, solution__name="Borne Lavoie")
    assert proposal.status == Match.Status.PROPOSED
    assert proposal.pitch == "Nos bornes se posent en une journée."
