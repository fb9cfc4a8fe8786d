"""Lexicons of the solutions' and challenges' search vectors, for the matching engine.

PostgreSQL only (see `challenges.search.add_lexicon`): exact counts of the rows having each
lexeme, kept by statement triggers. Both live here, in the app that reads them, so that
`challenges` knows nothing of matching.
"""

from django.db import migrations

from challenges.search import add_lexicon


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0006_catalogue_indexes"),
        ("solutions", "0007_match_currency_choices"),
    ]

    operations = [
        add_lexicon("solutions_solution"),
        add_lexicon("challenges_challenge"),
    ]
