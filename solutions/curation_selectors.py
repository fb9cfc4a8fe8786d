"""Reads of the curator workspace, introductions and evaluation, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)

from challenges.models import Challenge
from challenges.search import text_search
from challenges.selectors import search as search_challenges
from partners.models import Organization

from . import access
from .curation_access import CURATABLE_STATUSES, EVALUATED_STATUSES
from .models import (
    EvaluationCriterion,
    EvaluationGrid,
    EvaluationScore,
    EvaluationSheet,
    Evaluator,
    Introduction,
    Match,
    MatchMessage,
    Solution,
)

# What the workspace shows of each challenge: everything still waiting for a decision or alive.
WORKSPACE_STATUSES = (
    Match.Status.SUGGESTED,
    Match.Status.PROPOSED,
    Match.Status.SHORTLISTED,
    Match.Status.INTRODUCED,
    Match.Status.PILOT,
)
PENDING_STATUSES = (Match.Status.SUGGESTED, Match.Status.PROPOSED)


def _matches_with_relations(queryset: QuerySet[Match]) -> QuerySet[Match]:
    return queryset.select_related("solution__organization").prefetch_related(
        Prefetch(
            "introductions",
            queryset=Introduction.objects.filter(closed_at__isnull=True),
            to_attr="open_introductions",
        )
    )


def workspace_challenges(*, query: str = "", pending_only: bool = False) -> QuerySet[Challenge]:
    """Published (and in-pilot) challenges with their live matches, newest first.

    Each challenge carries `curation_matches` (suggestions, proposals and retained matches,
    best score first) with their solution, innovator and open introduction.
    """
    challenges = Challenge.objects.filter(status__in=CURATABLE_STATUSES)
    if pending_only:
        challenges = challenges.filter(
            Exists(Match.objects.filter(challenge=OuterRef("pk"), status__in=PENDING_STATUSES))
        )
    if query:
        challenges = search_challenges(challenges, query).order_by(
            "-relevance", "-published_at", "-pk"
        )
    else:
        challenges = challenges.order_by("-published_at", "-pk")
    return challenges.prefetch_related(
        Prefetch("owners", queryset=Organization.objects.only("pk", "name", "slug")),
        Prefetch(
            "matches",
            queryset=_matches_with_relations(
                Match.objects.filter(status__in=WORKSPACE_STATUSES).order_by("-score", "pk")
            ),
            to_attr="curation_matches",
        ),
    )


@dataclass
class MatchColumns:
    """A challenge's matches as the workspace lays them out, side by side."""

    suggestions: list[Match] = field(default_factory=list)
    proposals: list[Match] = field(default_factory=list)
    retained: list[Match] = field(default_factory=list)
    closed: list[Match] = field(default_factory=list)


def split_matches(matches: list[Match]) -> MatchColumns:
    columns = MatchColumns()
    for match in matches:
        if match.status == Match.Status.SUGGESTED:
            columns.suggestions.append(match)
        elif match.status == Match.Status.PROPOSED:
            columns.proposals.append(match)
        elif match.status in (Match.Status.DECLINED, Match.Status.WITHDRAWN):
            columns.closed.append(match)
        else:
            columns.retained.append(match)
    return columns


def challenge_matches(challenge: Challenge) -> list[Match]:
    """Every match of one challenge, declined and withdrawn ones included."""
    return list(_matches_with_relations(Match.objects.filter(challenge=challenge)))


def workspace_counts() -> dict[str, int]:
    """What waits for curators: organisations, challenges, proposals, unanswered introductions."""
    return {
        "organizations": Organization.objects.filter(status=Organization.Status.PENDING).count(),
        "review": Challenge.objects.filter(status=Challenge.Status.SUBMITTED).count(),
        "proposals": Match.objects.filter(
            status=Match.Status.PROPOSED, challenge__status__in=CURATABLE_STATUSES
        ).count(),
        "introductions": Introduction.objects.filter(closed_at__isnull=True)
        .exclude(
            city_answer=Introduction.Answer.ACCEPTED,
            innovator_answer=Introduction.Answer.ACCEPTED,
        )
        .count(),
    }


def solutions_to_add(challenge: Challenge, query: str) -> QuerySet[Solution]:
    """Catalogue solutions matching `query` that are not yet a live match of the challenge."""
    taken = Match.objects.filter(challenge=challenge, solution=OuterRef("pk")).exclude(
        status=Match.Status.SUGGESTED
    )
    solutions = text_search(
        access.public_solutions(),
        query,
        table="solutions_solution",
        fallback_fields=["name", "summary", "description", "tags"],
    )
    return (
        solutions.exclude(Exists(taken))
        .select_related("organization")
        .order_by("-relevance", "name", "pk")
    )


def thread(match: Match) -> list[MatchMessage]:
    return list(match.messages.select_related("author"))


# --- Evaluation --------------------------------------------------------------------------------


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
