"""Pilot objects of city A and innovator A, built on demand and reused within one test.

`fx` is `request.getfixturevalue`. The permission matrix (tests/security/matrix_pilots.py) points
at these, so that `kwargs` and `data` of one entry name the same rows.
"""

from datetime import date
from decimal import Decimal

from solutions.models import CaseStudy, Match, Milestone, PilotProject
from tests.solutions.helpers import open_challenge, solution_of

from .builders import completed_pilot, indicator, introduced_match, started_pilot

PLANNED = "Pilote de la matrice"
COMPLETED = "Pilote terminé de la matrice"


def pilot(fx) -> PilotProject:
    return PilotProject.objects.filter(title=PLANNED).first() or started_pilot(
        city=fx("city_a"), innovator=fx("innovator_a_org"), by=fx("curator"), title=PLANNED
    )


def completed(fx) -> PilotProject:
    return PilotProject.objects.filter(title=COMPLETED).first() or completed_pilot(
        city=fx("city_a"), innovator=fx("innovator_a_org"), by=fx("curator"), title=COMPLETED
    )


def start_match(fx) -> Match:
    """An introduced match, both sides accepted, without a pilot yet."""
    name = "Solution à piloter"
    found = Match.objects.filter(solution__name=name).first()
    if found:
        return found
    challenge = open_challenge([fx("city_a")], title="Enjeu à piloter")
    return introduced_match(challenge, solution_of(fx("innovator_a_org"), name=name))


def an_indicator(fx):
    item = pilot(fx).indicators.first()
    return item or indicator(pilot(fx), fx("curator"), values=[(date(2025, 5, 1), "900")])


def a_measurement(fx):
    return an_indicator(fx).measurements.first()


def a_milestone(fx) -> Milestone:
    current = pilot(fx)
    return current.milestones.first() or Milestone.objects.create(
        pilot=current, title="Installation", progress=20
    )


def draft_study(fx) -> CaseStudy:
    current = completed(fx)
    return CaseStudy.objects.filter(pilot=current).first() or CaseStudy.objects.create(
        pilot=current, title="Étude en brouillon", need="Le besoin."
    )


def published_study(fx) -> CaseStudy:
    study = draft_study(fx)
    if study.status != CaseStudy.Status.PUBLISHED:
        CaseStudy.objects.filter(pk=study.pk).update(status=CaseStudy.Status.PUBLISHED)
        study.refresh_from_db()
    return study


INDICATOR_DATA = {"name": "Heures", "kind": "social", "unit": "hours", "direction": "increase"}
MEASUREMENT_DATA = {"measured_on": "2025-06-01", "value": str(Decimal("5"))}
CASE_STUDY_DATA = {
    "title": "Étude",
    "summary": "",
    "need": "Le besoin de la ville.",
    "solution_text": "",
    "results": "",
    "lessons": "",
    "cost_note": "",
    "contacts": "",
    "language": "fr",
    "visibility": "public",
}
