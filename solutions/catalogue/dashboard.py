"""An innovator's solutions on its organisation page (drafts for its members and curators)."""

from django.http import HttpRequest

from partners.models import Organization
from solutions.catalogue import access, selectors


def organization_section(request: HttpRequest, organization) -> tuple[str, dict] | None:
    """An innovator's solutions on its page (drafts for its members and curators).

    Its completed pilots are a section of their own, registered by the pilots (`pilots_selectors`).
    """
    if organization.kind != Organization.Kind.INNOVATOR:
        return None
    include_drafts = access.can_edit_solutions_of(request.user, organization)
    if not organization.is_verified and not include_drafts:
        return None
    solutions = list(selectors.solutions_of(organization, include_drafts=include_drafts))
    return (
        "solutions/catalogue/organization_section.html",
        {
            "organization": organization,
            "solutions": solutions,
            "can_add": include_drafts,
        },
    )
