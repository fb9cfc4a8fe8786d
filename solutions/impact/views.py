"""The impact dashboard page and the token that reads its API."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from rest_framework.authtoken.models import Token

from partners.access import curator_required
from solutions.impact import charts as impact_charts
from solutions.impact import selectors as impact_selectors
from solutions.impact import services as impact
from solutions.impact.forms import ImpactFilterForm


def _charts(tables: list) -> list[tuple]:
    return [(table, impact_charts.bar_chart(table)) for table in tables]


@require_GET
def impact_dashboard(request: HttpRequest) -> HttpResponse:
    choices = impact_selectors.filter_choices()
    form = ImpactFilterForm(request.GET or None, **choices)
    filters = form.filters()
    scope = impact_selectors.scope_of(request.user)
    key = impact.snapshot_key(scope, language=get_language(), **filters)
    snapshot = impact.snapshot_get(key)
    if snapshot is None:
        data = impact.impact_dashboard(request.user, years=choices["years"], **filters)
        tables = data["tables"]
        pilot_tables = [tables["pilots"]]
        if data["scope"] == "curator":
            pilot_tables += [data["stop_reasons"], data["evidence"]]
        html = render_to_string(
            "solutions/impact/impact_body.html",
            {
                "data": data,
                "challenge_charts": _charts(
                    [tables["challenges_year"], tables["challenges_domain"], tables["engagement"]]
                ),
                "pilot_charts": _charts(pilot_tables),
                "gain_charts": _charts(data["gain_charts"]),
            },
        )
        snapshot = impact.snapshot_put(key, html)
    return render(
        request,
        "solutions/impact/impact_dashboard.html",
        {
            "form": form,
            "scope": scope,
            "body": mark_safe(snapshot.html),  # noqa: S308 - our own template's output
            "computed_at": snapshot.computed_at,
        },
    )


@never_cache
@curator_required
@require_http_methods(["GET", "POST"])
def impact_api_token(request: HttpRequest) -> HttpResponse:
    """A curator's token for the API's curator endpoints (matches, pilots)."""
    token = Token.objects.filter(user=request.user).first()
    if request.method == "POST":
        if token is not None:
            token.delete()
        token = None
        if request.POST.get("action") != "revoke":
            token = Token.objects.create(user=request.user)
            messages.success(
                request,
                _("Votre nouveau jeton est prêt ; l'ancien ne fonctionne plus."),
            )
        else:
            messages.success(request, _("Votre jeton est révoqué."))
        return redirect("solutions:impact_api_token")
    return render(request, "solutions/impact/impact_api_token.html", {"token": token})
