"""The "my challenges" section of the dashboard (registered in `ChallengesConfig.ready`)."""

from django.http import HttpRequest

from partners.access import is_curator

from .models import Challenge
from .selectors import catalogue_queryset, city_dashboard, with_list_relations


def dashboard_section(request: HttpRequest) -> tuple[str, dict] | None:
    user = request.user
    city = city_dashboard(user)
    curator = is_curator(user)
    if city is None and not curator:
        return None
    review_count = (
        Challenge.objects.filter(status=Challenge.Status.SUBMITTED).count() if curator else None
    )
    return "challenges/dashboard_section.html", {"city": city, "review_count": review_count}


def organization_section(request: HttpRequest, organization) -> tuple[str, dict] | None:
    """The challenges of a city on its organisation page (only those the viewer may see)."""
    if organization.kind not in (organization.Kind.CITY, organization.Kind.PARTNER):
        return None
    challenges = with_list_relations(
        catalogue_queryset(request.user).filter(owners=organization).order_by("-published_at")
    )[:20]
    return "challenges/organization_section.html", {
        "organization": organization,
        "challenges": list(challenges),
    }
