"""Every URL of the project, as every role: the expected status, and refusals change nothing.

The expectations live in matrix_<app>.py; this file only runs them.
"""

import pytest
from django.urls import reverse

from .matrix import (
    ROLES,
    Writes,
    all_entries,
    check_status,
    database_state,
    post,
    project_routes,
    state_difference,
)
from .test_headers import assert_security_headers

ENTRIES = all_entries()


def test_every_url_pattern_of_the_project_has_an_entry():
    routes = project_routes()
    unnamed = [r.route for r in routes if not r.name]
    assert unnamed == [], f"give these URL patterns a name (the matrix refers to names): {unnamed}"
    covered = {entry.name for entry in ENTRIES}
    missing = sorted({r.name for r in routes} - covered)
    assert missing == [], (
        "URL patterns without an entry in tests/security/matrix_<app>.py (see README.md): "
        + ", ".join(missing)
    )


def test_every_entry_names_an_existing_url_pattern_and_every_role():
    names = {r.name for r in project_routes()}
    stale = sorted({e.name for e in ENTRIES} - names)
    assert stale == [], f"entries for URL names that no longer exist: {stale}"
    ids = [e.id for e in ENTRIES]
    assert len(ids) == len(set(ids)), "two entries of one URL name need different labels"
    for entry in ENTRIES:
        for expectations in (entry.get, entry.post):
            assert expectations is None or set(expectations) == set(ROLES), (
                f"{entry.id}: give every role an expectation"
            )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_permission_matrix(client, db, request, entry, role):
    fx = request.getfixturevalue
    if role != "visitor":
        client.force_login(fx(role))
    for name in entry.needs:
        fx(name)
    url = reverse(entry.name, kwargs=entry.kwargs(fx) or None)
    data = entry.data(fx)

    before = database_state()
    response = client.get(url)
    check_status(response, entry.get[role], f"GET {url} as {role}")
    assert_security_headers(response)
    assert state_difference(before, database_state()) == [], f"GET {url} as {role} wrote"

    expected = entry.post[role] if entry.post else None
    response = post(client, entry, url, data)
    assert response.status_code < 500
    changed = state_difference(before, database_state())
    if expected is None:
        assert changed == [], f"POST to the read-only {url} as {role} wrote: {changed}"
        return
    check_status(response, expected, f"POST {url} as {role}")
    if isinstance(expected, Writes):
        assert changed, f"POST {url} as {role} was expected to write and changed nothing"
    else:
        assert changed == [], f"POST {url} as {role} was refused but wrote: {changed}"
