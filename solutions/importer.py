"""Catalogue import: organisations, challenges and solutions from one JSON document.

The format is DESIGN.md's "Catalogue file". Three steps:

1. `validate_catalog(data, known=...)` is pure (no database): it checks the shape and every value
   of the document against what the database already knows (`Known`: domain slugs, external ids
   and kinds of organisations) and returns the cleaned records and every problem found, each
   naming the section, the record's index, its external_id and the field.
2. `catalog_plan()` compares the cleaned records with the database: what to create, what to
   update (only the fields a record gives), what is unchanged.
3. `catalog_apply()` writes the plan in one transaction (bulk writes: 10,000 solutions take
   seconds). Challenges imported as published go through `challenge_publish`, the pipeline of
   the UI, unless `notify=False`.

`catalog_import()` chains them: an invalid record means nothing is written.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from challenges.models import MAX_BUDGET, Challenge, ChallengeStatusChange, Domain
from challenges.services import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    challenge_create,
    challenge_publish,
    challenge_update,
    normalize_tags,
)
from partners.caching import content_changed
from partners.models import Organization

from .models import (
    SOLUTION_EDITABLE_FIELDS,
    Language,
    PriceModel,
    Region,
    Solution,
    SolutionReference,
    Trl,
)

SECTIONS = ("organizations", "challenges", "solutions")
MAX_RECORDS = 100_000
MAX_FILE_BYTES = 256 * 1024 * 1024
CHUNK = 2000

COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
    """.split()
)  # ISO 3166-1 alpha-2, every officially assigned code
CITY_KINDS = (Organization.Kind.CITY, Organization.Kind.PARTNER)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_url = URLValidator(schemes=["http", "https"])


# --- Problems -------------------------------------------------------------------------------


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


class _Invalid(Exception):
    """A value is refused; the message says why (the caller adds where)."""


# --- Field checks ---------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    return {
        bool: _("un booléen"),
        int: _("un entier"),
        float: _("un nombre"),
        str: _("du texte"),
        list: _("une liste"),
        dict: _("un objet"),
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _text(value: Any, *, max_length: int, single_line: bool = False) -> str:
    if not isinstance(value, str):
        raise _Invalid(_("doit être du texte, pas %(type)s.") % {"type": _type_name(value)})
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Invalid(_("contient des caractères invalides.")) from None
    if _CONTROL.search(value) or (single_line and ("\n" in value or "\r" in value)):
        raise _Invalid(_("contient des caractères de contrôle."))
    value = value.strip()
    if len(value) > max_length:
        raise _Invalid(
            _("trop long (%(length)s caractères ; %(max)s au plus).")
            % {"length": len(value), "max": max_length}
        )
    return value


