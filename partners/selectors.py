"""Reads about people that every app needs: curators, an organisation's members, its admins.

A notification goes to "the people who speak for" an organisation: its active members, and only
once the organisation is verified (unverified accounts prepare content but are not told about
the network's). These are the one place that rule is written.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from .models import Membership, Organization, User


def curators() -> list[User]:
    """Active members of the verified IVÉO organisation."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__status=Membership.Status.ACTIVE,
            memberships__organization__kind=Organization.Kind.IVEO,
            memberships__organization__status=Organization.Status.VERIFIED,
        ).distinct()
    )


def organization_members(
    organizations: Iterable[Organization] | QuerySet[Organization], *, verified_only: bool = True
) -> list[User]:
    """Active members of these organisations (of the verified ones unless told otherwise)."""
    people = User.objects.filter(
        is_active=True,
        memberships__status=Membership.Status.ACTIVE,
        memberships__organization__in=organizations,
    )
    if verified_only:
        people = people.filter(memberships__organization__status=Organization.Status.VERIFIED)
    return list(people.distinct())


def members_by_organization(organization_ids: Iterable[int]) -> dict[int, list[User]]:
    """Active members of these verified organisations, by organisation id (one query)."""
    members: dict[int, list[User]] = defaultdict(list)
    memberships = Membership.objects.filter(
        organization_id__in=list(organization_ids),
        organization__status=Organization.Status.VERIFIED,
        status=Membership.Status.ACTIVE,
        user__is_active=True,
    ).select_related("user")
    for membership in memberships:
        members[membership.organization_id].append(membership.user)
    return members


def organization_admins(organization: Organization) -> list[User]:
    """Active administrators of an organisation, verified or not (they answer join requests)."""
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organization=organization,
            memberships__role=Membership.Role.ADMIN,
            memberships__status=Membership.Status.ACTIVE,
        )
    )
