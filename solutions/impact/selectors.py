"""The impact dashboard's tables: what the portal's challenges and pilots add up to.

The page is served from an `ImpactSnapshot` (rendered once per audience, filters and language,
kept `SNAPSHOT_SECONDS`, cleared by every write to pilots) so that most requests run a single
query. `services.impact_dashboard(user, domain=, region=, year=)` returns the dashboard's tables in a fixed
number of queries whatever the amount of data: four grouped queries over challenges (by year
and status, by domain and status, the cities and the innovators engaged per year) and three
over pilots (the pilots, the gains of the completed ones, their domains), which are summed in
Python. `charts.bar_chart()` turns a table into the geometry of a server-rendered SVG bar chart (drawn
by `templates/solutions/impact/impact_chart.html`, with its data table beside it). No inline style:
bars take their colour from classes in `static/css/pilots.css`, their size from SVG attributes.

What each audience sees follows the challenges' visibility: a visitor counts public challenges
in a public status and their pilots; verified members add network-only ones; curators see every
challenge (drafts, submissions and archives too) and a few more tables. Gains are the indicators'
improvements (latest measurement against the baseline) of completed pilots, summed by kind and
unit: dollars and euros are never added together."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.db.models.lookups import GreaterThanOrEqual, LessThan
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import Challenge, Domain
from partners.access import is_curator, is_verified_member
from partners.models import Organization
from solutions.case_studies.models import CaseStudy
from solutions.pilots.models import (
    UNIT_SYMBOLS,
    EvidenceLevel,
    GainKind,
    Indicator,
    IndicatorUnit,
    PilotProject,
)
from solutions.proposals.models import Match

ENGAGED_MATCH_STATUSES = (
    Match.Status.PROPOSED,
    Match.Status.SHORTLISTED,
    Match.Status.INTRODUCED,
    Match.Status.PILOT,
)
MAX_GAIN_GROUPS = 24  # free units could otherwise multiply the columns
TOP_CITIES = 25


def scope_of(user) -> str:
    if is_curator(user):
        return "curator"
    if is_verified_member(user):
        return "network"
    return "public"


@dataclass(frozen=True)
class Filters:
    scope: str
    domain: Domain | None = None
    region: str = ""
    year: int | None = None
    years: tuple[int, ...] = ()  # the years that have data, for a faster grouping by year

    def year_of_challenge(self, prefix: str = ""):
        return challenge_year(prefix, self.years)

    def challenges(self, prefix: str = "", ref: str = "pk") -> Q:
        """The challenges in scope and filters, as a Q on a model reaching them by `prefix`.

        `ref` names the challenge's id in that model (`pk` on `Challenge`, `challenge_id` on a
        model with a foreign key to it), for the subqueries of the domain and region filters.
        """
        p = prefix
        condition = Q()
        if self.scope != "curator":
            condition &= Q(**{f"{p}status__in": Challenge.PUBLIC_STATUSES})
            if self.scope == "public":
                condition &= Q(**{f"{p}visibility": Challenge.Visibility.PUBLIC})
        if self.domain is not None:
            condition &= Q(
                Exists(
                    Challenge.domains.through.objects.filter(
                        challenge_id=OuterRef(ref), domain=self.domain
                    )
                )
            )
        if self.region:
            condition &= Q(
                Exists(
                    Challenge.owners.through.objects.filter(
                        challenge_id=OuterRef(ref), organization__region=self.region
                    )
                )
            )
        return condition

    def challenge_year(self, prefix: str = "") -> Q:
        """The challenge's year (publication, else creation) is the filter's year."""
        if not self.year:
            return Q()
        p = prefix
        return Q(**{f"{p}published_at__year": self.year}) | Q(
            **{f"{p}published_at__isnull": True, f"{p}created_at__year": self.year}
        )


def challenge_year(prefix: str = "", years: tuple[int, ...] = ()):
    """A challenge's year on the dashboard: its publication, else its creation.

    The known `years` become ranges of local time compared natively (SQLite extracts a year
    through a Python function, row by row); any other date falls back to the extraction.
    """
    moment = Coalesce(f"{prefix}published_at", f"{prefix}created_at")
    if not years:
        return ExtractYear(moment)
    zone = timezone.get_current_timezone()

    def start(year: int) -> datetime:
        return datetime(year, 1, 1, tzinfo=zone)

    return Case(
        *[
            When(
                GreaterThanOrEqual(moment, start(year)) & LessThan(moment, start(year + 1)),
                then=Value(year),
            )
            for year in sorted(years)
        ],
        default=ExtractYear(moment),
        output_field=IntegerField(),
    )


def pilot_year(prefix: str = ""):
    """As `PilotProject.year`: the end once ended, else the start, else the creation."""
    p = prefix
    return ExtractYear(
        Case(
            When(
                **{f"{p}status__in": PilotProject.ENDED_STATUSES, f"{p}end_date__isnull": False},
                then=F(f"{p}end_date"),
            ),
            default=Coalesce(f"{p}start_date", f"{p}end_date", TruncDate(f"{p}created_at")),
            output_field=DateField(),
        )
    )


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


@dataclass
class Table:
    """Rows of a dashboard table: `rows` are (label, {column key: value}), columns in order.

    `stacked` tables add their columns up (a total column, stacked bars); the others (gains in
    different units) leave a missing cell empty.
    """

    id: str
    title: str
    row_header: str
    series: list[tuple[str, str]]
    rows: list[tuple[str, dict]] = field(default_factory=list)
    unit: str = ""
    stacked: bool = True
    note: str = ""

    def cells(self) -> list[tuple[str, list, object]]:
        keys = [k for k, _label in self.series]
        result = []
        for label, values in self.rows:
            if self.stacked:
                cells = [values.get(k, 0) for k in keys]
                result.append((label, cells, sum(cells)))
            else:
                result.append((label, [values.get(k) for k in keys], None))
        return result

    @property
    def is_empty(self) -> bool:
        return not self.rows

    @property
    def show_total(self) -> bool:
        return self.stacked and len(self.series) > 1


def _status_series(scope: str) -> list[tuple[str, str]]:
    statuses = Challenge.Status.choices
    if scope != "curator":
        statuses = [(v, label) for v, label in statuses if v in Challenge.PUBLIC_STATUSES]
    return [(v, str(label)) for v, label in statuses]


def challenges_by_year(f: Filters) -> Table:
    table = Table(
        "challenges-year", _("Enjeux par année et par statut"), _("Année"), _status_series(f.scope)
    )
    grid: dict[int, dict] = defaultdict(dict)
    for year, status, n in (
        Challenge.objects.filter(f.challenges(), f.challenge_year())
        .annotate(year=f.year_of_challenge())
        .values_list("year", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        grid[year][status] = n
    table.rows = [(str(y), grid[y]) for y in sorted(grid)]
    return table


def challenges_by_domain(f: Filters) -> tuple[Table, Table]:
    """Per domain: by status, and by year (one query grouped by domain, status and year)."""
    by_status = Table(
        "challenges-domain",
        _("Enjeux par domaine et par statut"),
        _("Domaine"),
        _status_series(f.scope),
    )
    statuses: dict[int, dict] = defaultdict(dict)
    years: dict[int, dict] = defaultdict(dict)
    for domain_id, status, year, n in (
        Challenge.domains.through.objects.filter(
            f.challenges("challenge__", "challenge_id"), f.challenge_year("challenge__")
        )
        .annotate(year=f.year_of_challenge("challenge__"))
        .values_list("domain_id", "challenge__status", "year")
        .annotate(n=Count("challenge_id"))
        .order_by()
    ):
        statuses[domain_id][status] = statuses[domain_id].get(status, 0) + n
        years[domain_id][year] = years[domain_id].get(year, 0) + n
    domains = [d for d in Domain.objects.all() if d.pk in statuses]
    by_status.rows = [(d.name, statuses[d.pk]) for d in domains]
    all_years = sorted({y for counts in years.values() for y in counts})
    by_year = Table(
        "challenges-domain-year",
        _("Enjeux par domaine et par année"),
        _("Domaine"),
        [(y, str(y)) for y in all_years],
        [(d.name, years[d.pk]) for d in domains],
    )
    return by_status, by_year


def engagement_by_year(f: Filters) -> tuple[Table, dict]:
    """Cities and innovators engaged per year, and in all (2 queries of distinct pairs)."""
    table = Table(
        "engagement-year",
        _("Villes et innovateurs engagés par année"),
        _("Année"),
        [("cities", _("Villes")), ("innovators", _("Innovateurs"))],
        stacked=False,
    )
    condition = f.challenges("challenge__", "challenge_id") & f.challenge_year("challenge__")
    city_pairs = set(
        Challenge.owners.through.objects.filter(condition)
        .annotate(year=f.year_of_challenge("challenge__"))
        .values_list("year", "organization_id")
        .distinct()
        .order_by()
    )
    innovator_pairs = set(
        Match.objects.filter(condition, status__in=ENGAGED_MATCH_STATUSES)
        .annotate(year=f.year_of_challenge("challenge__"))
        .values_list("year", "solution__organization_id")
        .distinct()
        .order_by()
    )
    grid: dict[int, dict] = defaultdict(lambda: {"cities": 0, "innovators": 0})
    for year, _org in city_pairs:
        grid[year]["cities"] += 1
    for year, _org in innovator_pairs:
        grid[year]["innovators"] += 1
    table.rows = [(str(y), grid[y]) for y in sorted(grid)]
    totals = {
        "cities": len({org for _year, org in city_pairs}),
        "innovators": len({org for _year, org in innovator_pairs}),
    }
    return table, totals


KIND_LABELS = dict(GainKind.choices)


def unit_text(unit: str, custom: str) -> str:
    if unit == IndicatorUnit.FREE:
        return custom
    return str(UNIT_SYMBOLS.get(unit, unit))


@dataclass
class PilotFacts:
    """The pilots in scope (id → status, reason, city, year) and the gains of completed ones."""

    pilots: dict[int, tuple] = field(default_factory=dict)
    gains: list[tuple] = field(default_factory=list)
    domains: dict[int, list[int]] = field(default_factory=dict)


def pilot_facts(f: Filters) -> PilotFacts:
    """Three queries: the pilots, the gains of the completed ones, their challenges' domains."""
    facts = PilotFacts()
    in_scope = f.challenges("challenge__", "challenge_id")
    if f.scope == "public":
        # Results that IVÉO published for the network only stay there.
        in_scope &= ~Q(case_study__visibility=CaseStudy.Visibility.NETWORK)
    pilots = PilotProject.objects.filter(in_scope).annotate(year=pilot_year())
    if f.year:
        pilots = pilots.filter(year=f.year)
    for pk, status, reason, city, year, challenge_id in pilots.values_list(
        "pk", "status", "stop_reason", "city__name", "year", "challenge_id"
    ).order_by():
        facts.pilots[pk] = (status, reason, city, year, challenge_id)
    completed = Q(pilot__status=PilotProject.Status.COMPLETED) & f.challenges(
        "pilot__challenge__", "pilot__challenge_id"
    )  # and only those of `facts.pilots`, checked below
    facts.gains = [
        row
        for row in Indicator.objects.filter(completed, gain__isnull=False)
        .values_list("pilot_id", "kind", "unit", "custom_unit", "gain", "evidence_level")
        .order_by()
        if row[0] in facts.pilots
    ]
    domains: dict[int, list[int]] = defaultdict(list)
    for challenge_id, domain_id in (
        Challenge.domains.through.objects.filter(
            f.challenges("challenge__", "challenge_id"),
            challenge__pilots__status=PilotProject.Status.COMPLETED,
        )
        .values_list("challenge_id", "domain_id")
        .distinct()
        .order_by()
    ):
        domains[challenge_id].append(domain_id)
    facts.domains = domains
    return facts


