"""Ranking: solutions for a challenge (and challenges for solutions, similar challenges) on
PostgreSQL with full-text search, or in Python on SQLite; the reasons shown beside each."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from challenges.models import Challenge, Domain
from solutions.catalogue.models import Solution, SolutionReference
from solutions.matching.profiles import (
    Profile,
    Term,
    _select_terms,
    challenge_profile,
    idf,
    solutions_profile,
)
from solutions.matching.tuning import (
    CANDIDATE_POOL,
    CANDIDATE_ROWS,
    CANDIDATE_SHARE,
    CANDIDATE_WIDE_POOL,
    DOMAIN_BONUS,
    EVIDENCE_BONUS,
    FIRST_RANK_TERMS,
    MATURITY_BONUS,
    MIN_CANDIDATE_TERMS,
    RANK_WEIGHTS,
    RELATIVE_CUTOFF,
    TRACK_RECORD_BONUS,
)
from solutions.matching.words import singular, tokens
from solutions.proposals.models import Match


def _candidate_terms(terms: list[Term]) -> list[Term]:
    """The terms that select candidates: the most distinctive first, within a row budget.

    Every term still counts in the score; a document is only considered if it shares at least
    one of these. On a large catalogue this keeps the candidates to a few thousand rows (an
    index scan, not a table scan) whatever the challenge says.
    """
    table_rows = max((t.rows / t.frequency for t in terms if t.frequency), default=0.0)
    budget = min(CANDIDATE_ROWS, max(table_rows * CANDIDATE_SHARE, 300))
    chosen, rows = [], 0.0
    for term in terms:
        if len(chosen) >= MIN_CANDIDATE_TERMS and rows + term.rows > budget:
            continue
        chosen.append(term)
        rows += term.rows
    return chosen


def _tsquery(lexemes: Iterable[str]) -> str:
    return " | ".join(f"'{lexeme}'" for lexeme in lexemes)


@dataclass
class Hit:
    pk: int
    score: float
    text: float
    matched: list[str]
    shared_domains: list[int]
    evidence: bool = False
    track_record: bool = False


def _rank_sql(
    *,
    target: str,
    terms: list[Term],
    queryset: QuerySet,
    domain_ids: set[int],
    limit: int,
) -> list[Hit]:
    """One statement: candidates by the GIN index, a first rank, then the term-by-term score."""
    table, domain_table, domain_column, extra_sql = TARGETS[target]
    selecting = _candidate_terms(terms)
    query = _tsquery(t.lexeme for t in selecting)
    first_rank = _tsquery(t.lexeme for t in selecting[:FIRST_RANK_TERMS])
    # The queryset's own conditions on the same table (not `id IN (subquery)`, which the planner
    # may answer by reading the whole table), the rows matching the selecting terms, ranked.
    column = f'"{table}"."search_document"'
    candidates = (
        queryset.order_by()
        .filter(RawSQL(f"{column} @@ %s::tsquery", (query,), output_field=BooleanField()))
        .annotate(
            match_doc=RawSQL(column, ()),
            match_rank=RawSQL(
                f"ts_rank(%s::float4[], {column}, %s::tsquery, 0)",
                (RANK_WEIGHTS, first_rank),
                output_field=FloatField(),
            ),
        )
        .order_by("-match_rank")
        .values("id", "match_doc", "match_rank")[:CANDIDATE_WIDE_POOL]
    )
    candidates_sql, candidates_params = _queryset_sql(candidates)
    total = sum(t.weight for t in terms) or 1.0
    top = terms[: max(len(terms) // 3, 1)]
    per_term = " + ".join(
        f"{t.weight / total!r} * ts_rank(%(w)s::float4[], c.doc, %(t{i})s::tsquery, 0)"
        for i, t in enumerate(terms)
    )
    params: dict = {
        "w": RANK_WEIGHTS,
        "top": _tsquery(t.lexeme for t in top),
        "lexemes": [t.lexeme for t in terms],
        "domains": sorted(domain_ids),
        "pool": CANDIDATE_POOL,
        "limit": limit,
        **{f"t{i}": f"'{t.lexeme}'" for i, t in enumerate(terms)},
        **{f"c{i}": v for i, v in enumerate(candidates_params)},
    }
    # A rank of 0.608 is one occurrence in the A field: scale so that full coverage is ~1.
    sql = f"""
        WITH k AS ({candidates_sql}), c AS (
            SELECT k.id, k.match_doc AS doc
            FROM k
            ORDER BY 2 * ts_rank(%(w)s::float4[], k.match_doc, %(top)s::tsquery, 0)
                     + k.match_rank DESC
            LIMIT %(pool)s
        ), s AS (
            SELECT c.id, c.doc,
                   LEAST(({per_term}) / 0.608, 1.0) AS text,
                   ARRAY(SELECT dd.domain_id FROM "{domain_table}" dd
                         WHERE dd.{domain_column} = c.id AND dd.domain_id = ANY(%(domains)s))
                       AS shared,
                   {extra_sql or "false AS evidence, false AS track, NULL::int AS trl"}
            FROM c
        ), t AS (
            SELECT s.*,
                   s.text + {DOMAIN_BONUS!r} * LEAST(cardinality(s.shared), 2)
                   + CASE WHEN s.evidence THEN {EVIDENCE_BONUS!r} ELSE 0 END
                   + CASE WHEN s.track THEN {TRACK_RECORD_BONUS!r} ELSE 0 END
                   + {MATURITY_BONUS!r} * GREATEST(COALESCE(s.trl, 0) - 5, 0) / 4.0 AS score
            FROM s
            ORDER BY score DESC, s.id
            LIMIT %(limit)s
        )
        SELECT t.id, t.score, t.text, t.shared, t.evidence, t.track,
               ARRAY(SELECT x FROM unnest(tsvector_to_array(t.doc)) x
                     WHERE x = ANY(%(lexemes)s)) AS matched
        FROM t
        ORDER BY t.score DESC, t.id
    """
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute(sql, params)
        else:
            # A small index scan: starting parallel workers costs more than it saves. In one
            # simple-query string the SET LOCAL holds for this statement only.
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0;\n" + sql, params)
            while cursor.description is None and cursor.nextset():
                pass
        columns = [col.name for col in cursor.description]
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return [
        Hit(
            pk=row["id"],
            score=round(float(row["score"]), 4),
            text=float(row["text"]),
            matched=list(row["matched"]),
            shared_domains=list(row["shared"]),
            evidence=bool(row.get("evidence")),
            track_record=bool(row.get("track")),
        )
        for row in rows
    ]


_SAME_DOMAIN_TRACK = (
    'SELECT 1 FROM "solutions_match" m JOIN "challenges_challenge_domains" cd '
    "ON cd.challenge_id = m.challenge_id "
    "WHERE m.solution_id = c.id AND m.status IN ('introduced', 'pilot') "
    "AND cd.domain_id = ANY(%(domains)s)"
)
# target -> (table, its domains table, the column naming the row there, evidence columns)
TARGETS = {
    "solutions": (
        "solutions_solution",
        "solutions_solution_domains",
        "solution_id",
        'EXISTS(SELECT 1 FROM "solutions_solutionreference" r WHERE r.solution_id = c.id)'
        f" AS evidence, EXISTS({_SAME_DOMAIN_TRACK}) AS track,"
        ' (SELECT trl FROM "solutions_solution" x WHERE x.id = c.id) AS trl',
    ),
    "challenges": (
        "challenges_challenge",
        "challenges_challenge_domains",
        "challenge_id",
        "",
    ),
}


def _queryset_sql(queryset: QuerySet) -> tuple[str, list]:
    sql, params = queryset.query.sql_with_params()
    index = iter(range(len(params)))
    return re.sub(r"%s", lambda _m: f"%(c{next(index)})s", sql), list(params)


def _rank_python(
    *,
    terms: list[Term],
    documents: list[tuple[int, dict[str, str]]],
    domains: dict[int, set[int]],
    domain_ids: set[int],
    bonuses: dict[int, tuple[bool, bool, int | None]],
    limit: int,
) -> list[Hit]:
    weights = {"title": 1.0, "tags": 0.7, "summary": 0.7, "description": 0.35}
    analysed = []
    frequency: dict[str, int] = defaultdict(int)
    for pk, fields in documents:
        lexemes: dict[str, float] = {}
        for name, text in fields.items():
            for word in tokens(text):
                stem = singular(word)
                lexemes[stem] = max(lexemes.get(stem, 0.0), weights[name])
        analysed.append((pk, lexemes))
        for stem in lexemes:
            frequency[stem] += 1
    count = max(len(documents), 1)
    idfs = {t.lexeme: idf((frequency.get(t.lexeme, 0) + 0.5) / (count + 1)) for t in terms}
    total = sum(t.weight * idfs[t.lexeme] for t in terms) or 1.0
    hits = []
    for pk, lexemes in analysed:
        matched = [t.lexeme for t in terms if t.lexeme in lexemes]
        if not matched:
            continue
        text = min(
            sum(t.weight * idfs[t.lexeme] * lexemes[t.lexeme] for t in terms if t.lexeme in lexemes)
            / total,
            1.0,
        )
        shared = sorted(domains.get(pk, set()) & domain_ids)
        evidence, track, trl = bonuses.get(pk, (False, False, None))
        score = text + DOMAIN_BONUS * min(len(shared), 2)
        score += (EVIDENCE_BONUS if evidence else 0) + (TRACK_RECORD_BONUS if track else 0)
        score += MATURITY_BONUS * max((trl or 0) - 5, 0) / 4
        hits.append(Hit(pk, round(score, 4), text, matched, shared, evidence, track))
    hits.sort(key=lambda h: (-h.score, h.pk))
    return hits[:limit]


def _shared_words(hit: Hit, profile: Profile, most: int = 6) -> list[str]:
    """The challenge's words the document has (every stem of the word, not a look-alike)."""
    matched = set(hit.matched)
    words: list[str] = []
    shown: set[frozenset] = set()
    for key, _weight in sorted(profile.words.items(), key=lambda item: -item[1]):
        stems = profile.stems.get(key)
        if not stems or not matched.issuperset(stems) or frozenset(stems) in shown:
            continue
        shown.add(frozenset(stems))  # "place" and "places" are one shared word
        word = profile.display.get(key[0], key[0])
        if word not in words:
            words.append(word)
        if len(words) == most:
            break
    return words


