"""Atom feeds of newly published challenges, overall and per domain.

Feeds are anonymous, so they list only what a visitor may see: public challenges that are
published, in pilot or closed.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import Challenge, Domain
from .selectors import with_list_relations

FEED_SIZE = 30


def _public_published():
    return with_list_relations(
        Challenge.objects.filter(
            status__in=Challenge.PUBLIC_STATUSES,
            visibility=Challenge.Visibility.PUBLIC,
            published_at__isnull=False,
        ).order_by("-published_at", "-pk")
    )


class LatestChallengesFeed(Feed):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Portail IVÉO : nouveaux enjeux municipaux")

    def subtitle(self) -> str:
        return _("Les enjeux publiés par les villes sur le portail IVÉO.")

    def link(self) -> str:
        return reverse("challenges:list")

    def items(self):
        return _public_published()[:FEED_SIZE]

    def item_title(self, item: Challenge) -> str:
        return item.title

    def item_description(self, item: Challenge) -> str:
        # Atom declares the summary HTML (type="html"): plain text goes in escaped, or a feed
        # reader would run the markup someone typed into a summary or an organisation's name.
        cities = ", ".join(o.name for o in item.owners.all())
        return escape(f"{cities} — {item.summary}" if cities else item.summary)

    def item_pubdate(self, item: Challenge):
        return item.published_at

    def item_updateddate(self, item: Challenge):
        return item.updated_at

    def item_categories(self, item: Challenge) -> list[str]:
        return [d.name for d in item.domains.all()]


class DomainChallengesFeed(LatestChallengesFeed):
    def get_object(self, request, slug: str) -> Domain:
        return get_object_or_404(Domain, slug=slug)

    def title(self, obj: Domain) -> str:
        return _("Portail IVÉO : nouveaux enjeux, %(domain)s") % {"domain": obj.name}

    def link(self, obj: Domain) -> str:
        return reverse("challenges:list") + f"?domain={obj.slug}"

    def items(self, obj: Domain):
        return _public_published().filter(domains=obj)[:FEED_SIZE]
