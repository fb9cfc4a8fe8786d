"""The matching engine: which solutions fit a challenge, and why.

One engine ranks three things: solutions for a challenge (`rank_solutions`, stored as suggested
matches after a publication), published challenges like a challenge (`rank_similar_challenges`)
and open challenges that fit an innovator's solutions (`rank_challenges_for_solutions`).

How a challenge is turned into a query (`_profile`, `_select_terms`):
- its title, tags, summary and description are cut into words, with a weight per field; our own
  French and English stop words (PostgreSQL's French list misses "les", "nous", ...) and the
  filler of calls for solutions ("nous cherchons", "we want") are dropped;
- a small bilingual glossary of municipal and technical vocabulary adds the other language's
  word (capteurs -> sensors), so that a French challenge also finds an English solution;
- PostgreSQL stems every word with the same accent-insensitive configuration as the stored
  vectors (`iveo_fr` / `iveo_en`), and the table's lexicon (exact counts of the rows having
  each lexeme, kept by triggers: `challenges.search.add_lexicon`) gives each term an inverse
  document frequency: rare, distinctive words count, words every document has do not, and
  words no document has are left out.

Ranking on PostgreSQL is one SQL statement over the stored, GIN-indexed `search_document`
vectors: candidates are the rows matching any of the most distinctive terms (an OR tsquery
within a row budget, so a GIN index scan even at 100,000 rows, with the queryset's conditions
on the same rows), a first `ts_rank` on those terms keeps the best 500, a second on the
challenge's top terms the best hundred, then each is scored term by term (inverse document
frequency x the query word's field weight x `ts_rank` of the term in the document, which
weights title > tags and summary > description), plus shared domains, evidence (references,
earlier matches that went to an introduction or a pilot on a challenge of the same domain) and
maturity. Domains are a signal, never a filter. On SQLite (the embedded demo) the same formula
runs in Python over the published rows with a naive stemmer.

Scores are comparable between challenges: the text part is the share of the challenge's
(weighted) distinctive terms that the document covers, between 0 and 1, plus small bonuses.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, FloatField, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from challenges.models import Challenge, Domain
from challenges.search import lexicon_table, normalize
from partners.caching import content_changed

from .models import Match, Solution, SolutionReference

# --- Tuning ---------------------------------------------------------------------------------
# Weight of a query word by the field of the challenge (or solution) it comes from.
FIELD_WEIGHTS = {"title": 1.0, "tags": 0.9, "summary": 0.75, "description": 0.5}
# Weight of a glossary translation relative to the word it translates.
TRANSLATION_WEIGHT = 0.7
# How many distinct terms go into the query, and how many candidates get the full scoring.
MAX_TERMS = 40
CANDIDATE_POOL = 100
# The candidates are first ranked on the selecting terms only (cheap: `ts_rank` costs in
# proportion to the terms of its query), the best of them again on the challenge's top terms.
CANDIDATE_WIDE_POOL = 500
FIRST_RANK_TERMS = 8  # ... the most distinctive of the selecting terms
# Candidates come from the most distinctive terms whose documents add up to about this many
# rows (at least this many terms), so that a large catalogue is read through the GIN index.
CANDIDATE_ROWS = 3000
CANDIDATE_SHARE = 0.1  # ... and at most this share of the table
MIN_CANDIDATE_TERMS = 3
# Terms found in more than this share of documents are too common to select candidates.
MAX_TERM_FREQUENCY = 0.3
# Below this many rows no term is too common (a small catalogue says little about words).
MIN_ROWS_FOR_STATISTICS = 500
# ts_rank weights for the document's {D, C, B, A} labels: description C, tags and summary B,
# name/title A.
RANK_WEIGHTS = [0.1, 0.35, 0.7, 1.0]
DOMAIN_BONUS = 0.06  # per shared domain, at most two
EVIDENCE_BONUS = 0.04  # deployed or piloted somewhere
TRACK_RECORD_BONUS = 0.05  # introduced or piloted on a challenge of the same domain
MATURITY_BONUS = 0.02  # at TRL 9, proportionally from TRL 5
# Suggested matches are stored at or above this score (and at most `AUTO_MATCH_LIMIT`).
MATCH_THRESHOLD = 0.12
# Similar challenges and challenges for solutions: at least this share of the best score.
RELATIVE_CUTOFF = 0.3
AUTO_MATCH_LIMIT = 10

CONFIG = {"fr": "iveo_fr", "en": "iveo_en"}
OTHER = {"fr": "en", "en": "fr"}

# --- Words ----------------------------------------------------------------------------------
STOP_WORDS = frozenset(
    """
    a afin ai aie aient ainsi alors apres au aucun aucune aupres aura auront aussi autre autres
    aux avaient avais avait avant avec avez avoir avons ayant beaucoup bien c ca car ce ceci cela
    celle celles celui cependant certain certaines certains ces cet cette ceux chacun chaque chez
    ci comme comment contre d dans de depuis des deja deux devant doit doivent donc dont du duquel
    durant e elle elles en encore entre est et etaient etait etant ete etre eu eux fait faire
    faites fois font grace hors ici il ils j jamais je jusqu jusque l la laquelle le lequel les
    lesquels leur leurs lors lorsque lui m ma mais me meme memes mes moi moins mon n ne ni non
    nos notre nous on ont or ou par parce parfois pas peu peut peuvent plupart plus plusieurs pour
    pourquoi pourrait pres puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon
    ses si sien soit sommes son sont sous souvent suis sur t ta tant te tel telle tels tes toi ton
    tous tout toute toutes tres trop tu un une unes uns vers via voici voila vos votre vous y
    ainsi etc cet afin notamment ailleurs aujourd hui
    about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either every few for
    from further had has have having he her here hers him his how i if in into is it its itself
    just least less let like many may me might more most much must my no nor not now of off often
    on once one only or other others our ours out over own per same she should since so some such
    than that the their theirs them then there these they this those through to too under until
    up upon very was we were what when where which while who whom whose why will with within
    without would yet you your yours
    nous voulons souhaitons cherchons aimerions veut voulons desirons pouvoir permettre permet
    besoin besoins doit devons faut solution solutions enjeu enjeux projet ville villes
    municipalite municipalites municipal municipale municipaux municipales citoyens citoyen
    actuellement annee annees chaque jour jours idealement possible possibles exemple
    we want wants need needs looking seek seeking would like able city cities town towns
    municipality municipalities municipal solution solutions currently year years day days
    ideally example challenge
    """.split()
)
WORD_RE = re.compile(r"[a-z0-9]+")

# A small bilingual glossary of municipal and technical vocabulary: each side adds the other
# side's words to the query (at TRANSLATION_WEIGHT). Keys are accent-free, lower case, singular.
_GLOSSARY = """
capteur:sensor; stationnement:parking; place:spot; eau:water; eaux:water; potable:drinking;
fuite:leak; conduite:pipe; canalisation:pipe; aqueduc:water main; egout:sewer; pluie:rain;
pluvial:stormwater; debordement:overflow; inondation:flood; crue:flood; riviere:river;
pompage:pumping; pompe:pump; compteur:meter; consommation:consumption; electricite:electricity;
energie:energy; chaleur:heat; chauffage:heating; batiment:building; toit:roof; toiture:roof;
eclairage:lighting; lampadaire:streetlight; solaire:solar; panneau:panel; vehicule:vehicle;
flotte:fleet; electrique:electric; borne:charging station; recharge:charging; autobus:bus;
transport collectif:public transit; usager:rider; arret:stop; horaire:schedule; velo:bike;
cycliste:cyclist; pieton:pedestrian; trottoir:sidewalk; rue:street; route:road; chaussee:pavement;
pont:bridge; ponceau:culvert; deneigement:snow removal; neige:snow; sel:salt; hiver:winter;
dechet:waste; ordure:garbage; recyclage:recycling; compost:compost; collecte:collection;
bac:bin; conteneur:container; camion:truck; tri:sorting; arbre:tree; foret:forest;
chaleur extreme:heat wave; canicule:heat wave; qualite de l'air:air quality; air:air;
bruit:noise; faune:wildlife; ours:bear; alerte:alert; urgence:emergency; pompier:firefighter;
incendie:fire; securite:safety; vitesse:speed; ecole:school; feu de circulation:traffic signal;
circulation:traffic; intersection:intersection; livraison:delivery; camionnette:van;
cyberattaque:cyberattack; rancongiciel:ransomware; hameconnage:phishing; sauvegarde:backup;
mot de passe:password; authentification:authentication; employe:employee; formation:training;
reseau:network; serveur:server; donnee:data; donnees ouvertes:open data; logiciel:software;
plateforme:platform; application:app; tableau de bord:dashboard; carte:map; inventaire:inventory;
inspection:inspection; entretien:maintenance; reparation:repair; plomb:lead; branchement:service line;
automate:PLC; usine:plant; traitement:treatment; piscine:pool; baignade:swimming;
plage:beach; noyade:drowning; permis:permit; demande:request; requete:request; plainte:complaint;
inscription:registration; loisir:recreation; conseil:council; seance:meeting; proces-verbal:minutes;
participation:engagement; consultation:consultation; budget participatif:participatory budgeting;
emission:emission; gaz a effet de serre:greenhouse gas; ges:ghg; climat:climate; carbone:carbon;
irrigation:irrigation; arrosage:watering; secheresse:drought; espace vert:green space;
parc:park; humidite:moisture; sol:soil; meteo:weather; prevision:forecast; niveau:level;
debit:flow; pression:pressure; vanne:valve; regard:manhole; fissure:crack; nid-de-poule:pothole;
drone:drone; camera:camera; image:imagery; intelligence artificielle:artificial intelligence;
temps reel:real-time; suivi:tracking; localisation:location; geolocalisation:gps
"""


def _glossary() -> dict[str, dict[str, list[str]]]:
    """{language of the key: {word: [translated words]}} in both directions."""
    pairs: dict[str, dict[str, list[str]]] = {
        "fr": defaultdict(list),
        "en": defaultdict(list),
    }
    for entry in _GLOSSARY.replace("\n", " ").split(";"):
        if ":" not in entry:
            continue
        fr, en = (normalize(side).strip() for side in entry.split(":", 1))
        for word in WORD_RE.findall(fr):
            if word not in STOP_WORDS:
                pairs["fr"][_singular(word)].extend(
                    w for w in WORD_RE.findall(en) if w not in STOP_WORDS
                )
        for word in WORD_RE.findall(en):
            if word not in STOP_WORDS:
                pairs["en"][_singular(word)].extend(
                    w for w in WORD_RE.findall(fr) if w not in STOP_WORDS
                )
    return pairs


def _singular(word: str) -> str:
    """A light stemmer (SQLite and the glossary): plural then final e; vehicules = vehicule."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Lower-case, accent-free words of a text, without stop words and bare numbers."""
    return [
        word
        for word in WORD_RE.findall(normalize(text))
        if len(word) > 1 and word not in STOP_WORDS and not word.isdigit()
    ]


