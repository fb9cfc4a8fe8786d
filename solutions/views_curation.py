"""Views of the curator workspace, introductions, match discussions and evaluation grids.

Each view checks access through `solutions.curation_access` (or `partners.access`), validates a
form, calls one service from `solutions.curation` and redirects, or renders.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from challenges.markdown import render_markdown
from partners.access import curator_required
from partners.utils import querystring_without_page

from . import access, curation, curation_access, curation_selectors
from .forms_curation import (
    AcceptIntroductionForm,
    AddMatchForm,
    CatalogueSearchForm,
    CriterionForm,
    DeclineForm,
    EvaluatorForm,
    GridForm,
    IntroduceForm,
    MessageForm,
    RefuseIntroductionForm,
    SheetForm,
    WorkspaceFilterForm,
)
from .models import Evaluator, Introduction

WORKSPACE_PAGE_SIZE = 10
SEARCH_LIMIT = 20


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _form_errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def _back(request: HttpRequest, default: str) -> HttpResponse:
    """Back to the page the form was posted from (same site only), or to `default`."""
    target = request.POST.get("next", "")
    # A path of this site only; `redirect()` would also take a view name, so it is not used here.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(default)


# --- Curator workspace -----------------------------------------------------------------------


@curator_required
@require_GET
def workspace(request: HttpRequest) -> HttpResponse:
    form = WorkspaceFilterForm(request.GET or None)
    query, pending = "", False
    if form.is_valid():
        query, pending = form.cleaned_data["q"].strip(), form.cleaned_data["pending"]
    challenges = curation_selectors.workspace_challenges(query=query, pending_only=pending)
    page = Paginator(challenges, WORKSPACE_PAGE_SIZE).get_page(request.GET.get("page"))
    for challenge in page.object_list:
        challenge.columns = curation_selectors.split_matches(challenge.curation_matches)
    return render(
        request,
        "solutions/curation_workspace.html",
        {
            "form": form,
            "counts": curation_selectors.workspace_counts(),
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
            "decline_form": DeclineForm(),
            "introduce_form": IntroduceForm(),
        },
    )


@curator_required
@require_GET
def challenge_page(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """One challenge's matches, declined ones included, and the catalogue search to add one."""
    challenge = curation_access.challenge_for_curation(request.user, challenge_pk)
    search = CatalogueSearchForm(request.GET or None)
    results = None
    if search.is_valid() and search.cleaned_data["q"].strip():
        results = list(
            curation_selectors.solutions_to_add(challenge, search.cleaned_data["q"])[:SEARCH_LIMIT]
        )
    challenge.columns = curation_selectors.split_matches(
        curation_selectors.challenge_matches(challenge)
    )
    return render(
        request,
        "solutions/curation_challenge.html",
        {
            "challenge": challenge,
            "search_form": search,
            "results": results,
            "add_form": AddMatchForm(),
            "decline_form": DeclineForm(),
            "introduce_form": IntroduceForm(),
        },
    )


def _curation_page(match) -> str:
    return reverse("solutions:curation_challenge", kwargs={"challenge_pk": match.challenge_id})


@curator_required
@require_POST
def match_shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    match = curation_access.match_for_curator(request.user, pk)
    try:
        curation.match_shortlist(match=match, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request,
            _("« %(name)s » est présélectionnée.") % {"name": match.solution.name},
        )
    return _back(request, _curation_page(match))


@curator_required
@require_POST
def match_decline(request: HttpRequest, pk: int) -> HttpResponse:
    match = curation_access.match_for_curator(request.user, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indiquez le motif du refus : l'innovateur le lira."))
        return _back(request, _curation_page(match))
    try:
        curation.match_decline(match=match, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("« %(name)s » est déclinée.") % {"name": match.solution.name})
    return _back(request, _curation_page(match))


@curator_required
@require_POST
def match_introduce(request: HttpRequest, pk: int) -> HttpResponse:
    match = curation_access.match_for_curator(request.user, pk)
    form = IntroduceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return _back(request, _curation_page(match))
    try:
        curation.match_introduce(match=match, by=request.user, message=form.cleaned_data["message"])
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request,
            _("La ville et « %(organization)s » sont invitées à accepter la mise en relation.")
            % {"organization": match.solution.organization.name},
        )
    return _back(request, _curation_page(match))


