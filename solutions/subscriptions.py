"""Alerts: people follow domains, regions, keywords or a saved catalogue search.

The `partners.Subscription` rows hold plain values; this module decides which of them a newly
published challenge fits, and serves the pages where a signed-in person manages them.
Within one alert, each kind of criterion that is filled must fit (a domain AND a region), any
value of a kind is enough (water OR energy). A saved search fits when the catalogue's own
filters, applied to that one challenge, keep it.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from challenges.filters import ChallengeFilter
from challenges.models import Challenge, Domain
from partners.models import Membership, Organization, Subscription, User

from .matching import _singular, tokens

MAX_SUBSCRIPTIONS = 50
MAX_KEYWORDS = 20


def _words(text: str) -> set[str]:
    return {_singular(w) for w in tokens(text)}


def _keyword_fits(keyword: str, words: set[str]) -> bool:
    wanted = _words(keyword)
    return bool(wanted) and wanted <= words


def subscription_fits(subscription: Subscription, challenge: Challenge, facts: dict) -> bool:
    """Does this alert fit the challenge? `facts` comes from `challenge_facts`."""
    if not (
        subscription.domains or subscription.regions or subscription.keywords or subscription.query
    ):
        return False
    if subscription.domains and not facts["domains"] & set(subscription.domains):
        return False
    if subscription.regions and not facts["regions"] & {
        r.strip().lower() for r in subscription.regions
    }:
        return False
    if subscription.keywords and not any(
        _keyword_fits(k, facts["words"]) for k in subscription.keywords
    ):
        return False
    if subscription.query:
        data = QueryDict(subscription.query)
        filterset = ChallengeFilter(
            data,
            queryset=Challenge.objects.filter(pk=challenge.pk),
            domain_choices=facts["domain_choices"],
        )
        if not filterset.is_valid() or not filterset.qs.exists():
            return False
    return True


def challenge_facts(challenge: Challenge) -> dict:
    owners = list(challenge.owners.all())
    return {
        "domains": {d.slug for d in challenge.domains.all()},
        "regions": {o.region.strip().lower() for o in owners if o.region},
        "words": _words(
            " ".join(
                [
                    challenge.title,
                    challenge.summary,
                    challenge.description,
                    *(challenge.tags or []),
                ]
            )
        ),
        "domain_choices": [(d.slug, d.name) for d in Domain.objects.all()],
    }


def subscribers_for(challenge: Challenge) -> list[User]:
    """Active people with at least one alert that fits the challenge and who may see it."""
    facts = challenge_facts(challenge)
    subscriptions = Subscription.objects.filter(user__is_active=True).select_related("user")
    people = {}
    for subscription in subscriptions.iterator(chunk_size=2000):
        if subscription.user_id not in people and subscription_fits(subscription, challenge, facts):
            people[subscription.user_id] = subscription.user
    if challenge.visibility == Challenge.Visibility.NETWORK and people:
        allowed = set(
            User.objects.filter(pk__in=people)
            .filter(
                Q(is_superuser=True)
                | Q(
                    memberships__status=Membership.Status.ACTIVE,
                    memberships__organization__status=Organization.Status.VERIFIED,
                )
            )
            .values_list("pk", flat=True)
        )
        people = {pk: user for pk, user in people.items() if pk in allowed}
    return list(people.values())


# --- Pages ------------------------------------------------------------------------------------


def _list_field(value: str, *, most: int) -> list[str]:
    items = [item.strip() for item in value.replace("\n", ",").split(",") if item.strip()]
    if len(items) > most:
        raise forms.ValidationError(
            _("Au plus %(most)s éléments, séparés par des virgules.") % {"most": most}
        )
    return [item[:80] for item in items]


class SubscriptionForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Nom de l'alerte (facultatif)"),
        max_length=120,
        required=False,
    )
    domains = forms.MultipleChoiceField(
        label=gettext_lazy("Domaines"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.CharField(
        label=gettext_lazy("Régions"),
        required=False,
        max_length=600,
        help_text=gettext_lazy("Séparées par des virgules, p. ex. Estrie, Montérégie."),
    )
    keywords = forms.CharField(
        label=gettext_lazy("Mots-clés"),
        required=False,
        max_length=1000,
        help_text=gettext_lazy(
            "Séparés par des virgules ; un enjeu qui contient tous les mots d'un mot-clé vous est signalé."
        ),
    )
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domains"].choices = [(d.slug, d.name) for d in Domain.objects.all()]

    def clean_regions(self) -> list[str]:
        return _list_field(self.cleaned_data["regions"], most=MAX_KEYWORDS)

    def clean_keywords(self) -> list[str]:
        return _list_field(self.cleaned_data["keywords"], most=MAX_KEYWORDS)

    def clean(self):
        data = super().clean()
        if not any(data.get(f) for f in ("domains", "regions", "keywords", "query")):
            raise forms.ValidationError(
                _("Choisissez au moins un domaine, une région ou un mot-clé.")
            )
        return data


def _query_label(query: str) -> str:
    data = QueryDict(query)
    parts = [data.get("q", "")] + data.getlist("domain") + [data.get("region", "")]
    return " · ".join(p for p in parts if p)


@login_required
@require_http_methods(["GET", "POST"])
def subscription_list(request: HttpRequest) -> HttpResponse:
    initial = {"query": request.GET.get("query", "")[:500]}
    form = SubscriptionForm(request.POST or None, initial=initial)
    subscriptions = list(request.user.subscriptions.all())
    if request.method == "POST" and form.is_valid():
        if len(subscriptions) >= MAX_SUBSCRIPTIONS:
            messages.error(request, _("Vous avez atteint le nombre maximal d'alertes."))
        else:
            data = form.cleaned_data
            Subscription.objects.create(
                user=request.user,
                name=data["name"] or _query_label(data["query"])[:120],
                domains=data["domains"],
                regions=data["regions"],
                keywords=data["keywords"],
                query=data["query"],
            )
            messages.success(request, _("Votre alerte est enregistrée."))
        return redirect("alerts:list")
    domain_names = dict(form.fields["domains"].choices)
    rows = [
        (s, [domain_names.get(d, d) for d in s.domains], _query_label(s.query))
        for s in subscriptions
    ]
    return render(
        request,
        "solutions/subscription_list.html",
        {"form": form, "rows": rows, "saved_search": _query_label(initial["query"])},
    )


@login_required
@require_POST
def subscription_delete(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the owner's alerts: another person's id is a 404.
    subscription = get_object_or_404(Subscription, pk=pk, user=request.user)
    subscription.delete()
    messages.success(request, _("L'alerte est supprimée."))
    return redirect("alerts:list")


app_name = "alerts"
urlpatterns = [
    path("", subscription_list, name="list"),
    path("<int:pk>/delete/", subscription_delete, name="delete"),
]
