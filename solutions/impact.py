"""The impact dashboard: what the portal's challenges and pilots add up to.

`impact_dashboard(user, domain=, region=, year=)` runs a fixed number of grouped queries,
whatever the amount of data, and returns tables; `bar_chart()` turns a table into the geometry
of a server-rendered SVG bar chart (drawn by `templates/solutions/impact_chart.html`, with its
data table beside it). No inline style: bars take their colour from classes in
`static/css/pilots.css`, their size from SVG attributes.

What each audience sees follows the challenges' visibility: a visitor counts public challenges
in a public status and their pilots; verified members add network-only ones; curators see every
challenge (drafts, submissions and archives too) and a few more tables. Gains are the indicators'
improvements (latest measurement against the baseline) of completed pilots, summed by kind and
unit: dollars and euros are never added together.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils.translation import gettext as _

from challenges.models import Challenge, Domain
from partners.access import is_curator, is_verified_member
from partners.models import Organization

from .models import (
    CaseStudyCopy,
    EvidenceLevel,
    GainKind,
    Indicator,
    IndicatorUnit,
    Match,
    PilotProject,
)
from .models_pilots import UNIT_SYMBOLS

ENGAGED_MATCH_STATUSES = (
    Match.Status.PROPOSED,
    Match.Status.SHORTLISTED,
    Match.Status.INTRODUCED,
    Match.Status.PILOT,
)
MAX_GAIN_GROUPS = 24  # free units could otherwise multiply the tables


# --- Scopes and filters ---------------------------------------------------------------------


def scope_of(user) -> str:
    if is_curator(user):
        return "curator"
    if is_verified_member(user):
        return "network"
    return "public"


def challenge_scope(scope: str) -> QuerySet[Challenge]:
    if scope == "curator":
        return Challenge.objects.all()
    queryset = Challenge.objects.filter(status__in=Challenge.PUBLIC_STATUSES)
    if scope == "public":
        queryset = queryset.filter(visibility=Challenge.Visibility.PUBLIC)
    return queryset


def challenge_date():
    """A challenge's date on the dashboard: its publication, else its creation."""
    return Coalesce("published_at", "created_at")


def pilot_date():
    """A pilot's date: its end once ended, else its start (as `PilotProject.year` says)."""
    return Case(
        When(
            status__in=PilotProject.ENDED_STATUSES,
            end_date__isnull=False,
            then=F("end_date"),
        ),
        default=Coalesce("start_date", "end_date", TruncDate("created_at")),
        output_field=DateField(),
    )


def _in_region(region: str, field_name: str = "pk") -> Exists:
    return Exists(
        Challenge.owners.through.objects.filter(
            challenge_id=OuterRef(field_name), organization__region=region
        )
    )


def _in_domain(domain: Domain, field_name: str = "pk") -> Exists:
    return Exists(
        Challenge.domains.through.objects.filter(challenge_id=OuterRef(field_name), domain=domain)
    )


def filtered_challenges(scope: str, *, domain=None, region: str = "", year=None):
    queryset = challenge_scope(scope)
    if domain is not None:
        queryset = queryset.filter(_in_domain(domain))
    if region:
        queryset = queryset.filter(_in_region(region))
    if year:
        queryset = queryset.alias(ref_date=challenge_date()).filter(ref_date__year=year)
    return queryset


def filtered_pilots(scope: str, *, domain=None, region: str = "", year=None):
    """Pilots of the challenges in scope, filtered by their challenge's domain and region."""
    queryset = PilotProject.objects.all()
    if scope != "curator":
        queryset = queryset.filter(challenge__status__in=Challenge.PUBLIC_STATUSES)
        if scope == "public":
            queryset = queryset.filter(challenge__visibility=Challenge.Visibility.PUBLIC)
    if domain is not None:
        queryset = queryset.filter(_in_domain(domain, "challenge_id"))
    if region:
        queryset = queryset.filter(_in_region(region, "challenge_id"))
    queryset = queryset.alias(ref_date=pilot_date())
    if year:
        queryset = queryset.filter(ref_date__year=year)
    return queryset


