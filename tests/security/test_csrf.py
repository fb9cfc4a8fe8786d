"""CSRF: every view that takes a POST refuses one without the token, and writes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from .matrix import (
    LOGIN,
    Writes,
    all_entries,
    database_state,
    project_routes,
    state_difference,
)

# Views that accept a POST without a CSRF token, and why. Nothing else may.
CSRF_EXEMPT = {
    # RFC 8058 one-click unsubscribe: the mail client posts without a session or cookie; the
    # signed token in the URL is the credential, and the only effect is fewer e-mails.
    "partners:unsubscribe",
}

POSTED = [e for e in all_entries() if e.post is not None and e.name not in CSRF_EXEMPT]


def test_only_the_listed_views_are_csrf_exempt():
    exempt = {
        r.name for r in project_routes() if getattr(r.callback, "csrf_exempt", False)
    }
    assert exempt == CSRF_EXEMPT


def poster_role(entry) -> str:
    """The role whose POST gets furthest: one that writes, else any not sent to log in."""
    for role, expected in entry.post.items():
        if isinstance(expected, Writes):
            return role
    return next(role for role, expected in entry.post.items() if expected != LOGIN)


@pytest.mark.parametrize("entry", POSTED, ids=lambda e: e.id)
def test_a_post_without_the_csrf_token_is_refused_and_writes_nothing(
    db, request, entry
):
    fx = request.getfixturevalue
    role = poster_role(entry)
    client = Client(enforce_csrf_checks=True)
    if role != "visitor":
        client.force_login(fx(role))
    for name in entry.needs:
        fx(name)
    url = reverse(entry.name, kwargs=entry.kwargs(fx) or None)
    data = entry.data(fx)
    before = database_state()

    response = client.post(url, data)
    assert response.status_code == 403, f"POST {url} as {role} without a CSRF token"
    assert state_difference(before, database_state()) == []

    # The same request with the token goes through: the refusal above was the CSRF check.
    client.get(
        reverse("home")
    )  # every page sets the CSRF cookie (language switch form)
    response = client.post(
        url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )
    assert response.status_code != 403
    if isinstance(entry.post[role], Writes):
        assert state_difference(before, database_state()) != []
