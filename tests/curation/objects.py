"""Curation objects of city A and innovator A, built on demand and reused within one test.

`fx` is `request.getfixturevalue`. The permission matrix (tests/security/matrix_curation.py)
and the accessibility pages (tests/browser/a11y_pages.py) point at these, so that `kwargs` and
`data` of one entry name the same rows.
"""

from django.utils import timezone

from challenges.models import Challenge
from partners.models import Membership, User
from solutions.models import (
    EvaluationCriterion,
    EvaluationGrid,
    EvaluationScore,
    EvaluationSheet,
    Evaluator,
    Introduction,
    Match,
    MatchMessage,
    Solution,
)
from tests.factories import member_of
from tests.solutions.helpers import open_challenge, solution_of


def challenge(fx) -> Challenge:
    title = "Enjeu de la curation"
    return Challenge.objects.filter(title=title).first() or open_challenge(
        [fx("city_a")], title=title
    )


def solution(fx, name: str) -> Solution:
    organization = fx("innovator_a_org")
    found = Solution.objects.filter(organization=organization, name=name).first()
    return found or solution_of(organization, name=name)


def match(fx, name: str, status: str) -> Match:
    found, _created = Match.objects.get_or_create(
        challenge=challenge(fx),
        solution=solution(fx, name),
        defaults={
            "status": status,
            "score": 0.4,
            "reasons": ["même domaine : Mobilité"],
        },
    )
    return found


def introduced(fx, *, accepted: bool = False) -> Match:
    name = "Curation acceptée" if accepted else "Curation en attente"
    introduced_match = match(fx, name, Match.Status.INTRODUCED)
    answers = {}
    if accepted:
        now = timezone.now()
        answers = {
            "city_answer": Introduction.Answer.ACCEPTED,
            "city_answered_by": fx("city_a_staff"),
            "city_answered_at": now,
            "innovator_answer": Introduction.Answer.ACCEPTED,
            "innovator_answered_by": fx("innovator_a"),
            "innovator_answered_at": now,
        }
    Introduction.objects.get_or_create(
        match=introduced_match,
        closed_at=None,
        defaults={"introduced_by": fx("curator"), **answers},
    )
    return introduced_match


def grid(fx) -> EvaluationGrid:
    """A grid of two criteria, evaluated by city A's staff and the curator."""
    found, created = EvaluationGrid.objects.get_or_create(
        challenge=challenge(fx), defaults={"instructions": "Lisez tout."}
    )
    if created:
        EvaluationCriterion.objects.create(grid=found, label="Adéquation", weight=3)
        EvaluationCriterion.objects.create(
            grid=found, label="Déployée", kind=EvaluationCriterion.Kind.YES_NO, weight=1
        )
        for user in (fx("city_a_staff"), fx("curator")):
            Evaluator.objects.create(grid=found, user=user)
        match(fx, "Curation évaluée", Match.Status.SHORTLISTED)
    return found


def colleague(fx) -> User:
    """Another member of city A's staff, not yet an evaluator."""
    found = User.objects.filter(email="collegue@granby.test").first()
    return found or member_of(
        fx("city_a"), email="collegue@granby.test", role=Membership.Role.MEMBER
    )


def sheet_data(fx) -> dict:
    scale, yes_no = grid(fx).criteria.order_by("position", "pk")
    return {
        "conflict": "no",
        f"criterion_{scale.pk}": "4",
        f"criterion_{yes_no.pk}": "1",
        "notes": "Solide.",
    }


def workspace(fx) -> dict:
    """A suggestion, a proposal, a shortlisted and an introduced match on one challenge; the
    (empty) kwargs of the workspace URL."""
    match(fx, "Curation suggérée", Match.Status.SUGGESTED)
    match(fx, "Curation proposée", Match.Status.PROPOSED)
    match(fx, "Curation retenue", Match.Status.SHORTLISTED)
    introduced(fx)
    return {}


def workspace_challenge(fx) -> dict:
    workspace(fx)
    return {"challenge_pk": challenge(fx).pk}


def discussed(fx) -> Match:
    """An accepted introduction with a message from each side."""
    accepted = introduced(fx, accepted=True)
    if not accepted.messages.exists():
        for user, side in (
            (fx("innovator_a"), "innovator"),
            (fx("city_a_staff"), "city"),
        ):
            MatchMessage.objects.create(
                match=accepted,
                author=user,
                author_side=side,
                body="Bonjour, parlons-en.",
            )
    return accepted


def scored_grid(fx) -> EvaluationGrid:
    """The grid, with city A's staff's sheet on the evaluated proposal."""
    found = grid(fx)
    evaluated = match(fx, "Curation évaluée", Match.Status.SHORTLISTED)
    evaluator = found.evaluators.get(user=fx("city_a_staff"))
    sheet, created = EvaluationSheet.objects.get_or_create(evaluator=evaluator, match=evaluated)
    if created:
        for criterion in found.criteria.all():
            EvaluationScore.objects.create(sheet=sheet, criterion=criterion, value=1)
    return found
