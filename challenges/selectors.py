"""Reads of `challenges` shared by views, services and other apps."""

import hashlib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db.models import Case, Count, Prefetch, Q, QuerySet, When
from django.utils import timezone

from partners.access import city_organizations
from partners.caching import content_version
from partners.models import Organization, User
from partners.selectors import organization_members

from .access import (  # noqa: F401 - re-exported: the names other apps use
    challenge_for_editor,
    challenge_for_viewer,
    challenges_visible_to,
    owned_filter,
    visibility_scope,
)
from .models import Challenge, ChallengeStatusChange, Domain
from .search import text_search, text_search_any_word

TABLE = "challenges_challenge"
SEARCH_FALLBACK_FIELDS = ["title", "summary", "description", "tags"]


def challenge_staff(challenge: Challenge) -> list[User]:
    """Active members of the verified cities that own the challenge."""
    return organization_members(challenge.owners.all())


def challenge_followers(challenge: Challenge) -> QuerySet[User]:
    """People following the challenge (reused by matching, proposals and pilots)."""
    return User.objects.filter(is_active=True, challenge_follows__challenge=challenge)


def is_following(user, challenge: Challenge) -> bool:
    return user.is_authenticated and challenge.follows.filter(user=user).exists()


def open_for_proposals_q() -> Q:
    """The database form of `Challenge.is_open_for_proposals`."""
    return Q(status=Challenge.Status.PUBLISHED) & (
        Q(proposals_deadline__isnull=True) | Q(proposals_deadline__gte=timezone.localdate())
    )


def with_list_relations(queryset: QuerySet[Challenge]) -> QuerySet[Challenge]:
    """What a list of challenges shows: owners and domains in two queries, whatever the size."""
    return queryset.prefetch_related(
        Prefetch(
            "owners",
            queryset=Organization.objects.only("pk", "name", "slug", "region", "country"),
        ),
        "domains",
    )


# Long texts a list of challenges never shows: left in the table (and out of the sort).
LIST_DEFERRED = ("description", "gain_economic", "gain_environmental", "gain_social", "terms")


def catalogue_page(queryset: QuerySet[Challenge]) -> QuerySet[Challenge]:
    """A sorted catalogue queryset as its result list shows it (cards)."""
    return with_list_relations(queryset.defer(*LIST_DEFERRED))


def catalogue_queryset(user) -> QuerySet[Challenge]:
    """The challenges of the public catalogue that this user may see."""
    return challenges_visible_to(user).filter(status__in=Challenge.PUBLIC_STATUSES)


def search(queryset: QuerySet[Challenge], text: str) -> QuerySet[Challenge]:
    return text_search(queryset, text, table=TABLE, fallback_fields=SEARCH_FALLBACK_FIELDS)


# --- Cached reads ---------------------------------------------------------------------------
# The catalogue's counts and a challenge's similar challenges scan the whole catalogue (tens of
# milliseconds at 100,000 challenges) for results that change only when the content does. They
# are cached (Django's cache: per process by default, shared when CACHES points to Redis) under
# a key naming everything they depend on: who looks (their visibility scope), the question, the
# day (deadlines) and the version of the content (`partners.caching.content_version`: it moves
# after every committed change of what the portal shows, an organisation renamed or a question
# answered included) with the latest `updated_at` of a challenge, read from its index (bulk
# updates of challenges move it too). Whole pages for visitors not signed in are cached under
# the same version (`partners.caching.public_page_cache`).
CACHE_SECONDS = 300


def catalogue_version() -> str:
    """The version of what the catalogue shows, in one round trip."""
    return content_version(f"SELECT MAX(updated_at) FROM {Challenge._meta.db_table}")


def catalogue_cache_key(kind: str, user, *parts: Any) -> str:
    """The cache key of a `kind` of read for this user's scope, today, at this version."""
    raw = "\x1f".join(
        [visibility_scope(user), timezone.localdate().isoformat(), catalogue_version()]
        + [str(part) for part in parts]
    )
    return f"challenges:{kind}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cached(key: str, compute: Callable[[], Any]) -> Any:
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


