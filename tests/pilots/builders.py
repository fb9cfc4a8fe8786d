"""Builders for the pilot tests: an introduced match, pilots through the services, measurements.

Shared by tests/pilots and tests/api (and the benchmark's small checks).
"""

from datetime import date
from decimal import Decimal

from challenges.models import Challenge
from partners.models import Organization, User
from solutions.case_studies import services as case_studies
from solutions.models import (
    CaseStudy,
    Indicator,
    Introduction,
    Match,
    PilotProject,
    Solution,
)
from solutions.pilots import services as pilots
from tests.solutions.helpers import open_challenge, solution_of


def introduced_match(challenge: Challenge, solution: Solution, *, accepted: bool = True) -> Match:
    """A match that a curator introduced; both sides accepted unless `accepted` is False."""
    match = Match.objects.create(
        challenge=challenge,
        solution=solution,
        origin=Match.Origin.CURATOR,
        status=Match.Status.INTRODUCED,
        score=1.0,
    )
    answer = Introduction.Answer.ACCEPTED if accepted else Introduction.Answer.PENDING
    Introduction.objects.create(match=match, city_answer=answer, innovator_answer=answer)
    return match


def started_pilot(
    *,
    city: Organization,
    innovator: Organization,
    by: User,
    challenge: Challenge | None = None,
    **fields,
) -> PilotProject:
    challenge = challenge or open_challenge([city])
    solution = solution_of(innovator)
    match = introduced_match(challenge, solution)
    fields.setdefault("start_date", date(2025, 3, 1))
    fields.setdefault("budget", 40000)
    return pilots.pilot_start(match=match, by=by, city=city, **fields)


def indicator(
    pilot: PilotProject,
    by: User,
    *,
    values: list[tuple[date, str]] = (),
    **fields,
) -> Indicator:
    data = {
        "name": "Consommation d'électricité",
        "kind": "environmental",
        "unit": "kWh",
        "direction": "decrease",
        "baseline": Decimal("1000"),
        "target": Decimal("800"),
        "data_source": "Compteurs de la ville",
        **fields,
    }
    item = pilots.indicator_save(pilot=pilot, by=by, **data)
    for when, value in values:
        pilots.measurement_add(indicator=item, by=by, measured_on=when, value=Decimal(value))
    item.refresh_from_db()
    return item


def completed_pilot(
    *,
    city: Organization,
    innovator: Organization,
    by: User,
    gains=(("kWh", "1000", "700"),),
    challenge: Challenge | None = None,
    end: date = date(2025, 9, 30),
    **fields,
) -> PilotProject:
    """A pilot run to completion with one indicator per (unit, baseline, last value)."""
    pilot = started_pilot(city=city, innovator=innovator, by=by, challenge=challenge, **fields)
    pilots.pilot_transition(pilot=pilot, to="running", by=by, on=pilot.start_date)
    for unit, baseline, last in gains:
        kind = "economic" if unit in ("CAD", "EUR") else "environmental"
        indicator(
            pilot,
            by,
            name=f"Indicateur {unit}",
            unit=unit,
            kind=kind,
            baseline=Decimal(baseline),
            target=None,
            direction="decrease",
            values=[(date(2025, 6, 1), last)],
        )
    return pilots.pilot_transition(pilot=pilot, to="completed", by=by, on=end)


def published_case_study(pilot: PilotProject, by: User, **fields) -> CaseStudy:
    study = case_studies.case_study_create(pilot=pilot, by=by, **fields)
    return case_studies.case_study_publish(case_study=study, by=by)
