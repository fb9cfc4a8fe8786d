"""The catalogue and the challenge page at scale: counts from one grouped query, cached counts,
fragments and similar lists that follow every change at once and never cross visibility
scopes, a Redis outage that only slows pages down, and the PostgreSQL indexes of the sorts.

The figures at 100,000 challenges come from `bench/bench_web.py` (`make bench`)."""

from datetime import timedelta
from itertools import product

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from challenges import selectors, services
from challenges.models import Challenge

from .conftest import make_challenge
from .test_catalogue import bulk_catalogue, sized_catalogue  # noqa: F401 - a fixture


def titles(response) -> list[str]:
    return [c.title for c in response.context["page_obj"].object_list]


def facet(response, name: str) -> dict:
    """`{value: count}` of one facet of the page."""
    return {row[0]: row[-2] for row in response.context["facets"][name]}


@pytest.fixture
def mixed(city_a, city_b):
    """Every combination of public status, language and open or not (a passed deadline),
    twice over."""
    rows, passed = [], []
    for n, (status, language, closed_to_proposals) in enumerate(
        list(product(["published", "in_pilot", "closed"], ["fr", "en"], [False, True])) * 2
    ):
        challenge = make_challenge(
            [city_a if n % 2 else city_b],
            status=status,
            language=language,
            proposals_deadline=timezone.localdate() + timedelta(days=5),
            title=f"Enjeu {n} {status} {language}",
            domains=["water" if n % 3 else "energy"],
        )
        rows.append(challenge)
        if closed_to_proposals:
            passed.append(challenge.pk)
    # Time passes: their deadline is over (it cannot be in the past when they are published).
    Challenge.objects.filter(pk__in=passed).update(
        proposals_deadline=timezone.localdate() - timedelta(days=3)
    )
    return rows


@pytest.fixture
def client(client, settings):
    """A visitor whose browser still sends a session cookie (a stale one), so that the pages are
    computed and the caches of counts and fragments are what is tested here; whole pages kept
    for visitors without a session are tested in test_public_pages.py."""
    client.cookies[settings.SESSION_COOKIE_NAME] = "stale-session-of-a-visitor"
    return client


@pytest.mark.parametrize("status", ["", "published", "in_pilot", "closed"])
@pytest.mark.parametrize("language", ["", "fr", "en"])
@pytest.mark.parametrize("open_only", ["", "true"])
def test_counts_of_status_language_and_open_are_those_of_the_results(
    client, mixed, status, language, open_only
):
    """The three facets and the result count come from one grouped query: each count is the
    number of results that choosing the value would give, whatever else is chosen."""
    chosen = {"status": status, "language": language, "open": open_only, "domain": "water"}
    chosen = {k: v for k, v in chosen.items() if v}
    response = client.get(reverse("challenges:list"), chosen)
    assert response.context["result_count"] == len(titles(response))

    def results(**changes) -> int:
        query = {k: v for k, v in {**chosen, **changes}.items() if v}
        return client.get(reverse("challenges:list"), query).context["result_count"]

    statuses = facet(response, "statuses")
    assert statuses == {s: results(status=s) for s in ("published", "in_pilot", "closed")}
    assert facet(response, "languages") == {lang: results(language=lang) for lang in ("fr", "en")}
    assert response.context["facets"]["open"] == results(open="true")


def test_counts_fragments_and_results_follow_a_publication_at_once(client, city_a, curator, mixed):
    url = reverse("challenges:list")
    before = client.get(url, {"domain": "energy"})
    assert client.get(url, {"domain": "energy"}).context["result_count"] == len(titles(before))
    submitted = make_challenge(
        [city_a], status="submitted", title="Récupération de chaleur", domains=["energy"]
    )
    services.challenge_transition(challenge=submitted, to="published", by=curator)

    after = client.get(url, {"domain": "energy"})
    assert after.context["result_count"] == before.context["result_count"] + 1
    assert "Récupération de chaleur" in after.content.decode()
    energy = [
        n for slug, _name, n, _checked in after.context["facets"]["domains"] if slug == "energy"
    ]
    assert energy == [before.context["result_count"] + 1]
    assert f"{before.context['result_count'] + 1} enjeux trouvés" in after.content.decode()