# Facets whose counts come from one grouped query over the catalogue's own columns.
COLUMN_FACETS = ("status", "language", "open")


def facet_counts(
    bases: dict[str, QuerySet[Challenge]],
    *,
    status: str | None = None,
    language: str | None = None,
    open_only: bool = False,
) -> dict[str, dict | int]:
    """Counts per value of each facet, and the number of results, in four queries.

    `bases["domain"]`, `bases["region"]` and `bases["city"]` are the catalogue filtered by every
    facet but that one, so that a count says how many results choosing that value would give;
    `bases["columns"]` is the catalogue filtered by every facet but status, language and "open".
    The column facets and the result count are derived from one query grouped by (status,
    language, open or not) over `bases["columns"]`, with the chosen `status`, `language` and
    `open_only`, instead of one scan of the catalogue each: at 100,000 challenges each scan costs
    tens of milliseconds. Domains are counted by id (the caller knows the slugs) and cities by
    organisation without DISTINCT: a challenge has each owner once.
    """
    groups = (
        bases["columns"]
        .order_by()
        .annotate(is_open=Case(When(open_for_proposals_q(), then=True), default=False))
        .values_list("status", "language", "is_open")
        .annotate(n=Count("*"))
    )
    statuses: dict[str, int] = defaultdict(int)
    languages: dict[str, int] = defaultdict(int)
    open_count = total = 0
    for row_status, row_language, row_open, n in groups:
        fits_status = status is None or row_status == status
        fits_language = language is None or row_language == language
        fits_open = row_open or not open_only
        if fits_language and fits_open:
            statuses[row_status] += n
        if fits_status and fits_open:
            languages[row_language] += n
        if fits_status and fits_language:
            open_count += n if row_open else 0
            total += n if fits_open else 0

    def ids(facet: str) -> QuerySet:
        return bases[facet].order_by().values("pk")

    def owners(facet: str) -> QuerySet:
        return Challenge.owners.through.objects.filter(challenge_id__in=ids(facet)).order_by()

    return {
        "domain": dict(
            Challenge.domains.through.objects.filter(challenge_id__in=ids("domain"))
            .order_by()
            .values_list("domain_id")
            .annotate(n=Count("*"))
        ),
        "region": dict(
            owners("region")
            .exclude(organization__region="")
            .values_list("organization__region")
            .annotate(n=Count("challenge_id", distinct=True))
        ),
        "city": {
            slug: (name, n)
            for slug, name, n in sorted(
                owners("city")
                .values_list("organization__slug", "organization__name")
                .annotate(n=Count("*")),
                key=lambda row: (row[1], row[0]),
            )
        },
        "status": dict(statuses),
        "language": dict(languages),
        "open": open_count,
        "total": total,
    }


def similar_challenges(challenge: Challenge, limit: int = 5, *, user=None) -> list[Challenge]:
    """Published challenges of other cities that look like this one, best first.

    Simple for now (shared words of the title and tags, ranked by full-text search); the
    matching engine replaces the internals, keeping the signature. Only challenges visible to
    `user` (to a visitor when None) are returned.
    """
    text = " ".join([challenge.title, *(challenge.tags or [])])
    owners = [o.pk for o in challenge.owners.all()] if challenge.pk else []
    candidates = (
        challenges_visible_to(user)
        .filter(status__in=Challenge.PUBLIC_STATUSES)
        .exclude(pk=challenge.pk)
        .exclude(owners__in=owners)
    )
    if _similar_rankers:
        # The matching engine (registered by `solutions`, which `challenges` may not import);
        # it returns the challenges with their list relations loaded.
        return _similar_rankers[0](challenge, candidates, limit)
    ranked = text_search_any_word(
        candidates, text, table=TABLE, fallback_fields=["title", "tags", "summary"]
    )
    return list(with_list_relations(ranked.order_by("-relevance", "-published_at"))[:limit])


