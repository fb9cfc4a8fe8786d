"""Views of the solution catalogue.

Each view checks access through `solutions.catalogue.access` (or `challenges.access`),
validates a form, calls one service and redirects, or renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from challenges.markdown import render_markdown
from partners import access as partners_access
from partners.access import innovator_organizations
from partners.models import Organization
from partners.utils import add_errors, error_text, querystring_without_page, serve_file
from solutions.catalogue import access as catalogue_access
from solutions.catalogue import selectors as catalogue_selectors
from solutions.catalogue import services
from solutions.catalogue.forms import (
    AttachmentForm,
    ReferenceFormSet,
    SolutionForm,
    reference_initial,
    references_from,
)
from solutions.catalogue.models import Solution
from solutions.matching import selectors as matching_selectors

PAGE_SIZE = 20


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    filterset, solutions = catalogue_selectors.catalogue(request)
    page = Paginator(solutions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/catalogue/solution_list.html",
        {
            "filter": filterset,
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
            "my_organizations": _my_innovators(request.user),
        },
    )


def _my_innovators(user) -> list[Organization]:
    """Innovators whose solutions the user prepares (verified or not yet)."""
    return [
        m.organization
        for m in partners_access.active_memberships(user)
        if m.organization.kind == Organization.Kind.INNOVATOR
    ]


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    solution = catalogue_selectors.solution_detail(
        catalogue_access.solution_for_viewer(request.user, pk)
    )
    can_edit = catalogue_access.can_edit_solutions_of(request.user, solution.organization)
    can_propose = solution.is_published and solution.organization in innovator_organizations(
        request.user
    )
    return render(
        request,
        "solutions/catalogue/solution_detail.html",
        {
            "solution": solution,
            "description_html": render_markdown(solution.description),
            "can_edit": can_edit,
            "can_publish": catalogue_access.can_publish_solutions_of(
                request.user, solution.organization
            ),
            "open_challenges": (
                matching_selectors.challenges_for_solutions(solution.organization, limit=5)
                if can_propose
                else []
            ),
            "can_propose": can_propose,
            "attachment_form": AttachmentForm() if can_edit else None,
        },
    )


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    organizations = _my_innovators(request.user)
    groups = [
        (org, list(catalogue_selectors.solutions_of(org, include_drafts=True)))
        for org in organizations
    ]
    return render(request, "solutions/catalogue/solution_mine.html", {"groups": groups})


def _solution_form(request: HttpRequest, solution: Solution | None):
    initial = {}
    if solution is not None:
        initial = {"domains": list(solution.domains.all())}
    form = SolutionForm(request.POST or None, instance=solution, initial=initial)
    references = ReferenceFormSet(
        request.POST or None,
        prefix="ref",
        initial=reference_initial(solution) if solution else None,
    )
    return form, references


def _solution_page(
    request: HttpRequest, organization: Organization, solution: Solution | None
) -> HttpResponse:
    """The form of a new solution (`solution` None) or of an existing one, with its references."""
    form, references = _solution_form(request, solution)
    if request.method == "POST" and form.is_valid() and references.is_valid():
        try:
            saved = services.solution_save(
                organization=organization,
                solution=solution,
                by=request.user,
                domains=form.cleaned_data["domains"],
                references=references_from(references),
                **form.service_fields(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if solution is None:
                messages.success(
                    request,
                    _(
                        "La solution est enregistrée comme brouillon. Publiez-la quand elle est prête."
                    ),
                )
            else:
                messages.success(request, _("La solution est enregistrée."))
            return redirect(saved)
    return render(
        request,
        "solutions/catalogue/solution_form.html",
        {
            "form": form,
            "references": references,
            "organization": organization,
            "solution": solution,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, slug: str) -> HttpResponse:
    organization = catalogue_access.innovator_organization_for_editor(request.user, slug)
    return _solution_page(request, organization, None)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    solution = catalogue_access.solution_for_editor(request.user, pk)
    return _solution_page(request, solution.organization, solution)


@login_required
@require_POST
def status(request: HttpRequest, pk: int) -> HttpResponse:
    solution = catalogue_access.solution_for_editor(request.user, pk)
    try:
        if request.POST.get("action") == "publish":
            services.solution_publish(solution=solution, by=request.user)
            messages.success(request, _("La solution est publiée dans le catalogue."))
        else:
            services.solution_unpublish(solution=solution, by=request.user)
            messages.success(request, _("La solution est retirée du catalogue."))
    except PermissionDenied:
        messages.error(
            request,
            _("Votre organisation doit être vérifiée par IVÉO avant de publier une solution."),
        )
    return redirect(solution)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    solution = catalogue_access.solution_for_editor(request.user, pk)
    try:
        services.solution_delete(solution=solution, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(solution)
    messages.success(request, _("La solution est supprimée."))
    return redirect("solutions:mine")


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    solution = catalogue_access.solution_for_editor(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.solution_attachment_add(
                solution=solution, by=request.user, file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Le fichier est ajouté."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(solution)


@require_GET
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    solution = catalogue_access.solution_for_viewer(request.user, pk)
    item = get_object_or_404(solution.attachments, pk=attachment_pk)
    return serve_file(item.file, name=item.name, content_type=item.content_type)


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    solution = catalogue_access.solution_for_editor(request.user, pk)
    item = get_object_or_404(solution.attachments, pk=attachment_pk)
    services.solution_attachment_delete(attachment=item, by=request.user)
    messages.success(request, _("Le fichier est supprimé."))
    return redirect(solution)
