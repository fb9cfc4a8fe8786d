"""What every browser journey does: sign in, fill and submit forms, walk with the keyboard.

Journeys of other apps reuse these; keep them free of page-specific knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import BrowserContext, Locator, Page

# Mark a module's tests with `pytestmark = BROWSER`: Chromium, and a live server that sees the
# test's rows (real transactions; serialized_rollback gives the data migrations' rows back).
BROWSER = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's password


@dataclass
class Screenshots:
    """Numbered full-page screenshots of one test's steps, kept as CI artefacts."""

    page: Page
    folder: Path
    taken: list[Path] = field(default_factory=list)

    def __call__(self, step: str, *, page: Page | None = None) -> Path:
        """Save the page (by default the test's `page`; another browser's when given)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{len(self.taken) + 1:02d}-{step}.png"
        (page or self.page).screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        return path


def url(live_server, name: str, **kwargs) -> str:
    return live_server.url + reverse(name, kwargs=kwargs or None)


# --- Signing in -----------------------------------------------------------------------------


def log_in(page: Page, live_server, email: str, password: str = PASSWORD) -> None:
    """Sign in through the login form, as a person would."""
    page.goto(url(live_server, "partners:login"))
    fill_form(page, {"username": email, "password": password})
    submit(page)
    assert "/accounts/login/" not in page.url, f"login failed for {email}: {page.url}"


def log_out(page: Page) -> None:
    with page.expect_navigation():
        page.locator("form[action$='/accounts/logout/'] button").click()


def sign_in_quickly(context: BrowserContext, live_server, user, *, language: str = "") -> None:
    """Put a signed-in session (and a language choice) in the browser without the login form.

    For tests whose subject is a page, not the login: a session made by Django's test client.
    """
    client = Client()
    cookies = []
    if user is not None:
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session})
    if language:
        cookies.append({"name": settings.LANGUAGE_COOKIE_NAME, "value": language})
    if cookies:
        context.add_cookies([{**c, "url": live_server.url} for c in cookies])


def act_as(page: Page, live_server, user) -> None:
    """Hand the browser to another person: their session replaces the current one.

    For journeys with many people, where logging in through the form each time (journeys (a)
    and (b) do) would add nothing but time.
    """
    page.context.clear_cookies()
    sign_in_quickly(page.context, live_server, user)


# --- Forms ----------------------------------------------------------------------------------


def main_form(page: Page) -> Locator:
    """The page's own form (the header's language and logout forms are not in <main>)."""
    return page.locator("main form[method=post]").first


def fill_form(page: Page, values: dict, *, form: Locator | None = None) -> None:
    """Fill fields by their `name`: text, select, radio and checkbox alike."""
    scope = form or main_form(page)
    for name, value in values.items():
        fields = scope.locator(f'[name="{name}"]')
        kind = fields.first.evaluate("el => el.tagName.toLowerCase() + ':' + (el.type || '')")
        if kind.startswith("select"):
            fields.first.select_option(str(value))
        elif kind == "input:radio":
            scope.locator(f'[name="{name}"][value="{value}"]').check()
        elif kind == "input:checkbox":
            fields.first.set_checked(bool(value))
        else:
            fields.first.fill(str(value))


def submit(page: Page, *, form: Locator | None = None) -> None:
    """Click the form's (last) submit button and wait for the next page."""
    scope = form or main_form(page)
    with page.expect_navigation():
        scope.locator("button[type=submit], input[type=submit]").last.click()


def clear_and_submit(page: Page, *, form: Locator | None = None) -> None:
    """Empty every text field of the form and submit it: the form's error state."""
    scope = form or main_form(page)
    scope.evaluate(
        """form => form.querySelectorAll(
               'input[type=text], input[type=email], input[type=password], input[type=url],'
               + 'input[type=number], input[type=search], input:not([type]), textarea'
           ).forEach(el => { el.value = ''; })"""
    )
    submit(page, form=scope)


# --- Keyboard -------------------------------------------------------------------------------

# One name per Tab stop, the same in both scripts below.
_KEY = """const stopKey = el => el.type === 'radio' ? 'radio:' + el.name
  : el.matches('button[type=submit], input[type=submit]') ? 'submit:' + (el.name || el.value || '')
  : (el.id || el.name || el.tagName.toLowerCase());"""

_ACTIVE = (
    """() => {
  """
    + _KEY
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const form = el.closest('main form[method=post]');
  return {
    key: stopKey(el), tag: el.tagName.toLowerCase(), type: el.type || '', id: el.id, name: el.name || '',
    cls: el.className || '', text: (el.innerText || el.value || '').trim().slice(0, 60),
    inMainForm: !!form && form === document.querySelector('main form[method=post]'),
    isSubmit: el.matches('button[type=submit], input[type=submit]'),
    focusVisible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                  || style.boxShadow !== 'none',
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
              && box.left < innerWidth,
  };
}"""
)

_EXPECTED_STOPS = (
    """() => {
  """
    + _KEY
    + """
  const form = document.querySelector('main form[method=post]');
  const seen = new Set();
  const stops = [];
  for (const el of form.querySelectorAll('input, select, textarea, button')) {
    if (el.type === 'hidden' || el.disabled || !el.checkVisibility()) continue;
    // A radio group is one Tab stop; the arrow keys move inside it.
    const key = stopKey(el);
    if (seen.has(key)) continue;
    seen.add(key);
    stops.push(key);
  }
  return stops;
}"""
)


def focused(page: Page) -> dict | None:
    return page.evaluate(_ACTIVE)


def tab_through_main_form(page: Page, *, limit: int = 80) -> list[dict]:
    """Press Tab from where focus is until the main form's submit button has focus.

    Returns every element that received focus on the way, in order.
    """
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element is not None, "Tab left the page before reaching the submit button"
        visited.append(element)
        if element["inMainForm"] and element["isSubmit"]:
            return visited
    raise AssertionError(f"the submit button was not reached in {limit} Tab presses: {visited}")


def expected_tab_stops(page: Page) -> list[str]:
    """The visible controls of the main form, one stop per radio group, in document order."""
    return page.evaluate(_EXPECTED_STOPS)


def assert_skip_link_leads_to_the_content(page: Page) -> None:
    """The first Tab stop is a visible skip link, and Enter on it lands in <main>."""
    page.reload()
    page.keyboard.press("Tab")
    first = focused(page)
    assert first and "skip-link" in first["cls"], (
        f"the first Tab stop is not the skip link: {first}"
    )
    assert first["onScreen"] and first["focusVisible"], "the focused skip link is not visible"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')"), (
        "Tab after the skip link does not go into the page's content"
    )


def assert_keyboard_reaches_every_field(page: Page) -> list[dict]:
    """Skip link first; then from the top, Tab reaches every field of the main form and its
    submit button in order, with a visible focus on everything on the way.

    Leaves the focus on the submit button and returns the elements focused on the way.
    """
    assert_skip_link_leads_to_the_content(page)
    # Focus navigation starts again from the top; the URL keeps the "#main" the skip link
    # added, as a person's would, and the form posts back to it.
    page.reload()
    visited = tab_through_main_form(page)
    in_form = []
    for element in visited:
        # Chromium stops on each part of a date field (day, month, year): one field.
        if element["inMainForm"] and in_form[-1:] != [element["key"]]:
            in_form.append(element["key"])
    expected = expected_tab_stops(page)
    assert [k for k in in_form if k in expected] == expected, (
        f"Tab order in the form: {in_form}, expected {expected}"
    )
    invisible = [e for e in visited if not e["focusVisible"]]
    assert invisible == [], f"focus is not visible on: {invisible}"
    return visited
