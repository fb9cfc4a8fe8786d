"""Permission matrix of the curator workspace, introductions and evaluation (`views_curation`).

Objects belong to city A (the challenge, its evaluation grid) and innovator A (the matched
solutions); see README.md. They are built on demand and reused within one test, so that
`kwargs` and `data` point at the same rows.
"""

from solutions.models import Match
from tests.curation.objects import (
    challenge,
    colleague,
    grid,
    introduced,
    match,
    sheet_data,
    solution,
)

from .matrix import LOGIN, Entry, roles, writes


def challenge_kwargs(fx) -> dict:
    return {"challenge_pk": challenge(fx).pk}


def grid_kwargs(fx) -> dict:
    return {"challenge_pk": grid(fx).challenge_id}


CURATORS_ONLY = roles(403, visitor=LOGIN, curator=200)
CURATOR_POST = roles(403, visitor=LOGIN, curator=writes(302))
CURATOR_POST_GET = roles(403, visitor=LOGIN, curator=405)
PARTIES = roles(404, visitor=LOGIN, city_a_staff=200, innovator_a=200, curator=200)
PARTIES_POST_GET = roles(405, visitor=LOGIN)
MANAGERS = roles(404, visitor=LOGIN, city_a_staff=200, curator=200)
MANAGERS_WRITE = roles(404, visitor=LOGIN, city_a_staff=writes(302), curator=writes(302))
MANAGERS_POST_GET = roles(405, visitor=LOGIN)

ENTRIES = [
    Entry("solutions:curation_workspace", get=CURATORS_ONLY, needs=("curator",)),
    Entry("solutions:curation_challenge", kwargs=challenge_kwargs, get=CURATORS_ONLY),
    Entry(
        "solutions:curation_match_add",
        kwargs=challenge_kwargs,
        get=CURATOR_POST_GET,
        post=CURATOR_POST,
        data=lambda fx: {
            "solution": solution(fx, "Curation ajoutée").pk,
            "note": "Vue à Magog.",
        },
    ),
    Entry(
        "solutions:curation_match_shortlist",
        kwargs=lambda fx: {"pk": match(fx, "Curation suggérée", Match.Status.SUGGESTED).pk},
        get=CURATOR_POST_GET,
        post=CURATOR_POST,
    ),
    Entry(
        "solutions:curation_match_decline",
        kwargs=lambda fx: {"pk": match(fx, "Curation proposée", Match.Status.PROPOSED).pk},
        get=CURATOR_POST_GET,
        post=CURATOR_POST,
        data=lambda fx: {"reason": "La ville cherche autre chose."},
    ),
    Entry(
        "solutions:curation_match_introduce",
        kwargs=lambda fx: {"pk": match(fx, "Curation retenue", Match.Status.SHORTLISTED).pk},
        get=CURATOR_POST_GET,
        post=CURATOR_POST,
        data=lambda fx: {"message": "Vous devriez vous parler."},
    ),
    Entry(
        "solutions:introduction_detail",
        kwargs=lambda fx: {"pk": introduced(fx).pk},
        get=PARTIES,
    ),
    Entry(
        "solutions:introduction_detail",
        label="accepted",
        kwargs=lambda fx: {"pk": introduced(fx, accepted=True).pk},
        get=PARTIES,
    ),
    Entry(
        "solutions:introduction_accept",
        kwargs=lambda fx: {"pk": introduced(fx).pk},
        get=PARTIES_POST_GET,
        # A curator does not answer for either side: the page says so and nothing changes.
        post=roles(
            404,
            visitor=LOGIN,
            city_a_staff=writes(302),
            innovator_a=writes(302),
            curator=302,
        ),
        data=lambda fx: {"contact": "450 555-0101"},
    ),
    Entry(
        "solutions:introduction_refuse",
        kwargs=lambda fx: {"pk": introduced(fx).pk},
        get=PARTIES_POST_GET,
        post=roles(
            404,
            visitor=LOGIN,
            city_a_staff=writes(302),
            innovator_a=writes(302),
            curator=302,
        ),
        data=lambda fx: {"reason": "Pas cette année."},
    ),
    Entry(
        "solutions:introduction_message_post",
        kwargs=lambda fx: {"pk": introduced(fx, accepted=True).pk},
        get=PARTIES_POST_GET,
        post=roles(
            404,
            visitor=LOGIN,
            city_a_staff=writes(302),
            innovator_a=writes(302),
            curator=writes(302),
        ),
        data=lambda fx: {"body": "Bonjour, quand pouvons-nous nous voir ?"},
    ),
    Entry(
        "solutions:introduction_message_post",
        label="pending",
        kwargs=lambda fx: {"pk": introduced(fx).pk},
        get=PARTIES_POST_GET,
        # Before both sides accepted there is no discussion: refused, nothing written.
        post=roles(404, visitor=LOGIN, city_a_staff=302, innovator_a=302, curator=302),
        data=lambda fx: {"body": "Bonjour"},
    ),
    Entry(
        "solutions:evaluation_mine",
        get=roles(200, visitor=LOGIN),
        needs=("city_a_staff",),
    ),
    Entry(
        "solutions:evaluation_grid",
        kwargs=challenge_kwargs,
        label="no grid yet",
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: {"instructions": "Évaluez avant vendredi."},
    ),
    Entry(
        "solutions:evaluation_grid",
        kwargs=grid_kwargs,
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=lambda fx: {"instructions": "Évaluez avant vendredi."},
    ),
    Entry(
        "solutions:evaluation_criterion_add",
        kwargs=grid_kwargs,
        get=MANAGERS_POST_GET,
        post=MANAGERS_WRITE,
        data=lambda fx: {
            "label": "Coût",
            "kind": "scale",
            "scale_max": "5",
            "weight": "2",
        },
    ),
    Entry(
        "solutions:evaluation_criterion_delete",
        kwargs=lambda fx: {
            "challenge_pk": grid(fx).challenge_id,
            "pk": grid(fx).criteria.first().pk,
        },
        get=MANAGERS_POST_GET,
        post=MANAGERS_WRITE,
    ),
    Entry(
        "solutions:evaluation_evaluator_add",
        kwargs=grid_kwargs,
        get=MANAGERS_POST_GET,
        post=MANAGERS_WRITE,
        data=lambda fx: {"user": colleague(fx).pk},
    ),
    Entry(
        "solutions:evaluation_evaluator_remove",
        kwargs=lambda fx: {
            "challenge_pk": grid(fx).challenge_id,
            "pk": grid(fx).evaluators.get(user=fx("curator")).pk,
        },
        get=MANAGERS_POST_GET,
        post=MANAGERS_WRITE,
    ),
    Entry("solutions:evaluation_summary", kwargs=grid_kwargs, get=MANAGERS),
    Entry("solutions:evaluation_board", kwargs=grid_kwargs, get=MANAGERS),
    Entry(
        "solutions:evaluation_sheet",
        kwargs=lambda fx: {
            "challenge_pk": grid(fx).challenge_id,
            "match_pk": match(fx, "Curation évaluée", Match.Status.SHORTLISTED).pk,
        },
        get=MANAGERS,
        post=MANAGERS_WRITE,
        data=sheet_data,
    ),
]
