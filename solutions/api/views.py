"""Read-only endpoints. Open data for everybody; matches and pilots for curators (token).

The open endpoints serve only what a visitor may see on the portal: published public
challenges, published solutions of verified innovators, verified organisations and published
public case studies. Network-only content never goes through the API, whoever asks.
"""

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers as drf_serializers
from rest_framework import viewsets

from challenges.models import Challenge
from partners.models import Organization
from solutions.api import filters, serializers
from solutions.api.permissions import IsCurator
from solutions.case_studies import access as case_studies_access
from solutions.case_studies.models import CaseStudyCopy
from solutions.catalogue.access import public_solutions
from solutions.catalogue.models import Solution
from solutions.pilots.models import Indicator, Milestone, PilotProject
from solutions.proposals.models import Match

ORG_REF = Prefetch(
    "owners",
    queryset=Organization.objects.only("pk", "slug", "name", "kind", "region", "country"),
)


class _ReadOnly(viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[0-9]+"


class ErrorSerializer(drf_serializers.Serializer):
    detail = drf_serializers.CharField()


NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such object, or a page past the end.")
INVALID_FILTER = OpenApiResponse(
    {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="A filter has an invalid value (messages per parameter).",
)
CURATORS_ONLY = {
    401: OpenApiResponse(ErrorSerializer, description="No or an invalid token."),
    403: OpenApiResponse(ErrorSerializer, description="The token is not a curator's."),
}


def documented(serializer, *, many: str, one: str, curators: bool = False):
    """The summaries and every answer of a list and a detail endpoint, for the schema."""
    extra = CURATORS_ONLY if curators else {}
    return extend_schema_view(
        list=extend_schema(
            summary=many,
            responses={
                200: serializer(many=True),
                400: INVALID_FILTER,
                404: NOT_FOUND,
                **extra,
            },
        ),
        retrieve=extend_schema(summary=one, responses={200: serializer, 404: NOT_FOUND, **extra}),
    )


@documented(
    serializers.ChallengeSerializer,
    many="Published public challenges",
    one="One published public challenge",
)
class ChallengeViewSet(_ReadOnly):
    serializer_class = serializers.ChallengeSerializer
    filterset_class = filters.ChallengeFilter

    def get_queryset(self) -> QuerySet[Challenge]:
        return (
            Challenge.objects.filter(
                status__in=Challenge.PUBLIC_STATUSES,
                visibility=Challenge.Visibility.PUBLIC,
            )
            .prefetch_related(ORG_REF, "domains")
            .order_by("-published_at", "-pk")
        )


@documented(
    serializers.SolutionSerializer,
    many="Published solutions of verified innovators",
    one="One published solution",
)
class SolutionViewSet(_ReadOnly):
    serializer_class = serializers.SolutionSerializer
    filterset_class = filters.SolutionFilter

    def get_queryset(self) -> QuerySet[Solution]:
        return (
            public_solutions()
            .select_related("organization")
            .prefetch_related("domains")
            .order_by("name", "pk")
        )


@documented(
    serializers.OrganizationSerializer,
    many="Verified cities, partners and innovators",
    one="One verified organisation",
)
class OrganizationViewSet(_ReadOnly):
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.OrganizationFilter

    def get_queryset(self) -> QuerySet[Organization]:
        return (
            Organization.objects.filter(status=Organization.Status.VERIFIED)
            .exclude(kind=Organization.Kind.IVEO)
            .order_by("name", "pk")
        )


@documented(
    serializers.CaseStudySerializer,
    many="Published public case studies, with their measured results",
    one="One published public case study",
)
class CaseStudyViewSet(_ReadOnly):
    serializer_class = serializers.CaseStudySerializer
    filterset_class = filters.CaseStudyFilter

    def get_queryset(self):
        return (
            case_studies_access.public_case_studies()
            .select_related(
                "pilot__city", "pilot__innovator", "pilot__solution", "pilot__challenge"
            )
            .prefetch_related(
                "pilot__challenge__domains",
                Prefetch("pilot__indicators", queryset=Indicator.objects.order_by("pk")),
                Prefetch(
                    "copies",
                    queryset=CaseStudyCopy.objects.select_related("city", "challenge"),
                ),
            )
            .order_by("-published_at", "-pk")
        )


@documented(
    serializers.MatchSerializer,
    many="Matches (curators, token authentication)",
    one="One match (curators)",
    curators=True,
)
class MatchViewSet(_ReadOnly):
    serializer_class = serializers.MatchSerializer
    filterset_class = filters.MatchFilter
    permission_classes = [IsCurator]

    def get_queryset(self):
        return Match.objects.order_by("-created_at", "-pk")


@documented(
    serializers.PilotSerializer,
    many="Pilot projects with milestones and indicators (curators)",
    one="One pilot project (curators)",
    curators=True,
)
class PilotViewSet(_ReadOnly):
    serializer_class = serializers.PilotSerializer
    filterset_class = filters.PilotFilter
    permission_classes = [IsCurator]

    def get_queryset(self):
        return (
            PilotProject.objects.select_related("case_study")
            .prefetch_related(
                Prefetch("indicators", queryset=Indicator.objects.order_by("pk")),
                Prefetch("milestones", queryset=Milestone.objects.order_by("due_date", "pk")),
            )
            .order_by("-created_at", "-pk")
        )
