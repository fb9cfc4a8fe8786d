"""Random and hostile bodies posted to every pilot and case-study form: never a server error.

Each example starts from the state the previous ones left (one test transaction); the objects
are those of the permission matrix (tests/pilots/objects.py), posted to by a role allowed to.
"""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from tests.fuzz.strategies import form_data

from . import objects

FUZZ = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PILOT_DATA = {
    "title": "Essai",
    "description": "Protocole",
    "start_date": "2025-03-01",
    "end_date": "2025-09-30",
    "budget": "30000",
    "currency": "CAD",
    "paid_by": "city",
    "funding_details": "",
    "results_summary": "",
    "lessons_learned": "",
}

# (URL name, role, kwargs builder, a valid body builder)
FORMS = [
    (
        "pilot_start",
        "curator",
        lambda fx: {"match_pk": objects.start_match(fx).pk},
        lambda fx: {**PILOT_DATA, "city": str(fx("city_a").pk)},
    ),
    ("pilot_edit", "city_a_staff", lambda fx: {"pk": objects.pilot(fx).pk}, lambda fx: PILOT_DATA),
    (
        "pilot_transition",
        "city_a_staff",
        lambda fx: {"pk": objects.pilot(fx).pk, "to": "stopped"},
        lambda fx: {"on": "2025-06-01", "stop_reason": "data", "lessons_learned": "Leçon."},
    ),
    (
        "pilot_milestone_add",
        "city_a_staff",
        lambda fx: {"pk": objects.pilot(fx).pk},
        lambda fx: {"title": "Jalon", "due_date": "2025-05-01", "progress": "50", "note": ""},
    ),
    (
        "pilot_indicator_edit",
        "city_a_staff",
        lambda fx: {"pk": objects.pilot(fx).pk, "indicator_pk": objects.an_indicator(fx).pk},
        lambda fx: {
            **objects.INDICATOR_DATA,
            "custom_unit": "",
            "baseline": "10",
            "target": "5",
            "data_source": "x",
        },
    ),
    (
        "pilot_measurement_add",
        "city_a_staff",
        lambda fx: {"pk": objects.pilot(fx).pk, "indicator_pk": objects.an_indicator(fx).pk},
        lambda fx: {**objects.MEASUREMENT_DATA, "note": ""},
    ),
    (
        "pilot_evidence",
        "curator",
        lambda fx: {"pk": objects.pilot(fx).pk, "indicator_pk": objects.an_indicator(fx).pk},
        lambda fx: {"level": "verified"},
    ),
    (
        "case_study_create",
        "curator",
        lambda fx: {"pk": objects.completed(fx).pk},
        lambda fx: objects.CASE_STUDY_DATA,
    ),
    (
        "case_study_edit",
        "curator",
        lambda fx: {"pk": objects.draft_study(fx).pk},
        lambda fx: objects.CASE_STUDY_DATA,
    ),
    (
        "case_study_copy",
        "city_b_staff",
        lambda fx: {"pk": objects.published_study(fx).pk},
        lambda fx: {"city": str(fx("city_b").pk)},
    ),
    ("impact_api_token", "curator", lambda fx: {}, lambda fx: {"action": "create"}),
]


@pytest.mark.parametrize("name,role,kwargs,valid", FORMS, ids=[f[0] for f in FORMS])
def test_hostile_bodies_never_cause_a_server_error(db, client, request, name, role, kwargs, valid):
    fx = request.getfixturevalue
    client.force_login(fx(role))
    url = reverse(f"solutions:{name}", kwargs=kwargs(fx))
    body = valid(fx)

    @FUZZ
    @given(data=form_data(body))
    def post(data):
        response = client.post(url, data)
        assert response.status_code < 500, f"{response.status_code} for {data!r}"

    post()


@pytest.mark.parametrize(
    "params",
    [
        {"domain": "\x00", "region": "<script>", "year": "1e308"},
        {"year": "99999999999999999999", "region": "x" * 5000},
        {"status": "\x00", "page": "-1"},
    ],
)
def test_hostile_filters_never_cause_a_server_error(client, curator, params):
    client.force_login(curator)
    for name in ("impact_dashboard", "case_study_list", "pilot_list"):
        assert client.get(reverse(f"solutions:{name}"), params).status_code < 500
