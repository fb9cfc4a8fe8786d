"""Who may see a match or a proposal, and who may change it."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from partners.access import (
    city_organizations,
    innovator_organizations,
    is_curator,
)
from solutions.proposals.models import Match


def matches_visible_to(user) -> QuerySet[Match]:
    """Matches of the user's solutions, of the challenges of the user's cities; all for curators.

    A proposal is visible to the proposing organisation, the challenge's cities and curators only.
    """
    if is_curator(user):
        return Match.objects.all()
    innovators = [o.pk for o in innovator_organizations(user)]
    cities = [o.pk for o in city_organizations(user)]
    if not innovators and not cities:
        return Match.objects.none()
    return Match.objects.filter(
        Q(solution__organization_id__in=innovators) | Q(challenge__owners__in=cities)
    ).distinct()


def match_for_viewer(user, pk: int) -> Match:
    if not matches_visible_to(user).filter(pk=pk).exists():
        raise Http404
    return Match.objects.select_related("challenge", "solution__organization", "proposed_by").get(
        pk=pk
    )


def match_for_innovator(user, pk: int) -> Match:
    """A match of one of the user's verified innovators: the only people who edit the pitch."""
    match = get_object_or_404(
        Match.objects.select_related("challenge", "solution__organization"), pk=pk
    )
    if match.solution.organization_id in {o.pk for o in innovator_organizations(user)}:
        return match
    raise Http404
