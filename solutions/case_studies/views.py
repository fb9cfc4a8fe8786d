"""Pages of case studies: list, detail, write, publish, copy into a challenge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from challenges.access import can_view as can_view_challenge
from challenges.markdown import render_markdown
from partners.access import curator_required, is_curator
from partners.models import Organization
from partners.utils import add_errors, posted_data, querystring_without_page
from solutions.case_studies import access as case_studies_access
from solutions.case_studies import selectors as case_studies_selectors
from solutions.case_studies import services as case_studies
from solutions.case_studies.forms import CaseStudyFilterForm, CaseStudyForm, CopyForm
from solutions.case_studies.models import CaseStudy
from solutions.pilots import access as pilots_access

PAGE_SIZE = 20


@require_GET
def case_study_list(request: HttpRequest) -> HttpResponse:
    form = CaseStudyFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    queryset = case_studies_selectors.case_study_list(
        request.user, domain=data.get("domain"), outcome=data.get("outcome", "")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/case_studies/case_study_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
            "curator": is_curator(request.user),
        },
    )


@require_GET
def case_study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    study = case_studies_selectors.case_study_detail(
        case_studies_access.case_study_for_viewer(request.user, pk)
    )
    pilot = study.pilot
    return render(
        request,
        "solutions/case_studies/case_study_detail.html",
        {
            "study": study,
            "pilot": pilot,
            "need_html": render_markdown(study.need),
            "solution_html": render_markdown(study.solution_text),
            "results_html": render_markdown(study.results),
            "lessons_html": render_markdown(study.lessons),
            "lineage": case_studies_selectors.lineage(study, request.user),
            "can_copy": case_studies_access.can_copy_case_study(request.user, study),
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
    form = CaseStudyForm(posted_data(request), initial=case_studies.case_study_initial(pilot))
    if request.method == "POST" and form.is_valid():
        try:
            study = case_studies.case_study_create(
                pilot=pilot, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_errors(form, error)
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
        "solutions/case_studies/case_study_form.html",
        {"form": form, "pilot": pilot, "study": None},
    )


@curator_required
@require_http_methods(["GET", "POST"])
def case_study_edit(request: HttpRequest, pk: int) -> HttpResponse:
    study = case_studies_access.case_study_for_curator(request.user, pk)
    form = CaseStudyForm(posted_data(request), instance=study)
    if request.method == "POST" and form.is_valid():
        try:
            case_studies.case_study_update(case_study=study, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("L'étude de cas est enregistrée."))
            return redirect(study)
    return render(
        request,
        "solutions/case_studies/case_study_form.html",
        {"form": form, "pilot": study.pilot, "study": study},
    )


@curator_required
@require_POST
def case_study_publish(request: HttpRequest, pk: int) -> HttpResponse:
    study = case_studies_access.case_study_for_curator(request.user, pk)
    if request.POST.get("action") == "unpublish":
        case_studies.case_study_unpublish(case_study=study, by=request.user)
        messages.success(request, _("L'étude de cas est retirée de la publication."))
    else:
        case_studies.case_study_publish(case_study=study, by=request.user)
        messages.success(request, _("L'étude de cas est publiée."))
    return redirect(study)


@login_required
@require_http_methods(["GET", "POST"])
def case_study_copy(request: HttpRequest, pk: int) -> HttpResponse:
    study = case_studies_access.case_study_for_viewer(request.user, pk)
    if not case_studies_access.can_copy_case_study(request.user, study):
        raise Http404
    cities = case_studies_selectors.copy_cities(request.user)
    form = CopyForm(
        posted_data(request),
        cities=Organization.objects.filter(pk__in=[c.pk for c in cities]),
    )
    if request.method == "POST" and form.is_valid():
        challenge = case_studies.case_study_copy(
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
    return render(
        request, "solutions/case_studies/case_study_copy.html", {"form": form, "study": study}
    )
