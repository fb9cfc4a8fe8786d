"""The curators' CSV import of solutions: a spreadsheet-friendly front end to the catalogue import.

Each CSV row becomes a record of the catalogue's `solutions` section (docs/catalogue-format.md), so the checks,
the upsert by external_id and the all-or-nothing rule are those of `import_catalog`. The rows are
kept in a `SolutionImport` between the preview and the commit.
"""

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.models import User
from solutions.catalogue.models import SOLUTION_EDITABLE_FIELDS
from solutions.importer.models import SolutionImport
from solutions.importer.services import Report, catalog_import
from solutions.importer.validation import CatalogError, Known, Problem, validate_catalog

__all__ = ["CatalogError", "CsvError", "commit", "preview", "read_csv", "template_csv"]

COLUMNS = ["external_id", "organization", *SOLUTION_EDITABLE_FIELDS, "domains", "status"]
REQUIRED = ["external_id", "organization", "name", "description"]
LIST_COLUMNS = {"domains", "tags", "regions_served", "languages"}
INTEGER_COLUMNS = {"trl"}
MAX_ROWS = 10_000
LIST_SEPARATORS = ("|", ";")
EXAMPLE = {
    "external_id": "acme-parc-intelligent",
    "organization": "acme",
    "name": "Stationnement intelligent Acme",
    "summary": "Capteurs de présence et carte des places libres en temps réel.",
    "description": "Des capteurs magnétiques détectent chaque véhicule; une carte web...",
    "domains": "mobility",
    "tags": "stationnement | capteurs",
    "trl": "8",
    "language": "fr",
    "status": "published",
    "price_model": "subscription",
    "price_details": "Abonnement annuel par capteur",
    "regions_served": "quebec | occitanie",
    "languages": "fr | en",
    "website": "https://example.com",
}


class CsvError(Exception):
    pass


def template_csv() -> str:
    """The header row and one example row, for curators to fill in a spreadsheet."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow(EXAMPLE)
    return "\ufeff" + out.getvalue()  # the BOM lets spreadsheet programs detect UTF-8


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets on Windows often save CSV in Windows-1252.
        return raw.decode("cp1252", errors="replace")


def _split(value: str) -> list[str]:
    for separator in LIST_SEPARATORS:
        value = value.replace(separator, "\n")
    return [item.strip() for item in value.split("\n") if item.strip()]


def read_csv(raw: bytes) -> list[dict]:
    """Rows as catalogue records (empty cells left out); `CsvError` if the file is unusable."""
    text = _decode(raw).replace("\x00", "")
    if not text.strip():
        raise CsvError(_("Le fichier est vide."))
    first_line = text.splitlines()[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip() for name in reader.fieldnames or []]
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise CsvError(
            _("Colonnes inconnues : %(unknown)s. Colonnes possibles : %(columns)s.")
            % {"unknown": ", ".join(unknown[:10]), "columns": ", ".join(COLUMNS)}
        )
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise CsvError(
            _("Colonnes obligatoires absentes : %(missing)s.") % {"missing": ", ".join(missing)}
        )
    reader.fieldnames = header
    records = []
    try:
        for row in reader:
            if len(records) >= MAX_ROWS:
                raise CsvError(_("Au plus %(max)s lignes par fichier.") % {"max": MAX_ROWS})
            if None in row:
                raise CsvError(
                    _("La ligne %(line)s a plus de cellules que l'en-tête.")
                    % {"line": reader.line_num}
                )
            record = {}
            for name, value in row.items():
                value = (value or "").strip()
                if not value:
                    continue
                if name in LIST_COLUMNS:
                    record[name] = _split(value)
                elif name in INTEGER_COLUMNS and value.isdigit():
                    record[name] = int(value)
                else:
                    record[name] = value
            if record:
                records.append(record)
    except csv.Error as error:
        raise CsvError(_("CSV illisible : %(error)s") % {"error": error}) from None
    if not records:
        raise CsvError(_("Le fichier ne contient aucune ligne de données."))
    return records


@dataclass
class Preview:
    rows: list[tuple[int, dict, list[Problem]]]
    problems: list[Problem]
    report: Report | None = None
    more_rows: int = 0
    by_row: dict[int, list[Problem]] = field(default_factory=dict)


def line_of(index: int | None) -> int | None:
    """The spreadsheet line of record `index` (line 1 is the header)."""
    return None if index is None else index + 2


def preview(records: list[dict], *, shown: int = 200) -> Preview:
    """Every problem, and what the import would create or update (a dry run) if none."""
    catalog_data = {"solutions": records}
    _catalog, problems = validate_catalog(catalog_data, known=Known.from_database())
    report = None
    if not problems:
        try:
            report = catalog_import(catalog_data, dry_run=True)
        except CatalogError as error:
            problems = error.problems
    by_row: dict[int, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_row[problem.index if problem.index is not None else -1].append(problem)
    rows = [(line_of(i), r, by_row.get(i, [])) for i, r in enumerate(records[:shown])]
    return Preview(
        rows=rows,
        problems=problems,
        report=report,
        more_rows=max(0, len(records) - shown),
        by_row=dict(by_row),
    )


@transaction.atomic
def commit(*, upload: SolutionImport, by: User) -> Report:
    """Import the upload's rows (all or nothing), once."""
    upload = SolutionImport.objects.select_for_update().get(pk=upload.pk)
    if upload.committed_at is not None:
        raise CatalogError([Problem(_("Ce fichier a déjà été importé."))])
    report = catalog_import({"solutions": upload.records})
    upload.committed_at = timezone.now()
    upload.committed_by = by
    upload.report = report.as_dict()
    upload.save(update_fields=["committed_at", "committed_by", "report"])
    return report
