"""Dashboard and organisation-page sections of `solutions` (registered in `SolutionsConfig.ready`).

Each function returns `(template, context)` or `None`, and runs a fixed number of queries
whatever the number of solutions, proposals or challenges.
"""

from django.http import HttpRequest

from partners import access
from partners.access import city_organizations, innovator_organizations, is_curator
from partners.models import Organization
from solutions.catalogue import selectors as catalogue_selectors
from solutions.catalogue.models import Solution
from solutions.matching import selectors as matching_selectors
from solutions.proposals import selectors as proposals_selectors
from solutions.proposals.models import Match

LIMIT = 10


def innovator_section(request: HttpRequest) -> tuple[str, dict] | None:
    """My solutions, my proposals, challenges that fit my solutions, challenges I follow."""
    user = request.user
    organizations = [
        m.organization
        for m in access.active_memberships(user)
        if m.organization.kind == Organization.Kind.INNOVATOR
    ]
    if not organizations:
        return None
    verified = innovator_organizations(user)
    solutions = list(
        catalogue_selectors.with_card_data(
            Solution.objects.filter(organization__in=organizations).order_by("-updated_at", "-pk")
        )[:LIMIT]
    )
    proposals = list(proposals_selectors.proposals_of(verified)[:LIMIT]) if verified else []
    fitting = []
    for organization in verified[:3]:
        fitting += matching_selectors.challenges_for_solutions(organization, limit=5)
    return (
        "solutions/proposals/dashboard_innovator.html",
        {
            "organizations": organizations,
            "verified": bool(verified),
            "solutions": solutions,
            "proposals": proposals,
            "fitting": list({c.pk: c for c in fitting}.values())[:LIMIT],
            "followed": list(proposals_selectors.followed_challenges(user, limit=LIMIT)),
        },
    )


def city_section(request: HttpRequest) -> tuple[str, dict] | None:
    """My challenges with their counts of proposals and matches; proposals awaiting me."""
    user = request.user
    cities = city_organizations(user)
    curator = is_curator(user)
    if not cities and not curator:
        return None
    challenges = (
        list(proposals_selectors.city_challenges_with_counts(cities)[:LIMIT]) if cities else []
    )
    waiting = (
        Match.objects.filter(status=Match.Status.PROPOSED)
        .filter(challenge__owners__in=cities)
        .distinct()
        .count()
        if cities
        else None
    )
    new_proposals = Match.objects.filter(status=Match.Status.PROPOSED).count() if curator else None
    return (
        "solutions/proposals/dashboard_city.html",
        {
            "challenges": challenges,
            "waiting": waiting,
            "is_city_staff": bool(cities),
            "curator": curator,
            "curator_new_proposals": new_proposals,
        },
    )
