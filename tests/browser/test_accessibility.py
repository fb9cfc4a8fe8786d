"""axe-core on every page of the list, in French and English, forms also in their error state."""

import pytest
from playwright.sync_api import expect

from .a11y_pages import PAGES
from .axe import assert_no_serious_axe_violations
from .helpers import BROWSER, clear_and_submit, fill_form, sign_in_quickly, submit, url

pytestmark = BROWSER

LANG_ATTRIBUTE = {"fr": "fr-CA", "en": "en-CA"}


def test_the_page_list_has_no_duplicate():
    ids = [p.id for p in PAGES]
    assert len(ids) == len(set(ids)), "two entries share an id: give one a label"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("entry", PAGES, ids=lambda p: p.id)
def test_page_has_no_serious_accessibility_violation(
    page, live_server, request, shots, entry, language
):
    fx = request.getfixturevalue
    for name in entry.needs:
        fx(name)
    kwargs = entry.kwargs(fx)
    sign_in_quickly(
        page.context,
        live_server,
        fx(entry.role) if entry.role else None,
        language=language,
    )
    query = f"?{entry.query}" if entry.query else ""
    response = page.goto(url(live_server, entry.name, **kwargs) + query)
    assert response.ok, f"{entry.id}: HTTP {response.status}"
    assert page.evaluate("() => document.documentElement.lang") == LANG_ATTRIBUTE[language]
    assert_no_serious_axe_violations(page)
    shots(language)
    if entry.submit_empty:
        clear_and_submit(page)
        expect(page.locator("#error-summary")).to_be_visible()
        assert_no_serious_axe_violations(page)
        shots(f"{language}-errors")


def test_the_checker_catches_a_serious_violation(page):
    # The harness itself is tested: an unlabelled field and an image without text must fail.
    page.set_content(
        '<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><main>'
        '<h1>Essai</h1><input type="text" name="q"><img src="data:,"></main></body></html>'
    )
    with pytest.raises(AssertionError, match=r"\[critical\] (label|image-alt)"):
        assert_no_serious_axe_violations(page)


def test_the_vendored_axe_core_is_the_published_file():
    import base64
    import hashlib

    from .axe import AXE_JS

    digest = base64.b64encode(hashlib.sha256(AXE_JS.read_bytes()).digest()).decode()
    assert digest == "KTSJmUUM3yhJqOcLeRL8LahahJ2jnA0NU5T1HUqe2Vw=", "see vendor/README.md"
    assert AXE_JS.read_text(encoding="utf-8").startswith("/*! axe v4.14.1")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_not_found_and_locked_out_pages_have_no_serious_violation(
    page, live_server, innovator_a, shots, language
):
    sign_in_quickly(page.context, live_server, None, language=language)
    response = page.goto(live_server.url + "/no-such-page/")
    assert response.status == 404
    assert_no_serious_axe_violations(page)
    shots(f"{language}-not-found")

    # Five failed logins through the form: django-axes' locked-out page.
    for _ in range(5):
        page.goto(url(live_server, "partners:login"))
        fill_form(page, {"username": innovator_a.email, "password": "wrong"})
        submit(page)
    expect(page.locator("main [role=alert]")).to_be_visible()
    assert_no_serious_axe_violations(page)
    shots(f"{language}-locked-out")
