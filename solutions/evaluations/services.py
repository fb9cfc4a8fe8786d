"""Evaluation: the city's staff (or a curator) builds a grid, assigns evaluators, who score each
proposal; the grid locks once a sheet is submitted."""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from challenges.access import can_manage
from challenges.models import Challenge
from partners.models import NotificationKind, User
from partners.notifications import notify
from solutions.curation.access import EVALUATED_STATUSES
from solutions.evaluations.access import is_eligible_evaluator
from solutions.evaluations.models import (
    EvaluationCriterion,
    EvaluationGrid,
    EvaluationScore,
    EvaluationSheet,
    Evaluator,
)
from solutions.proposals.models import Match


def _check_manager(by: User, challenge: Challenge) -> None:
    if not can_manage(by, challenge):
        raise PermissionDenied


def _check_grid_open(grid: EvaluationGrid) -> None:
    """Criteria are fixed once somebody scored: changing them would make scores incomparable."""
    if EvaluationScore.objects.filter(sheet__evaluator__grid=grid).exists():
        raise ValidationError(
            _("L'évaluation a commencé : les critères ne peuvent plus être modifiés.")
        )


@transaction.atomic
def evaluation_grid_save(
    *, challenge: Challenge, by: User, instructions: str = ""
) -> EvaluationGrid:
    """Create the challenge's grid (or update its instructions): the city's staff and curators."""
    _check_manager(by, challenge)
    grid, _created = EvaluationGrid.objects.get_or_create(
        challenge=challenge, defaults={"created_by": by}
    )
    grid.instructions = (instructions or "").strip()[:3000]
    grid.save(update_fields=["instructions"])
    return grid


@transaction.atomic
def evaluation_criterion_add(
    *,
    grid: EvaluationGrid,
    by: User,
    label: str,
    kind: str,
    weight: int,
    scale_max: int = 5,
    description: str = "",
) -> EvaluationCriterion:
    _check_manager(by, grid.challenge)
    grid = EvaluationGrid.objects.select_for_update().get(pk=grid.pk)
    _check_grid_open(grid)
    position = grid.criteria.count()
    criterion = EvaluationCriterion(
        grid=grid,
        label=" ".join((label or "").split()),
        description=(description or "").strip(),
        kind=kind,
        weight=weight,
        scale_max=scale_max if kind == EvaluationCriterion.Kind.SCALE else 5,
        position=position,
    )
    criterion.full_clean(exclude=["grid"])
    criterion.save()
    return criterion


@transaction.atomic
def evaluation_criterion_delete(*, criterion: EvaluationCriterion, by: User) -> None:
    grid = (
        EvaluationGrid.objects.select_for_update(of=("self",))
        .select_related("challenge")
        .get(pk=criterion.grid_id)
    )
    _check_manager(by, grid.challenge)
    _check_grid_open(grid)
    criterion.delete()


@transaction.atomic
def evaluator_assign(*, grid: EvaluationGrid, user: User, by: User) -> Evaluator:
    """Assign an evaluator among the city's staff and the curators; they are notified."""
    challenge = grid.challenge
    _check_manager(by, challenge)
    if not is_eligible_evaluator(user, challenge):
        raise ValidationError(
            {"user": _("Choisissez un membre du personnel de la ville ou une personne d'IVÉO.")}
        )
    evaluator, created = Evaluator.objects.get_or_create(
        grid=grid, user=user, defaults={"assigned_by": by}
    )
    if not created:
        raise ValidationError({"user": _("Cette personne évalue déjà cet enjeu.")})
    notify(
        recipients=[user],
        kind=NotificationKind.MATCH,
        event=f"evaluation-assigned:{evaluator.pk}",
        template="evaluation_assigned",
        context={"challenge": challenge.title, "by": str(by)},
        url=reverse("solutions:evaluation_board", kwargs={"challenge_pk": challenge.pk}),
    )
    return evaluator


@transaction.atomic
def evaluator_remove(*, evaluator: Evaluator, by: User) -> None:
    """Remove an evaluator; their sheets go with them and leave the summary."""
    _check_manager(by, evaluator.grid.challenge)
    evaluator.delete()


@transaction.atomic
def evaluation_sheet_save(
    *,
    evaluator: Evaluator,
    match: Match,
    by: User,
    conflict: bool,
    conflict_details: str = "",
    notes: str = "",
    scores: Mapping[int, int] | None = None,
) -> EvaluationSheet:
    """An evaluator's sheet for one proposal.

    Declaring a conflict of interest recuses the evaluator from this proposal: their scores on
    it are removed and it leaves their share of the summary. Without a conflict, every criterion
    gets a score within its scale.
    """
    if evaluator.user_id != by.pk:
        raise PermissionDenied
    challenge = evaluator.grid.challenge
    if not is_eligible_evaluator(by, challenge):
        raise PermissionDenied
    if match.challenge_id != challenge.pk or match.status not in EVALUATED_STATUSES:
        raise ValidationError(_("Cette proposition ne fait pas partie de l'évaluation."))
    if conflict and not (conflict_details or "").strip():
        raise ValidationError(
            {"conflict_details": _("Décrivez en quelques mots la nature du conflit d'intérêts.")}
        )
    criteria = list(evaluator.grid.criteria.all())
    scores = dict(scores or {})
    if not conflict and not criteria:
        raise ValidationError(_("La grille n'a pas encore de critères."))
    if not conflict:
        errors = {}
        for criterion in criteria:
            value = scores.get(criterion.pk)
            if value is None or not 0 <= value <= criterion.maximum:
                errors[f"criterion_{criterion.pk}"] = _("Donnez une note entre 0 et %(max)s.") % {
                    "max": criterion.maximum
                }
        if errors:
            raise ValidationError(errors)
    sheet, _created = EvaluationSheet.objects.select_for_update().get_or_create(
        evaluator=evaluator, match=match
    )
    sheet.conflict = conflict
    sheet.conflict_details = (conflict_details or "").strip()[:1000] if conflict else ""
    sheet.notes = (notes or "").strip()[:5000]
    sheet.save()
    sheet.scores.all().delete()
    if not conflict:
        EvaluationScore.objects.bulk_create(
            EvaluationScore(sheet=sheet, criterion=c, value=scores[c.pk]) for c in criteria
        )
    return sheet
