"""Journey (d): the language switch, and the main forms used with the keyboard alone."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from partners.models import User
from tests.security import matrix_solutions as solutions

from .helpers import (
    BROWSER,
    assert_keyboard_reaches_every_field,
    focused,
    log_in,
    log_out,
    sign_in_quickly,
    url,
)
from .i18n import require_english

pytestmark = BROWSER


def html_lang(page: Page) -> str:
    return page.evaluate("() => document.documentElement.lang")


def switch_language(page: Page, button_text: str) -> None:
    with page.expect_navigation():
        page.locator("form.lang-switch button", has_text=button_text).click()


def test_portal_is_french_by_default_and_switches_to_english(page, live_server, shots):
    page.goto(url(live_server, "partners:organization_list"))
    assert html_lang(page) == "fr-CA"
    expect(page.locator("form.lang-switch button")).to_have_text("English")
    expect(page.locator("form.lang-switch button")).to_have_attribute("lang", "en")
    shots("french-by-default")

    switch_language(page, "English")
    assert page.url.endswith("/organizations/"), "the switch keeps the visitor on the same page"
    assert html_lang(page) == "en-CA"
    expect(page.locator("form.lang-switch button")).to_have_text("Français")
    shots("switched-to-english")

    # The choice holds on the next pages of the visit.
    page.goto(url(live_server, "partners:login"))
    assert html_lang(page) == "en-CA"


def test_switching_language_changes_the_page_text(page, live_server, shots):
    log_in_label = require_english("Se connecter")
    skip_label = require_english("Aller au contenu principal")
    page.goto(url(live_server, "home"))
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav.get_by_role("link", name="Se connecter", exact=True)).to_be_visible()
    switch_language(page, "English")
    expect(page.locator(".skip-link")).to_have_text(skip_label)
    expect(page.get_by_role("link", name=log_in_label, exact=True).first).to_be_visible()
    assert page.get_by_role("link", name="Se connecter", exact=True).count() == 0
    shots("english-text")


def test_a_signed_in_persons_language_choice_is_remembered_at_the_next_login(
    page, live_server, browser, innovator_a, shots
):
    log_in(page, live_server, innovator_a.email)
    assert html_lang(page) == "fr-CA"
    switch_language(page, "English")
    assert html_lang(page) == "en-CA"
    innovator_a.refresh_from_db()
    assert innovator_a.language == "en"
    log_out(page)
    shots("logged-out-still-english")

    # Another browser, no cookie and a French Accept-Language: the profile decides.
    other = browser.new_context(locale="fr-CA")
    try:
        fresh = other.new_page()
        log_in(fresh, live_server, innovator_a.email)
        assert html_lang(fresh) == "en-CA"
        assert User.objects.get(pk=innovator_a.pk).language == "en"
        shots("next-login-in-english", page=fresh)
    finally:
        other.close()


# --- Keyboard-only use of the main forms ----------------------------------------------------


def _break_profile_language(page: Page) -> None:
    # Every field of the profile form has a valid value by construction; an unknown language
    # (as a tampered or outdated page would post) is the invalid submission it can receive.
    page.evaluate(
        """() => { const s = document.querySelector('#id_language');
                   s.add(new Option('??', 'xx')); s.value = 'xx'; }"""
    )


@dataclass(frozen=True)
class KeyboardForm:
    name: str  # URL name
    role: str | None  # fixture of the signed-in person, None for a visitor
    make_invalid: Callable[[Page], None] | None = None  # default: submit it empty
    kwargs: Callable[[Callable], dict] = lambda fx: {}  # the URL's, from fixtures


KEYBOARD_FORMS = [
    KeyboardForm("partners:signup", None),
    KeyboardForm("partners:login", None),
    KeyboardForm("partners:profile", "innovator_a", _break_profile_language),
    KeyboardForm("challenges:create", "city_a_staff"),
    KeyboardForm(
        "solutions:create", "innovator_a", kwargs=lambda fx: {"slug": fx("innovator_a_org").slug}
    ),
    KeyboardForm(
        "solutions:propose",
        "innovator_a",
        kwargs=lambda fx: {"challenge_pk": solutions.solution(fx) and solutions.challenge(fx).pk},
    ),
]


@pytest.mark.parametrize("form", KEYBOARD_FORMS, ids=lambda f: f.name)
def test_main_form_works_with_the_keyboard_alone(page, live_server, request, shots, form):
    user = request.getfixturevalue(form.role) if form.role else None
    sign_in_quickly(page.context, live_server, user)
    page.goto(url(live_server, form.name, **form.kwargs(request.getfixturevalue)))
    visited = assert_keyboard_reaches_every_field(page)
    shots("submit-button-focused")
    assert visited[-1]["isSubmit"]

    if form.make_invalid:
        form.make_invalid(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # on the submit button
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    shots("error-summary-focused")

    # The summary's first link takes the keyboard to the field in error.
    page.keyboard.press("Tab")
    link = focused(page)
    assert link["tag"] == "a", link
    target = page.locator("#error-summary a").first.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page.locator(target)).to_be_focused()
