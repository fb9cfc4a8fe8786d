"""Who may curate a match, answer an introduction, join a discussion or evaluate a proposal.

Like `solutions.access`, helpers that take an id from the URL return the object only when the
user may act on it and raise `Http404` otherwise, so nobody learns that another city's
introduction or evaluation exists.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from challenges.access import challenge_for_manager, is_owner_staff
from challenges.models import Challenge
from partners.access import innovator_organizations, is_curator
from partners.models import Membership, Organization, User

from .models import EvaluationGrid, Evaluator, Introduction, Match

# Challenges whose matches curators still work on (a challenge in pilot may get more pilots).
CURATABLE_STATUSES = (Challenge.Status.PUBLISHED, Challenge.Status.IN_PILOT)
# Matches an evaluation grid evaluates: what an innovator proposed or a curator retained.
EVALUATED_STATUSES = (
    Match.Status.PROPOSED,
    Match.Status.SHORTLISTED,
    Match.Status.INTRODUCED,
    Match.Status.PILOT,
)
# Matches with an introduction that the parties may still look at.
INTRODUCED_STATUSES = (Match.Status.INTRODUCED, Match.Status.PILOT)


class Side:
    CITY = "city"
    INNOVATOR = "innovator"
    CURATOR = "curator"


def _int(pk) -> int:
    try:
        return int(pk)
    except (TypeError, ValueError):
        raise Http404 from None


def challenge_for_curation(user, pk) -> Challenge:
    """A published (or in-pilot) challenge, for a curator; 404 otherwise."""
    if not is_curator(user):
        raise Http404
    return get_object_or_404(
        Challenge.objects.prefetch_related("owners", "domains"),
        pk=_int(pk),
        status__in=CURATABLE_STATUSES,
    )


def match_for_curator(user, pk) -> Match:
    if not is_curator(user):
        raise Http404
    return get_object_or_404(
        Match.objects.select_related("challenge", "solution__organization"), pk=_int(pk)
    )


def is_innovator_member(user, match: Match) -> bool:
    """A member of the match's innovator, once that innovator is verified."""
    return match.solution.organization_id in {o.pk for o in innovator_organizations(user)}


def match_side(user, match: Match) -> str | None:
    """Which party the user speaks for on this match: the city, the innovator, a curator."""
    if is_owner_staff(user, match.challenge):
        return Side.CITY
    if is_innovator_member(user, match):
        return Side.INNOVATOR
    if is_curator(user):
        return Side.CURATOR
    return None


def introduction_for_participant(user, match_pk) -> tuple[Match, Introduction, str]:
    """The match's latest introduction and the user's side, for its city's staff, the
    innovator's members and curators; 404 for anybody else or when there is none."""
    match = get_object_or_404(
        Match.objects.select_related("challenge", "solution__organization").prefetch_related(
            "challenge__owners"
        ),
        pk=_int(match_pk),
    )
    side = match_side(user, match)
    if side is None:
        raise Http404
    introduction = (
        Introduction.objects.filter(match=match)
        .select_related("introduced_by", "city_answered_by", "innovator_answered_by")
        .first()
    )
    if introduction is None:
        raise Http404
    return match, introduction, side


def can_answer(side: str, introduction: Introduction) -> bool:
    """The city's staff and the innovator's members answer for their side, once."""
    if introduction.closed_at is not None:
        return False
    if introduction.match.status != Match.Status.INTRODUCED:
        return False
    if side == Side.CITY:
        return introduction.city_answer == Introduction.Answer.PENDING
    if side == Side.INNOVATOR:
        return introduction.innovator_answer == Introduction.Answer.PENDING
    return False


def can_discuss(match: Match, introduction: Introduction | None) -> bool:
    """The thread opens once both sides accepted, while the match is introduced or in pilot."""
    return (
        introduction is not None
        and introduction.is_accepted
        and introduction.closed_at is None
        and match.status in INTRODUCED_STATUSES
    )


# --- Evaluation -------------------------------------------------------------------------------


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
        grid__challenge_id=_int(challenge_pk),
        user=user,
    )
    if not is_eligible_evaluator(user, evaluator.grid.challenge):
        raise Http404
    return evaluator


def match_for_evaluator(evaluator: Evaluator, match_pk) -> Match:
    """A proposal of the evaluator's challenge that the grid evaluates; 404 otherwise."""
    return get_object_or_404(
        Match.objects.select_related("solution__organization"),
        pk=_int(match_pk),
        challenge_id=evaluator.grid.challenge_id,
        status__in=EVALUATED_STATUSES,
    )
