"""The public catalogue's filters: text, domain, maturity, region served, cities like mine."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from challenges.models import Domain
from challenges.search import text_search
from partners.access import city_organizations
from partners.models import Organization
from solutions.catalogue.models import REGION_PARENTS, Region, SolutionReference, Trl

# Population bands that make two cities "alike" for the purpose of reusing a solution.
POPULATION_BANDS = {
    "small": (0, 10_000),
    "medium": (10_000, 50_000),
    "large": (50_000, 200_000),
    "metro": (200_000, None),
}
SIZE_CHOICES = [
    ("small", gettext_lazy("de moins de 10 000 habitants")),
    ("medium", gettext_lazy("de 10 000 à 49 999 habitants")),
    ("large", gettext_lazy("de 50 000 à 199 999 habitants")),
    ("metro", gettext_lazy("de 200 000 habitants et plus")),
]
MINE = "mine"


def band_of(population: int | None) -> str | None:
    if not population:
        return None
    for band, (low, high) in POPULATION_BANDS.items():
        if population >= low and (high is None or population < high):
            return band
    return None


def region_codes_serving(region: str) -> list[str]:
    """The codes a solution may list to serve `region`: the region itself and broader areas."""
    return [region, *REGION_PARENTS.get(region, [])]


class SolutionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=gettext_lazy("Mots-clés"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 200}),
    )
    domain = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Domaine"),
        field_name="domains",
        to_field_name="slug",
        queryset=Domain.objects.all(),
        empty_label=gettext_lazy("Tous les domaines"),
    )
    trl = django_filters.ChoiceFilter(
        label=gettext_lazy("Maturité minimale"),
        choices=Trl.choices,
        method="filter_trl",
        empty_label=gettext_lazy("Toute maturité"),
    )
    region = django_filters.ChoiceFilter(
        label=gettext_lazy("Région desservie"),
        choices=Region.choices,
        method="filter_region",
        empty_label=gettext_lazy("Toutes les régions"),
    )
    like = django_filters.ChoiceFilter(
        label=gettext_lazy("Déjà déployée ou testée dans une ville"),
        choices=SIZE_CHOICES,
        method="filter_like",
        empty_label=gettext_lazy("Peu importe"),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.my_city = None
        if request is not None:
            cities = [c for c in city_organizations(request.user) if c.population]
            if cities:
                self.my_city = cities[0]
                self.filters["like"].extra["choices"] = [
                    (
                        MINE,
                        _("comme la mienne (%(city)s)") % {"city": self.my_city.name},
                    ),
                    *SIZE_CHOICES,
                ]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return text_search(
            queryset,
            value,
            table="solutions_solution",
            fallback_fields=["name", "summary", "description", "tags"],
        )

    def filter_trl(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(trl__gte=int(value))

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # Region codes are ASCII slugs, so their JSON text is the same on SQLite and PostgreSQL.
        query = Q()
        for code in region_codes_serving(value):
            query |= Q(regions_served__icontains=f'"{code}"')
        return queryset.filter(query)

    def filter_like(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        country = None
        if value == MINE and self.my_city is not None:
            country = self.my_city.country
            value = band_of(self.my_city.population)
        if value not in POPULATION_BANDS:
            return queryset
        low, high = POPULATION_BANDS[value]
        references = SolutionReference.objects.filter(
            solution=OuterRef("pk"),
            organization__kind__in=[Organization.Kind.CITY, Organization.Kind.PARTNER],
            organization__population__gte=low,
        )
        if high is not None:
            references = references.filter(organization__population__lt=high)
        if country:
            references = references.filter(organization__country=country)
        return queryset.filter(Exists(references))
