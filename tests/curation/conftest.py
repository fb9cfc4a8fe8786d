"""A published challenge of city A with an engine suggestion and an innovator's proposal.

Everything is built through the services, the way the portal builds it: the proposal of
innovator A through `proposal_submit`, the suggestion of innovator B's solution as the engine
stores it (a suggested match with a score and reasons).
"""

import html

import pytest

from solutions.curation import services as curation
from solutions.models import Match
from solutions.proposals import services
from tests.solutions import conftest as solutions_fixtures
from tests.solutions.helpers import solution_of

# The published challenge of city A and innovator A's solution, as the solutions tests build them.
challenge = solutions_fixtures.challenge
solution_a = solutions_fixtures.solution_a


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def solution_b(innovator_b_org):
    return solution_of(innovator_b_org, name="Bêta Stationnement")


@pytest.fixture
def proposal(challenge, solution_a, innovator_a):
    """Innovator A proposes its solution on city A's challenge."""
    return services.proposal_submit(
        challenge=challenge,
        solution=solution_a,
        by=innovator_a,
        terms_accepted=True,
        pitch="Des capteurs dans chaque case, reliés à une application.",
    )


@pytest.fixture
def suggestion(challenge, solution_b):
    """The engine's suggestion of innovator B's solution, with its reasons."""
    return Match.objects.create(
        challenge=challenge,
        solution=solution_b,
        origin=Match.Origin.AUTO,
        status=Match.Status.SUGGESTED,
        score=0.42,
        reasons=[
            "mots en commun : stationnement, capteurs",
            "même domaine : Mobilité durable",
        ],
    )


@pytest.fixture
def introduction(proposal, curator):
    """Innovator A's proposal, shortlisted then introduced by a curator."""
    curation.match_shortlist(match=proposal, by=curator)
    return curation.match_introduce(
        match=proposal,
        by=curator,
        message="Votre besoin et leur solution se rejoignent.",
    )


@pytest.fixture
def accepted_introduction(introduction, city_a_staff, innovator_a):
    curation.introduction_accept(
        introduction=introduction, by=city_a_staff, contact="450 555-0101 poste 12"
    )
    return curation.introduction_accept(
        introduction=introduction, by=innovator_a, contact="514 555-0199"
    )