GLOSSARY = _glossary()


# --- Profiles: what a challenge (or a set of solutions) is about -----------------------------


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
            for translation in GLOSSARY[self.language].get(_singular(word), ()):
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


# --- Terms: stems and how distinctive they are ------------------------------------------------


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
        stems = {key: _singular(key[0]) for key in profile.words}
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


# --- Ranking on PostgreSQL ------------------------------------------------------------------


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


# --- Ranking on SQLite (the embedded demo) ------------------------------------------------------


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
                stem = _singular(word)
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


# --- Reasons ----------------------------------------------------------------------------------


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


# --- Public API -------------------------------------------------------------------------------


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


# --- After a publication: store the suggestions, tell the people concerned --------------------

MATCHING_JOB = "match-challenge"


def _innovator_members(organization_ids: Iterable[int]) -> dict[int, list]:
    """Active members of these verified innovators, by organisation."""
    from partners.models import Membership, Organization

    members: dict[int, list] = defaultdict(list)
    memberships = Membership.objects.filter(
        organization_id__in=list(organization_ids),
        organization__status=Organization.Status.VERIFIED,
        status=Membership.Status.ACTIVE,
        user__is_active=True,
    ).select_related("user")
    for membership in memberships:
        members[membership.organization_id].append(membership.user)
    return members


