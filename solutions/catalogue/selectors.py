"""Reads of the catalogue shared by the views, the dashboards and the matching engine."""

from django.db.models import (
    Prefetch,
    QuerySet,
)
from django.http import HttpRequest

from partners.models import Organization
from solutions.catalogue import access
from solutions.catalogue.filters import SolutionFilter
from solutions.catalogue.models import Solution, SolutionReference

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
