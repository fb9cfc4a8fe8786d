"""Reads of the evaluation: the proposals evaluated, each evaluator's progress, the ranked
summary with weighted scores."""

from dataclasses import dataclass

from django.db.models import (
    Count,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)

from challenges.models import Challenge
from solutions.curation.access import EVALUATED_STATUSES
from solutions.evaluations.models import (
    EvaluationCriterion,
    EvaluationGrid,
    EvaluationScore,
    EvaluationSheet,
    Evaluator,
)
from solutions.proposals.models import Match


def evaluated_matches(challenge: Challenge) -> QuerySet[Match]:
    return (
        Match.objects.filter(challenge=challenge, status__in=EVALUATED_STATUSES)
        .select_related("solution__organization")
        .order_by("solution__name", "pk")
    )


def grid_with_relations(grid: EvaluationGrid) -> EvaluationGrid:
    """The grid with its criteria and evaluators (and their users) loaded."""
    prefetch_related_objects(
        [grid],
        "criteria",
        Prefetch("evaluators", queryset=Evaluator.objects.select_related("user")),
    )
    return grid


def grid_locked(grid: EvaluationGrid) -> bool:
    """Criteria are fixed once somebody scored a proposal."""
    return EvaluationScore.objects.filter(sheet__evaluator__grid=grid).exists()


@dataclass
class EvaluatorProgress:
    evaluator: Evaluator
    scored: int
    recused: int
    total: int


def evaluator_progress(grid: EvaluationGrid) -> list[EvaluatorProgress]:
    """Each evaluator with how many proposals they scored or recused themselves from."""
    total = evaluated_matches(grid.challenge).count()
    counts = {
        row["evaluator_id"]: row
        for row in EvaluationSheet.objects.filter(
            evaluator__grid=grid, match__status__in=EVALUATED_STATUSES
        )
        .values("evaluator_id")
        .annotate(
            scored=Count("pk", filter=Q(conflict=False)),
            recused=Count("pk", filter=Q(conflict=True)),
        )
    }
    return [
        EvaluatorProgress(
            evaluator=e,
            scored=counts.get(e.pk, {}).get("scored", 0),
            recused=counts.get(e.pk, {}).get("recused", 0),
            total=total,
        )
        for e in grid.evaluators.all()
    ]


def sheets_of(evaluator: Evaluator) -> dict[int, EvaluationSheet]:
    """The evaluator's sheets by match id."""
    return {
        s.match_id: s
        for s in EvaluationSheet.objects.filter(evaluator=evaluator).prefetch_related("scores")
    }


@dataclass
class RankedProposal:
    match: Match
    score: float | None  # weighted score out of 100, the mean of the counted sheets
    counted: int  # sheets scored without a conflict
    recused: int  # evaluators who declared a conflict of interest
    pending: int  # evaluators who have not filled a sheet yet
    per_criterion: list[float | None]  # mean of each criterion, out of 100
    rank: int | None = None


def weighted_score(criteria: list[EvaluationCriterion], values: dict[int, int]) -> float | None:
    """Σ weight × (score / maximum) / Σ weight, out of 100; None when a criterion is missing."""
    total_weight = sum(c.weight for c in criteria)
    if not criteria or total_weight == 0 or any(c.pk not in values for c in criteria):
        return None
    return 100 * sum(c.weight * values[c.pk] / c.maximum for c in criteria) / total_weight


def evaluation_summary(
    grid: EvaluationGrid,
) -> tuple[list[EvaluationCriterion], list[RankedProposal]]:
    """Each evaluated proposal with the mean weighted score of its non-recused evaluators,
    best first (ties share a rank); proposals nobody scored yet come last, unranked."""
    criteria = list(grid.criteria.all())
    evaluator_count = grid.evaluators.count()
    matches = list(evaluated_matches(grid.challenge))
    sheets = EvaluationSheet.objects.filter(
        evaluator__grid=grid, match__in=matches
    ).prefetch_related("scores")
    by_match: dict[int, list[EvaluationSheet]] = {}
    for sheet in sheets:
        by_match.setdefault(sheet.match_id, []).append(sheet)
    rows = []
    for match in matches:
        scores, recused = [], 0
        per_criterion: dict[int, list[float]] = {c.pk: [] for c in criteria}
        for sheet in by_match.get(match.pk, []):
            if sheet.conflict:
                recused += 1
                continue
            values = {s.criterion_id: s.value for s in sheet.scores.all()}
            score = weighted_score(criteria, values)
            if score is None:
                continue
            scores.append(score)
            for c in criteria:
                per_criterion[c.pk].append(100 * values[c.pk] / c.maximum)
        rows.append(
            RankedProposal(
                match=match,
                score=sum(scores) / len(scores) if scores else None,
                counted=len(scores),
                recused=recused,
                pending=max(evaluator_count - len(by_match.get(match.pk, [])), 0),
                per_criterion=[
                    sum(v) / len(v) if v else None for v in (per_criterion[c.pk] for c in criteria)
                ],
            )
        )
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0), r.match.solution.name))
    rank, previous = 0, None
    for position, row in enumerate(rows, start=1):
        if row.score is None:
            break
        if previous is None or round(row.score, 6) != round(previous, 6):
            rank = position
        row.rank, previous = rank, row.score
    return criteria, rows
