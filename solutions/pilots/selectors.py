"""Reads of pilot projects, each in a fixed number of queries."""

from django.db.models import Count, Prefetch, QuerySet

from solutions.pilots import access
from solutions.pilots.models import Indicator, Measurement, Milestone, PilotProject

LIMIT = 10


def with_list_data(queryset: QuerySet[PilotProject]) -> QuerySet[PilotProject]:
    return queryset.select_related("challenge", "solution", "city", "innovator")


def pilot_detail(pilot: PilotProject) -> PilotProject:
    """A pilot with its milestones, indicators and their measurements, and its case study."""
    return (
        with_list_data(PilotProject.objects.filter(pk=pilot.pk))
        .select_related("case_study")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "pk")),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("evidence_set_by").prefetch_related(
                    Prefetch(
                        "measurements",
                        queryset=Measurement.objects.select_related("recorded_by"),
                    )
                ),
            ),
        )
        .get()
    )


def pilot_list(user, *, status: str = "", city: str = "") -> QuerySet[PilotProject]:
    queryset = access.pilots_visible_to(user)
    if status in PilotProject.Status.values:
        queryset = queryset.filter(status=status)
    if city:
        queryset = queryset.filter(city__slug=city)
    return (
        with_list_data(queryset)
        .annotate(indicator_count=Count("indicators", distinct=True))
        .order_by("-created_at", "-pk")
    )
