"""Pages of the evaluation: the grid, the board, an evaluator's sheet, the summary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from challenges.markdown import render_markdown
from partners.utils import error_text, form_error_text
from solutions.evaluations import access as evaluations_access
from solutions.evaluations import selectors as evaluations_selectors
from solutions.evaluations import services as evaluations
from solutions.evaluations.forms import CriterionForm, EvaluatorForm, GridForm, SheetForm
from solutions.evaluations.models import Evaluator


def _grid_page(challenge) -> str:
    return reverse("solutions:evaluation_grid", kwargs={"challenge_pk": challenge.pk})


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_grid(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The grid of a challenge: instructions, criteria, evaluators (city staff and curators)."""
    challenge, grid = evaluations_access.grid_for_manager(request.user, challenge_pk)
    form = GridForm(
        request.POST or None,
        initial={"instructions": grid.instructions if grid else ""},
    )
    if request.method == "POST" and form.is_valid():
        evaluations.evaluation_grid_save(
            challenge=challenge,
            by=request.user,
            instructions=form.cleaned_data["instructions"],
        )
        messages.success(request, _("La grille d'évaluation est enregistrée."))
        return redirect(_grid_page(challenge))
    context = {"challenge": challenge, "grid": grid, "form": form}
    if grid is not None:
        grid = evaluations_selectors.grid_with_relations(grid)
        assigned = {e.user_id for e in grid.evaluators.all()}
        context |= {
            "grid": grid,
            "criteria": list(grid.criteria.all()),
            "evaluators": evaluations_selectors.evaluator_progress(grid),
            "criterion_form": CriterionForm(),
            "evaluator_form": EvaluatorForm(
                candidates=evaluations_access.eligible_evaluators(challenge).exclude(
                    pk__in=assigned
                )
            ),
            "locked": evaluations_selectors.grid_locked(grid),
        }
    return render(request, "solutions/evaluations/evaluation_grid.html", context)


def _grid_or_404(request: HttpRequest, challenge_pk: int):
    challenge, grid = evaluations_access.grid_for_manager(request.user, challenge_pk)
    if grid is None:
        raise Http404
    return challenge, grid


@login_required
@require_POST
def evaluation_criterion_add(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge, grid = _grid_or_404(request, challenge_pk)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect(_grid_page(challenge))
    try:
        evaluations.evaluation_criterion_add(grid=grid, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Le critère est ajouté."))
    return redirect(_grid_page(challenge))


@login_required
@require_POST
def evaluation_criterion_delete(request: HttpRequest, challenge_pk: int, pk: int) -> HttpResponse:
    challenge, grid = _grid_or_404(request, challenge_pk)
    criterion = get_object_or_404(grid.criteria, pk=pk)
    try:
        evaluations.evaluation_criterion_delete(criterion=criterion, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Le critère est supprimé."))
    return redirect(_grid_page(challenge))


@login_required
@require_POST
def evaluation_evaluator_add(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge, grid = _grid_or_404(request, challenge_pk)
    form = EvaluatorForm(request.POST, candidates=evaluations_access.eligible_evaluators(challenge))
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect(_grid_page(challenge))
    try:
        evaluations.evaluator_assign(grid=grid, user=form.cleaned_data["user"], by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
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
    evaluations.evaluator_remove(evaluator=evaluator, by=request.user)
    messages.success(request, _("L'évaluateur est retiré ; ses fiches ne comptent plus."))
    return redirect(_grid_page(challenge))


@login_required
@require_GET
def evaluation_summary(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """The ranked weighted scores: the city's staff and curators."""
    challenge, grid = _grid_or_404(request, challenge_pk)
    criteria, rows = evaluations_selectors.evaluation_summary(grid)
    return render(
        request,
        "solutions/evaluations/evaluation_summary.html",
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
        if evaluations_access.is_eligible_evaluator(request.user, e.grid.challenge)
    ]
    return render(
        request, "solutions/evaluations/evaluation_mine.html", {"assignments": assignments}
    )


@login_required
@require_GET
def evaluation_board(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """An evaluator's proposals to evaluate, with where they stand on each."""
    evaluator = evaluations_access.evaluator_for_user(request.user, challenge_pk)
    challenge = evaluator.grid.challenge
    sheets = evaluations_selectors.sheets_of(evaluator)
    matches = list(evaluations_selectors.evaluated_matches(challenge))
    for match in matches:
        match.my_sheet = sheets.get(match.pk)
    return render(
        request,
        "solutions/evaluations/evaluation_board.html",
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
    evaluator = evaluations_access.evaluator_for_user(request.user, challenge_pk)
    match = evaluations_access.match_for_evaluator(evaluator, match_pk)
    criteria = list(evaluator.grid.criteria.all())
    sheet = evaluations_selectors.sheets_of(evaluator).get(match.pk)
    form = SheetForm(request.POST or None, criteria=criteria, sheet=sheet)
    if request.method == "POST" and form.is_valid():
        try:
            sheet = evaluations.evaluation_sheet_save(
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
        "solutions/evaluations/evaluation_sheet.html",
        {
            "challenge": evaluator.grid.challenge,
            "match": match,
            "form": form,
            "sheet": sheet,
            "criteria": criteria,
        },
    )
