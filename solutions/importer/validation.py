"""Catalogue import, validation: organisations, challenges and solutions from one JSON document.

The format is docs/catalogue-format.md. Three steps:

1. `validate_catalog(data, known=...)` is pure (no database): it checks the shape and every value
   of the document against what the database already knows (`Known`: domain slugs, external ids
   and kinds of organisations) and returns the cleaned records and every problem found, each
   naming the section, the record's index, its external_id and the field.
2. `catalog_plan()` compares the cleaned records with the database: what to create, what to
   update (only the fields a record gives), what is unchanged.
3. `catalog_apply()` writes the plan in one transaction (bulk writes: 10,000 solutions take
   seconds). Challenges imported as published go through `challenge_publish`, the pipeline of
   the UI, unless `notify=False`.

`catalog_import()` chains them: an invalid record means nothing is written."""

import json
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from challenges.models import Domain
from partners.models import Organization
from solutions.importer.fields import Invalid, Spec, field_specs, type_name, unfold_aliases

SECTIONS = ("organizations", "challenges", "solutions")
MAX_RECORDS = 100_000
MAX_FILE_BYTES = 256 * 1024 * 1024
CHUNK = 2000

CITY_KINDS = (Organization.Kind.CITY, Organization.Kind.PARTNER)


@dataclass(frozen=True)
class Problem:
    """One reason the file cannot be imported, located as precisely as possible."""

    message: str
    section: str = ""
    index: int | None = None
    external_id: str | None = None
    field: str | None = None

    @property
    def where(self) -> str:
        if not self.section:
            return ""
        return self.section if self.index is None else f"{self.section}[{self.index}]"

    def __str__(self) -> str:
        values = {
            "where": self.where,
            "external_id": self.external_id,
            "field": self.field,
            "message": self.message,
        }
        if not self.where:
            return self.message
        if self.external_id and self.field:
            return (
                _("%(where)s (external_id « %(external_id)s »), champ « %(field)s » : %(message)s")
                % values
            )
        if self.field:
            return _("%(where)s, champ « %(field)s » : %(message)s") % values
        if self.external_id:
            return _("%(where)s (external_id « %(external_id)s ») : %(message)s") % values
        return _("%(where)s : %(message)s") % values


class CatalogError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class Known:
    """What the database already holds that records may refer to."""

    domains: set[str] = field(default_factory=set)
    organizations: dict[str, str] = field(default_factory=dict)  # external_id -> kind

    @classmethod
    def from_database(cls) -> "Known":
        return cls(
            domains=set(Domain.objects.values_list("slug", flat=True)),
            organizations=dict(
                Organization.objects.exclude(external_id=None).values_list("external_id", "kind")
            ),
        )


@dataclass
class Catalog:
    organizations: list[dict] = field(default_factory=list)
    challenges: list[dict] = field(default_factory=list)
    solutions: list[dict] = field(default_factory=list)


