"""`python manage.py suggest_matches CHALLENGE [--limit N] [--json]`: the engine's ranking.

CHALLENGE is an external_id or a primary key. Prints the ranked published solutions with their
score and reasons; with `--json`, a list of
`{"solution": EXTERNAL_ID_OR_PK, "score": FLOAT, "reasons": [TEXT, ...]}`, best first.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from challenges.models import Challenge
from solutions.matching.ranking import rank_solutions


class Command(BaseCommand):
    help = "Rank the published solutions that fit a challenge (external_id or primary key)."

    def add_arguments(self, parser):
        parser.add_argument("challenge", help="external_id or primary key of the challenge")
        parser.add_argument("--limit", type=int, default=10, help="how many solutions (10)")
        parser.add_argument("--json", action="store_true", help="print a JSON list")

    def handle(self, *args, challenge: str, limit: int, json: bool, **options):
        if limit < 1:
            raise CommandError("--limit must be at least 1.")
        found = Challenge.objects.filter(external_id=challenge).first()
        if found is None and challenge.isdigit():
            found = Challenge.objects.filter(pk=int(challenge)).first()
        if found is None:
            raise CommandError(f"No challenge with external_id or primary key {challenge!r}.")
        with translation.override(settings.LANGUAGE_CODE):
            ranked = rank_solutions(found, limit=limit)
            if json:
                self.stdout.write(_dumps(ranked))
                return
            if not ranked:
                self.stdout.write(f"No solution fits {found.title!r}.")
                return
            for position, (solution, score, reasons) in enumerate(ranked, start=1):
                key = solution.external_id or solution.pk
                self.stdout.write(f"{position:>3}. {score:.3f}  {key}  {solution.name}")
                for reason in reasons:
                    self.stdout.write(f"       - {reason}")


def _dumps(ranked) -> str:
    return json.dumps(
        [
            {
                "solution": solution.external_id or solution.pk,
                "score": score,
                "reasons": [str(r) for r in reasons],
            }
            for solution, score, reasons in ranked
        ],
        ensure_ascii=False,
        indent=1,
    )
