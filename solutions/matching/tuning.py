"""The engine's weights and limits, in one place (see the package's docstring for how they
are used)."""

from __future__ import annotations

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
