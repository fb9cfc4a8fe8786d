"""The "my pilots" section of the dashboard."""

from django.db.models import Count
from django.http import HttpRequest

from partners.access import (
    city_organizations,
    innovator_organizations,
    is_curator,
)
from solutions.pilots import access
from solutions.pilots.models import PilotProject
from solutions.pilots.selectors import LIMIT, with_list_data


def dashboard_section(request: HttpRequest) -> tuple[str, dict] | None:
    """The "my pilots" section of the dashboard: active ones first, with a count per status."""
    user = request.user
    curator = is_curator(user)
    if not curator and not city_organizations(user) and not innovator_organizations(user):
        return None
    visible = access.pilots_visible_to(user)
    counts = dict(visible.order_by().values_list("status").annotate(n=Count("pk")))
    if not counts and not curator:
        return None
    pilots = list(
        with_list_data(visible.filter(status__in=PilotProject.ACTIVE_STATUSES)).order_by(
            "start_date", "pk"
        )[:LIMIT]
    )
    return (
        "solutions/pilots/pilot_dashboard_section.html",
        {
            "pilot_counts": [
                (value, label, counts.get(value, 0)) for value, label in PilotProject.Status.choices
            ],
            "active_pilots": pilots,
            "curator": curator,
        },
    )
