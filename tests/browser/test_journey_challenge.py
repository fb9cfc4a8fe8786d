"""Journey (a): a city drafts a challenge with an attachment and submits it; a curator sends it
back with a comment; the city fixes it and submits again; the curator publishes it; a visitor
finds it by its domain and by words written with other accents."""

from datetime import timedelta

from django.db import connection
from django.utils import timezone
from playwright.sync_api import Page, expect

from challenges.models import Challenge

from .helpers import BROWSER, fill_form, log_in, log_out, submit, url

pytestmark = BROWSER

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TITLE = "Recharge pour véhicule électrique au centre-ville"


def move_to(page: Page, status: str, *, comment: str = "", within: Page | None = None) -> None:
    """Fill the comment of the transition form to `status` and send it."""
    form = page.locator("form.transition-form", has=page.locator(f'input[value="{status}"]'))
    if comment:
        form.locator("textarea").fill(comment)
    submit(page, form=form)


def test_city_submits_curator_returns_then_publishes_and_a_visitor_finds_it(
    page, live_server, city_a_staff, curator, shots
):
    # City A's staff drafts the challenge, with its specifications as a PDF.
    log_in(page, live_server, city_a_staff.email)
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Enjeux de ma ville"
    ).click()
    page.get_by_role("link", name="Décrire un nouvel enjeu").click()
    fill_form(
        page,
        {
            "title": TITLE,
            "summary": "Des bornes publiques pour les résidents sans garage.",
            "description": "Nous cherchons des **bornes de recharge** sur rue.",
            "tags_text": "recharge, bornes",
            "proposals_deadline": (timezone.localdate() + timedelta(days=45)).isoformat(),
        },
    )
    page.get_by_role("checkbox", name="Mobilité durable").check()
    page.locator('[name="attachment"]').set_input_files(
        {"name": "cahier-des-charges.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    shots("draft-filled")
    submit(page)
    expect(page.locator(".messages")).to_contain_text("Brouillon enregistré")
    expect(page.locator("#attachments")).to_contain_text("cahier-des-charges.pdf")
    shots("draft-saved-with-attachment")
    move_to(page, "submitted")
    expect(page.locator(".messages")).to_contain_text("Soumis")
    log_out(page)

    # The curator sends it back from the review queue, saying what to change.
    log_in(page, live_server, curator.email)
    page.goto(url(live_server, "challenges:review_queue"))
    item = page.locator(".queue-item", has_text=TITLE)
    expect(item).to_contain_text("Ville de Granby")
    shots("review-queue")
    move_to(page, "draft", comment="Précisez le budget maximal, s'il vous plaît.")
    expect(page.locator("main")).to_contain_text("Aucun enjeu n'attend de révision.")
    log_out(page)

    # The city reads the comment from its inbox, fixes the budget and submits again.
    log_in(page, live_server, city_a_staff.email)
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Notifications"
    ).click()
    with page.expect_navigation():
        page.locator(".notifications li", has_text=TITLE).get_by_role("button").click()
    expect(page.locator(".notice")).to_contain_text("Précisez le budget maximal")
    shots("returned-with-comment")
    page.get_by_role("link", name="Modifier l'enjeu").click()
    fill_form(page, {"budget_max": "80000"})
    submit(page)
    expect(page.locator(".messages")).to_contain_text("Enjeu enregistré.")
    move_to(page, "submitted", comment="Budget précisé.")
    shots("resubmitted")
    log_out(page)

    # The curator publishes it.
    log_in(page, live_server, curator.email)
    page.goto(url(live_server, "challenges:review_queue"))
    move_to(page, "published")
    expect(page.locator(".messages")).to_contain_text("Publié")
    log_out(page)
    challenge = Challenge.objects.get(title=TITLE)
    assert challenge.status == Challenge.Status.PUBLISHED
    assert [(c.from_status, c.to_status) for c in challenge.history.order_by("pk")] == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "draft"),
        ("draft", "submitted"),
        ("submitted", "published"),
    ]

    # A visitor finds it by its domain…
    page.goto(url(live_server, "challenges:list"))
    page.get_by_role("checkbox", name="Mobilité durable").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shots("found-by-domain")
    # …and by words: without accents and in the plural on PostgreSQL (its accent-insensitive
    # stemming); the simpler search of the SQLite demo gets the same accents.
    words = "vehicules electriques" if connection.vendor == "postgresql" else "véhicule électrique"
    page.goto(url(live_server, "challenges:list"))
    page.get_by_role("searchbox", name="Rechercher des enjeux par mots-clés").fill(words)
    with page.expect_navigation():
        page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(page.locator("main")).to_contain_text("1 enjeu trouvé")
    shots("found-by-words")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("link", name="cahier-des-charges.pdf")).to_be_visible()
    shots("public-page")
