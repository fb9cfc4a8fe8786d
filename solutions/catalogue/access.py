"""Who may see or change a solution.

Like `partners.access`, the helpers that take an id from the URL return the object only when the
user may act on it and raise `Http404` otherwise, so nobody learns that another organisation's
draft exists."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from partners.access import (
    active_memberships,
    is_curator,
)
from partners.models import Organization
from solutions.catalogue.models import Solution


def member_organization_ids(user) -> set[int]:
    """Organisations (verified or not) of which the user is an active member."""
    return {m.organization_id for m in active_memberships(user)}


def can_edit_solutions_of(user, organization: Organization) -> bool:
    """Members of an innovator prepare its solutions, even before the verification; curators too."""
    if organization.kind != Organization.Kind.INNOVATOR:
        return False
    return is_curator(user) or organization.pk in member_organization_ids(user)


def can_publish_solutions_of(user, organization: Organization) -> bool:
    """Publishing needs a verified organisation (an unverified one only prepares drafts)."""
    return organization.is_verified and can_edit_solutions_of(user, organization)


def public_solutions() -> QuerySet[Solution]:
    return Solution.objects.filter(
        status=Solution.Status.PUBLISHED,
        organization__status=Organization.Status.VERIFIED,
        organization__kind=Organization.Kind.INNOVATOR,
    )


def solutions_visible_to(user) -> QuerySet[Solution]:
    """Published solutions of verified innovators; drafts only for their members and curators."""
    if is_curator(user):
        return Solution.objects.all()
    own = member_organization_ids(user)
    visible = Q(
        status=Solution.Status.PUBLISHED,
        organization__status=Organization.Status.VERIFIED,
        organization__kind=Organization.Kind.INNOVATOR,
    )
    if own:
        visible |= Q(organization_id__in=own)
    return Solution.objects.filter(visible)


def solution_for_viewer(user, pk: int) -> Solution:
    return get_object_or_404(solutions_visible_to(user).select_related("organization"), pk=pk)


def solution_for_editor(user, pk: int) -> Solution:
    solution = get_object_or_404(Solution.objects.select_related("organization"), pk=pk)
    if can_edit_solutions_of(user, solution.organization):
        return solution
    raise Http404


def innovator_organization_for_editor(user, slug: str) -> Organization:
    organization = get_object_or_404(Organization, slug=slug, kind=Organization.Kind.INNOVATOR)
    if can_edit_solutions_of(user, organization):
        return organization
    raise Http404
