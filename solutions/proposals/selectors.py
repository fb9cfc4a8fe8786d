"""Reads of proposals and matches: an innovator's proposals, a challenge's matches, the
challenges a city follows with their counts."""

from django.db.models import (
    Count,
    Q,
    QuerySet,
)

from challenges.access import challenges_visible_to
from challenges.models import Challenge, ChallengeFollow
from challenges.selectors import open_for_proposals_q
from partners.models import Organization
from solutions.proposals.models import Match


def open_challenges(user) -> QuerySet[Challenge]:
    """Published challenges the user may see that still take proposals."""
    return challenges_visible_to(user).filter(open_for_proposals_q())


def proposals_of(organizations: list[Organization]) -> QuerySet[Match]:
    """The organisations' proposals (current or withdrawn), latest change first."""
    return (
        Match.objects.filter(solution__organization__in=organizations, proposed_at__isnull=False)
        .select_related("challenge", "solution")
        .order_by("-updated_at", "-pk")
    )


def matches_for_challenge(challenge: Challenge) -> QuerySet[Match]:
    """Proposals first, then the engine's suggestions, with their solutions and innovators."""
    return (
        Match.objects.filter(challenge=challenge)
        .exclude(status=Match.Status.WITHDRAWN)
        .select_related("solution__organization", "proposed_by")
        .order_by("status", "-score", "pk")
    )


def followed_challenges(user, limit: int = 10) -> QuerySet[Challenge]:
    follows = ChallengeFollow.objects.filter(user=user).values("challenge_id")
    return (
        challenges_visible_to(user).filter(pk__in=follows).order_by("-published_at", "pk")[:limit]
    )


def city_challenges_with_counts(cities: list[Organization]) -> QuerySet[Challenge]:
    """The cities' challenges still in play, with their counts of proposals and matches."""
    return (
        Challenge.objects.filter(owners__in=cities)
        .exclude(status=Challenge.Status.ARCHIVED)
        .annotate(
            proposal_count=Count(
                "matches",
                filter=Q(matches__status__in=Match.ACTIVE_PROPOSAL_STATUSES),
                distinct=True,
            ),
            new_proposal_count=Count(
                "matches",
                filter=Q(matches__status=Match.Status.PROPOSED),
                distinct=True,
            ),
            match_count=Count(
                "matches",
                filter=~Q(matches__status__in=[Match.Status.WITHDRAWN, Match.Status.DECLINED]),
                distinct=True,
            ),
        )
        .distinct()
        .order_by("-updated_at", "-pk")
    )
