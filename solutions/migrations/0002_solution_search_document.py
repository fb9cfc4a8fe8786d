"""The generated bilingual search column of solutions and its GIN index (PostgreSQL only)."""

from django.db import migrations

from challenges.search import add_search_column


class Migration(migrations.Migration):
    dependencies = [
        ("solutions", "0001_initial"),
        ("challenges", "0003_search_configuration"),
    ]

    operations = [
        add_search_column(
            "solutions_solution",
            [("name", "A"), ("tags", "B"), ("summary", "B"), ("description", "C")],
            json_fields=("tags",),
        ),
    ]
