"""Profiles: what a challenge (or a set of solutions) is about, as weighted stems in French and
English; terms and how distinctive they are, from the lexicons' exact document frequencies."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection

from challenges.models import Challenge
from challenges.search import lexicon_table, normalize
from solutions.catalogue.models import Solution
from solutions.matching.tuning import (
    CONFIG,
    FIELD_WEIGHTS,
    MAX_TERM_FREQUENCY,
    MAX_TERMS,
    MIN_ROWS_FOR_STATISTICS,
    OTHER,
    TRANSLATION_WEIGHT,
)
from solutions.matching.words import GLOSSARY, singular, tokens


@dataclass
class Profile:
    """Weighted words of a source document, its language, domains and tags."""

    language: str
    # (word, config language) -> weight
    words: dict[tuple[str, str], float] = field(default_factory=dict)
    # word as written in the source -> first seen form (for the reasons)
    display: dict[str, str] = field(default_factory=dict)
    domain_ids: set[int] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    # (word, config language) -> the lexemes kept in the query for it (set by `_select_terms`)
    stems: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def add(self, text: str, weight: float) -> None:
        seen: dict[str, int] = defaultdict(int)
        for raw in re.findall(r"\w+", text or ""):
            for word in tokens(raw):
                seen[word] += 1
                self.display.setdefault(word, raw.lower())
        for word, count in seen.items():
            # Repetition helps a little: a word said three times is what the text is about.
            w = weight * (1 + 0.15 * min(count - 1, 3))
            key = (word, self.language)
            self.words[key] = max(self.words.get(key, 0.0), w)
            for translation in GLOSSARY[self.language].get(singular(word), ()):
                other = (translation, OTHER[self.language])
                self.words[other] = max(self.words.get(other, 0.0), w * TRANSLATION_WEIGHT)


def challenge_profile(challenge: Challenge) -> Profile:
    profile = Profile(language=challenge.language if challenge.language in CONFIG else "fr")
    profile.add(challenge.title, FIELD_WEIGHTS["title"])
    profile.add(" ".join(challenge.tags or []), FIELD_WEIGHTS["tags"])
    profile.add(challenge.summary, FIELD_WEIGHTS["summary"])
    profile.add(challenge.description, FIELD_WEIGHTS["description"])
    if challenge.pk:
        profile.domain_ids = {d.pk for d in challenge.domains.all()}
    profile.tags = {normalize(t).strip() for t in challenge.tags or [] if t.strip()}
    return profile


def solutions_profile(solutions: Iterable[Solution]) -> Profile:
    """What a set of solutions (an innovator's catalogue) is about, for challenges that fit."""
    solutions = list(solutions)
    languages = [s.language for s in solutions if s.language in CONFIG]
    profile = Profile(language=max(set(languages), key=languages.count) if languages else "fr")
    share = 1.0 / math.sqrt(max(len(solutions), 1))
    for solution in solutions:
        profile.add(solution.name, FIELD_WEIGHTS["title"] * max(share, 0.5))
        profile.add(" ".join(solution.tags or []), FIELD_WEIGHTS["tags"] * max(share, 0.5))
        profile.add(solution.summary, FIELD_WEIGHTS["summary"] * share)
        profile.add(solution.description, FIELD_WEIGHTS["description"] * share)
        profile.domain_ids |= {d.pk for d in solution.domains.all()}
        profile.tags |= {normalize(t).strip() for t in solution.tags or [] if t.strip()}
    return profile


@dataclass
class Term:
    lexeme: str
    weight: float  # field weight x inverse document frequency
    words: list[str]  # the source words it comes from (for the reasons)
    rows: float = 0.0  # estimated number of documents that have it (0: unknown)
    frequency: float = 0.0  # share of the documents that have it (0: unknown)


def _stems_and_frequencies(
    profile: Profile, table: str
) -> tuple[dict[tuple[str, str], str], dict[str, float]]:
    """Stem every word with PostgreSQL's configurations; exact document frequencies of the
    stems from the table's lexicon (`challenges.search.add_lexicon`), with the row count under
    `ROWS_KEY`. A stem that no row has is left out of the frequencies.
    """
    assert table in SEARCH_TABLES  # interpolated below
    lexicon = lexicon_table(table)
    keys = list(profile.words)
    with connection.cursor() as cursor:
        # One round trip: the stems of every word in both configurations (every stored vector
        # has both, and the rarer stem is the more specific one: "stationnement" is "station"
        # in French, "stationn" in English), and how many rows have each.
        cursor.execute(
            f"""
            WITH s AS (
                SELECT t.n, tsvector_to_array(to_tsvector('iveo_fr', t.word)
                                              || to_tsvector('iveo_en', t.word)) AS stems
                FROM unnest(%s::text[]) WITH ORDINALITY AS t(word, n)
            )
            SELECT ARRAY(SELECT array_to_string(s.stems, ' ') FROM s ORDER BY s.n),
                   (SELECT ndoc FROM "{lexicon}" WHERE word = ''),
                   ARRAY(SELECT l.word || ' ' || l.ndoc FROM "{lexicon}" l
                         WHERE l.ndoc > 0
                           AND l.word = ANY(ARRAY(SELECT unnest(s.stems) FROM s)))
            """,
            [[w for w, _ in keys]],
        )
        lexemes, rows, counts = cursor.fetchone()
    stems = {key: value for key, value in zip(keys, lexemes, strict=True) if value}
    rows = max(rows or 0, 0)
    frequencies = {
        word: (int(n) + 0.5) / (rows + 1) for word, n in (item.rsplit(" ", 1) for item in counts)
    }
    frequencies[ROWS_KEY] = float(rows)
    return stems, frequencies


ROWS_KEY = " rows"  # not a lexeme: the table's row count, carried with the frequencies


def idf(frequency: float) -> float:
    """Inverse document frequency: a word every document has is worth (almost) nothing."""
    return max(math.log(1 / max(frequency, 1e-6)), 0.05)


def _select_terms(profile: Profile, table: str) -> list[Term]:
    if not profile.words:
        return []
    if connection.vendor == "postgresql":
        stems, frequencies = _stems_and_frequencies(profile, table)
    else:
        stems = {key: singular(key[0]) for key in profile.words}
        frequencies = {}
    # Exact counts (PostgreSQL): a term no document has is left out (it would only dilute the
    # scores and crowd out the useful ones); in a large table, too-common terms too.
    large = frequencies.get(ROWS_KEY, 0.0) >= MIN_ROWS_FOR_STATISTICS
    exact = bool(frequencies)
    by_lexeme: dict[str, Term] = {}
    for key, weight in profile.words.items():
        lexemes = (stems.get(key) or "").split()
        # A word with two different stems is split between them: a document with the word
        # has both, one that only shares a stem with it gets half.
        share = weight / len(lexemes) if lexemes else 0.0
        for lexeme in lexemes:
            if exact and lexeme not in frequencies:
                continue
            frequency = frequencies.get(lexeme, 0.01)
            if large and frequency > MAX_TERM_FREQUENCY:
                continue
            term = by_lexeme.setdefault(lexeme, Term(lexeme, 0.0, []))
            term.weight = max(term.weight, share * idf(frequency))
            term.words.append(key[0])
            profile.stems.setdefault(key, []).append(lexeme)
    rows = frequencies.get(ROWS_KEY, 0.0)
    selected = list(by_lexeme.values())
    for term in selected:
        if rows:
            term.frequency = frequencies[term.lexeme]
            term.rows = term.frequency * rows
    selected.sort(key=lambda t: (-t.weight, t.lexeme))
    selected = selected[:MAX_TERMS]
    kept = {t.lexeme for t in selected}
    for key, lexemes in profile.stems.items():  # the reasons look at the kept stems only
        profile.stems[key] = [x for x in lexemes if x in kept]
    return selected


SEARCH_TABLES = {"solutions_solution", "challenges_challenge"}