def pilots_by_outcome(facts: PilotFacts) -> Table:
    table = Table(
        "pilots-outcome", _("Projets pilotes par issue"), _("Statut"), [("n", _("Projets pilotes"))]
    )
    counts = Counter(status for status, *_rest in facts.pilots.values())
    table.rows = [
        (str(label), {"n": counts.get(value, 0)}) for value, label in PilotProject.Status.choices
    ]
    return table


def stop_reasons(facts: PilotFacts) -> Table:
    table = Table(
        "pilots-stopped",
        _("Projets pilotes arrêtés, par motif"),
        _("Motif"),
        [("n", _("Projets pilotes"))],
    )
    counts = Counter(
        reason for status, reason, *_rest in facts.pilots.values() if status == "stopped"
    )
    table.rows = [
        (str(label), {"n": counts[value]})
        for value, label in PilotProject.StopReason.choices
        if counts.get(value)
    ]
    return table


def evidence_breakdown(facts: PilotFacts) -> Table:
    table = Table(
        "evidence",
        _("Indicateurs des projets terminés, par niveau de preuve"),
        _("Niveau de preuve"),
        [("n", _("Indicateurs"))],
    )
    counts = Counter(row[5] for row in facts.gains)
    table.rows = [
        (str(label), {"n": counts.get(value, 0)}) for value, label in EvidenceLevel.choices
    ]
    return table