def test_an_edited_title_shows_at_once_on_a_cached_page(client, city_a, city_a_staff, published):
    url = reverse("challenges:list")
    old_title = published.title
    assert old_title in client.get(url).content.decode()
    services.challenge_update(
        challenge=published, by=city_a_staff, title="Titre revu et corrigé", owners=[city_a]
    )
    body = client.get(url).content.decode()
    assert "Titre revu et corrigé" in body
    assert old_title not in body


def test_an_edited_description_shows_at_once_on_its_page(client, city_a, city_a_staff, published):
    assert "capteurs de stationnement" in client.get(published.get_absolute_url()).content.decode()
    services.challenge_update(
        challenge=published, by=city_a_staff, description="Des **bornes** rapides.", owners=[city_a]
    )
    body = client.get(published.get_absolute_url()).content.decode()
    assert "Des <strong>bornes</strong> rapides." in body
    assert "capteurs de stationnement" not in body


@pytest.mark.parametrize("first", ["member", "visitor"])
def test_a_visitor_never_gets_the_counts_or_pages_cached_for_a_member(
    client, settings, innovator_a, published, network_only, first
):
    url = reverse("challenges:list")

    def as_member():
        client.force_login(innovator_a)
        response = client.get(url)
        client.logout()
        client.cookies[settings.SESSION_COOKIE_NAME] = "stale-session-of-a-visitor"
        return response

    def as_visitor():
        return client.get(url)

    responses = {}
    for who in ([first] + [w for w in ("member", "visitor") if w != first]) * 2:
        responses[who] = as_member() if who == "member" else as_visitor()
    assert network_only.title in responses["member"].content.decode()
    assert responses["member"].context["result_count"] == 2
    body = responses["visitor"].content.decode()
    assert network_only.title not in body
    assert responses["visitor"].context["result_count"] == 1
    assert facet(responses["visitor"], "domains")["cybersecurity"] == 0
    assert "1 enjeu trouvé" in body


def test_similar_challenges_cached_for_a_member_are_not_shown_to_a_visitor(
    client, innovator_a, city_b, published
):
    hidden = make_challenge(
        [city_b],
        status="published",
        visibility=Challenge.Visibility.NETWORK,
        title="Bornes de recharge rapides pour véhicules électriques",
        domains=["mobility"],
        tags=["recharge"],
    )
    client.force_login(innovator_a)
    assert hidden in client.get(published.get_absolute_url()).context["similar"]
    client.logout()
    response = client.get(published.get_absolute_url())
    assert hidden not in response.context["similar"]
    assert hidden.title not in response.content.decode()


def test_similar_challenges_follow_a_change_at_once(client, city_b, published):
    assert client.get(published.get_absolute_url()).context["similar"] == []
    twin = make_challenge(
        [city_b],
        status="published",
        title="Bornes de recharge pour autos électriques",
        domains=["mobility"],
        tags=["recharge"],
    )
    assert twin in client.get(published.get_absolute_url()).context["similar"]


def test_rendered_facets_are_in_the_visitors_language(client, published):
    url = reverse("challenges:list")
    assert "Mobilité durable" in client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Sustainable mobility" in english
    assert "Mobilité durable" not in english


def test_a_renamed_domain_is_shown_at_once(client, published):
    from challenges.models import Domain

    url = reverse("challenges:list")
    assert "Mobilité durable" in client.get(url).content.decode()
    Domain.objects.filter(slug="mobility").update(name_fr="Mobilité et transport")
    body = client.get(url).content.decode()
    assert "Mobilité et transport" in body
    assert "Mobilité durable" not in body


@pytest.mark.parametrize(
    "params", [{}, {"domain": "mobility", "open": "true"}, {"q": "véhicules", "page": 2}]
)
@pytest.mark.usefixtures("sized_catalogue")
def test_a_cached_catalogue_page_reads_two_rows_whatever_the_size(
    client, params, django_assert_max_num_queries
):
    url = reverse("challenges:list")
    first = client.get(url, params)
    # The domains (for the form) and the catalogue's version; counts and pages are cached.
    with django_assert_max_num_queries(2):
        again = client.get(url, params)
    assert again.context["result_count"] == first.context["result_count"] > 0
    assert titles(again) == titles(first)


@pytest.mark.usefixtures("sized_catalogue")
def test_a_cached_challenge_page_skips_the_ranking(client, django_assert_max_num_queries):
    challenge = Challenge.objects.filter(visibility="public").order_by("pk")[5]
    first = client.get(challenge.get_absolute_url())
    # The challenge, owners, domains, questions, attachments, updates, case studies, version.
    with django_assert_max_num_queries(9):
        again = client.get(challenge.get_absolute_url())
    assert again.context["similar"] == first.context["similar"]
    assert len(again.context["similar"]) == 5


