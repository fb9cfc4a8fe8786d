"""The "my challenges" section of the dashboard (registered in `ChallengesConfig.ready`)."""

from django.http import HttpRequest

from partners.access import is_curator

from .models import Challenge
from .selectors import city_dashboard


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