def similar_to_stored(challenge: Challenge, limit: int = 5, *, user=None) -> list[Challenge]:
    """`similar_challenges` of a challenge as stored (its page), cached with their owners and
    domains (see CACHE_SECONDS): the ranking reads the whole catalogue."""
    key = catalogue_cache_key("similar", user, challenge.pk, limit)
    return cached(key, lambda: similar_challenges(challenge, limit, user=user))


# `ranker(challenge, candidates, limit)` returns the best candidates, best first.
SimilarRanker = Callable[[Challenge, QuerySet[Challenge], int], list[Challenge]]
_similar_rankers: list[SimilarRanker] = []


def register_similar_ranker(ranker: SimilarRanker) -> None:
    """Let another app (the matching engine) rank similar challenges."""
    _similar_rankers[:] = [ranker]


# Case studies live in `solutions` (pilots published as case studies); it registers a provider
# here so that a challenge page can show them without `challenges` importing `solutions`.
CaseStudyProvider = Callable[[Challenge, int], list]
_case_study_providers: list[CaseStudyProvider] = []


def register_case_study_provider(provider: CaseStudyProvider) -> None:
    """`provider(challenge, limit)` returns objects with `get_absolute_url()` and `__str__`."""
    if provider not in _case_study_providers:
        _case_study_providers.append(provider)


def similar_case_studies(challenge: Challenge, limit: int = 3) -> list:
    results: list = []
    for provider in _case_study_providers:
        results.extend(provider(challenge, limit))
    return results[:limit]


def history(challenge: Challenge) -> QuerySet[ChallengeStatusChange]:
    return challenge.history.select_related("by")


def review_queue() -> QuerySet[Challenge]:
    """Submitted challenges, oldest submission first, with their last change."""
    return with_list_relations(
        Challenge.objects.filter(status=Challenge.Status.SUBMITTED).order_by("updated_at")
    ).prefetch_related(
        Prefetch("history", queryset=ChallengeStatusChange.objects.select_related("by"))
    )


def last_return(challenge: Challenge) -> ChallengeStatusChange | None:
    """The curator's latest "back to draft" with its comment, if that is the current state."""
    if challenge.status != Challenge.Status.DRAFT:
        return None
    return (
        challenge.history.filter(
            from_status=Challenge.Status.SUBMITTED, to_status=Challenge.Status.DRAFT
        )
        .select_related("by")
        .order_by("-created_at", "-pk")
        .first()
    )


def city_dashboard(user) -> dict | None:
    """The "my challenges" section: counts per status and what needs the user's action."""
    if not city_organizations(user):
        return None
    challenges = Challenge.objects.filter(owned_filter(user))
    counts = dict(challenges.order_by().values_list("status").annotate(n=Count("pk")))
    returned = challenges.filter(
        status=Challenge.Status.DRAFT,
        history__from_status=Challenge.Status.SUBMITTED,
        history__to_status=Challenge.Status.DRAFT,
    ).distinct()
    unanswered = (
        challenges.annotate(n=Count("questions", filter=Q(questions__answered_at__isnull=True)))
        .filter(n__gt=0)
        .order_by("-n", "-updated_at")
    )
    return {
        "counts": [
            (value, label, counts.get(value, 0)) for value, label in Challenge.Status.choices
        ],
        "total": sum(counts.values()),
        "returned": list(returned.order_by("-updated_at")[:10]),
        "drafts": list(
            challenges.filter(status=Challenge.Status.DRAFT)
            .exclude(pk__in=returned.values("pk"))
            .order_by("-updated_at")[:10]
        ),
        "unanswered": list(unanswered[:10]),
    }


def domains() -> list[Domain]:
    return list(Domain.objects.all())