def test_a_redis_outage_only_slows_the_pages_down(client, settings, published, caplog):
    """A shared cache that refuses connections: every page is still served, from the
    database, and the failure is logged."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "iveo_portal.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    response = client.get(reverse("challenges:list"), {"domain": "mobility"})
    assert response.status_code == 200
    assert titles(response) == [published.title]
    assert client.get(published.get_absolute_url()).status_code == 200
    assert "Cache unavailable" in caplog.text


def test_with_a_shared_redis_the_counts_and_fragments_live_in_redis(client, settings, published):
    """With CACHE_URL (production) what one gunicorn process cached, the others read."""
    import shutil
    import tempfile
    from pathlib import Path

    from tests.conftest import require
    from tests.realstack.conftest import RedisServer

    require(shutil.which("redis-server") is not None, "needs redis-server")
    server = RedisServer(Path(tempfile.mkdtemp(prefix="iveo-cache-")))
    server.start()
    try:
        settings.CACHES = {
            "default": {"BACKEND": "iveo_portal.cache.ResilientRedisCache", "LOCATION": server.url}
        }
        url = reverse("challenges:list")
        first = client.get(url)
        assert titles(first) == [published.title]
        key = first.context["facets"]["cache_key"]
        assert cache.get(key)["total"] == 1  # in Redis, not in this process
        import redis

        assert redis.Redis.from_url(server.url).dbsize() >= 3  # counts and two fragments
        assert client.get(url).context["result_count"] == 1
    finally:
        server.stop()


def test_the_version_is_the_latest_change(published, city_a):
    before = selectors.catalogue_version()
    make_challenge([city_a], title="Un autre brouillon")
    assert selectors.catalogue_version() != before


def test_postgres_default_sort_and_counts_read_their_indexes(postgres, city_a):
    bulk_catalogue(1000, [city_a])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE challenges_challenge")
        # Small tables may be read whole anyway: this checks that the indexes can serve.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    from challenges.filters import apply_sort

    base = selectors.catalogue_queryset(AnonymousUser())
    newest = selectors.catalogue_page(apply_sort(base, "newest"))[:20].explain()
    assert "challenge_catalogue_newest" in newest, newest
    # The counts' index serves index-only scans once the table is vacuumed (not in a test).
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "challenges_challenge")
    assert indexes["challenge_catalogue_counts"]["columns"] == [
        "visibility", "status", "language", "proposals_deadline", "id"
    ]  # fmt: skip


def test_the_city_facet_lists_the_cities_with_the_most_results(client, db):
    """At 2,000 cities the list would be most of the page's weight: the 40 cities with the most
    results are offered (and the one chosen, whatever its count); the others are reached
    through the directory, each city's page linking to its challenges."""
    from django.db.models import Count

    from challenges.views import CITY_FACET_LIMIT
    from tests.factories import OrganizationFactory

    from .test_catalogue import bulk_catalogue

    cities = [
        OrganizationFactory(kind="city", name=f"Ville {i:02d}") for i in range(CITY_FACET_LIMIT + 9)
    ]
    bulk_catalogue(len(cities) + 12, cities)  # some cities own two, some a network-only one
    visible = dict(
        Challenge.objects.filter(visibility="public")
        .values_list("owners__slug")
        .annotate(n=Count("pk"))
    )
    ranked = sorted(visible, key=lambda slug: (-visible[slug], slug))
    page = client.get(reverse("challenges:list"))
    offered = facet(page, "cities")
    assert set(offered) == set(ranked[:CITY_FACET_LIMIT])
    assert all(offered[slug] == visible[slug] for slug in offered)
    body = page.content.decode()
    assert 'aria-describedby="facet-city-help"' in body
    assert f"les {len(visible) - CITY_FACET_LIMIT} autres se trouvent dans" in body
    assert reverse("partners:organization_list") + "?kind=city" in body
    # A city left out of the list can still be chosen (from its page): it is then offered.
    left_out = ranked[-1]
    assert left_out not in offered
    chosen = client.get(reverse("challenges:list"), {"city": left_out})
    assert left_out in facet(chosen, "cities")
    assert f'<option value="{left_out}" selected>' in chosen.content.decode()
