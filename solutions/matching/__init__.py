"""The matching engine: which solutions fit a challenge, and why.

One engine ranks three things: solutions for a challenge (`rank_solutions`, stored as suggested
matches after a publication), published challenges like a challenge (`rank_similar_challenges`)
and open challenges that fit an innovator's solutions (`rank_challenges_for_solutions`).

How a challenge is turned into a query (`profiles`):
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

Modules: `words` (tokens, stop words, glossary), `tuning` (the weights), `profiles` (what a
text is about, term statistics), `ranking` (PostgreSQL and Python ranking, reasons),
`services` (storing suggestions and telling people after a publication), `tasks` (Celery),
`selectors` (what other capabilities read).
"""
