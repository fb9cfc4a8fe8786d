"""Random and hostile bodies posted to every curation form: never a server error.

Each example starts from the state the previous ones left (one test transaction); the objects
are those of the permission matrix (tests/curation/objects.py), posted to by a role allowed to.
"""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from solutions.models import Match
from tests.fuzz.strategies import form_data

from . import objects

FUZZ = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# (URL name, role, kwargs builder, a valid body builder)
FORMS = [
    (
        "curation_match_decline",
        "curator",
        lambda fx: {"pk": objects.match(fx, "Curation proposée", Match.Status.PROPOSED).pk},
        lambda fx: {"reason": "Hors sujet.", "next": "/"},
    ),
    (
        "curation_match_introduce",
        "curator",
        lambda fx: {"pk": objects.match(fx, "Curation retenue", Match.Status.SHORTLISTED).pk},
        lambda fx: {"message": "Parlez-vous.", "next": "/"},
    ),
    (
        "curation_match_add",
        "curator",
        lambda fx: {"challenge_pk": objects.challenge(fx).pk},
        lambda fx: {
            "solution": str(objects.solution(fx, "Curation ajoutée").pk),
            "note": "x",
        },
    ),
    (
        "introduction_accept",
        "city_a_staff",
        lambda fx: {"pk": objects.introduced(fx).pk},
        lambda fx: {"contact": "450 555-0101"},
    ),
    (
        "introduction_refuse",
        "innovator_a",
        lambda fx: {"pk": objects.introduced(fx).pk},
        lambda fx: {"reason": "Pas cette année."},
    ),
    (
        "introduction_message_post",
        "innovator_a",
        lambda fx: {"pk": objects.introduced(fx, accepted=True).pk},
        lambda fx: {"body": "Bonjour."},
    ),
    (
        "evaluation_grid",
        "city_a_staff",
        lambda fx: {"challenge_pk": objects.grid(fx).challenge_id},
        lambda fx: {"instructions": "Lisez tout."},
    ),
    (
        "evaluation_criterion_add",
        "city_a_staff",
        lambda fx: {"challenge_pk": objects.grid(fx).challenge_id},
        lambda fx: {
            "label": "Coût",
            "description": "",
            "kind": "scale",
            "scale_max": "5",
            "weight": "2",
        },
    ),
    (
        "evaluation_evaluator_add",
        "curator",
        lambda fx: {"challenge_pk": objects.grid(fx).challenge_id},
        lambda fx: {"user": str(objects.colleague(fx).pk)},
    ),
    (
        "evaluation_sheet",
        "city_a_staff",
        lambda fx: {
            "challenge_pk": objects.grid(fx).challenge_id,
            "match_pk": objects.match(fx, "Curation évaluée", Match.Status.SHORTLISTED).pk,
        },
        objects.sheet_data,
    ),
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
