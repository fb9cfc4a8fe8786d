"""Who may manage a challenge's evaluation grid, and who may evaluate its proposals."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from challenges.access import challenge_for_manager, is_owner_staff
from challenges.models import Challenge
from partners.access import is_curator, parse_pk
from partners.models import Membership, Organization, User
from solutions.curation.access import EVALUATED_STATUSES
from solutions.evaluations.models import EvaluationGrid, Evaluator
from solutions.proposals.models import Match


def eligible_evaluators(challenge: Challenge) -> QuerySet[User]:
    """The staff of the challenge's verified cities and the curators."""
    return (
        User.objects.filter(
            Q(
                memberships__organization__in=challenge.owners.filter(
                    status=Organization.Status.VERIFIED
                )
            )
            | Q(
                memberships__organization__kind=Organization.Kind.IVEO,
                memberships__organization__status=Organization.Status.VERIFIED,
            ),
            is_active=True,
            memberships__status=Membership.Status.ACTIVE,
        )
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def is_eligible_evaluator(user, challenge: Challenge) -> bool:
    return is_curator(user) or is_owner_staff(user, challenge)


def grid_for_manager(user, challenge_pk) -> tuple[Challenge, EvaluationGrid | None]:
    """The challenge and its grid (None before it is created), for its city's staff and
    curators; 404 for anybody else."""
    challenge = challenge_for_manager(user, challenge_pk)
    grid = EvaluationGrid.objects.filter(challenge=challenge).first()
    if grid is not None:
        grid.challenge = challenge  # with the owners already loaded for the access checks
    return challenge, grid


def evaluator_for_user(user, challenge_pk) -> Evaluator:
    """The user's assignment on this challenge's grid, while they are still eligible; 404
    otherwise (someone who left the city keeps no access to its evaluations)."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    evaluator = get_object_or_404(
        Evaluator.objects.select_related("grid__challenge"),
        grid__challenge_id=parse_pk(challenge_pk),
        user=user,
    )
    if not is_eligible_evaluator(user, evaluator.grid.challenge):
        raise Http404
    return evaluator


def match_for_evaluator(evaluator: Evaluator, match_pk) -> Match:
    """A proposal of the evaluator's challenge that the grid evaluates; 404 otherwise."""
    return get_object_or_404(
        Match.objects.select_related("solution__organization"),
        pk=parse_pk(match_pk),
        challenge_id=evaluator.grid.challenge_id,
        status__in=EVALUATED_STATUSES,
    )
