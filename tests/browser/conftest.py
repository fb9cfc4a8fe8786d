"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Locally, without a `chromium` binary, every test here is skipped with a reason; in CI
(`IVEO_REQUIRE_ALL=1`) it fails instead. Never run `playwright install`: we launch the
system browser.
"""

import importlib
import os
import re
import shutil
from pathlib import Path

# Playwright's sync API keeps an event loop running in this thread; the ORM would otherwise
# refuse every query made by the test itself (fixtures, assertions on the database).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402

from tests.conftest import require  # noqa: E402
from tests.security.scenario import *  # noqa: E402,F403 - objects the page list points at

from .helpers import Screenshots  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args():
    require(
        Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK),
        f"needs Chromium at {CHROMIUM} (apt-get install chromium)",
    )
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args():
    # A Quebec visitor: the browser asks for French, as most of the portal's users do.
    return {"locale": "fr-CA", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(autouse=True)
def _plain_http_live_server(settings):
    """The live server speaks plain HTTP: cookies marked Secure would never come back."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    settings.SECURE_SSL_REDIRECT = False
    settings.SECURE_HSTS_SECONDS = 0
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False


@pytest.fixture(autouse=True)
def _domain_taxonomy(request):
    """The domains of the data migration, present in every browser test.

    `serialized_rollback` should give them back after each transactional test, but in a long
    run it sometimes does not (pytest-django #1117, seen here after the accessibility pages):
    a journey would then find no "Mobilité durable" to tick. The migration's own function puts
    them back, idempotently.
    """
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    migration = importlib.import_module("challenges.migrations.0002_initial_domains")
    migration.create_domains(apps, None)


@pytest.fixture
def page(page, live_server):
    """Playwright's page with a short timeout, failing the test on a CSP violation or JS error.

    Our pages have no inline script or style: a "Refused to …" console message means a
    template broke the Content-Security-Policy, which real browsers enforce.
    """
    problems: list[str] = []
    page.set_default_timeout(10_000)
    page.on(
        "console",
        lambda message: problems.append(message.text)
        if message.type == "error"
        and re.search(r"Content Security Policy|Refused to", message.text)
        else None,
    )
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    yield page
    assert problems == [], "the browser reported: " + "; ".join(problems)


@pytest.fixture
def shots(page, request):
    """`shots("step name")` saves a full-page screenshot into test-artifacts/screenshots/."""
    return Screenshots(page, ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name))
