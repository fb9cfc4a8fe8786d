"""Random and hostile bodies posted to the forms of challenges, solutions, proposals and pilots:
never a server error, and never half a write.

One test per form; its examples start from the state the previous ones left (one test
transaction), posted by a role allowed to use the form, so that both the errors and the
successful writes are reached. A form that can succeed only once on an object (proposing a
solution, starting a pilot, submitting a draft…) gets a fresh object for every example, so that
every hostile body meets the form's validation. After each request:
- a refusal (any answer but a redirect) changed no row at all;
- a success left the database whole: the invariants below hold for every row.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import reverse
from hypothesis import event, example, given
from hypothesis import strategies as st

from challenges.models import Challenge, ChallengeStatusChange
from solutions.models import Match, PilotProject
from tests.pilots import objects as pilots
from tests.pilots.builders import completed_pilot, introduced_match, started_pilot
from tests.security import challenge_objects as challenges
from tests.security import matrix_solutions as solutions
from tests.security.matrix import database_state, state_difference
from tests.solutions.helpers import open_challenge, solution_of

from .strategies import form_data

Fixtures = Callable[[str], object]


@dataclass(frozen=True)
class Form:
    name: str
    role: str
    kwargs: Callable[[Fixtures], dict]
    valid: Callable[[Fixtures], dict]  # a body the form accepts (called after kwargs)

    @property
    def id(self) -> str:
        return self.name.replace(":", "-")


def published(fx) -> dict:
    return {"pk": challenges.challenge(fx).pk}


def draft(fx) -> dict:
    return {"pk": challenges.challenge(fx, "draft").pk}


# --- A fresh object for each example --------------------------------------------------------

_serial = itertools.count()


def fresh_draft(fx) -> dict:
    return {
        "pk": open_challenge([fx("city_a")], publish=False, title=f"Brouillon {next(_serial)}").pk
    }


def fresh_solution(fx):
    return solution_of(fx("innovator_a_org"), name=f"Solution {next(_serial)}")


def fresh_match(fx) -> dict:
    return {"match_pk": introduced_match(challenges.challenge(fx), fresh_solution(fx)).pk}


def fresh_pilot(fx, *, completed: bool = False):
    build = completed_pilot if completed else started_pilot
    return build(
        city=fx("city_a"),
        innovator=fx("innovator_a_org"),
        by=fx("curator"),
        title=f"Pilote {next(_serial)}",
    )


PILOT = {
    "title": "Essai",
    "description": "Protocole",
    "budget": "30000",
    "currency": "CAD",
    "paid_by": "city",
    "funding_details": "",
}

FORMS = [
    Form("challenges:create", "city_a_staff", lambda fx: {}, challenges.challenge_form),
    Form("challenges:edit", "city_a_staff", draft, challenges.challenge_form),
    Form(
        "challenges:transition",
        "city_a_staff",
        fresh_draft,
        lambda fx: {"to": "submitted", "comment": "Prêt."},
    ),
    Form("challenges:question_ask", "innovator_a", published, lambda fx: {"text": "Combien ?"}),
    Form(
        "challenges:question_answer",
        "city_a_staff",
        lambda fx: {**published(fx), "question_pk": challenges.question(fx).pk},
        lambda fx: {"answer": "Trois cents."},
    ),
    Form("challenges:update_post", "city_a_staff", published, lambda fx: {"text": "Nouvelle."}),
    Form(
        "solutions:create",
        "innovator_a",
        lambda fx: {"slug": fx("innovator_a_org").slug},
        lambda fx: solutions.SOLUTION_FORM,
    ),
    Form(
        "solutions:edit",
        "innovator_a",
        lambda fx: {"pk": solutions.solution(fx).pk},
        lambda fx: solutions.SOLUTION_FORM,
    ),
    Form(
        "solutions:propose",
        "innovator_a",
        lambda fx: {"challenge_pk": solutions.challenge(fx).pk},
        lambda fx: {**solutions.PITCH, "solution": fresh_solution(fx).pk},
    ),
    Form(
        "solutions:proposal_edit",
        "innovator_a",
        lambda fx: {"pk": solutions.proposal(fx).pk},
        lambda fx: {"pitch": "Une autre version.", "currency": "EUR", "cost_min": "10"},
    ),
    Form(
        "solutions:pilot_start",
        "city_a_staff",
        fresh_match,
        lambda fx: {**PILOT, "city": fx("city_a").pk},
    ),
    Form(
        "solutions:pilot_transition",
        "city_a_staff",
        lambda fx: {"pk": fresh_pilot(fx).pk, "to": "stopped"},
        lambda fx: {"stop_reason": "data", "lessons_learned": "Leçon."},
    ),
    Form(
        "solutions:pilot_indicator_add",
        "city_a_staff",
        lambda fx: {"pk": pilots.pilot(fx).pk},
        lambda fx: {**pilots.INDICATOR_DATA, "baseline": "10", "target": "5"},
    ),
    Form(
        "solutions:pilot_measurement_add",
        "city_a_staff",
        lambda fx: {"pk": pilots.pilot(fx).pk, "indicator_pk": pilots.an_indicator(fx).pk},
        lambda fx: pilots.MEASUREMENT_DATA,
    ),
    Form(
        "solutions:case_study_create",
        "curator",
        lambda fx: {"pk": fresh_pilot(fx, completed=True).pk},
        lambda fx: pilots.CASE_STUDY_DATA,
    ),
]


def assert_whole() -> None:
    """What a write cut in the middle would break."""
    challenges_qs = Challenge.objects.annotate(
        n_owners=Count("owners", distinct=True), n_history=Count("history", distinct=True)
    )
    assert not challenges_qs.filter(Q(n_owners=0) | Q(n_history=0)).exists(), (
        "a challenge without owners or without its history"
    )
    last_change = ChallengeStatusChange.objects.filter(challenge=OuterRef("pk")).order_by("-pk")
    assert not (
        Challenge.objects.annotate(last=Subquery(last_change.values("to_status")[:1]))
        .exclude(status=F("last"))
        .exists()
    ), "a challenge whose status and history disagree"
    assert not Match.objects.filter(
        origin=Match.Origin.INNOVATOR, terms_accepted_at__isnull=True
    ).exists(), "a proposal whose terms were not accepted"
    assert not PilotProject.objects.exclude(match__status=Match.Status.PILOT).exists(), (
        "a pilot whose match is not in pilot"
    )


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
@given(data=st.data())
@example(data=None)  # the valid body: the success path is always reached
def test_hostile_bodies_never_fail_and_never_write_half(db, client, request, form, data):
    fx = request.getfixturevalue
    client.force_login(fx(form.role))
    url = reverse(form.name, kwargs=form.kwargs(fx) or None)
    valid = form.valid(fx)
    body = valid if data is None else data.draw(form_data(valid), label="body")
    before = database_state()

    response = client.post(url, body)

    assert response.status_code < 500, f"{response.status_code} for {body!r}"
    event(f"HTTP {response.status_code}")  # --hypothesis-show-statistics: both paths reached
    if response.status_code != 302:
        changed = state_difference(before, database_state())
        assert changed == [], f"refused with {response.status_code} but wrote {changed}"
    assert_whole()
