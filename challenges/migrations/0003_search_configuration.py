"""Accent-insensitive French and English text search configurations (PostgreSQL only).

`iveo_fr` and `iveo_en` are copies of the built-in `french` and `english` configurations whose
word mappings go through `unaccent` before the stemmer, so that "véhicule électrique" and
"vehicules electriques" give the same lexemes. Using a configuration (rather than calling
`unaccent()` in the expression) keeps `to_tsvector` immutable, as generated columns require.
"""

from django.db import migrations

from challenges.search import RunSQLOnPostgres

WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS iveo_fr",
    "CREATE TEXT SEARCH CONFIGURATION iveo_fr (COPY = pg_catalog.french)",
    f"ALTER TEXT SEARCH CONFIGURATION iveo_fr ALTER MAPPING FOR {WORD_TOKENS} "
    "WITH unaccent, french_stem",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS iveo_en",
    "CREATE TEXT SEARCH CONFIGURATION iveo_en (COPY = pg_catalog.english)",
    f"ALTER TEXT SEARCH CONFIGURATION iveo_en ALTER MAPPING FOR {WORD_TOKENS} "
    "WITH unaccent, english_stem",
]
BACKWARD = [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS iveo_fr",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS iveo_en",
]


class Migration(migrations.Migration):
    dependencies = [("challenges", "0002_initial_domains")]

    operations = [RunSQLOnPostgres(sql=FORWARD, reverse_sql=BACKWARD)]
