"""Views of pilot projects, case studies, the impact dashboard and the curators' exports.

Each view checks access through `solutions.pilots_access`, validates a form, calls one service
of `solutions.pilots` and redirects, or renders.
"""

import csv
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rest_framework.authtoken.models import Token

from challenges.access import can_view as can_view_challenge
from challenges.markdown import render_markdown
from partners.access import curator_required, is_curator
from partners.models import Organization
from partners.utils import querystring_without_page

from . import impact, pilots, pilots_access, pilots_selectors
from .forms_pilots import (
    CaseStudyFilterForm,
    CaseStudyForm,
    CopyForm,
    EvidenceForm,
    ImpactFilterForm,
    IndicatorForm,
    MeasurementForm,
    MilestoneForm,
    PilotForm,
    PilotStartForm,
    PilotTransitionForm,
)
from .models import CaseStudy, Indicator, Measurement, Milestone, PilotProject
from .views import _add_errors

PAGE_SIZE = 20


def _posted(request: HttpRequest):
    """The POST data on a POST (even an empty one, so that the form is bound), else None."""
    return request.POST if request.method == "POST" else None


# --- Pilots ---------------------------------------------------------------------------------


@login_required
@require_GET
def pilot_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    queryset = pilots_selectors.pilot_list(request.user, status=status)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/pilot_list.html",
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
        cities = cities.filter(pk__in=[o.pk for o in pilots_selectors.copy_cities(request.user)])
    form = PilotStartForm(
        _posted(request),
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
            _add_errors(form, error)
        else:
            messages.success(request, _("Le projet pilote est créé."))
            return redirect(pilot)
    return render(request, "solutions/pilot_start.html", {"form": form, "match": match})


@login_required
@require_GET
def pilot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = pilots_selectors.pilot_detail(pilots_access.pilot_for_viewer(request.user, pk))
    can_manage = pilots_access.can_manage_pilot(request.user, pilot)
    curator = is_curator(request.user)
    case_study = getattr(pilot, "case_study", None)
    return render(
        request,
        "solutions/pilot_detail.html",
        {
            "pilot": pilot,
            "description_html": render_markdown(pilot.description),
            "can_manage": can_manage,
            "curator": curator,
            "transitions": [
                (to, PilotProject.Status(to).label)
                for to in pilots.allowed_pilot_transitions(pilot, request.user)
            ],
            "evidence_levels": impact.EvidenceLevel.choices,
            "case_study": case_study,
            "can_create_case_study": curator and pilot.is_ended and case_study is None,
            "challenge_visible": can_view_challenge(request.user, pilot.challenge),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def pilot_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    form = PilotForm(_posted(request), instance=pilot)
    if request.method == "POST" and form.is_valid():
        try:
            pilots.pilot_update(
                pilot=pilot,
                by=request.user,
                **{name: form.cleaned_data[name] for name in PilotForm.Meta.fields},
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Le projet pilote est enregistré."))
            return redirect(pilot)
    return render(
        request,
        "solutions/pilot_form.html",
        {"form": form, "pilot": pilot, "heading": _("Modifier le projet pilote")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pilot_transition(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    if to not in pilots.allowed_pilot_transitions(pilot, request.user):
        raise Http404
    form = PilotTransitionForm(
        _posted(request),
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
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Le projet pilote est maintenant « %(status)s ».")
                % {"status": PilotProject.Status(to).label},
            )
            return redirect(pilot)
    return render(
        request,
        "solutions/pilot_transition.html",
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
            _add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(pilot)
    return render(request, template, {"form": form, "pilot": pilot, **context})


@login_required
@require_http_methods(["GET", "POST"])
def pilot_milestone(request: HttpRequest, pk: int, milestone_pk: int | None = None):
    pilot = pilots_access.pilot_for_manager(request.user, pk)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, pilot=pilot) if milestone_pk else None
    form = MilestoneForm(_posted(request), instance=milestone)
    return _child_page(
        request,
        pilot=pilot,
        form=form,
        save=lambda data: pilots.milestone_save(
            pilot=pilot, by=request.user, milestone=milestone, **data
        ),
        template="solutions/pilot_form.html",
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
    form = IndicatorForm(_posted(request), instance=indicator)
    return _child_page(
        request,
        pilot=pilot,
        form=form,
        save=lambda data: pilots.indicator_save(
            pilot=pilot, by=request.user, indicator=indicator, **data
        ),
        template="solutions/pilot_indicator_form.html",
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
    form = MeasurementForm(_posted(request), initial={"measured_on": timezone.localdate()})
    return _child_page(
        request,
        pilot=pilot,
        form=form,
        save=lambda data: pilots.measurement_add(indicator=indicator, by=request.user, **data),
        template="solutions/pilot_measurement_form.html",
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


# --- CSV exports (curators) -----------------------------------------------------------------


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


# --- Case studies ---------------------------------------------------------------------------


@require_GET
def case_study_list(request: HttpRequest) -> HttpResponse:
    form = CaseStudyFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    queryset = pilots_selectors.case_study_list(
        request.user, domain=data.get("domain"), outcome=data.get("outcome", "")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/case_study_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
            "curator": is_curator(request.user),
        },
    )


@require_GET
def case_study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    study = pilots_selectors.case_study_detail(
        pilots_access.case_study_for_viewer(request.user, pk)
    )
    pilot = study.pilot
    return render(
        request,
        "solutions/case_study_detail.html",
        {
            "study": study,
            "pilot": pilot,
            "need_html": render_markdown(study.need),
            "solution_html": render_markdown(study.solution_text),
            "results_html": render_markdown(study.results),
            "lessons_html": render_markdown(study.lessons),
            "lineage": pilots_selectors.lineage(study, request.user),
            "can_copy": pilots_access.can_copy_case_study(request.user, study),
            "curator": is_curator(request.user),
            "challenge_visible": can_view_challenge(request.user, pilot.challenge),
        },
    )


@curator_required
@require_http_methods(["GET", "POST"])
def case_study_create(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = pilots_access.pilot_for_viewer(request.user, pk)
    existing = CaseStudy.objects.filter(pilot=pilot).first()
    if existing is not None:
        return redirect("solutions:case_study_edit", pk=existing.pk)
    form = CaseStudyForm(_posted(request), initial=pilots.case_study_initial(pilot))
    if request.method == "POST" and form.is_valid():
        try:
            study = pilots.case_study_create(pilot=pilot, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "L'étude de cas est enregistrée comme brouillon. Publiez-la quand elle est prête."
                ),
            )
            return redirect(study)
    return render(
        request,
        "solutions/case_study_form.html",
        {"form": form, "pilot": pilot, "study": None},
    )


@curator_required
@require_http_methods(["GET", "POST"])
def case_study_edit(request: HttpRequest, pk: int) -> HttpResponse:
    study = pilots_access.case_study_for_curator(request.user, pk)
    form = CaseStudyForm(_posted(request), instance=study)
    if request.method == "POST" and form.is_valid():
        try:
            pilots.case_study_update(case_study=study, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("L'étude de cas est enregistrée."))
            return redirect(study)
    return render(
        request,
        "solutions/case_study_form.html",
        {"form": form, "pilot": study.pilot, "study": study},
    )


@curator_required
@require_POST
def case_study_publish(request: HttpRequest, pk: int) -> HttpResponse:
    study = pilots_access.case_study_for_curator(request.user, pk)
    if request.POST.get("action") == "unpublish":
        pilots.case_study_unpublish(case_study=study, by=request.user)
        messages.success(request, _("L'étude de cas est retirée de la publication."))
    else:
        pilots.case_study_publish(case_study=study, by=request.user)
        messages.success(request, _("L'étude de cas est publiée."))
    return redirect(study)


@login_required
@require_http_methods(["GET", "POST"])
def case_study_copy(request: HttpRequest, pk: int) -> HttpResponse:
    study = pilots_access.case_study_for_viewer(request.user, pk)
    if not pilots_access.can_copy_case_study(request.user, study):
        raise Http404
    cities = pilots_selectors.copy_cities(request.user)
    form = CopyForm(
        _posted(request),
        cities=Organization.objects.filter(pk__in=[c.pk for c in cities]),
    )
    if request.method == "POST" and form.is_valid():
        challenge = pilots.case_study_copy(
            case_study=study, by=request.user, city=form.cleaned_data["city"]
        )
        messages.success(
            request,
            _(
                "Un nouvel enjeu en brouillon reprend cette idée pour %(city)s : adaptez-le, "
                "puis soumettez-le à IVÉO."
            )
            % {"city": form.cleaned_data["city"].name},
        )
        return redirect("challenges:edit", pk=challenge.pk)
    return render(request, "solutions/case_study_copy.html", {"form": form, "study": study})


# --- Impact dashboard -----------------------------------------------------------------------


def _charts(tables: list) -> list[tuple]:
    return [(table, impact.bar_chart(table)) for table in tables]


@require_GET
def impact_dashboard(request: HttpRequest) -> HttpResponse:
    choices = impact.filter_choices()
    form = ImpactFilterForm(request.GET or None, **choices)
    filters = form.filters()
    scope = impact.scope_of(request.user)
    key = impact.snapshot_key(scope, language=get_language(), **filters)
    snapshot = impact.snapshot_get(key)
    if snapshot is None:
        data = impact.impact_dashboard(request.user, years=choices["years"], **filters)
        tables = data["tables"]
        pilot_tables = [tables["pilots"]]
        if data["scope"] == "curator":
            pilot_tables += [data["stop_reasons"], data["evidence"]]
        html = render_to_string(
            "solutions/impact_body.html",
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
        "solutions/impact_dashboard.html",
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
    return render(request, "solutions/impact_api_token.html", {"token": token})
