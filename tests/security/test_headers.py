"""Security headers on every response, and the production settings behind them.

Every response of the permission matrix (all pages, all roles, redirects and refusals
included) goes through `assert_security_headers`; the tests here add what the matrix does not
reach: error pages, HTTPS-only headers, and the settings of a production start.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
UNSAFE_SOURCES = {
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "*",
    "data:",
    "http:",
    "https:",
}


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def assert_security_headers(response) -> None:
    csp = csp_directives(response)
    assert csp, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    scripts = csp.get("script-src", csp.get("default-src"))
    assert scripts is not None, "the CSP does not restrict scripts"
    assert not UNSAFE_SOURCES & set(scripts), f"unsafe script sources in the CSP: {scripts}"
    styles = csp.get("style-src", csp.get("default-src"))
    assert "'unsafe-inline'" not in styles, "inline styles allowed by the CSP"
    assert csp.get("object-src") == ["'none'"]
    assert csp.get("frame-ancestors") == ["'none'"]
    assert csp.get("base-uri") == ["'self'"]
    assert response.headers.get("X-Frame-Options") == "DENY"
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") in {
        "same-origin",
        "strict-origin-when-cross-origin",
        "no-referrer",
    }
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin"


def test_error_pages_carry_the_security_headers(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_https_responses_ask_for_strict_transport_security(client, db):
    response = client.get(reverse("home"), secure=True)
    hsts = response.headers.get("Strict-Transport-Security", "")
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts


def test_session_and_csrf_cookies_are_http_only_or_secure(client, innovator_a):
    response = client.post(
        reverse("partners:login"),
        {"username": innovator_a.email, "password": "correct-horse-battery"},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["secure"] and session["samesite"] == "Lax"
    language = response.cookies["iveo_language"]
    assert language["secure"]


def _production(command: list[str]) -> subprocess.CompletedProcess:
    """Run in a clean environment holding only what a production start must set."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portail.iveo.ca",
    }
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_deploy_check_is_clean_with_only_debug_secret_key_and_allowed_hosts():
    result = _production(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_secure_by_default():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ["
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'LANGUAGE_COOKIE_SECURE', "
        "'SESSION_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', "
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', "
        "'DEBUG', 'AXES_ENABLED', 'AXES_FAILURE_LIMIT']}))"
    )
    result = _production(
        [
            sys.executable,
            "-c",
            f"import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'iveo_portal.settings'; {script}",
        ]
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY",
        "DEBUG": False,
        "AXES_ENABLED": True,
        "AXES_FAILURE_LIMIT": 5,
    }
