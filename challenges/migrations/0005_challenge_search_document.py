"""The generated bilingual `search_document` tsvector of a challenge and its GIN index.

PostgreSQL only (see `challenges.search.add_search_column`); the SQLite demo searches with the
simpler fallback of `text_search()`.
"""

from django.db import migrations

from challenges.search import add_search_column


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0004_challenge"),
        ("challenges", "0003_search_configuration"),
    ]

    operations = [
        add_search_column(
            "challenges_challenge",
            [("title", "A"), ("tags", "B"), ("summary", "B"), ("description", "C")],
            json_fields=("tags",),
        )
    ]