def _integer(value: Any, *, minimum: int, maximum: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(_("doit être un entier, pas %(type)s.") % {"type": _type_name(value)})
    if not minimum <= value <= maximum:
        raise _Invalid(
            _("doit être compris entre %(min)s et %(max)s.") % {"min": minimum, "max": maximum}
        )
    return value


def _choice(value: Any, *, choices: list[str]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _Invalid(
            _("valeur inconnue %(value)s (valeurs possibles : %(choices)s).")
            % {
                "value": json.dumps(value, ensure_ascii=False)[:80],
                "choices": ", ".join(choices),
            }
        )
    return value


def _list(value: Any, *, max_items: int) -> list:
    if not isinstance(value, list):
        raise _Invalid(_("doit être une liste, pas %(type)s.") % {"type": _type_name(value)})
    if len(value) > max_items:
        raise _Invalid(_("au plus %(max)s éléments.") % {"max": max_items})
    return value


def _codes(value: Any, *, choices: list[str], max_items: int = 50) -> list[str]:
    result = []
    for item in _list(value, max_items=max_items):
        code = _choice(item, choices=choices)
        if code not in result:
            result.append(code)
    return result


def _tags(value: Any) -> list[str]:
    for item in _list(value, max_items=MAX_TAGS):
        tag = _text(item, max_length=MAX_TAG_LENGTH, single_line=True)
        if not tag:
            raise _Invalid(_("un mot-clé est vide."))
    return normalize_tags(value)


def _date(value: Any) -> date:
    if not isinstance(value, str):
        raise _Invalid(
            _("doit être une date AAAA-MM-JJ, pas %(type)s.") % {"type": _type_name(value)}
        )
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise _Invalid(_("doit être une date valide au format AAAA-MM-JJ.")) from None


def _datetime(value: Any) -> datetime:
    if isinstance(value, str) and len(value) == 10:
        moment = datetime.combine(_date(value), time(12, 0))
    elif isinstance(value, str) and len(value) <= 40:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise _Invalid(_("doit être une date ou une date et heure ISO 8601.")) from None
    else:
        raise _Invalid(_("doit être une date ou une date et heure ISO 8601."))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _country(value: Any) -> str:
    if not isinstance(value, str) or value.strip().upper() not in COUNTRIES:
        raise _Invalid(_("doit être un code de pays ISO 3166-1 à deux lettres, p. ex. CA ou FR."))
    return value.strip().upper()


def _website(value: Any, *, max_length: int) -> str:
    value = _text(value, max_length=max_length, single_line=True)
    if value:
        try:
            _url(value)
        except ValidationError:
            raise _Invalid(_("doit être une adresse web complète (https://…).")) from None
    return value


def _external_id(value: Any, *, max_length: int = 100) -> str:
    value = _text(value, max_length=max_length, single_line=True)
    if not value:
        raise _Invalid(_("ne peut pas être vide."))
    return value


@dataclass(frozen=True)
class Spec:
    check: Any  # function(value) -> cleaned value, raising _Invalid
    required: bool = False
    nullable: Any = ...  # the cleaned value of null; `...`: null is refused (absent if optional)


def _max(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def _text_spec(model, name: str, *, required: bool = False, single_line: bool = True) -> Spec:
    length = _max(model, name)
    return Spec(
        lambda v: _text(v, max_length=length, single_line=single_line),
        required=required,
        nullable="",
    )


def _ref(value: Any) -> str:
    return _external_id(value)


def _refs(value: Any) -> list[str]:
    result = []
    for item in _list(value, max_items=20):
        ref = _external_id(item)
        if ref not in result:
            result.append(ref)
    return result


def _slugs(value: Any) -> list[str]:
    result = []
    for item in _list(value, max_items=20):
        if not isinstance(item, str):
            raise _Invalid(
                _("doit être une liste d'identifiants de domaines, pas %(type)s.")
                % {"type": _type_name(item)}
            )
        if item not in result:
            result.append(item)
    return result


REFERENCE_KEYS = {"name", "year", "kind", "organization"}


def _references(value: Any) -> list[dict]:
    result = []
    for position, item in enumerate(_list(value, max_items=30)):
        if isinstance(item, str):
            item = {"name": item}  # a plain name is a deployment with no year
        if not isinstance(item, dict):
            raise _Invalid(
                _("la référence n° %(n)s doit être un nom ou un objet.") % {"n": position}
            )
        unknown = sorted(set(item) - REFERENCE_KEYS)
        if unknown:
            raise _Invalid(
                _("la référence n° %(n)s a une clé inconnue : %(key)s.")
                % {"n": position, "key": unknown[0][:80]}
            )
        try:
            name = _text(item.get("name", ""), max_length=200, single_line=True)
            year = item.get("year")
            year = None if year is None else _integer(year, minimum=1950, maximum=2100)
            kind = _choice(
                item.get("kind", SolutionReference.Kind.DEPLOYED),
                choices=SolutionReference.Kind.values,
            )
            organization = item.get("organization")
            organization = None if organization is None else _external_id(organization)
        except _Invalid as error:
            raise _Invalid(
                _("référence n° %(n)s : %(message)s") % {"n": position, "message": error}
            ) from None
        if not name and organization is None:
            raise _Invalid(_("la référence n° %(n)s n'a pas de nom.") % {"n": position})
        result.append({"name": name, "year": year, "kind": kind, "organization": organization})
    return result


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(_("doit être true ou false, pas %(type)s.") % {"type": _type_name(value)})
    return value


GAINS = ("economic", "environmental", "social")


def _gains(value: Any) -> dict[str, str]:
    """Expected gains as one object: {"economic": …, "environmental": …, "social": …}."""
    if not isinstance(value, dict):
        raise _Invalid(_("doit être un objet, pas %(type)s.") % {"type": _type_name(value)})
    unknown = sorted(str(k)[:40] for k in set(value) - set(GAINS))
    if unknown:
        raise _Invalid(
            _("clé inconnue « %(key)s » (clés possibles : %(keys)s).")
            % {"key": unknown[0], "keys": ", ".join(GAINS)}
        )
    length = _max(Challenge, "gain_economic")
    return {f"gain_{k}": "" if v is None else _text(v, max_length=length) for k, v in value.items()}


# Keys that are another way to give fields (DESIGN.md names them so): moved into place after
# the checks, never overriding a field given under its own name.
def _unfold_aliases(section: str, clean: dict) -> None:
    if section == "organizations" and "verified" in clean:
        verified = clean.pop("verified")
        clean.setdefault(
            "status", Organization.Status.VERIFIED if verified else Organization.Status.PENDING
        )
    if section == "challenges":
        for alias in ("gains", "expected_gains"):
            for name, text in clean.pop(alias, {}).items():
                clean.setdefault(name, text)


def _specs() -> dict[str, dict[str, Spec]]:
    """What each section's records may contain (lengths from the models, so they never drift)."""
    return {
        "organizations": {
            "external_id": Spec(_external_id, required=True),
            "name": _text_spec(Organization, "name", required=True),
            "kind": Spec(lambda v: _choice(v, choices=Organization.Kind.values)),
            "country": Spec(_country),
            "region": _text_spec(Organization, "region"),
            "population": Spec(
                lambda v: _integer(v, minimum=1, maximum=100_000_000), nullable=None
            ),
            "website": Spec(lambda v: _website(v, max_length=200), nullable=""),
            "description": _text_spec(Organization, "description", single_line=False),
            "parent": Spec(_ref, nullable=None),
            "status": Spec(lambda v: _choice(v, choices=Organization.Status.values)),
            "verified": Spec(_boolean),
        },
        "challenges": {
            "external_id": Spec(_external_id, required=True),
            "organization": Spec(_ref, required=True),
            "co_owners": Spec(_refs, nullable=[]),
            "title": _text_spec(Challenge, "title", required=True),
            "summary": _text_spec(Challenge, "summary", single_line=False),
            "description": _text_spec(Challenge, "description", required=True, single_line=False),
            "domains": Spec(_slugs, nullable=[]),
            "tags": Spec(_tags, nullable=[]),
            "language": Spec(lambda v: _choice(v, choices=Challenge.Language.values)),
            "status": Spec(lambda v: _choice(v, choices=Challenge.Status.values)),
            "visibility": Spec(lambda v: _choice(v, choices=Challenge.Visibility.values)),
            "budget_min": Spec(lambda v: _integer(v, minimum=0, maximum=MAX_BUDGET), nullable=None),
            "budget_max": Spec(lambda v: _integer(v, minimum=0, maximum=MAX_BUDGET), nullable=None),
            "currency": Spec(lambda v: _choice(v, choices=Challenge.Currency.values)),
            "proposals_deadline": Spec(_date, nullable=None),
            "gain_economic": _text_spec(Challenge, "gain_economic", single_line=False),
            "gain_environmental": _text_spec(Challenge, "gain_environmental", single_line=False),
            "gain_social": _text_spec(Challenge, "gain_social", single_line=False),
            "terms": _text_spec(Challenge, "terms", single_line=False),
            "gains": Spec(_gains),
            "expected_gains": Spec(_gains),
            "published_at": Spec(_datetime, nullable=None),
        },
        "solutions": {
            "external_id": Spec(_external_id, required=True),
            "organization": Spec(_ref, required=True),
            "name": _text_spec(Solution, "name", required=True),
            "summary": _text_spec(Solution, "summary", single_line=False),
            "description": _text_spec(Solution, "description", required=True, single_line=False),
            "domains": Spec(_slugs, nullable=[]),
            "tags": Spec(_tags, nullable=[]),
            "trl": Spec(
                lambda v: _integer(v, minimum=min(Trl.values), maximum=max(Trl.values)),
                nullable=None,
            ),
            "language": Spec(lambda v: _choice(v, choices=Language.values)),
            "status": Spec(lambda v: _choice(v, choices=Solution.Status.values)),
            "price_model": Spec(
                lambda v: _choice(v, choices=["", *PriceModel.values]), nullable=""
            ),
            "price_details": _text_spec(Solution, "price_details"),
            "regions_served": Spec(lambda v: _codes(v, choices=Region.values), nullable=[]),
            "languages": Spec(lambda v: _codes(v, choices=Language.values), nullable=[]),
            "website": Spec(lambda v: _website(v, max_length=300), nullable=""),
            "references": Spec(_references, nullable=[]),
        },
    }


# --- Validation -----------------------------------------------------------------------------


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
                _("chaque élément doit être un objet, pas %(type)s.")
                % {"type": _type_name(record)},
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
        except _Invalid as error:
            problems.append(Problem(str(error), section, index, external_id, name))
        except RecursionError:
            problems.append(Problem(_("valeur trop imbriquée."), section, index, external_id, name))
    if len(problems) > before:
        return None
    _unfold_aliases(section, clean)
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
    specs = _specs()
    for section in SECTIONS:
        records = data.get(section, [])
        if records is None:
            records = []
        if not isinstance(records, list):
            problems.append(
                Problem(
                    _("doit être une liste, pas %(type)s.") % {"type": _type_name(records)},
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


# --- Applying -------------------------------------------------------------------------------


@dataclass
class Changes:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated)


@dataclass
class Report:
    organizations: Changes = field(default_factory=Changes)
    challenges: Changes = field(default_factory=Changes)
    solutions: Changes = field(default_factory=Changes)
    # Challenges this import publishes through the publish pipeline (notifications, matching).
    published: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return any(getattr(self, s).total for s in SECTIONS)

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            **{
                s: {
                    "created": len(getattr(self, s).created),
                    "updated": len(getattr(self, s).updated),
                    "unchanged": getattr(self, s).unchanged,
                }
                for s in SECTIONS
            },
            "published": self.published,
        }

    def lines(self, *, detail: int = 20) -> list[str]:
        labels = {
            "organizations": _("Organisations"),
            "challenges": _("Enjeux"),
            "solutions": _("Solutions"),
        }
        if self.dry_run:
            template = _(
                "%(section)s : %(created)s à créer, %(updated)s à mettre à jour, "
                "%(unchanged)s sans changement."
            )
            titles = (_("à créer"), _("à mettre à jour"))
        else:
            template = _(
                "%(section)s : %(created)s création(s), %(updated)s mise(s) à jour, "
                "%(unchanged)s sans changement."
            )
            titles = (_("créations"), _("mises à jour"))
        result = []
        for section in SECTIONS:
            changes = getattr(self, section)
            result.append(
                template
                % {
                    "section": labels[section],
                    "created": len(changes.created),
                    "updated": len(changes.updated),
                    "unchanged": changes.unchanged,
                }
            )
            for title, ids in zip(titles, (changes.created, changes.updated), strict=True):
                if ids and detail:
                    shown = ", ".join(ids[:detail])
                    more = len(ids) - detail
                    if more > 0:
                        shown += " " + _("(et %(count)s autres)") % {"count": more}
                    result.append(f"  {title} : {shown}")
        if self.published:
            label = _("Enjeux publiés (notifications et jumelage) : %(ids)s")
            if self.dry_run:
                label = _("Enjeux qui seraient publiés (notifications et jumelage) : %(ids)s")
            result.append(label % {"ids": ", ".join(self.published[:detail])})
        return result


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _fetch_by_external_id(model, external_ids: list[str], **related) -> dict:
    found = {}
    queryset = model.objects.all()
    if related.get("select_related"):
        queryset = queryset.select_related(*related["select_related"])
    for chunk in _chunks(external_ids):
        found.update({o.external_id: o for o in queryset.filter(external_id__in=chunk)})
    return found


def _problem_from(error: ValidationError, section: str, record: dict) -> list[Problem]:
    if hasattr(error, "error_dict"):
        return [
            Problem(
                " ".join(messages),
                section,
                record["_index"],
                record["external_id"],
                name,
            )
            for name, messages in error.message_dict.items()
        ]
    return [Problem(" ".join(error.messages), section, record["_index"], record["external_id"])]


ORGANIZATION_FIELDS = (
    "name",
    "kind",
    "country",
    "region",
    "population",
    "website",
    "description",
    "status",
)


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _apply_organizations(records: list[dict], changes: Changes) -> dict[str, Organization]:
    existing = _fetch_by_external_id(
        Organization, [r["external_id"] for r in records], select_related=["parent"]
    )
    taken = set(Organization.objects.values_list("slug", flat=True)) if records else set()
    for record in records:
        organization = existing.get(record["external_id"])
        values = {f: record[f] for f in ORGANIZATION_FIELDS if f in record}
        if organization is None:
            values.setdefault("status", Organization.Status.VERIFIED)
            organization = Organization(
                external_id=record["external_id"],
                slug=_unique_slug(values["name"], taken),
                **values,
            )
            organization.save()
            existing[record["external_id"]] = organization
            changes.created.append(record["external_id"])
            continue
        changed = [f for f, v in values.items() if getattr(organization, f) != v]
        for name in changed:
            setattr(organization, name, values[name])
        if changed:
            organization.save(update_fields=changed)
            changes.updated.append(record["external_id"])
    # Parents last: a parent may come later in the file.
    parents = {r["external_id"]: r["parent"] for r in records if "parent" in r}
    lookup = _organizations_by_external_id(set(parents.values()) - {None}, existing)
    for external_id, parent_id in parents.items():
        organization = existing[external_id]
        parent = lookup.get(parent_id) if parent_id else None
        if organization.parent_id != (parent.pk if parent else None):
            organization.parent = parent
            organization.save(update_fields=["parent"])
            if external_id not in changes.created and external_id not in changes.updated:
                changes.updated.append(external_id)
    changes.unchanged = len(records) - changes.total
    return existing


def _organizations_by_external_id(
    external_ids: set[str], already: dict[str, Organization] | None = None
) -> dict[str, Organization]:
    found = dict(already or {})
    missing = [e for e in external_ids if e not in found]
    found.update(_fetch_by_external_id(Organization, missing))
    return found


CHALLENGE_FIELDS = (
    "title",
    "summary",
    "description",
    "tags",
    "language",
    "visibility",
    "budget_min",
    "budget_max",
    "currency",
    "proposals_deadline",
    "gain_economic",
    "gain_environmental",
    "gain_social",
    "terms",
)
IMPORT_COMMENT = "import_catalog"


def _apply_challenges(
    records: list[dict], changes: Changes, report: Report, *, notify: bool
) -> None:
    if not records:
        return
    existing = _fetch_by_external_id(Challenge, [r["external_id"] for r in records])
    owners_of: dict[int, set[str]] = {}
    domains_of: dict[int, set[str]] = {}
    ids = [c.pk for c in existing.values()]
    for chunk in _chunks(ids):
        for challenge_id, ext in Challenge.owners.through.objects.filter(
            challenge_id__in=chunk
        ).values_list("challenge_id", "organization__external_id"):
            owners_of.setdefault(challenge_id, set()).add(ext)
        for challenge_id, slug in Challenge.domains.through.objects.filter(
            challenge_id__in=chunk
        ).values_list("challenge_id", "domain__slug"):
            domains_of.setdefault(challenge_id, set()).add(slug)
    referenced = {r["organization"] for r in records} | {
        o for r in records for o in r.get("co_owners", [])
    }
    organizations = _organizations_by_external_id(referenced)
    domains = {d.slug: d for d in Domain.objects.all()}
    problems: list[Problem] = []
    for record in records:
        challenge = existing.get(record["external_id"])
        owner_ids = [record["organization"], *record.get("co_owners", [])]
        owners = [organizations[o] for o in dict.fromkeys(owner_ids)]
        values = {f: record[f] for f in CHALLENGE_FIELDS if f in record}
        try:
            if challenge is None:
                challenge = challenge_create(
                    by=None,
                    owners=owners,
                    domains=[domains[s] for s in record.get("domains", [])],
                    external_id=record["external_id"],
                    **values,
                )
                changed = True
                changes.created.append(record["external_id"])
            else:
                changed_fields = {f: v for f, v in values.items() if getattr(challenge, f) != v}
                new_owners = None
                if set(owner_ids) != owners_of.get(challenge.pk, set()):
                    new_owners = owners
                new_domains = None
                if "domains" in record and set(record["domains"]) != domains_of.get(
                    challenge.pk, set()
                ):
                    new_domains = [domains[s] for s in record["domains"]]
                changed = bool(changed_fields or new_owners or new_domains is not None)
                if changed:
                    challenge_update(
                        challenge=challenge,
                        by=None,
                        owners=new_owners,
                        domains=new_domains,
                        **changed_fields,
                    )
            if _set_status(challenge, record, report, notify=notify):
                changed = True
            if changed and record["external_id"] not in changes.created:
                changes.updated.append(record["external_id"])
        except ValidationError as error:
            problems += _problem_from(error, "challenges", record)
    if problems:
        raise CatalogError(problems)
    changes.unchanged = len(records) - changes.total


def _set_status(challenge: Challenge, record: dict, report: Report, *, notify: bool) -> bool:
    """Bring the challenge to the record's status; True if anything changed.

    Publishing a challenge that still takes proposals goes through `challenge_publish` (the UI's
    pipeline: history, notifications, matching after the commit), unless `notify` is off. Other
    statuses, and challenges whose deadline is over, are recorded directly with their history:
    they are the archive of past challenges, nobody is to be alerted about them.
    """
    S = Challenge.Status
    target = record.get("status")
    published_at = record.get("published_at")
    changed = False
    if target is not None and target != challenge.status:
        source = challenge.status
        takes_proposals = (
            challenge.proposals_deadline is None
            or challenge.proposals_deadline >= timezone.localdate()
        )
        if (
            target == S.PUBLISHED
            and notify
            and takes_proposals
            and source in (S.DRAFT, S.SUBMITTED)
        ):
            challenge_publish(challenge=challenge, by=None, comment=IMPORT_COMMENT)
            report.published.append(record["external_id"])
        else:
            challenge.status = target
            if target in Challenge.PUBLIC_STATUSES and challenge.published_at is None:
                challenge.published_at = published_at or timezone.now()
            challenge.save(update_fields=["status", "published_at", "updated_at"])
            ChallengeStatusChange.objects.create(
                challenge=challenge,
                from_status=source,
                to_status=target,
                by=None,
                comment=IMPORT_COMMENT,
            )
        changed = True
    if published_at is not None and challenge.published_at != published_at:
        challenge.published_at = published_at
        challenge.save(update_fields=["published_at"])
        changed = True
    return changed


SOLUTION_FIELDS = (*SOLUTION_EDITABLE_FIELDS, "status")


def _apply_solutions(records: list[dict], changes: Changes) -> None:
    if not records:
        return
    now = timezone.now()
    existing = _fetch_by_external_id(Solution, [r["external_id"] for r in records])
    ids = [s.pk for s in existing.values()]
    domain_pk = dict(Domain.objects.values_list("slug", "pk"))
    current_domains: dict[int, set[int]] = {}
    current_refs: dict[int, list[tuple]] = {}
    through = Solution.domains.through
    for chunk in _chunks(ids):
        for solution_id, domain_id in through.objects.filter(solution_id__in=chunk).values_list(
            "solution_id", "domain_id"
        ):
            current_domains.setdefault(solution_id, set()).add(domain_id)
        for row in (
            SolutionReference.objects.filter(solution_id__in=chunk)
            .order_by("pk")
            .values_list("solution_id", "name", "year", "kind", "organization_id")
        ):
            current_refs.setdefault(row[0], []).append(row[1:])
    referenced = {r["organization"] for r in records} | {
        ref["organization"]
        for r in records
        for ref in r.get("references", [])
        if ref["organization"]
    }
    organizations = _organizations_by_external_id(referenced)
    # A reference named exactly like a city of the portal is linked to it (see services).
    by_name: dict[str, int] = {}
    if any(r.get("references") for r in records):
        by_name = {
            name.lower(): pk
            for name, pk in Organization.objects.exclude(
                kind=Organization.Kind.INNOVATOR
            ).values_list("name", "pk")
        }

    def wanted_references(record: dict) -> list[tuple]:
        rows = []
        for ref in record["references"]:
            organization = organizations.get(ref["organization"]) if ref["organization"] else None
            name = ref["name"] or organization.name
            org_pk = organization.pk if organization else by_name.get(name.lower())
            rows.append((name, ref["year"], ref["kind"], org_pk))
        return rows

    to_create: list[tuple[Solution, dict]] = []
    to_update: list[Solution] = []
    new_domains: dict[str, set[int]] = {}
    new_refs: dict[str, list[tuple]] = {}
    for record in records:
        values = {f: record[f] for f in SOLUTION_FIELDS if f in record}
        values["organization_id"] = organizations[record["organization"]].pk
        solution = existing.get(record["external_id"])
        domains = {domain_pk[s] for s in record["domains"]} if "domains" in record else None
        refs = wanted_references(record) if "references" in record else None
        if solution is None:
            values.setdefault("status", Solution.Status.PUBLISHED)
            solution = Solution(external_id=record["external_id"], **values)
            if solution.status == Solution.Status.PUBLISHED:
                solution.published_at = now
            to_create.append((solution, record))
            new_domains[record["external_id"]] = domains or set()
            new_refs[record["external_id"]] = refs or []
            changes.created.append(record["external_id"])
            continue
        changed = [f for f, v in values.items() if getattr(solution, f) != v]
        for name in changed:
            setattr(solution, name, values[name])
        if domains is not None and domains != current_domains.get(solution.pk, set()):
            new_domains[record["external_id"]] = domains
        if refs is not None and refs != current_refs.get(solution.pk, []):
            new_refs[record["external_id"]] = refs
        if changed or record["external_id"] in new_domains or record["external_id"] in new_refs:
            if solution.status == Solution.Status.PUBLISHED and solution.published_at is None:
                solution.published_at = now
            solution.updated_at = now
            to_update.append(solution)
            changes.updated.append(record["external_id"])
    Solution.objects.bulk_create([s for s, _r in to_create], batch_size=500)
    if to_update:
        Solution.objects.bulk_update(
            to_update,
            [*SOLUTION_FIELDS, "organization_id", "published_at", "updated_at"],
            batch_size=500,
        )
    pk_of = {s.external_id: s.pk for s, _r in to_create} | {s.external_id: s.pk for s in to_update}
    changed_domains = [pk_of[e] for e in new_domains if e in existing]
    for chunk in _chunks(changed_domains):
        through.objects.filter(solution_id__in=chunk).delete()
    through.objects.bulk_create(
        [
            through(solution_id=pk_of[e], domain_id=d)
            for e, domains in new_domains.items()
            for d in sorted(domains)
        ],
        batch_size=1000,
    )
    changed_refs = [pk_of[e] for e in new_refs if e in existing]
    for chunk in _chunks(changed_refs):
        SolutionReference.objects.filter(solution_id__in=chunk).delete()
    SolutionReference.objects.bulk_create(
        [
            SolutionReference(
                solution_id=pk_of[e],
                name=name,
                year=year,
                kind=kind,
                organization_id=org,
            )
            for e, rows in new_refs.items()
            for name, year, kind, org in rows
        ],
        batch_size=1000,
    )
    changes.unchanged = len(records) - changes.total


def catalog_apply(catalog: Catalog, *, notify: bool = True) -> Report:
    """Write the cleaned catalogue; call inside a transaction (`catalog_import` does)."""
    report = Report()
    _apply_organizations(catalog.organizations, report.organizations)
    _apply_challenges(catalog.challenges, report.challenges, report, notify=notify)
    _apply_solutions(catalog.solutions, report.solutions)
    content_changed()  # bulk writes send no signal: cached pages name the new version
    return report


def catalog_import(data: Any, *, dry_run: bool = False, notify: bool = True) -> Report:
    """Validate and import a parsed catalogue: all or nothing.

    Raises `CatalogError` (nothing written) when a record is invalid. With `dry_run`, everything
    is done in a transaction that is rolled back: the report says exactly what would change.
    """
    catalog, problems = validate_catalog(data, known=Known.from_database())
    if problems:
        raise CatalogError(problems)
    with transaction.atomic():
        report = catalog_apply(catalog, notify=notify)
        report.dry_run = dry_run
        if dry_run:
            transaction.set_rollback(True)
    return report