@curator_required
@require_POST
def match_add(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge = curation_access.challenge_for_curation(request.user, challenge_pk)
    page = reverse("solutions:curation_challenge", kwargs={"challenge_pk": challenge.pk})
    form = AddMatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(page)
    solution = get_object_or_404(
        access.public_solutions().select_related("organization"),
        pk=form.cleaned_data["solution"],
    )
    try:
        curation.match_add_by_curator(
            challenge=challenge,
            solution=solution,
            by=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request,
            _("« %(name)s » est ajoutée et présélectionnée.") % {"name": solution.name},
        )
    return redirect(page)


# --- Introductions and discussion -------------------------------------------------------------


@login_required
@require_GET
def introduction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    discussion_open = curation_access.can_discuss(match, introduction)
    # Contacts are shared only once both sides accepted; the thread exists only from then on.
    shared = introduction.is_accepted
    return render(
        request,
        "solutions/curation_introduction.html",
        {
            "match": match,
            "introduction": introduction,
            "side": side,
            "can_answer": curation_access.can_answer(side, introduction),
            "contacts_shared": shared,
            "discussion_open": discussion_open,
            "thread": curation_selectors.thread(match) if shared else [],
            "accept_form": AcceptIntroductionForm(),
            "refuse_form": RefuseIntroductionForm(),
            "message_form": MessageForm(),
            "history": list(
                Introduction.objects.filter(match=match, closed_at__isnull=False).exclude(
                    pk=introduction.pk
                )
            )
            if side == curation_access.Side.CURATOR
            else [],
        },
    )


def _introduction_page(match) -> str:
    return reverse("solutions:introduction_detail", kwargs={"pk": match.pk})


@login_required
@require_POST
def introduction_accept(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    if not curation_access.can_answer(side, introduction):
        messages.error(request, _("Cette mise en relation n'attend pas votre réponse."))
        return redirect(_introduction_page(match))
    form = AcceptIntroductionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_introduction_page(match))
    introduction = curation.introduction_accept(
        introduction=introduction, by=request.user, contact=form.cleaned_data["contact"]
    )
    if introduction.is_accepted:
        messages.success(
            request,
            _("Les deux parties ont accepté : vos coordonnées sont maintenant partagées."),
        )
    else:
        messages.success(
            request,
            _(
                "Vous avez accepté. Les coordonnées seront partagées quand l'autre partie acceptera."
            ),
        )
    return redirect(_introduction_page(match))


@login_required
@require_POST
def introduction_refuse(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    if not curation_access.can_answer(side, introduction):
        messages.error(request, _("Cette mise en relation n'attend pas votre réponse."))
        return redirect(_introduction_page(match))
    form = RefuseIntroductionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_introduction_page(match))
    curation.introduction_refuse(
        introduction=introduction, by=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("Vous avez refusé la mise en relation. IVÉO en est informé."))
    return redirect(_introduction_page(match))


@login_required
@require_POST
def introduction_message_post(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    if not curation_access.can_discuss(match, introduction):
        messages.error(
            request,
            _(
                "La discussion s'ouvre quand la ville et l'innovateur ont accepté la mise en relation."
            ),
        )
        return redirect(_introduction_page(match))
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Écrivez un message."))
        return redirect(_introduction_page(match) + "#discussion")
    message = curation.match_message_post(
        match=match, by=request.user, body=form.cleaned_data["body"]
    )
    messages.success(request, _("Votre message est envoyé."))
    return redirect(_introduction_page(match) + f"#message-{message.pk}")


# --- Evaluation ---------------------------------------------------------------------------------


def _grid_page(challenge) -> str:
    return reverse("solutions:evaluation_grid", kwargs={"challenge_pk": challenge.pk})


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_grid(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The grid of a challenge: instructions, criteria, evaluators (city staff and curators)."""
    challenge, grid = curation_access.grid_for_manager(request.user, challenge_pk)
    form = GridForm(
        request.POST or None,
        initial={"instructions": grid.instructions if grid else ""},
    )
    if request.method == "POST" and form.is_valid():
        curation.evaluation_grid_save(
            challenge=challenge,
            by=request.user,
            instructions=form.cleaned_data["instructions"],
        )
        messages.success(request, _("La grille d'évaluation est enregistrée."))
        return redirect(_grid_page(challenge))
    context = {"challenge": challenge, "grid": grid, "form": form}
    if grid is not None:
        grid = curation_selectors.grid_with_relations(grid)
        assigned = {e.user_id for e in grid.evaluators.all()}
        context |= {
            "grid": grid,
            "criteria": list(grid.criteria.all()),
            "evaluators": curation_selectors.evaluator_progress(grid),
            "criterion_form": CriterionForm(),
            "evaluator_form": EvaluatorForm(
                candidates=curation_access.eligible_evaluators(challenge).exclude(pk__in=assigned)
            ),
            "locked": curation_selectors.grid_locked(grid),
        }
    return render(request, "solutions/evaluation_grid.html", context)


def _grid_or_404(request: HttpRequest, challenge_pk: int):
    challenge, grid = curation_access.grid_for_manager(request.user, challenge_pk)
    if grid is None:
        raise Http404
    return challenge, grid


@login_required
@require_POST
def evaluation_criterion_add(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge, grid = _grid_or_404(request, challenge_pk)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_grid_page(challenge))
    try:
        curation.evaluation_criterion_add(grid=grid, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Le critère est ajouté."))
    return redirect(_grid_page(challenge))


@login_required
@require_POST
def evaluation_criterion_delete(request: HttpRequest, challenge_pk: int, pk: int) -> HttpResponse:
    challenge, grid = _grid_or_404(request, challenge_pk)
    criterion = get_object_or_404(grid.criteria, pk=pk)
    try:
        curation.evaluation_criterion_delete(criterion=criterion, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Le critère est supprimé."))
    return redirect(_grid_page(challenge))


@login_required
@require_POST
def evaluation_evaluator_add(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge, grid = _grid_or_404(request, challenge_pk)
    form = EvaluatorForm(request.POST, candidates=curation_access.eligible_evaluators(challenge))
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(_grid_page(challenge))
    try:
        curation.evaluator_assign(grid=grid, user=form.cleaned_data["user"], by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(
            request,
            _("%(name)s est assigné·e à l'évaluation et en est averti·e.")
            % {"name": form.cleaned_data["user"]},
        )
    return redirect(_grid_page(challenge))


@login_required
@require_POST
def evaluation_evaluator_remove(request: HttpRequest, challenge_pk: int, pk: int) -> HttpResponse:
    challenge, grid = _grid_or_404(request, challenge_pk)
    evaluator = get_object_or_404(grid.evaluators.select_related("grid__challenge"), pk=pk)
    curation.evaluator_remove(evaluator=evaluator, by=request.user)
    messages.success(request, _("L'évaluateur est retiré ; ses fiches ne comptent plus."))
    return redirect(_grid_page(challenge))


@login_required
@require_GET
def evaluation_summary(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The ranked weighted scores: the city's staff and curators."""
    challenge, grid = _grid_or_404(request, challenge_pk)
    criteria, rows = curation_selectors.evaluation_summary(grid)
    return render(
        request,
        "solutions/evaluation_summary.html",
        {"challenge": challenge, "grid": grid, "criteria": criteria, "rows": rows},
    )


@login_required
@require_GET
def evaluation_mine(request: HttpRequest) -> HttpResponse:
    """The evaluations assigned to me."""
    assignments = [
        e
        for e in Evaluator.objects.filter(user=request.user)
        .select_related("grid__challenge")
        .prefetch_related("grid__challenge__owners")
        .order_by("-assigned_at")
        if curation_access.is_eligible_evaluator(request.user, e.grid.challenge)
    ]
    return render(request, "solutions/evaluation_mine.html", {"assignments": assignments})


@login_required
@require_GET
def evaluation_board(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """An evaluator's proposals to evaluate, with where they stand on each."""
    evaluator = curation_access.evaluator_for_user(request.user, challenge_pk)
    challenge = evaluator.grid.challenge
    sheets = curation_selectors.sheets_of(evaluator)
    matches = list(curation_selectors.evaluated_matches(challenge))
    for match in matches:
        match.my_sheet = sheets.get(match.pk)
    return render(
        request,
        "solutions/evaluation_board.html",
        {
            "challenge": challenge,
            "grid": evaluator.grid,
            "instructions_html": render_markdown(evaluator.grid.instructions),
            "matches": matches,
            "criteria_count": evaluator.grid.criteria.count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_sheet(request: HttpRequest, challenge_pk: int, match_pk: int) -> HttpResponse:
    evaluator = curation_access.evaluator_for_user(request.user, challenge_pk)
    match = curation_access.match_for_evaluator(evaluator, match_pk)
    criteria = list(evaluator.grid.criteria.all())
    sheet = curation_selectors.sheets_of(evaluator).get(match.pk)
    form = SheetForm(request.POST or None, criteria=criteria, sheet=sheet)
    if request.method == "POST" and form.is_valid():
        try:
            sheet = curation.evaluation_sheet_save(
                evaluator=evaluator,
                match=match,
                by=request.user,
                **form.service_arguments(),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            if sheet.conflict:
                messages.success(
                    request,
                    _("Votre conflit d'intérêts est déclaré : vous êtes récusé·e."),
                )
            else:
                messages.success(request, _("Votre évaluation est enregistrée."))
            return redirect("solutions:evaluation_board", challenge_pk=evaluator.grid.challenge_id)
    return render(
        request,
        "solutions/evaluation_sheet.html",
        {
            "challenge": evaluator.grid.challenge,
            "match": match,
            "form": form,
            "sheet": sheet,
            "criteria": criteria,
        },
    )
