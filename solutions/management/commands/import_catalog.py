"""`manage.py import_catalog FILE.json [--dry-run] [--no-notify]` (format: docs/catalogue-format.md)."""

import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from solutions.importer.services import catalog_import
from solutions.importer.validation import CatalogError, parse_catalog


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
            raise CommandError(
                _("Impossible de lire %(path)s : %(reason)s")
                % {"path": path, "reason": error.strerror}
            ) from None
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
                self.stderr.write(
                    _("… et %(count)s autres problèmes") % {"count": len(error.problems) - 200}
                )
            raise CommandError(
                ngettext(
                    "%(count)s problème : rien n'a été importé.",
                    "%(count)s problèmes : rien n'a été importé.",
                    len(error.problems),
                )
                % {"count": len(error.problems)}
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
            self.stdout.write(
                self.style.WARNING(_("Essai à blanc (--dry-run) : rien n'a été écrit."))
            )
        elif not report.changed:
            self.stdout.write(self.style.SUCCESS(_("Rien n'a changé.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Import terminé.")))
