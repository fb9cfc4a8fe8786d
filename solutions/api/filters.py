"""Query filters of the API (django-filter), documented in the OpenAPI schema."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet

from challenges.models import Challenge
from challenges.search import text_search
from challenges.selectors import search as search_challenges
from partners.models import Organization
from solutions.case_studies.models import CaseStudy
from solutions.catalogue.models import Solution
from solutions.pilots.models import PilotProject
from solutions.proposals.models import Match

MAX_ID = 2**63 - 1


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (ids, levels): "1e29" or "4.5" is a 400, never a database overflow."""

    field_class = forms.IntegerField


def _owned_by(field: str, value: str) -> Exists:
    return Exists(
        Challenge.owners.through.objects.filter(challenge_id=OuterRef("pk"), **{field: value})
    )


class ChallengeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, label="Full-text search")
    domain = django_filters.CharFilter(field_name="domains__slug", label="Domain slug")
    city = django_filters.CharFilter(method="filter_city", label="Owner city slug")
    region = django_filters.CharFilter(method="filter_region", label="Owner city region")
    country = django_filters.CharFilter(method="filter_country", label="Owner city country")
    status = django_filters.ChoiceFilter(
        choices=[(s, s) for s in Challenge.PUBLIC_STATUSES], label="Status"
    )
    language = django_filters.ChoiceFilter(choices=Challenge.Language.choices)
    published_after = django_filters.DateFilter(field_name="published_at", lookup_expr="date__gte")
    published_before = django_filters.DateFilter(field_name="published_at", lookup_expr="date__lte")

    class Meta:
        model = Challenge
        fields = ["q", "domain", "city", "region", "country", "status", "language"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search_challenges(queryset, value) if value.strip() else queryset

    def filter_city(self, queryset, name, value):
        return queryset.filter(_owned_by("organization__slug", value))

    def filter_region(self, queryset, name, value):
        return queryset.filter(_owned_by("organization__region__iexact", value))

    def filter_country(self, queryset, name, value):
        return queryset.filter(_owned_by("organization__country__iexact", value))


class SolutionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", max_length=200, label="Full-text search")
    domain = django_filters.CharFilter(field_name="domains__slug", label="Domain slug")
    organization = django_filters.CharFilter(field_name="organization__slug")
    trl_min = IntegerFilter(field_name="trl", lookup_expr="gte", min_value=1, max_value=9)
    language = django_filters.ChoiceFilter(choices=Solution._meta.get_field("language").choices)

    class Meta:
        model = Solution
        fields = ["q", "domain", "organization", "trl_min", "language"]

    def filter_q(self, queryset, name, value):
        if not value.strip():
            return queryset
        return text_search(
            queryset,
            value,
            table="solutions_solution",
            fallback_fields=["name", "summary", "description", "tags"],
        )


class OrganizationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=[(k, k) for k in Organization.Kind.values if k != Organization.Kind.IVEO]
    )
    country = django_filters.CharFilter(lookup_expr="iexact")
    region = django_filters.CharFilter(lookup_expr="iexact")

    class Meta:
        model = Organization
        fields = ["kind", "country", "region"]


class CaseStudyFilter(django_filters.FilterSet):
    domain = django_filters.CharFilter(field_name="pilot__challenge__domains__slug")
    city = django_filters.CharFilter(field_name="pilot__city__slug")
    innovator = django_filters.CharFilter(field_name="pilot__innovator__slug")
    outcome = django_filters.ChoiceFilter(
        field_name="pilot__status",
        choices=[(s, s) for s in PilotProject.ENDED_STATUSES],
    )
    language = django_filters.ChoiceFilter(choices=CaseStudy.Language.choices)

    class Meta:
        model = CaseStudy
        fields = ["domain", "city", "innovator", "outcome", "language"]


class MatchFilter(django_filters.FilterSet):
    challenge = IntegerFilter(field_name="challenge_id", min_value=1, max_value=MAX_ID)
    solution = IntegerFilter(field_name="solution_id", min_value=1, max_value=MAX_ID)
    status = django_filters.ChoiceFilter(choices=Match.Status.choices)
    origin = django_filters.ChoiceFilter(choices=Match.Origin.choices)

    class Meta:
        model = Match
        fields = ["challenge", "solution", "status", "origin"]


class PilotFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=PilotProject.Status.choices)
    city = django_filters.CharFilter(field_name="city__slug")
    innovator = django_filters.CharFilter(field_name="innovator__slug")
    challenge = IntegerFilter(field_name="challenge_id", min_value=1, max_value=MAX_ID)

    class Meta:
        model = PilotProject
        fields = ["status", "city", "innovator", "challenge"]
