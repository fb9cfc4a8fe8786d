"""Views of pilot projects and the curators' exports of pilots and indicators.

Each view checks access through `solutions.pilots.access`, validates a form, calls one service
of `solutions.pilots.services` and redirects, or renders."""

import csv
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from challenges.access import can_view as can_view_challenge
from challenges.markdown import render_markdown
from partners.access import curator_required, is_curator
from partners.utils import add_errors, posted_data, querystring_without_page
from solutions.case_studies import selectors as case_studies_selectors
from solutions.pilots import access as pilots_access
from solutions.pilots import selectors as pilots_selectors
from solutions.pilots import services as pilots
from solutions.pilots.forms import (
    EvidenceForm,
    IndicatorForm,
    MeasurementForm,
    MilestoneForm,
    PilotForm,
    PilotStartForm,
    PilotTransitionForm,
)
from solutions.pilots.models import EvidenceLevel, Indicator, Measurement, Milestone, PilotProject

PAGE_SIZE = 20


@login_required
@require_GET
def pilot_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    queryset = pilots_selectors.pilot_list(request.user, status=status)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/pilots/pilot_list.html",
        {
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
            "status": status,
            "statuses": PilotProject.Status.choices,
            "curator": is_curator(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def pilot_start(request: HttpRequest, match_pk: int) -> HttpResponse:
    match = pilots_access.match_for_pilot_start(request.user, match_pk)
    existing = PilotProject.objects.filter(match=match).first()
    if existing is not None:
        return redirect(existing)
    cities = match.challenge.owners.all()
    if not is_curator(request.user):
        cities = cities.filter(
            pk__in=[o.pk for o in case_studies_selectors.copy_cities(request.user)]
        )
    form = PilotStartForm(
        posted_data(request),
        cities=cities,
        initial={"currency": match.challenge.currency, "budget": match.cost_max},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        city = data.pop("city")
        if not data.get("title"):
            data.pop("title", None)
        try:
            pilot = pilots.pilot_start(match=match, by=request.user, city=city, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Le projet pilote est créé."))
            return redirect(pilot)
    return render(request, "solutions/pilots/pilot_start.html", {"form": form, "match": match})


@login_required
@require_GET
def pilot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = pilots_selectors.pilot_detail(pilots_access.pilot_for_viewer(request.user, pk))
    can_manage = pilots_access.can_manage_pilot(request.user, pilot)
    curator = is_curator(request.user)
    case_study = getattr(pilot, "case_study", None)
    return render(
        request,
        "solutions/pilots/pilot_detail.html",
        {
            "pilot": pilot,
            "description_html": render_markdown(pilot.description),
            "can_manage": can_manage,
            "curator": curator,
            "transitions": [
                (to, PilotProject.Status(to).label)
                for to in pilots.allowed_pilot_transitions(pilot, request.user)
            ],
            "evidence_levels": EvidenceLevel.choices,
            "case_study": case_study,
            "can_create_case_study": curator and pilot.is_ended and case_study is None,
            "challenge_visible": can_view_challenge(request.user, pilot.challenge),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def pilot_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    form = PilotForm(posted_data(request), instance=pilot)
    if request.method == "POST" and form.is_valid():
        try:
            pilots.pilot_update(
                pilot=pilot,
                by=request.user,
                **{name: form.cleaned_data[name] for name in PilotForm.Meta.fields},
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Le projet pilote est enregistré."))
            return redirect(pilot)
    return render(
        request,
        "solutions/pilots/pilot_form.html",
        {"form": form, "pilot": pilot, "heading": _("Modifier le projet pilote")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pilot_transition(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    if to not in pilots.allowed_pilot_transitions(pilot, request.user):
        raise Http404
    form = PilotTransitionForm(
        posted_data(request),
        to=to,
        initial={
            "lessons_learned": pilot.lessons_learned,
            "results_summary": pilot.results_summary,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pilots.pilot_transition(
                pilot=pilot,
                to=to,
                by=request.user,
                on=data.get("on"),
                stop_reason=data.get("stop_reason", ""),
                lessons_learned=data.get("lessons_learned"),
                results_summary=data.get("results_summary"),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Le projet pilote est maintenant « %(status)s ».")
                % {"status": PilotProject.Status(to).label},
            )
            return redirect(pilot)
    return render(
        request,
        "solutions/pilots/pilot_transition.html",
        {
            "form": form,
            "pilot": pilot,
            "to": to,
            "to_label": PilotProject.Status(to).label,
        },
    )


def _child_page(
    request: HttpRequest,
    *,
    pilot: PilotProject,
    form,
    save,
    template: str,
    success: str,
    **context,
) -> HttpResponse:
    """The form page of a milestone, an indicator or a measurement of a pilot."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(pilot)
    return render(request, template, {"form": form, "pilot": pilot, **context})


@login_required
@require_http_methods(["GET", "POST"])
def pilot_milestone(request: HttpRequest, pk: int, milestone_pk: int | None = None):
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, pilot=pilot) if milestone_pk else None
    form = MilestoneForm(posted_data(request), instance=milestone)
    return _child_page(
        request,
        pilot=pilot,
        form=form,
        save=lambda data: pilots.milestone_save(
            pilot=pilot, by=request.user, milestone=milestone, **data
        ),
        template="solutions/pilots/pilot_form.html",
        success=_("Le jalon est enregistré."),
        heading=_("Modifier un jalon") if milestone else _("Ajouter un jalon"),
        milestone=milestone,
    )


@login_required
@require_POST
def pilot_milestone_delete(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, pilot=pilot)
    pilots.milestone_delete(milestone=milestone, by=request.user)
    messages.success(request, _("Le jalon est supprimé."))
    return redirect(pilot)


@login_required
@require_http_methods(["GET", "POST"])
def pilot_indicator(request: HttpRequest, pk: int, indicator_pk: int | None = None):
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, pilot=pilot) if indicator_pk else None
    form = IndicatorForm(posted_data(request), instance=indicator)
    return _child_page(
        request,
        pilot=pilot,
        form=form,
        save=lambda data: pilots.indicator_save(
            pilot=pilot, by=request.user, indicator=indicator, **data
        ),
        template="solutions/pilots/pilot_indicator_form.html",
        success=_("L'indicateur est enregistré."),
        heading=_("Modifier un indicateur") if indicator else _("Ajouter un indicateur"),
        indicator=indicator,
        curator=is_curator(request.user),
    )


@login_required
@require_POST
def pilot_indicator_delete(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, pilot=pilot)
    pilots.indicator_delete(indicator=indicator, by=request.user)
    messages.success(request, _("L'indicateur est supprimé."))
    return redirect(pilot)


@login_required
@require_http_methods(["GET", "POST"])
def pilot_measurement(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, pilot=pilot)
    form = MeasurementForm(posted_data(request), initial={"measured_on": timezone.localdate()})
    return _child_page(
        request,
        pilot=pilot,
        form=form,
        save=lambda data: pilots.measurement_add(indicator=indicator, by=request.user, **data),
        template="solutions/pilots/pilot_measurement_form.html",
        success=_("La mesure est enregistrée."),
        heading=_("Nouvelle mesure : %(name)s") % {"name": indicator.name},
        indicator=indicator,
    )


@login_required
@require_POST
def pilot_measurement_delete(
    request: HttpRequest, pk: int, indicator_pk: int, measurement_pk: int
) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    measurement = get_object_or_404(
        Measurement,
        pk=measurement_pk,
        indicator_id=indicator_pk,
        indicator__pilot=pilot,
    )
    pilots.measurement_delete(measurement=measurement, by=request.user)
    messages.success(request, _("La mesure est supprimée."))
    return redirect(pilot)


@curator_required
@require_POST
def pilot_evidence(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, pilot=pilot)
    form = EvidenceForm(request.POST)
    if form.is_valid():
        pilots.indicator_set_evidence(
            indicator=indicator, by=request.user, level=form.cleaned_data["level"]
        )
        messages.success(request, _("Le niveau de preuve est enregistré."))
    else:
        messages.error(request, _("Niveau de preuve inconnu."))
    return redirect(pilot)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_cell(value) -> str:
    # A spreadsheet would run a cell starting with one of these as a formula.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_response(rows: Iterable[list], name: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        ("\ufeff" if i == 0 else "") + writer.writerow([_csv_cell(v) for v in row])
        for i, row in enumerate(rows)
    )
    response["Content-Type"] = "text/csv; charset=utf-8"
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response


@curator_required
@require_GET
def pilot_export(request: HttpRequest) -> StreamingHttpResponse:
    """Every pilot, one row each, for curators."""
    header = [
        _("identifiant"),
        _("titre"),
        _("statut"),
        _("enjeu"),
        _("ville"),
        _("innovateur"),
        _("solution"),
        _("début"),
        _("fin"),
        _("budget"),
        _("devise"),
        _("qui paie"),
        _("motif de l'arrêt"),
        _("leçons apprises"),
        _("indicateurs"),
        _("adresse"),
    ]
    queryset = pilots_selectors.pilot_list(request.user)

    def rows():
        yield header
        for p in queryset.iterator(chunk_size=500):
            yield [
                p.pk,
                p.title,
                p.get_status_display(),
                p.challenge.title,
                p.city.name,
                p.innovator.name,
                p.solution.name,
                p.start_date.isoformat() if p.start_date else "",
                p.end_date.isoformat() if p.end_date else "",
                p.budget,
                p.currency,
                p.get_paid_by_display() if p.paid_by else "",
                p.get_stop_reason_display() if p.stop_reason else "",
                p.lessons_learned,
                p.indicator_count,
                request.build_absolute_uri(p.get_absolute_url()),
            ]

    return _csv_response(rows(), "projets-pilotes")


@curator_required
@require_GET
def pilot_indicators_export(request: HttpRequest) -> StreamingHttpResponse:
    """Every indicator of every pilot, with its baseline, target, latest value and gain."""
    header = [
        _("projet pilote"),
        _("statut du projet"),
        _("ville"),
        _("indicateur"),
        _("type de gain"),
        _("unité"),
        _("sens de l'amélioration"),
        _("valeur de départ"),
        _("cible"),
        _("dernière valeur"),
        _("date de la dernière mesure"),
        _("gain mesuré"),
        _("niveau de preuve"),
        _("source des données"),
    ]
    queryset = Indicator.objects.select_related("pilot__city").order_by("pilot_id", "pk")

    def rows():
        yield header
        for i in queryset.iterator(chunk_size=1000):
            yield [
                i.pilot.title,
                i.pilot.get_status_display(),
                i.pilot.city.name,
                i.name,
                i.get_kind_display(),
                i.unit_label,
                i.get_direction_display(),
                i.baseline,
                i.target,
                i.latest_value,
                i.latest_on.isoformat() if i.latest_on else "",
                i.gain,
                i.get_evidence_level_display(),
                i.data_source,
            ]

    return _csv_response(rows(), "indicateurs")