def filter_choices() -> dict:
    """Regions of the cities that own challenges, and the years that have data (3 queries)."""
    regions = list(
        Organization.objects.filter(
            kind__in=(Organization.Kind.CITY, Organization.Kind.PARTNER),
            status=Organization.Status.VERIFIED,
        )
        .exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )
    bounds = Challenge.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
    pilot_bounds = PilotProject.objects.aggregate(
        first=Min("start_date"), last=Max("end_date"), last_start=Max("start_date")
    )
    firsts = [d.year for d in (bounds["first"], pilot_bounds["first"]) if d]
    lasts = [
        d.year for d in (bounds["last"], pilot_bounds["last"], pilot_bounds["last_start"]) if d
    ]
    years: list[int] = []
    if firsts and lasts:
        years = list(range(max(lasts), min(firsts) - 1, -1))
    return {"regions": regions, "years": years}


# --- Tables ---------------------------------------------------------------------------------


@dataclass
class Table:
    """Rows of a dashboard table: `rows` are (label, {series key: value}), series in order."""

    id: str
    title: str
    row_header: str
    series: list[tuple[str, str]]
    rows: list[tuple[str, dict]] = field(default_factory=list)
    unit: str = ""
    total_label: str = ""

    def cells(self) -> list[tuple[str, list, object]]:
        keys = [k for k, _label in self.series]
        return [
            (
                label,
                [values.get(k, 0) for k in keys],
                sum(values.get(k, 0) for k in keys),
            )
            for label, values in self.rows
        ]

    @property
    def is_empty(self) -> bool:
        return not self.rows


def _status_series(scope: str) -> list[tuple[str, str]]:
    statuses = Challenge.Status.choices
    if scope != "curator":
        statuses = [(v, label) for v, label in statuses if v in Challenge.PUBLIC_STATUSES]
    return [(v, str(label)) for v, label in statuses]


def challenges_by_year(challenges: QuerySet[Challenge], scope: str) -> Table:
    table = Table(
        "challenges-year",
        _("Enjeux par année et par statut"),
        _("Année"),
        _status_series(scope),
    )
    grid: dict[int, dict] = {}
    for year, status, n in (
        challenges.order_by()
        .annotate(year=ExtractYear(challenge_date()))
        .values_list("year", "status")
        .annotate(n=Count("pk"))
    ):
        grid.setdefault(year, {})[status] = n
    table.rows = [(str(y), grid[y]) for y in sorted(grid)]
    return table


def challenges_by_domain(challenges: QuerySet[Challenge], scope: str) -> Table:
    table = Table(
        "challenges-domain",
        _("Enjeux par domaine et par statut"),
        _("Domaine"),
        _status_series(scope),
    )
    counts: dict[int, dict] = {}
    for domain_id, status, n in (
        Challenge.domains.through.objects.filter(challenge__in=challenges.order_by().values("pk"))
        .values_list("domain_id", "challenge__status")
        .annotate(n=Count("challenge_id"))
        .order_by()
    ):
        counts.setdefault(domain_id, {})[status] = n
    table.rows = [(d.name, counts[d.pk]) for d in Domain.objects.all() if d.pk in counts]
    return table


def engagement_by_year(challenges: QuerySet[Challenge]) -> Table:
    table = Table(
        "engagement-year",
        _("Villes et innovateurs engagés par année"),
        _("Année"),
        [("cities", _("Villes")), ("innovators", _("Innovateurs"))],
    )
    ids = challenges.order_by().values("pk")
    grid: dict[int, dict] = {}
    for year, n in (
        Challenge.owners.through.objects.filter(challenge_id__in=ids)
        .annotate(year=ExtractYear(Coalesce("challenge__published_at", "challenge__created_at")))
        .values_list("year")
        .annotate(n=Count("organization_id", distinct=True))
        .order_by()
    ):
        grid.setdefault(year, {})["cities"] = n
    for year, n in (
        Match.objects.filter(challenge_id__in=ids, status__in=ENGAGED_MATCH_STATUSES)
        .annotate(year=ExtractYear(Coalesce("challenge__published_at", "challenge__created_at")))
        .values_list("year")
        .annotate(n=Count("solution__organization_id", distinct=True))
        .order_by()
    ):
        grid.setdefault(year, {})["innovators"] = n
    table.rows = [(str(y), grid[y]) for y in sorted(grid)]
    return table


def engaged_totals(challenges: QuerySet[Challenge]) -> dict:
    ids = challenges.order_by().values("pk")
    return {
        "cities": Challenge.owners.through.objects.filter(challenge_id__in=ids)
        .values("organization_id")
        .distinct()
        .count(),
        "innovators": Match.objects.filter(challenge_id__in=ids, status__in=ENGAGED_MATCH_STATUSES)
        .values("solution__organization_id")
        .distinct()
        .count(),
    }


