"""`manage.py import_catalog FILE.json [--dry-run] [--no-notify]` (format: DESIGN.md)."""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from solutions.importer import CatalogError, catalog_import, parse_catalog


class Command(BaseCommand):
    help = (
        "Import organisations, challenges and solutions from a JSON catalogue file: upsert by "
        "external_id, all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The catalogue file (JSON, UTF-8); - for standard input.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Validate and report what would change, without writing anything.",
        )
        parser.add_argument(
            "--no-notify",
            action="store_true",
            help="Record published challenges without the publish pipeline (no notifications, "
            "no matching).",
        )
        parser.add_argument(
            "--json", action="store_true", help="Print the report as one JSON line."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        path = options["file"]
        try:
            if path == "-":
                import sys

                raw = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as handle:
                    raw = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        try:
            report = catalog_import(
                parse_catalog(raw),
                dry_run=options["dry_run"],
                notify=not options["no_notify"],
            )
        except CatalogError as error:
            for problem in error.problems[:200]:
                self.stderr.write(str(problem))
            if len(error.problems) > 200:
                self.stderr.write(f"… {len(error.problems) - 200} more problems")
            raise CommandError(
                f"{len(error.problems)} problem(s) found: nothing was imported."
            ) from None
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        **report.as_dict(),
                        "seconds": round(time.monotonic() - started, 2),
                    }
                )
            )
            return
        for line in report.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
        elif not report.changed:
            self.stdout.write(self.style.SUCCESS("Nothing changed."))
        else:
            self.stdout.write(self.style.SUCCESS("Import done."))
