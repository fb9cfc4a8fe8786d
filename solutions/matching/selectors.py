"""Reads other capabilities take from the engine: challenges that fit an innovator's solutions."""

from django.db.models import (
    Exists,
    OuterRef,
)

from challenges.models import Challenge
from challenges.selectors import open_for_proposals_q, with_list_relations
from partners.models import Organization
from solutions.catalogue.models import Solution
from solutions.matching.ranking import rank_challenges_for_solutions
from solutions.proposals.models import Match


def challenges_for_solutions(organization: Organization, limit: int = 5) -> list[Challenge]:
    """Open challenges that fit the organisation's published solutions, best first.

    Ranked by the matching engine (`solutions.matching`), then challenges in the same domains.
    Challenges the organisation already answered (or was declined on) are left out, and
    network-only ones unless the organisation is verified. A fixed number of queries.
    """
    solutions = list(
        Solution.objects.filter(organization=organization, status=Solution.Status.PUBLISHED)
        .prefetch_related("domains")
        .only("pk", "name", "tags", "summary", "description", "language")
    )
    if not solutions:
        return []
    answered = Match.objects.filter(
        challenge=OuterRef("pk"),
        solution__organization=organization,
        status__in=[*Match.ACTIVE_PROPOSAL_STATUSES, Match.Status.DECLINED],
    )
    candidates = Challenge.objects.filter(open_for_proposals_q()).exclude(Exists(answered))
    if not organization.is_verified:
        candidates = candidates.filter(visibility=Challenge.Visibility.PUBLIC)
    # The matching engine: distinctive words of the solutions (weighted, both languages),
    # shared domains; one ranking query whatever the number of solutions.
    ranked = rank_challenges_for_solutions(solutions, candidates, limit, reasons=False)
    found = [challenge for challenge, _score, _reasons in ranked]
    domain_ids = {d.pk for s in solutions for d in s.domains.all()}
    if len(found) < limit and domain_ids:
        same_domain = (
            candidates.filter(domains__in=domain_ids)
            .exclude(pk__in=[c.pk for c in found])
            .distinct()
            .order_by("-published_at", "pk")
        )
        found += list(with_list_relations(same_domain)[: limit - len(found)])
    return found
