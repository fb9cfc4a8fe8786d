"""Permission matrix of the alerts pages (`solutions.subscriptions`). See README.md."""

from partners.models import Subscription

from .matrix import LOGIN, Entry, roles, writes


def alert_of_innovator_a(fx):
    alert = Subscription.objects.create(user=fx("innovator_a"), keywords=["capteurs"])
    return {"pk": alert.pk}


ENTRIES = [
    Entry(
        "alerts:list",
        get=roles(200, visitor=LOGIN),
        post=roles(writes(302), visitor=LOGIN),
        data=lambda fx: {
            "domains": ["water"],
            "regions": "",
            "keywords": "fuites",
            "query": "",
        },
    ),
    Entry(
        "alerts:delete",
        kwargs=alert_of_innovator_a,
        get=roles(405, visitor=LOGIN),
        post=roles(404, visitor=LOGIN, innovator_a=writes(302)),
    ),
]