def matches_refresh(*, notify: bool = False) -> int:
    """Suggest matches for every open published challenge (the demo, after its solutions)."""
    from challenges.selectors import open_for_proposals_q

    pks = Challenge.objects.filter(open_for_proposals_q()).values_list("pk", flat=True)
    return sum(challenge_matches_suggest(challenge_id=pk, notify=notify) for pk in pks)


def challenge_matches_suggest(*, challenge_id: int, notify: bool = True) -> int:
    """Store the engine's suggestions for a published challenge and notify, in one transaction.

    Re-running updates the scores and reasons of the engine's own suggestions and never
    duplicates a match, touches a proposal, a shortlist or a curator's match, nor notifies
    anyone twice (one notification per person and event: members of matched innovators first,
    then subscribers whose alerts fit, then curators). Returns the number of suggestions kept.
    """
    from django.db import transaction
    from django.utils import timezone, translation

    from challenges.selectors import curators
    from partners.models import Job, NotificationKind
    from partners.notifications import notify as notify_people

    from .subscriptions import subscribers_for

    challenge = (
        Challenge.objects.filter(pk=challenge_id, status=Challenge.Status.PUBLISHED)
        .prefetch_related("domains", "owners")
        .first()
    )
    if challenge is None:  # unpublished since: nothing to announce
        Job.objects.filter(name=MATCHING_JOB, key=str(challenge_id)).update(done_at=timezone.now())
        return 0
    with translation.override(challenge.language):
        ranked = [
            (solution, score, [str(r) for r in reasons])
            for solution, score, reasons in rank_solutions(challenge, limit=AUTO_MATCH_LIMIT)
            if score >= MATCH_THRESHOLD
        ]
    event = f"challenge-matched:{challenge.pk}"
    context = {
        "challenge": challenge.title,
        "challenge_id": challenge.pk,
        "cities": ", ".join(o.name for o in challenge.owners.all()),
    }
    url = challenge.get_absolute_url()
    with transaction.atomic():
        Job.objects.get_or_create(name=MATCHING_JOB, key=str(challenge.pk))
        job = Job.objects.select_for_update().get(name=MATCHING_JOB, key=str(challenge.pk))
        existing = {
            m.solution_id: m
            for m in Match.objects.select_for_update().filter(
                challenge=challenge, solution__in=[s for s, _score, _reasons in ranked]
            )
        }
        new, refreshed = [], []
        for solution, score, reasons in ranked:
            match = existing.get(solution.pk)
            if match is None:
                new.append(
                    Match(
                        challenge=challenge,
                        solution=solution,
                        origin=Match.Origin.AUTO,
                        status=Match.Status.SUGGESTED,
                        score=score,
                        reasons=reasons,
                    )
                )
            elif match.origin == Match.Origin.AUTO and match.status == Match.Status.SUGGESTED:
                match.score, match.reasons = score, reasons
                refreshed.append(match)
        Match.objects.bulk_create(new, ignore_conflicts=True)
        Match.objects.bulk_update(refreshed, ["score", "reasons", "updated_at"])
        content_changed()  # bulk writes send no signal (track records shown on pages)
        if not notify:
            return len(ranked)
        by_organization: dict[int, list[str]] = defaultdict(list)
        for solution, _score, _reasons in ranked:
            by_organization[solution.organization_id].append(solution.name)
        members = _innovator_members(by_organization)
        for organization_id, names in sorted(by_organization.items()):
            notify_people(
                recipients=members.get(organization_id, []),
                kind=NotificationKind.MATCH,
                event=event,
                template="match_innovator",
                context={**context, "solutions": names},
                url=url,
            )
        notify_people(
            recipients=subscribers_for(challenge),
            kind=NotificationKind.ALERT,
            event=event,
            template="match_alert",
            context=context,
            url=url,
        )
        notify_people(
            recipients=curators(),
            kind=NotificationKind.MATCH,
            event=event,
            template="match_curator",
            context={
                **context,
                "count": len(ranked),
                "solutions": [s.name for s, _score, _reasons in ranked],
            },
            url=url,
        )
        job.done_at = timezone.now()
        job.attempts += 1
        job.save(update_fields=["done_at", "attempts"])
    return len(ranked)
