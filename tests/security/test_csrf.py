"""CSRF: every view that takes a POST refuses one without the token, and writes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from .matrix import (
    LOGIN,
    Writes,
    all_entries,
    check_status,
    database_state,
    post,
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


def drf_checks_csrf(callback) -> bool:
    """Django REST framework marks its views csrf_exempt and checks CSRF itself, in
    SessionAuthentication, for requests signed in by the session cookie; cookie-less schemes
    (token, basic) need no CSRF check. True when every authentication class is one of those."""
    view = getattr(callback, "cls", None)
    try:
        from rest_framework import authentication
        from rest_framework.views import APIView
    except ImportError:
        return False
    if not (isinstance(view, type) and issubclass(view, APIView)):
        return False
    session = authentication.SessionAuthentication
    for auth in view.authentication_classes:
        if issubclass(auth, session):
            if auth.enforce_csrf is not session.enforce_csrf:
                return False
        elif not issubclass(
            auth,
            (authentication.TokenAuthentication, authentication.BasicAuthentication),
        ):
            return False
    return True


def test_only_the_listed_views_are_csrf_exempt():
    exempt = {
        r.name
        for r in project_routes()
        if getattr(r.callback, "csrf_exempt", False) and not drf_checks_csrf(r.callback)
    }
    assert exempt - CSRF_EXEMPT == set(), (
        "csrf_exempt views missing from CSRF_EXEMPT in tests/security/test_csrf.py "
        "(add them with the reason, or drop the exemption)"
    )
    assert CSRF_EXEMPT - exempt == set(), "CSRF_EXEMPT lists views that are no longer exempt"


def poster_role(entry) -> str:
    """The role whose POST gets furthest: one that writes, else one that passes the access
    checks (a form error, a 405…), else any signed-in role."""
    for accepted in (
        lambda e: isinstance(e, Writes),
        lambda e: e not in (LOGIN, 403, 404),
        lambda e: e != LOGIN,
    ):
        for role, expected in entry.post.items():
            if accepted(expected):
                return role
    return "visitor"


@pytest.mark.parametrize("entry", POSTED, ids=lambda e: e.id)
def test_a_post_without_the_csrf_token_is_refused_and_writes_nothing(db, request, entry):
    fx = request.getfixturevalue
    role = poster_role(entry)
    client = Client(enforce_csrf_checks=True)
    if role != "visitor":
        client.force_login(fx(role))
    for name in entry.needs:
        fx(name)
    url = reverse(entry.name, kwargs=entry.kwargs(fx) or None)
    data = entry.data(fx)  # may build the objects it points at: before the snapshot
    before = database_state()

    response = post(client, entry, url, data)
    assert response.status_code == 403, f"POST {url} as {role} without a CSRF token"
    assert state_difference(before, database_state()) == []

    # The same request with the token gets the matrix's answer: the refusal above was the
    # CSRF check. (A fresh body: an uploaded file is read once.)
    # A page with a form sets the CSRF cookie: the sign-in form for a visitor, the sign-out
    # button of every page for a signed-in person.
    client.get(reverse("partners:login" if role == "visitor" else "home"))
    token = client.cookies["csrftoken"].value
    client.defaults["HTTP_X_CSRFTOKEN"] = token  # how scripts and API clients send it
    response = post(client, entry, url, {**entry.data(fx), "csrfmiddlewaretoken": token})
    check_status(response, entry.post[role], f"POST {url} as {role} with the token")
    if isinstance(entry.post[role], Writes):
        assert state_difference(before, database_state()) != []