def gain_tables(facts: PilotFacts) -> dict:
    """The gains summed by kind and unit, in all and per domain, city and year.

    Each kind and unit is a column of its own: CAD and EUR are never added up.
    """
    totals: dict[tuple, dict] = {}
    by_group: dict[str, dict] = {"domain": {}, "city": {}, "year": {}}
    city_pilots: Counter = Counter()
    units: dict[tuple, str] = {}
    for pilot_id, kind, unit, custom, gain, evidence in facts.gains:
        if (unit, custom) not in units:
            units[(unit, custom)] = unit_text(unit, custom)
        key = (kind, unit, units[(unit, custom)])
        total = totals.setdefault(
            key, {"total": Decimal(0), "verified": Decimal(0), "pilots": set()}
        )
        total["total"] += gain
        if evidence == EvidenceLevel.VERIFIED:
            total["verified"] += gain
        total["pilots"].add(pilot_id)
        _status, _reason, city, year, challenge_id = facts.pilots[pilot_id]
        groups = {"city": [city], "year": [year], "domain": facts.domains.get(challenge_id, [])}
        for name, values in groups.items():
            for value in values:
                cell = by_group[name].setdefault(value, {})
                cell[key] = cell.get(key, Decimal(0)) + gain
    for pilot_id in {row[0] for row in facts.gains}:
        city_pilots[facts.pilots[pilot_id][2]] += 1
    keys = sorted(totals, key=lambda k: (list(KIND_LABELS).index(k[0]), k[1], k[2]))
    keys = keys[:MAX_GAIN_GROUPS]
    columns = [
        (key, _("%(kind)s (%(unit)s)") % {"kind": KIND_LABELS[key[0]], "unit": key[2]})
        for key in keys
    ]
    domain_names = {d.pk: d.name for d in Domain.objects.all()} if by_group["domain"] else {}
    cities = sorted(by_group["city"], key=lambda c: (-city_pilots[c], c))
    note = ""
    if len(cities) > TOP_CITIES:
        note = _(
            "Les %(count)s villes qui comptent le plus de projets pilotes terminés ; filtrez par "
            "région pour voir les autres."
        ) % {"count": TOP_CITIES}
    return {
        "totals": [
            {
                "kind": key[0],
                "kind_label": str(KIND_LABELS[key[0]]),
                "unit": key[1],
                "unit_text": key[2],
                "total": totals[key]["total"],
                "verified": totals[key]["verified"],
                "pilots": len(totals[key]["pilots"]),
            }
            for key in keys
        ],
        "by_domain": Table(
            "gains-domain",
            _("Gains mesurés par domaine"),
            _("Domaine"),
            columns,
            [
                (domain_names[d], by_group["domain"][d])
                for d in sorted(by_group["domain"], key=lambda d: domain_names[d])
            ],
            stacked=False,
        ),
        "by_city": Table(
            "gains-city",
            _("Gains mesurés par ville"),
            _("Ville"),
            columns,
            [(c, by_group["city"][c]) for c in cities[:TOP_CITIES]],
            stacked=False,
            note=note,
        ),
        "by_year": Table(
            "gains-year",
            _("Gains mesurés par année"),
            _("Année"),
            columns,
            [(str(y), by_group["year"][y]) for y in sorted(by_group["year"])],
            stacked=False,
        ),
    }


def gain_chart_tables(gains: dict) -> list[Table]:
    """One chart per kind and unit: the gain per year (units are never mixed on one axis)."""
    tables = []
    by_year: Table = gains["by_year"]
    for index, ((key, _label), total) in enumerate(
        zip(by_year.series, gains["totals"], strict=True)
    ):
        table = Table(
            f"gain-{index}",
            _("%(kind)s : gain en %(unit)s par année")
            % {"kind": total["kind_label"], "unit": total["unit_text"]},
            _("Année"),
            [("gain", _("Gain mesuré"))],
            unit=total["unit_text"],
        )
        table.rows = [
            (label, {"gain": values[key]}) for label, values in by_year.rows if key in values
        ]
        tables.append(table)
    return tables
