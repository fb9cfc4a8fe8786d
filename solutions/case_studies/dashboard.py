"""The case studies of a city's or an innovator's pilots, on its organisation page."""

from django.db.models import Q
from django.http import HttpRequest

from partners.models import Organization
from solutions.case_studies import access

LIMIT = 10


def organization_section(request: HttpRequest, organization) -> tuple[str, dict] | None:
    """The case studies of a city's or an innovator's pilots, on its page."""
    if organization.kind not in (
        Organization.Kind.CITY,
        Organization.Kind.PARTNER,
        Organization.Kind.INNOVATOR,
    ):
        return None
    studies = list(
        access.case_studies_visible_to(request.user)
        .filter(Q(pilot__city=organization) | Q(pilot__innovator=organization))
        .select_related("pilot__city", "pilot__innovator", "pilot__solution")
        .order_by("-published_at", "-pk")[:LIMIT]
    )
    if not studies:
        return None
    return ("solutions/pilots/pilot_organization_section.html", {"case_studies": studies})
