"""Reads of the curator workspace and introductions, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
)

from challenges.models import Challenge
from challenges.search import text_search
from challenges.selectors import search as search_challenges
from partners.models import Organization
from solutions.catalogue import access
from solutions.catalogue.models import Solution
from solutions.curation.access import CURATABLE_STATUSES
from solutions.curation.models import Introduction, MatchMessage
from solutions.proposals.models import Match

# What the workspace shows of each challenge: everything still waiting for a decision or alive.
WORKSPACE_STATUSES = (
    Match.Status.SUGGESTED,
    Match.Status.PROPOSED,
    Match.Status.SHORTLISTED,
    Match.Status.INTRODUCED,
    Match.Status.PILOT,
)
PENDING_STATUSES = (Match.Status.SUGGESTED, Match.Status.PROPOSED)


def _matches_with_relations(queryset: QuerySet[Match]) -> QuerySet[Match]:
    return queryset.select_related("solution__organization").prefetch_related(
        Prefetch(
            "introductions",
            queryset=Introduction.objects.filter(closed_at__isnull=True),
            to_attr="open_introductions",
        )
    )


def workspace_challenges(*, query: str = "", pending_only: bool = False) -> QuerySet[Challenge]:
    """Published (and in-pilot) challenges with their live matches, newest first.

    Each challenge carries `curation_matches` (suggestions, proposals and retained matches,
    best score first) with their solution, innovator and open introduction.
    """
    challenges = Challenge.objects.filter(status__in=CURATABLE_STATUSES)
    if pending_only:
        challenges = challenges.filter(
            Exists(Match.objects.filter(challenge=OuterRef("pk"), status__in=PENDING_STATUSES))
        )
    if query:
        challenges = search_challenges(challenges, query).order_by(
            "-relevance", "-published_at", "-pk"
        )
    else:
        challenges = challenges.order_by("-published_at", "-pk")
    return challenges.prefetch_related(
        Prefetch("owners", queryset=Organization.objects.only("pk", "name", "slug")),
        Prefetch(
            "matches",
            queryset=_matches_with_relations(
                Match.objects.filter(status__in=WORKSPACE_STATUSES).order_by("-score", "pk")
            ),
            to_attr="curation_matches",
        ),
    )


@dataclass
class MatchColumns:
    """A challenge's matches as the workspace lays them out, side by side."""

    suggestions: list[Match] = field(default_factory=list)
    proposals: list[Match] = field(default_factory=list)
    retained: list[Match] = field(default_factory=list)
    closed: list[Match] = field(default_factory=list)


def split_matches(matches: list[Match]) -> MatchColumns:
    columns = MatchColumns()
    for match in matches:
        if match.status == Match.Status.SUGGESTED:
            columns.suggestions.append(match)
        elif match.status == Match.Status.PROPOSED:
            columns.proposals.append(match)
        elif match.status in (Match.Status.DECLINED, Match.Status.WITHDRAWN):
            columns.closed.append(match)
        else:
            columns.retained.append(match)
    return columns


def challenge_matches(challenge: Challenge) -> list[Match]:
    """Every match of one challenge, declined and withdrawn ones included."""
    return list(_matches_with_relations(Match.objects.filter(challenge=challenge)))


def workspace_counts() -> dict[str, int]:
    """What waits for curators: organisations, challenges, proposals, unanswered introductions."""
    return {
        "organizations": Organization.objects.filter(status=Organization.Status.PENDING).count(),
        "review": Challenge.objects.filter(status=Challenge.Status.SUBMITTED).count(),
        "proposals": Match.objects.filter(
            status=Match.Status.PROPOSED, challenge__status__in=CURATABLE_STATUSES
        ).count(),
        "introductions": Introduction.objects.filter(closed_at__isnull=True)
        .exclude(
            city_answer=Introduction.Answer.ACCEPTED,
            innovator_answer=Introduction.Answer.ACCEPTED,
        )
        .count(),
    }


def solutions_to_add(challenge: Challenge, query: str) -> QuerySet[Solution]:
    """Catalogue solutions matching `query` that are not yet a live match of the challenge."""
    taken = Match.objects.filter(challenge=challenge, solution=OuterRef("pk")).exclude(
        status=Match.Status.SUGGESTED
    )
    solutions = text_search(
        access.public_solutions(),
        query,
        table="solutions_solution",
        fallback_fields=["name", "summary", "description", "tags"],
    )
    return (
        solutions.exclude(Exists(taken))
        .select_related("organization")
        .order_by("-relevance", "name", "pk")
    )


def thread(match: Match) -> list[MatchMessage]:
    return list(match.messages.select_related("author"))
