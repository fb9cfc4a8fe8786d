"""Views of the solution catalogue, the innovators' proposals and the curators' CSV import.

Each view checks access through `solutions.access` (or `challenges.access`), validates a form,
calls one service and redirects, or renders.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from challenges import access as challenge_access
from challenges.markdown import render_markdown
from challenges.selectors import search as search_challenges
from challenges.selectors import with_list_relations
from partners.access import curator_required, innovator_organizations, is_curator
from partners.models import Organization
from partners.utils import querystring_without_page

from . import access, csv_import, selectors, services
from .forms import (
    AttachmentForm,
    CsvUploadForm,
    ProposalForm,
    ReferenceFormSet,
    SolutionForm,
    reference_initial,
    references_from,
)
from .models import Match, Solution, SolutionImport

PAGE_SIZE = 20


def _serve(file, *, name: str, content_type: str) -> FileResponse:
    """A stored file, shown in the browser for images and PDF, downloaded otherwise."""
    try:
        handle = file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    inline = content_type == "application/pdf" or content_type.startswith("image/")
    response = FileResponse(
        handle, as_attachment=not inline, filename=name, content_type=content_type
    )
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _add_errors(form, error: ValidationError) -> None:
    """A service's refusal on the form: on its field when the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


# --- Catalogue ------------------------------------------------------------------------------


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    filterset, solutions = selectors.catalogue(request)
    page = Paginator(solutions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/solution_list.html",
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
        for m in access.active_memberships(user)
        if m.organization.kind == Organization.Kind.INNOVATOR
    ]


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    solution = selectors.solution_detail(access.solution_for_viewer(request.user, pk))
    can_edit = access.can_edit_solutions_of(request.user, solution.organization)
    can_propose = solution.is_published and solution.organization in innovator_organizations(
        request.user
    )
    return render(
        request,
        "solutions/solution_detail.html",
        {
            "solution": solution,
            "description_html": render_markdown(solution.description),
            "can_edit": can_edit,
            "can_publish": access.can_publish_solutions_of(request.user, solution.organization),
            "open_challenges": (
                selectors.challenges_for_solutions(solution.organization, limit=5)
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
        (org, list(selectors.solutions_of(org, include_drafts=True))) for org in organizations
    ]
    return render(request, "solutions/solution_mine.html", {"groups": groups})


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
            _add_errors(form, error)
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
        "solutions/solution_form.html",
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
    organization = access.innovator_organization_for_editor(request.user, slug)
    return _solution_page(request, organization, None)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    solution = access.solution_for_editor(request.user, pk)
    return _solution_page(request, solution.organization, solution)


@login_required
@require_POST
def status(request: HttpRequest, pk: int) -> HttpResponse:
    solution = access.solution_for_editor(request.user, pk)
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
    solution = access.solution_for_editor(request.user, pk)
    try:
        services.solution_delete(solution=solution, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(solution)
    messages.success(request, _("La solution est supprimée."))
    return redirect("solutions:mine")


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    solution = access.solution_for_editor(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.solution_attachment_add(
                solution=solution, by=request.user, file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Le fichier est ajouté."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(solution)


@require_GET
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    solution = access.solution_for_viewer(request.user, pk)
    item = get_object_or_404(solution.attachments, pk=attachment_pk)
    return _serve(item.file, name=item.name, content_type=item.content_type)


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    solution = access.solution_for_editor(request.user, pk)
    item = get_object_or_404(solution.attachments, pk=attachment_pk)
    services.solution_attachment_delete(attachment=item, by=request.user)
    messages.success(request, _("Le fichier est supprimé."))
    return redirect(solution)


# --- Proposals ------------------------------------------------------------------------------


def _proposable_solutions(user, challenge) -> QuerySet[Solution]:
    """The user's published solutions that have no live proposal on this challenge yet."""
    return (
        Solution.objects.filter(
            organization__in=innovator_organizations(user),
            status=Solution.Status.PUBLISHED,
        )
        .exclude(
            Exists(
                Match.objects.filter(
                    solution=OuterRef("pk"),
                    challenge=challenge,
                    status__in=[*Match.ACTIVE_PROPOSAL_STATUSES, Match.Status.DECLINED],
                )
            )
        )
        .select_related("organization")
        .order_by("name")
    )


@login_required
@require_GET
def choose_challenge(request: HttpRequest, pk: int) -> HttpResponse:
    """Open challenges, searchable, to propose one of the user's solutions on."""
    solution = access.solution_for_viewer(request.user, pk)
    if not solution.is_published or solution.organization not in innovator_organizations(
        request.user
    ):
        raise Http404
    query = request.GET.get("q", "").strip()[:200]
    challenges = selectors.open_challenges(request.user)
    if query:
        challenges = search_challenges(challenges, query).order_by("-relevance", "-published_at")
    else:
        challenges = challenges.order_by("proposals_deadline", "-published_at")
    page = Paginator(with_list_relations(challenges), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/choose_challenge.html",
        {
            "solution": solution,
            "q": query,
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge = challenge_access.challenge_for_viewer(request.user, challenge_pk)
    if not innovator_organizations(request.user):
        raise PermissionDenied
    if not challenge.is_open_for_proposals:
        messages.error(request, _("Cet enjeu ne reçoit plus de propositions."))
        return redirect(challenge)
    solutions = _proposable_solutions(request.user, challenge)
    initial = {"currency": challenge.currency}
    wanted = request.GET.get("solution", "")
    chosen = solutions.filter(pk=int(wanted)).first() if wanted.isdigit() else None
    if chosen is not None:
        initial["solution"] = chosen
        previous = Match.objects.filter(challenge=challenge, solution=chosen).first()
        if previous is not None and previous.status == Match.Status.WITHDRAWN:
            # Proposing again starts from the withdrawn pitch.
            initial |= {name: getattr(previous, name) for name in ProposalForm.Meta.fields}
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        solutions=solutions,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            match = services.proposal_submit(
                challenge=challenge,
                solution=form.cleaned_data["solution"],
                by=request.user,
                terms_accepted=form.cleaned_data["accept_terms"],
                attachment=form.cleaned_data.get("attachment"),
                **form.pitch_fields(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Votre proposition est envoyée à la ville et à IVÉO."))
            return redirect(match)
    return render(
        request,
        "solutions/proposal_form.html",
        {
            "form": form,
            "challenge": challenge,
            "terms_html": render_markdown(challenge.terms),
            "has_solutions": solutions.exists(),
        },
    )


@login_required
@require_GET
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    match = access.match_for_viewer(request.user, pk)
    mine = match.solution.organization in innovator_organizations(request.user)
    open_ = match.challenge.is_open_for_proposals
    return render(
        request,
        "solutions/proposal_detail.html",
        {
            "match": match,
            "is_mine": mine,
            "can_edit": mine and open_ and match.status == Match.Status.PROPOSED,
            "can_withdraw": mine and match.status in Match.WITHDRAWABLE_STATUSES,
            "can_propose_again": mine
            and open_
            and match.status in (Match.Status.WITHDRAWN, Match.Status.SUGGESTED),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    match = access.match_for_innovator(request.user, pk)
    if match.status != Match.Status.PROPOSED or not match.challenge.is_open_for_proposals:
        messages.error(
            request,
            _("Cette proposition ne peut plus être modifiée (date limite ou statut)."),
        )
        return redirect(match)
    form = ProposalForm(
        request.POST or None, request.FILES or None, instance=match, proposing=False
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_update(
                match=match,
                by=request.user,
                attachment=form.cleaned_data.get("attachment"),
                **form.pitch_fields(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Votre proposition est modifiée."))
            return redirect(match)
    return render(
        request,
        "solutions/proposal_form.html",
        {"form": form, "challenge": match.challenge, "match": match},
    )


@login_required
@require_POST
def proposal_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    match = access.match_for_innovator(request.user, pk)
    try:
        services.proposal_withdraw(match=match, by=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Votre proposition est retirée."))
    return redirect(match)


@login_required
@require_GET
def proposal_attachment(request: HttpRequest, pk: int) -> FileResponse:
    match = access.match_for_viewer(request.user, pk)
    if not match.attachment:
        raise Http404
    return _serve(
        match.attachment,
        name=match.attachment_name or "document",
        content_type=match.attachment_type or "application/octet-stream",
    )


@login_required
@require_GET
def my_proposals(request: HttpRequest) -> HttpResponse:
    proposals = selectors.proposals_of(innovator_organizations(request.user))
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "solutions/proposal_list.html", {"page_obj": page})


@login_required
@require_GET
def challenge_matches(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """Proposals and suggestions on a challenge: its cities' staff and curators only."""
    challenge = challenge_access.challenge_for_manager(request.user, challenge_pk)
    return render(
        request,
        "solutions/challenge_matches.html",
        {"challenge": challenge, "matches": selectors.matches_for_challenge(challenge)},
    )


# --- CSV import (curators) ------------------------------------------------------------------


@curator_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(csv_import.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="modele-solutions.csv"'
    return response


@curator_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            records = csv_import.read_csv(file.read())
        except csv_import.CsvError as error:
            form.add_error("file", str(error))
        else:
            upload = SolutionImport.objects.create(
                created_by=request.user, file_name=file.name[:200], records=records
            )
            return redirect("solutions:import_preview", pk=upload.pk)
    recent = SolutionImport.objects.select_related("created_by").order_by("-created_at")[:10]
    return render(request, "solutions/import_upload.html", {"form": form, "recent": recent})


@curator_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    upload = get_object_or_404(SolutionImport, pk=pk)
    preview = csv_import.preview(upload.records)
    if request.method == "POST" and upload.committed_at is None and not preview.problems:
        try:
            report = csv_import.commit(upload=upload, by=request.user)
        except csv_import.CatalogError as error:
            preview.problems = error.problems
        else:
            for line in report.lines():
                messages.success(request, line)
            return redirect("solutions:import_preview", pk=upload.pk)
    return render(
        request,
        "solutions/import_preview.html",
        {"upload": upload, "preview": preview, "is_curator": is_curator(request.user)},
    )
