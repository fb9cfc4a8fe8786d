"""The page where a signed-in person lists, adds and deletes the alerts they follow."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partners.models import Subscription
from solutions.alerts.forms import SubscriptionForm
from solutions.alerts.selectors import MAX_SUBSCRIPTIONS


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
        "solutions/alerts/subscription_list.html",
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
