"""Field checks of the catalogue import: each turns a raw JSON value into a clean one or says
why not (`Invalid`); `field_specs()` says which check each field of each section takes."""

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import MAX_BUDGET, Challenge
from challenges.services import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    normalize_tags,
)
from partners.models import Organization
from solutions.catalogue.models import (
    Language,
    PriceModel,
    Region,
    Solution,
    SolutionReference,
    Trl,
)

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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_url = URLValidator(schemes=["http", "https"])


class Invalid(Exception):
    """A value is refused; the message says why (the caller adds where)."""


def type_name(value: Any) -> str:
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
        raise Invalid(_("doit être du texte, pas %(type)s.") % {"type": type_name(value)})
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Invalid(_("contient des caractères invalides.")) from None
    if _CONTROL.search(value) or (single_line and ("\n" in value or "\r" in value)):
        raise Invalid(_("contient des caractères de contrôle."))
    value = value.strip()
    if len(value) > max_length:
        raise Invalid(
            _("trop long (%(length)s caractères ; %(max)s au plus).")
            % {"length": len(value), "max": max_length}
        )
    return value


def _integer(value: Any, *, minimum: int, maximum: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(_("doit être un entier, pas %(type)s.") % {"type": type_name(value)})
    if not minimum <= value <= maximum:
        raise Invalid(
            _("doit être compris entre %(min)s et %(max)s.") % {"min": minimum, "max": maximum}
        )
    return value


def _choice(value: Any, *, choices: list[str]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise Invalid(
            _("valeur inconnue %(value)s (valeurs possibles : %(choices)s).")
            % {
                "value": json.dumps(value, ensure_ascii=False)[:80],
                "choices": ", ".join(choices),
            }
        )
    return value


def _list(value: Any, *, max_items: int) -> list:
    if not isinstance(value, list):
        raise Invalid(_("doit être une liste, pas %(type)s.") % {"type": type_name(value)})
    if len(value) > max_items:
        raise Invalid(_("au plus %(max)s éléments.") % {"max": max_items})
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
            raise Invalid(_("un mot-clé est vide."))
    return normalize_tags(value)


def _date(value: Any) -> date:
    if not isinstance(value, str):
        raise Invalid(
            _("doit être une date AAAA-MM-JJ, pas %(type)s.") % {"type": type_name(value)}
        )
    try:
        if len(value) != 10:
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid(_("doit être une date valide au format AAAA-MM-JJ.")) from None


def _datetime(value: Any) -> datetime:
    if isinstance(value, str) and len(value) == 10:
        moment = datetime.combine(_date(value), time(12, 0))
    elif isinstance(value, str) and len(value) <= 40:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(_("doit être une date ou une date et heure ISO 8601.")) from None
    else:
        raise Invalid(_("doit être une date ou une date et heure ISO 8601."))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _country(value: Any) -> str:
    if not isinstance(value, str) or value.strip().upper() not in COUNTRIES:
        raise Invalid(_("doit être un code de pays ISO 3166-1 à deux lettres, p. ex. CA ou FR."))
    return value.strip().upper()


def _website(value: Any, *, max_length: int) -> str:
    value = _text(value, max_length=max_length, single_line=True)
    if value:
        try:
            _url(value)
        except ValidationError:
            raise Invalid(_("doit être une adresse web complète (https://…).")) from None
    return value


def _external_id(value: Any, *, max_length: int = 100) -> str:
    value = _text(value, max_length=max_length, single_line=True)
    if not value:
        raise Invalid(_("ne peut pas être vide."))
    return value


@dataclass(frozen=True)
class Spec:
    check: Any  # function(value) -> cleaned value, raising Invalid
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
            raise Invalid(
                _("doit être une liste d'identifiants de domaines, pas %(type)s.")
                % {"type": type_name(item)}
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
            raise Invalid(
                _("la référence n° %(n)s doit être un nom ou un objet.") % {"n": position}
            )
        unknown = sorted(set(item) - REFERENCE_KEYS)
        if unknown:
            raise Invalid(
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
        except Invalid as error:
            raise Invalid(
                _("référence n° %(n)s : %(message)s") % {"n": position, "message": error}
            ) from None
        if not name and organization is None:
            raise Invalid(_("la référence n° %(n)s n'a pas de nom.") % {"n": position})
        result.append({"name": name, "year": year, "kind": kind, "organization": organization})
    return result


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(_("doit être true ou false, pas %(type)s.") % {"type": type_name(value)})
    return value


GAINS = ("economic", "environmental", "social")


def _gains(value: Any) -> dict[str, str]:
    """Expected gains as one object: {"economic": …, "environmental": …, "social": …}."""
    if not isinstance(value, dict):
        raise Invalid(_("doit être un objet, pas %(type)s.") % {"type": type_name(value)})
    unknown = sorted(str(k)[:40] for k in set(value) - set(GAINS))
    if unknown:
        raise Invalid(
            _("clé inconnue « %(key)s » (clés possibles : %(keys)s).")
            % {"key": unknown[0], "keys": ", ".join(GAINS)}
        )
    length = _max(Challenge, "gain_economic")
    return {f"gain_{k}": "" if v is None else _text(v, max_length=length) for k, v in value.items()}


# Keys that are another way to give fields (docs/catalogue-format.md names them so): moved into place after
# the checks, never overriding a field given under its own name.
def unfold_aliases(section: str, clean: dict) -> None:
    if section == "organizations" and "verified" in clean:
        verified = clean.pop("verified")
        clean.setdefault(
            "status", Organization.Status.VERIFIED if verified else Organization.Status.PENDING
        )
    if section == "challenges":
        for alias in ("gains", "expected_gains"):
            for name, text in clean.pop(alias, {}).items():
                clean.setdefault(name, text)


def field_specs() -> dict[str, dict[str, Spec]]:
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
