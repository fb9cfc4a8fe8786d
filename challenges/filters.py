"""The catalogue's facets (django-filter). Each facet narrows the others; the sort is applied
by the view, after the facet counts, which do not depend on it."""

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .models import MAX_BUDGET, Challenge
from .search import MAX_QUERY_LENGTH
from .selectors import open_for_proposals_q, search


class Sort:
    NEWEST = "newest"
    DEADLINE = "deadline"
    RELEVANCE = "relevance"
    CHOICES = [
        (NEWEST, _("Les plus récents")),
        (DEADLINE, _("Date limite la plus proche")),
        (RELEVANCE, _("Pertinence")),
    ]


PUBLIC_STATUS_CHOICES = [
    (value, label)
    for value, label in Challenge.Status.choices
    if value in Challenge.PUBLIC_STATUSES
]


def _owners_match(*conditions: Q, **lookup) -> Exists:
    return Exists(
        Challenge.owners.through.objects.filter(*conditions, challenge_id=OuterRef("pk"), **lookup)
    )


class ChallengeFilter(django_filters.FilterSet):
    """Facets that combine (AND between facets, OR between the domains chosen)."""

    q = django_filters.CharFilter(
        label=_("Mots-clés"),
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    domain = django_filters.MultipleChoiceFilter(
        label=_("Domaines"),
        method="filter_domain",
        widget=forms.CheckboxSelectMultiple,
    )
    region = django_filters.CharFilter(label=_("Région"), method="filter_region", max_length=120)
    city = django_filters.CharFilter(label=_("Ville"), method="filter_city", max_length=220)
    status = django_filters.ChoiceFilter(
        label=_("Statut"), choices=PUBLIC_STATUS_CHOICES, empty_label=_("Tous")
    )
    language = django_filters.ChoiceFilter(
        label=_("Langue"), choices=Challenge.Language.choices, empty_label=_("Toutes")
    )
    open = django_filters.BooleanFilter(
        label=_("Ouverts aux propositions seulement"),
        method="filter_open",
        widget=forms.CheckboxInput,
    )
    budget_min = django_filters.NumberFilter(
        label=_("Budget d'au moins"),
        method="filter_budget_min",
        min_value=0,
        max_value=MAX_BUDGET,
    )
    budget_max = django_filters.NumberFilter(
        label=_("Budget d'au plus"),
        method="filter_budget_max",
        min_value=0,
        max_value=MAX_BUDGET,
    )
    currency = django_filters.ChoiceFilter(
        label=_("Devise"), choices=Challenge.Currency.choices, empty_label=_("Toutes")
    )
    sort = django_filters.ChoiceFilter(
        label=_("Trier par"), choices=Sort.CHOICES, method="filter_nothing", empty_label=None
    )

    class Meta:
        model = Challenge
        fields: list[str] = []

    def __init__(self, *args, domain_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["domain"].extra["choices"] = domain_choices
        self.form.fields["domain"].choices = domain_choices
        # An unchecked box means "no filter", not "closed ones only".
        self.form.fields["open"].required = False

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search(queryset, value) if value.strip() else queryset

    def filter_domain(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Exists(
                Challenge.domains.through.objects.filter(
                    challenge_id=OuterRef("pk"), domain__slug__in=value
                )
            )
        )

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        # The exact spelling (the facet's links) OR-ed with any case (typed URLs): the same
        # rows, but the planner estimates the region from its statistics instead of guessing
        # for UPPER(region), and at 100,000 challenges walks the sorted index (10 ms, not 100).
        return queryset.filter(
            _owners_match(Q(organization__region=value) | Q(organization__region__iexact=value))
        )

    def filter_city(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(_owners_match(organization__slug=value)) if value else queryset

    def filter_open(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset.filter(open_for_proposals_q()) if value else queryset

    def filter_budget_min(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # The challenge's range reaches at least this amount.
        return queryset.alias(budget_high=Coalesce(F("budget_max"), F("budget_min"))).filter(
            budget_high__gte=value
        )

    def filter_budget_max(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # The challenge's range starts at or below this amount.
        return queryset.alias(budget_low=Coalesce(F("budget_min"), F("budget_max"))).filter(
            budget_low__lte=value
        )

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset

    def sort_order(self) -> str:
        """The chosen sort; relevance by default when there are words, and only then."""
        self.form.is_valid()  # validates once; invalid fields are left out of cleaned_data
        data = self.form.cleaned_data
        has_text = bool((data.get("q") or "").strip())
        chosen = data.get("sort") or (Sort.RELEVANCE if has_text else Sort.NEWEST)
        if chosen == Sort.RELEVANCE and not has_text:
            return Sort.NEWEST
        return chosen


def apply_sort(queryset: QuerySet, sort: str) -> QuerySet:
    if sort == Sort.RELEVANCE:
        return queryset.order_by("-relevance", "-published_at", "-pk")
    if sort == Sort.DEADLINE:
        return queryset.order_by(
            F("proposals_deadline").asc(nulls_last=True), "-published_at", "-pk"
        )
    return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")
