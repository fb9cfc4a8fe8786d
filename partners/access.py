"""Who may see or do what: every view asks these helpers, never the models directly.

The helpers that take an id from the URL return the object only when the user may act on it
and raise `Http404` otherwise, so a page never reveals that someone else's object exists.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from .models import Membership, Organization

# The largest key a 64-bit integer column holds (SQLite's INTEGER and PostgreSQL's bigint).
MAX_PK = 2**63 - 1

_CACHE = "_iveo_memberships"


def active_memberships(user) -> list[Membership]:
    """The user's active memberships with their organisations, read once per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
            .select_related("organization")
            .order_by("organization__name")
        )
        setattr(user, _CACHE, cached)
    return cached


def parse_pk(pk) -> int:
    """A primary key from the URL or a form, or 404: not a number, or out of the key's range."""
    try:
        value = int(pk)
    except (TypeError, ValueError, OverflowError):
        raise Http404 from None
    if not 0 < value <= MAX_PK:
        raise Http404
    return value


def verified_organizations(user, kind: str | None = None) -> list[Organization]:
    return [
        m.organization
        for m in active_memberships(user)
        if m.organization.is_verified and (kind is None or m.organization.kind == kind)
    ]


def is_curator(user) -> bool:
    """IVÉO staff: an active member of a verified IVÉO organisation, or a superuser."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or bool(verified_organizations(user, Organization.Kind.IVEO))


def is_verified_member(user) -> bool:
    """Signed in and an active member of at least one verified organisation."""
    return is_curator(user) or bool(verified_organizations(user))


def city_organizations(user) -> list[Organization]:
    """Verified cities whose staff the user is (partner territories post challenges too)."""
    return [
        org
        for org in verified_organizations(user)
        if org.kind in (Organization.Kind.CITY, Organization.Kind.PARTNER)
    ]


def innovator_organizations(user) -> list[Organization]:
    return verified_organizations(user, Organization.Kind.INNOVATOR)


def is_organization_admin(user, organization: Organization) -> bool:
    return any(
        m.organization_id == organization.pk and m.role == Membership.Role.ADMIN
        for m in active_memberships(user)
    )


def organization_for_admin(user, slug: str) -> Organization:
    """The organisation, if the user administers it or is a curator; 404 otherwise."""
    organization = get_object_or_404(Organization, slug=slug)
    if is_organization_admin(user, organization) or is_curator(user):
        return organization
    raise Http404


def organization_for_viewer(user, slug: str) -> Organization:
    """Verified organisations are public; others only for their members and curators."""
    organization = get_object_or_404(Organization, slug=slug)
    if organization.is_verified or is_curator(user):
        return organization
    if any(m.organization_id == organization.pk for m in active_memberships(user)):
        return organization
    raise Http404


def curator_required(view: Callable) -> Callable:
    """Signed-in curators only: visitors go to the login page, others get 403."""

    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not is_curator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
