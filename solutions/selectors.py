"""Reads shared by the views, the dashboards and the matching engine."""

from django.contrib.postgres.search import SearchRank
from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils import timezone

from challenges.access import challenges_visible_to
from challenges.models import Challenge, ChallengeFollow
from challenges.search import bilingual_query, document, is_postgres, words
from partners.models import Organization

from . import access
from .filters import SolutionFilter
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


def open_challenges(user) -> QuerySet[Challenge]:
    """Published challenges the user may see that still take proposals."""
    today = timezone.localdate()
    return challenges_visible_to(user).filter(
        Q(proposals_deadline__isnull=True) | Q(proposals_deadline__gte=today),
        status=Challenge.Status.PUBLISHED,
    )


def challenges_for_solutions(organization: Organization, limit: int = 5) -> list[Challenge]:
    """Open challenges that fit the organisation's published solutions, best first.

    A simple version (the matching engine refines it): on PostgreSQL, any word of the solutions'
    names and tags against the challenges' search vector, ranked, and shared domains; on other
    databases, shared domains only. Challenges the organisation already answered are left out.
    """
    solutions = list(
        Solution.objects.filter(organization=organization, status=Solution.Status.PUBLISHED)
        .prefetch_related("domains")
        .only("pk", "name", "tags")
    )
    if not solutions:
        return []
    domain_ids = {d.pk for s in solutions for d in s.domains.all()}
    text = " ".join([s.name for s in solutions] + [t for s in solutions for t in s.tags])
    today = timezone.localdate()
    queryset = Challenge.objects.filter(
        Q(proposals_deadline__isnull=True) | Q(proposals_deadline__gte=today),
        status=Challenge.Status.PUBLISHED,
    ).exclude(
        Exists(
            Match.objects.filter(
                challenge=OuterRef("pk"),
                solution__organization=organization,
                status__in=[*Match.ACTIVE_PROPOSAL_STATUSES, Match.Status.DECLINED],
            )
        )
    )
    if not organization.is_verified:
        queryset = queryset.filter(visibility=Challenge.Visibility.PUBLIC)
    shared = Coalesce(
        Subquery(
            Challenge.domains.through.objects.filter(
                challenge_id=OuterRef("pk"), domain_id__in=domain_ids
            )
            .values("challenge_id")
            .annotate(n=Count("*"))
            .values("n")[:1]
        ),
        0,
    )
    if is_postgres() and words(text):
        query = bilingual_query(text, any_word=True)
        vector = document("challenges_challenge")
        queryset = (
            queryset.annotate(search_match=vector, shared_domains=shared)
            .filter(Q(search_match=query) | Q(shared_domains__gt=0))
            .annotate(rank=SearchRank(vector, query, normalization=Value(32)))
            .annotate(fit=F("rank") + F("shared_domains") * Value(0.1, output_field=FloatField()))
            .order_by("-fit", "-published_at", "pk")
        )
    else:
        queryset = (
            queryset.annotate(shared_domains=shared)
            .filter(shared_domains__gt=0)
            .order_by("-shared_domains", "-published_at", "pk")
        )
    return list(queryset.prefetch_related("owners")[:limit])


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
