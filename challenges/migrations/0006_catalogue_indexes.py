"""Indexes for the catalogue at 100,000 challenges (measured by `bench/bench_web.py`).

- `challenge_catalogue_counts`: the facet counts scan this narrow index (public statuses only)
  instead of the table, whose rows carry the long texts and the search vector.
- `challenge_updated_at`: the latest change, the version of the cached counts.
- `challenge_catalogue_newest`: the catalogue's default sort reads a page straight from it (the
  nearest deadline first uses the index on the deadline and an incremental sort). Its
  `NULLS LAST` cannot be written on SQLite, so it exists on PostgreSQL only (like the search
  vector), unknown to the ORM's state.
"""

from django.conf import settings
from django.db import migrations, models

from challenges.search import RunSQLOnPostgres

PUBLIC = "status IN ('published', 'in_pilot', 'closed')"


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0005_challenge_search_document"),
        ("partners", "0002_job_subscription"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="challenge",
            index=models.Index(
                condition=models.Q(("status__in", ["published", "in_pilot", "closed"])),
                fields=["visibility", "status", "language", "proposals_deadline", "id"],
                name="challenge_catalogue_counts",
            ),
        ),
        migrations.AddIndex(
            model_name="challenge",
            index=models.Index(fields=["updated_at"], name="challenge_updated_at"),
        ),
        RunSQLOnPostgres(
            sql=[
                'CREATE INDEX "challenge_catalogue_newest" ON "challenges_challenge" '
                f'("published_at" DESC NULLS LAST, "id" DESC) WHERE {PUBLIC}',
            ],
            reverse_sql=['DROP INDEX IF EXISTS "challenge_catalogue_newest"'],
        ),
    ]