def _reasons(
    hit: Hit,
    terms: list[Term],
    profile: Profile,
    domain_names: dict[int, str],
    references: list[str] | None = None,
) -> list[str]:
    reasons = []
    words = _shared_words(hit, profile)
    if words:
        reasons.append(_("mots en commun : %(words)s") % {"words": ", ".join(words)})
    for pk in hit.shared_domains:
        reasons.append(_("même domaine : %(domain)s") % {"domain": domain_names.get(pk, "")})
    for name in references or []:
        reasons.append(_("expérimentée à %(place)s") % {"place": name})
    if hit.track_record:
        reasons.append(_("déjà retenue pour un enjeu du même domaine"))
    return reasons


def _domain_names() -> dict[int, str]:
    return {d.pk: d.name for d in Domain.objects.all()}


def rank_solutions(
    challenge: Challenge,
    limit: int = 10,
    *,
    queryset: QuerySet[Solution] | None = None,
) -> list[tuple[Solution, float, list[str]]]:
    """Published solutions that fit the challenge, best first: (solution, score, reasons).

    `queryset` narrows the candidates (default: every published solution).
    """
    if queryset is None:
        queryset = Solution.objects.filter(status=Solution.Status.PUBLISHED)
    profile = challenge_profile(challenge)
    terms = _select_terms(profile, "solutions_solution")
    if not terms:
        return []
    domain_ids = profile.domain_ids
    if connection.vendor == "postgresql":
        hits = _rank_sql(
            target="solutions",
            terms=terms,
            queryset=queryset,
            domain_ids=domain_ids,
            limit=limit,
        )
    else:
        rows = list(queryset.values_list("pk", "name", "tags", "summary", "description", "trl"))
        documents = [
            (pk, {"title": name, "tags": " ".join(tags or []), "summary": summary or "",
                  "description": description or ""})
            for pk, name, tags, summary, description, _trl in rows
        ]  # fmt: skip
        pks = [row[0] for row in rows]
        domains: dict[int, set[int]] = defaultdict(set)
        for pk, domain in Solution.domains.through.objects.filter(solution_id__in=pks).values_list(
            "solution_id", "domain_id"
        ):
            domains[pk].add(domain)
        referenced = set(
            SolutionReference.objects.filter(solution_id__in=pks).values_list(
                "solution_id", flat=True
            )
        )
        tracked = set(
            Match.objects.filter(
                solution_id__in=pks,
                status__in=[Match.Status.INTRODUCED, Match.Status.PILOT],
                challenge__domains__in=domain_ids,
            ).values_list("solution_id", flat=True)
        )
        bonuses = {row[0]: (row[0] in referenced, row[0] in tracked, row[5]) for row in rows}
        hits = _rank_python(
            terms=terms,
            documents=documents,
            domains=domains,
            domain_ids=domain_ids,
            bonuses=bonuses,
            limit=limit,
        )
    solutions = Solution.objects.select_related("organization").prefetch_related("references")
    by_pk = solutions.in_bulk([h.pk for h in hits])
    names = _domain_names()
    results = []
    for hit in hits:
        solution = by_pk.get(hit.pk)
        if solution is None:
            continue
        places = [r.name for r in solution.references.all()][:3]
        results.append((solution, hit.score, _reasons(hit, terms, profile, names, places)))
    return results