def pilots_by_outcome(pilots: QuerySet[PilotProject]) -> Table:
    table = Table(
        "pilots-outcome",
        _("Projets pilotes par issue"),
        _("Statut"),
        [("n", _("Projets pilotes"))],
    )
    counts = dict(pilots.order_by().values_list("status").annotate(n=Count("pk")))
    table.rows = [
        (str(label), {"n": counts.get(value, 0)}) for value, label in PilotProject.Status.choices
    ]
    return table


def stop_reasons(pilots: QuerySet[PilotProject]) -> Table:
    table = Table(
        "pilots-stopped",
        _("Projets pilotes arrêtés, par motif"),
        _("Motif"),
        [("n", _("Projets pilotes"))],
    )
    counts = dict(
        pilots.filter(status=PilotProject.Status.STOPPED)
        .order_by()
        .values_list("stop_reason")
        .annotate(n=Count("pk"))
    )
    table.rows = [
        (str(label), {"n": counts[value]})
        for value, label in PilotProject.StopReason.choices
        if counts.get(value)
    ]
    return table


# --- Gains ----------------------------------------------------------------------------------

KIND_LABELS = dict(GainKind.choices)
UNIT_LABELS = dict(IndicatorUnit.choices)


def unit_text(unit: str, custom: str) -> str:
    if unit == IndicatorUnit.FREE:
        return custom
    return str(UNIT_SYMBOLS.get(unit, unit))


def _gain_indicators(pilots: QuerySet[PilotProject]) -> QuerySet[Indicator]:
    return Indicator.objects.filter(
        pilot__in=pilots.filter(status=PilotProject.Status.COMPLETED).values("pk"),
        gain__isnull=False,
    )


def gains(pilots: QuerySet[PilotProject], *, by: str | None) -> list[dict]:
    """Sums of the gains per kind and unit, and per `by` (domain, city, year) when given.

    One row per (kind, unit[, group]); CAD and EUR are different units, so never added up.
    """
    indicators = _gain_indicators(pilots)
    group_field = {
        None: None,
        "domain": "pilot__challenge__domains__slug",
        "city": "pilot__city__name",
        "year": "year",
    }[by]
    if by == "year":
        indicators = indicators.annotate(
            year=ExtractYear(
                Case(
                    When(pilot__end_date__isnull=False, then=F("pilot__end_date")),
                    default=Coalesce("pilot__start_date", TruncDate("pilot__created_at")),
                    output_field=DateField(),
                )
            )
        )
    fields = ["kind", "unit", "custom_unit"] + ([group_field] if group_field else [])
    rows = (
        indicators.values(*fields)
        .annotate(
            total=Sum("gain"),
            verified=Coalesce(
                Sum("gain", filter=Q(evidence_level=EvidenceLevel.VERIFIED)),
                Value(Decimal(0)),
            ),
            pilots=Count("pilot_id", distinct=True),
        )
        .order_by(*fields)
    )
    domain_names = {d.slug: d.name for d in Domain.objects.all()} if by == "domain" else {}
    result = []
    for row in rows[: MAX_GAIN_GROUPS * 20]:
        group = row.get(group_field) if group_field else None
        if by == "domain" and group is None:
            continue
        result.append(
            {
                "kind": row["kind"],
                "kind_label": str(KIND_LABELS.get(row["kind"], row["kind"])),
                "unit": row["unit"],
                "unit_text": unit_text(row["unit"], row["custom_unit"]),
                "group": domain_names.get(group, group) if by == "domain" else group,
                "total": row["total"],
                "verified": row["verified"],
                "pilots": row["pilots"],
            }
        )
    return result


def gain_tables(pilots: QuerySet[PilotProject]) -> dict:
    """The gains summed by kind and unit, and per domain, city and year (4 queries)."""
    return {
        "totals": gains(pilots, by=None)[:MAX_GAIN_GROUPS],
        "by_domain": gains(pilots, by="domain"),
        "by_city": gains(pilots, by="city"),
        "by_year": gains(pilots, by="year"),
    }


