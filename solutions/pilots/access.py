"""Who may see or change a pilot project (case studies: `solutions.case_studies.access`).

A pilot is a working space: its city's staff (and the staff of the challenge's co-owners), the
innovator's members and curators see it; the pilot's city and curators run it; only curators set
evidence levels and publish case studies. A published case study is public, or network-only
(verified members and curators). Helpers that take an id from the URL raise `Http404` when the
user may not act on it, so nobody learns that another city's pilot exists."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from challenges.access import is_owner_staff
from challenges.models import Challenge
from partners.access import (
    city_organizations,
    innovator_organizations,
    is_curator,
    parse_pk,
)
from solutions.pilots.models import PilotProject
from solutions.proposals.models import Match


def _ids(organizations) -> list[int]:
    return [o.pk for o in organizations]


def pilots_visible_to(user) -> QuerySet[PilotProject]:
    """Curators see every pilot; city staff those of their challenges; innovators their own."""
    if is_curator(user):
        return PilotProject.objects.all()
    cities = _ids(city_organizations(user))
    innovators = _ids(innovator_organizations(user))
    if not cities and not innovators:
        return PilotProject.objects.none()
    co_owned = Exists(
        Challenge.owners.through.objects.filter(
            challenge_id=OuterRef("challenge_id"), organization_id__in=cities
        )
    )
    return PilotProject.objects.filter(
        Q(city_id__in=cities) | Q(innovator_id__in=innovators) | Q(co_owned)
    )


def can_manage_pilot(user, pilot: PilotProject) -> bool:
    """Curators and the staff of the pilot's city record its progress and results."""
    return is_curator(user) or pilot.city_id in _ids(city_organizations(user))


def can_start_pilot(user, match: Match) -> bool:
    """Curators and the staff of the challenge's cities start a pilot from a match."""
    return is_curator(user) or is_owner_staff(user, match.challenge)


def _pilot(user, pk, queryset) -> PilotProject:
    pilot = (
        queryset.filter(pk=parse_pk(pk))
        .select_related("challenge", "solution", "city", "innovator", "match")
        .first()
    )
    if pilot is None:
        raise Http404
    return pilot


def pilot_for_viewer(user, pk) -> PilotProject:
    return _pilot(user, pk, pilots_visible_to(user))


def pilot_for_manager(user, pk) -> PilotProject:
    pilot = pilot_for_viewer(user, pk)
    if not can_manage_pilot(user, pilot):
        raise Http404
    return pilot


def match_for_pilot_start(user, pk) -> Match:
    """A match the user may start a pilot from (whatever its status: the service says why not)."""
    match = (
        Match.objects.filter(pk=parse_pk(pk))
        .select_related("challenge", "solution__organization")
        .first()
    )
    if match is None or not can_start_pilot(user, match):
        raise Http404
    return match
