"""Reads shared by the views, the dashboards and the matching engine."""

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import HttpRequest

from challenges.access import challenges_visible_to
from challenges.models import Challenge, ChallengeFollow
from challenges.selectors import open_for_proposals_q, with_list_relations
from partners.models import Organization

from . import access
from .filters import SolutionFilter
from .matching import rank_challenges_for_solutions
from .models import Match, Solution, SolutionReference

CARD_PREFETCH = ("domains",)


def with_card_data(queryset: QuerySet[Solution]) -> QuerySet[Solution]:
    """What a solution card shows, in a fixed number of queries whatever the page size."""
    return queryset.select_related("organization").prefetch_related(*CARD_PREFETCH)


def catalogue(request: HttpRequest) -> tuple[SolutionFilter, QuerySet[Solution]]:
    """The public catalogue, filtered by the request's parameters; best match first."""
    filterset = SolutionFilter(
        request.GET or None, queryset=access.public_solutions(), request=request
    )
    queryset = filterset.qs if filterset.is_bound else filterset.queryset
    if filterset.is_bound and filterset.form.cleaned_data.get("q"):
        queryset = queryset.order_by("-relevance", "name", "pk")
    else:
        queryset = queryset.order_by("-published_at", "name", "pk")
    return filterset, with_card_data(queryset)


def solution_detail(solution: Solution) -> Solution:
    """A solution with what its page shows (domains, references, attachments)."""
    return (
        Solution.objects.select_related("organization")
        .prefetch_related(
            "domains",
            Prefetch(
                "references",
                queryset=SolutionReference.objects.select_related("organization"),
            ),
            "attachments",
        )
        .get(pk=solution.pk)
    )


def solutions_of(organization: Organization, *, include_drafts: bool) -> QuerySet[Solution]:
    queryset = Solution.objects.filter(organization=organization)
    if not include_drafts:
        queryset = queryset.filter(status=Solution.Status.PUBLISHED)
    return with_card_data(queryset.order_by("name", "pk"))


def challenges_for_solutions(organization: Organization, limit: int = 5) -> list[Challenge]:
    """Open challenges that fit the organisation's published solutions, best first.

    Ranked by the matching engine (`solutions.matching`), then challenges in the same domains.
    Challenges the organisation already answered (or was declined on) are left out, and
    network-only ones unless the organisation is verified. A fixed number of queries.
    """
    solutions = list(
        Solution.objects.filter(organization=organization, status=Solution.Status.PUBLISHED)
        .prefetch_related("domains")
        .only("pk", "name", "tags", "summary", "description", "language")
    )
    if not solutions:
        return []
    answered = Match.objects.filter(
        challenge=OuterRef("pk"),
        solution__organization=organization,
        status__in=[*Match.ACTIVE_PROPOSAL_STATUSES, Match.Status.DECLINED],
    )
    candidates = Challenge.objects.filter(open_for_proposals_q()).exclude(Exists(answered))
    if not organization.is_verified:
        candidates = candidates.filter(visibility=Challenge.Visibility.PUBLIC)
    # The matching engine: distinctive words of the solutions (weighted, both languages),
    # shared domains; one ranking query whatever the number of solutions.
    ranked = rank_challenges_for_solutions(solutions, candidates, limit, reasons=False)
    found = [challenge for challenge, _score, _reasons in ranked]
    domain_ids = {d.pk for s in solutions for d in s.domains.all()}
    if len(found) < limit and domain_ids:
        same_domain = (
            candidates.filter(domains__in=domain_ids)
            .exclude(pk__in=[c.pk for c in found])
            .distinct()
            .order_by("-published_at", "pk")
        )
        found += list(with_list_relations(same_domain)[: limit - len(found)])
    return found


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
