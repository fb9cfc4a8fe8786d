"""Alerts: people follow domains, regions, keywords or a saved catalogue search.

The `partners.Subscription` rows hold plain values; this module decides which of them a newly
published challenge fits, and serves the pages where a signed-in person manages them.
Within one alert, each kind of criterion that is filled must fit (a domain AND a region), any
value of a kind is enough (water OR energy). A saved search fits when the catalogue's own
filters, applied to that one challenge, keep it.
"""

from django.db.models import Q
from django.http import QueryDict

from challenges.filters import ChallengeFilter
from challenges.models import Challenge, Domain
from partners.models import Membership, Organization, Subscription, User
from solutions.matching.words import singular, tokens

MAX_SUBSCRIPTIONS = 50
MAX_KEYWORDS = 20


def _words(text: str) -> set[str]:
    return {singular(w) for w in tokens(text)}


def _keyword_fits(keyword: str, words: set[str]) -> bool:
    wanted = _words(keyword)
    return bool(wanted) and wanted <= words


def subscription_fits(subscription: Subscription, challenge: Challenge, facts: dict) -> bool:
    """Does this alert fit the challenge? `facts` comes from `challenge_facts`."""
    if not (
        subscription.domains or subscription.regions or subscription.keywords or subscription.query
    ):
        return False
    if subscription.domains and not facts["domains"] & set(subscription.domains):
        return False
    if subscription.regions and not facts["regions"] & {
        r.strip().lower() for r in subscription.regions
    }:
        return False
    if subscription.keywords and not any(
        _keyword_fits(k, facts["words"]) for k in subscription.keywords
    ):
        return False
    if subscription.query:
        data = QueryDict(subscription.query)
        filterset = ChallengeFilter(
            data,
            queryset=Challenge.objects.filter(pk=challenge.pk),
            domain_choices=facts["domain_choices"],
        )
        if not filterset.is_valid() or not filterset.qs.exists():
            return False
    return True


def challenge_facts(challenge: Challenge) -> dict:
    owners = list(challenge.owners.all())
    return {
        "domains": {d.slug for d in challenge.domains.all()},
        "regions": {o.region.strip().lower() for o in owners if o.region},
        "words": _words(
            " ".join(
                [
                    challenge.title,
                    challenge.summary,
                    challenge.description,
                    *(challenge.tags or []),
                ]
            )
        ),
        "domain_choices": [(d.slug, d.name) for d in Domain.objects.all()],
    }


def subscribers_for(challenge: Challenge) -> list[User]:
    """Active people with at least one alert that fits the challenge and who may see it."""
    facts = challenge_facts(challenge)
    subscriptions = Subscription.objects.filter(user__is_active=True).select_related("user")
    people = {}
    for subscription in subscriptions.iterator(chunk_size=2000):
        if subscription.user_id not in people and subscription_fits(subscription, challenge, facts):
            people[subscription.user_id] = subscription.user
    if challenge.visibility == Challenge.Visibility.NETWORK and people:
        allowed = set(
            User.objects.filter(pk__in=people)
            .filter(
                Q(is_superuser=True)
                | Q(
                    memberships__status=Membership.Status.ACTIVE,
                    memberships__organization__status=Organization.Status.VERIFIED,
                )
            )
            .values_list("pk", flat=True)
        )
        people = {pk: user for pk, user in people.items() if pk in allowed}
    return list(people.values())