def parse_catalog(raw: bytes | str) -> Any:
    """The JSON document, or `CatalogError` saying where it is malformed."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise CatalogError([Problem(_("Le fichier dépasse 256 Mo."))])
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CatalogError(
                [
                    Problem(
                        _("Le fichier n'est pas encodé en UTF-8 (octet %(position)s).")
                        % {"position": error.start}
                    )
                ]
            ) from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise CatalogError(
            [
                Problem(
                    _("JSON mal formé, ligne %(line)s, colonne %(column)s : %(reason)s.")
                    % {"line": error.lineno, "column": error.colno, "reason": error.msg}
                )
            ]
        ) from None
    except RecursionError:
        raise CatalogError([Problem(_("JSON trop profondément imbriqué."))]) from None


def _clean_record(
    section: str,
    index: int,
    record: Any,
    specs: dict[str, Spec],
    problems: list[Problem],
) -> dict | None:
    if not isinstance(record, dict):
        problems.append(
            Problem(
                _("chaque élément doit être un objet, pas %(type)s.") % {"type": type_name(record)},
                section,
                index,
            )
        )
        return None
    raw_id = record.get("external_id")
    external_id = raw_id.strip()[:100] if isinstance(raw_id, str) else None
    clean: dict = {}
    before = len(problems)
    for key in record:
        if key not in specs:
            problems.append(
                Problem(
                    _("clé inconnue."),
                    section,
                    index,
                    external_id,
                    str(key)[:80],
                )
            )
    for name, spec in specs.items():
        value = record.get(name)
        if value is None or (isinstance(value, str) and not value.strip() and spec.required):
            if spec.required:
                problems.append(Problem(_("obligatoire."), section, index, external_id, name))
            elif name in record and spec.nullable is not ...:
                clean[name] = spec.nullable
            continue
        try:
            clean[name] = spec.check(value)
        except Invalid as error:
            problems.append(Problem(str(error), section, index, external_id, name))
        except RecursionError:
            problems.append(Problem(_("valeur trop imbriquée."), section, index, external_id, name))
    if len(problems) > before:
        return None
    unfold_aliases(section, clean)
    clean["_index"] = index
    return clean


def validate_catalog(data: Any, *, known: Known) -> tuple[Catalog, list[Problem]]:
    """The cleaned catalogue and every problem found; no database access."""
    problems: list[Problem] = []
    catalog = Catalog()
    if not isinstance(data, dict):
        return catalog, [
            Problem(
                _("Le document doit être un objet JSON avec les clés %(keys)s.")
                % {"keys": ", ".join(SECTIONS)}
            )
        ]
    for key in data:
        if key not in SECTIONS:
            problems.append(
                Problem(
                    _("Clé inconnue « %(key)s » (clés possibles : %(keys)s).")
                    % {"key": str(key)[:80], "keys": ", ".join(SECTIONS)}
                )
            )
    specs = field_specs()
    for section in SECTIONS:
        records = data.get(section, [])
        if records is None:
            records = []
        if not isinstance(records, list):
            problems.append(
                Problem(
                    _("doit être une liste, pas %(type)s.") % {"type": type_name(records)},
                    section,
                )
            )
            continue
        if len(records) > MAX_RECORDS:
            problems.append(Problem(_("au plus %(max)s éléments.") % {"max": MAX_RECORDS}, section))
            continue
        seen: dict[str, int] = {}
        for index, record in enumerate(records):
            clean = _clean_record(section, index, record, specs[section], problems)
            if clean is None:
                continue
            external_id = clean["external_id"]
            if external_id in seen:
                problems.append(
                    Problem(
                        _("external_id en double (déjà utilisé par %(section)s[%(other)s]).")
                        % {"section": section, "other": seen[external_id]},
                        section,
                        index,
                        external_id,
                        "external_id",
                    )
                )
                continue
            seen[external_id] = index
            getattr(catalog, section).append(clean)
    _check_references(catalog, known, problems)
    return catalog, problems


def _check_references(catalog: Catalog, known: Known, problems: list[Problem]) -> None:
    """Domains exist; organisations exist (in the file or the database) and are of the right kind."""
    kinds: dict[str, str | None] = dict(known.organizations)
    in_file = {o["external_id"]: o for o in catalog.organizations}
    for org in catalog.organizations:
        kinds[org["external_id"]] = org.get("kind") or known.organizations.get(org["external_id"])
    # A new organisation without a kind takes the kind its records imply.
    implied: dict[str, set[str]] = {}
    for section, kind in (
        ("challenges", Organization.Kind.CITY),
        ("solutions", Organization.Kind.INNOVATOR),
    ):
        for record in getattr(catalog, section):
            implied.setdefault(record["organization"], set()).add(kind)
    for ext_id, org in in_file.items():
        if kinds[ext_id] is None:
            guesses = implied.get(ext_id, set())
            if len(guesses) == 1:
                kinds[ext_id] = org["kind"] = guesses.pop()
            else:
                problems.append(
                    Problem(
                        _("obligatoire pour une nouvelle organisation."),
                        "organizations",
                        org["_index"],
                        ext_id,
                        "kind",
                    )
                )
    for org in catalog.organizations:
        parent = org.get("parent")
        if parent is None:
            continue
        if parent == org["external_id"]:
            problems.append(
                Problem(
                    _("une organisation ne peut pas être sa propre mère."),
                    "organizations",
                    org["_index"],
                    org["external_id"],
                    "parent",
                )
            )
        elif parent not in kinds:
            problems.append(_dangling("organizations", org, "parent", parent))

    def check_owner(section: str, record: dict, name: str, ref: str, allowed: tuple) -> None:
        if ref not in kinds:
            problems.append(_dangling(section, record, name, ref))
        elif kinds[ref] is not None and kinds[ref] not in allowed:
            problems.append(
                Problem(
                    _(
                        "l'organisation « %(ref)s » est de type « %(kind)s » ; attendu : %(allowed)s."
                    )
                    % {"ref": ref, "kind": kinds[ref], "allowed": ", ".join(allowed)},
                    section,
                    record["_index"],
                    record["external_id"],
                    name,
                )
            )

    for section, allowed in (
        ("challenges", CITY_KINDS),
        ("solutions", (Organization.Kind.INNOVATOR,)),
    ):
        for record in getattr(catalog, section):
            check_owner(section, record, "organization", record["organization"], allowed)
            for ref in record.get("co_owners", []):
                check_owner(section, record, "co_owners", ref, allowed)
            for reference in record.get("references", []):
                if reference["organization"] is not None and reference["organization"] not in kinds:
                    problems.append(
                        _dangling(section, record, "references", reference["organization"])
                    )
            unknown = [slug for slug in record.get("domains", []) if slug not in known.domains]
            if unknown:
                problems.append(
                    Problem(
                        _("domaine inconnu « %(slug)s » (domaines : %(slugs)s).")
                        % {
                            "slug": str(unknown[0])[:80],
                            "slugs": ", ".join(sorted(known.domains)),
                        },
                        section,
                        record["_index"],
                        record["external_id"],
                        "domains",
                    )
                )
    for record in catalog.challenges:
        low, high = record.get("budget_min"), record.get("budget_max")
        if low is not None and high is not None and low > high:
            problems.append(
                Problem(
                    _("doit être supérieur ou égal à budget_min."),
                    "challenges",
                    record["_index"],
                    record["external_id"],
                    "budget_max",
                )
            )


def _dangling(section: str, record: dict, name: str, ref: str) -> Problem:
    return Problem(
        _("organisation « %(ref)s » introuvable (ni dans le fichier ni dans le portail).")
        % {"ref": str(ref)[:100]},
        section,
        record["_index"],
        record["external_id"],
        name,
    )