def gain_chart_tables(totals: list[dict], by_year: list[dict]) -> list[Table]:
    """One chart per kind and unit: the gain per year (units are never mixed on one axis)."""
    tables = []
    for index, total in enumerate(totals[:MAX_GAIN_GROUPS]):
        table = Table(
            f"gain-{index}",
            _("Gain %(kind)s en %(unit)s, par année")
            % {"kind": total["kind_label"].lower(), "unit": total["unit_text"]},
            _("Année"),
            [("gain", _("Gain mesuré"))],
            unit=total["unit_text"],
        )
        table.rows = [
            (str(row["group"]), {"gain": row["total"]})
            for row in by_year
            if (row["kind"], row["unit"], row["unit_text"])
            == (total["kind"], total["unit"], total["unit_text"])
        ]
        tables.append(table)
    return tables


def evidence_breakdown(pilots: QuerySet[PilotProject]) -> Table:
    table = Table(
        "evidence",
        _("Indicateurs des projets terminés, par niveau de preuve"),
        _("Niveau de preuve"),
        [("n", _("Indicateurs"))],
    )
    counts = dict(
        _gain_indicators(pilots).order_by().values_list("evidence_level").annotate(n=Count("pk"))
    )
    table.rows = [
        (str(label), {"n": counts.get(value, 0)}) for value, label in EvidenceLevel.choices
    ]
    return table


# --- The dashboard --------------------------------------------------------------------------


def impact_dashboard(user, *, domain=None, region: str = "", year=None) -> dict:
    scope = scope_of(user)
    challenges = filtered_challenges(scope, domain=domain, region=region, year=year)
    pilots = filtered_pilots(scope, domain=domain, region=region, year=year)
    tables = {
        "challenges_year": challenges_by_year(challenges, scope),
        "challenges_domain": challenges_by_domain(challenges, scope),
        "engagement": engagement_by_year(challenges),
        "pilots": pilots_by_outcome(pilots),
    }
    gain = gain_tables(pilots)
    result = {
        "scope": scope,
        "tables": tables,
        "totals": {
            "challenges": sum(t for _label, _cells, t in tables["challenges_year"].cells()),
            "pilots": sum(t for _label, _cells, t in tables["pilots"].cells()),
            **engaged_totals(challenges),
        },
        "gains": gain,
        "gain_charts": gain_chart_tables(gain["totals"], gain["by_year"]),
    }
    if scope == "curator":
        result["stop_reasons"] = stop_reasons(pilots)
        result["evidence"] = evidence_breakdown(pilots)
        result["copies"] = CaseStudyCopy.objects.count()
    return result


# --- SVG charts -----------------------------------------------------------------------------

CHART_WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 90
ROW_HEIGHT = 28
BAR_HEIGHT = 18


@dataclass
class Segment:
    x: float
    width: float
    css: str
    label: str
    value: object


@dataclass
class ChartRow:
    y: float
    label: str
    total: object
    segments: list[Segment]
    text_y: float
    value_x: float


def bar_chart(table: Table) -> dict:
    """Horizontal (stacked) bars of a table, as SVG geometry for the chart template."""
    cells = table.cells()
    plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    largest = max([abs(total) for _label, _values, total in cells] + [0])
    scale = plot / float(largest) if largest else 0.0
    rows = []
    for index, (label, values, total) in enumerate(cells):
        y = index * ROW_HEIGHT + 4
        x = float(LABEL_WIDTH)
        segments = []
        for series_index, ((_key, series_label), value) in enumerate(
            zip(table.series, values, strict=True)
        ):
            width = abs(float(value or 0)) * scale
            if width <= 0:
                continue
            negative = (value or 0) < 0
            segments.append(
                Segment(
                    x=round(x, 2),
                    width=round(max(width, 1.0), 2),
                    css=f"chart-bar chart-series-{series_index % 8}"
                    + (" chart-negative" if negative else ""),
                    label=series_label,
                    value=value,
                )
            )
            x += width
        rows.append(
            ChartRow(
                y=y,
                label=label,
                total=total,
                segments=segments,
                text_y=y + BAR_HEIGHT - 4,
                value_x=round(x + 6, 2),
            )
        )
    height = max(len(rows), 1) * ROW_HEIGHT + 8
    return {
        "width": CHART_WIDTH,
        "height": height,
        "label_width": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "rows": rows,
        "legend": [(f"chart-series-{i % 8}", label) for i, (_key, label) in enumerate(table.series)]
        if len(table.series) > 1
        else [],
    }