def _rank_challenges(
    profile: Profile, queryset: QuerySet[Challenge], limit: int, *, reasons: bool = True
) -> list[tuple[Challenge, float, list[str]]]:
    """Challenges of `queryset`, best first, loaded with their owners and domains."""
    terms = _select_terms(profile, "challenges_challenge")
    if not terms:
        return []
    if connection.vendor == "postgresql":
        hits = _rank_sql(
            target="challenges",
            terms=terms,
            queryset=queryset,
            domain_ids=profile.domain_ids,
            limit=limit,
        )
    else:
        shared = Challenge.domains.through.objects.filter(
            challenge_id=OuterRef("pk"), domain_id__in=profile.domain_ids
        ).values("domain_id")[:1]
        rows = list(
            queryset.annotate(shared=Subquery(shared)).values_list(
                "pk", "title", "tags", "summary", "description", "shared"
            )
        )
        documents = [
            (pk, {"title": title, "tags": " ".join(tags or []), "summary": summary or "",
                  "description": description or ""})
            for pk, title, tags, summary, description, _shared in rows
        ]  # fmt: skip
        # One shared domain is enough for the demo's ranking (no separate query).
        domains = {row[0]: {row[5]} for row in rows if row[5] is not None}
        hits = _rank_python(
            terms=terms,
            documents=documents,
            domains=domains,
            domain_ids=profile.domain_ids,
            bonuses={},
            limit=limit,
        )
    from challenges.selectors import with_list_relations

    if hits:  # only challenges about as close as the best one: no filler
        hits = [h for h in hits if h.score >= RELATIVE_CUTOFF * hits[0].score]
    by_pk = with_list_relations(Challenge.objects.filter(pk__in=[h.pk for h in hits])).in_bulk()
    names = _domain_names() if reasons else {}
    return [
        (by_pk[h.pk], h.score, _reasons(h, terms, profile, names) if reasons else [])
        for h in hits
        if h.pk in by_pk
    ]


def rank_similar_challenges(
    challenge: Challenge, queryset: QuerySet[Challenge], limit: int = 5, *, reasons: bool = True
) -> list[tuple[Challenge, float, list[str]]]:
    """Challenges of `queryset` most like `challenge` (the caller excludes it and its owners)."""
    return _rank_challenges(challenge_profile(challenge), queryset, limit, reasons=reasons)


def rank_challenges_for_solutions(
    solutions: Iterable[Solution],
    queryset: QuerySet[Challenge],
    limit: int = 5,
    *,
    reasons: bool = True,
) -> list[tuple[Challenge, float, list[str]]]:
    """Challenges of `queryset` that fit this set of solutions (an innovator's catalogue)."""
    return _rank_challenges(solutions_profile(solutions), queryset, limit, reasons=reasons)
