"""Whole pages kept for visitors who are not signed in (`partners.caching.public_page_cache`).

Most readers of the catalogue are visitors: their catalogue and challenge pages are served from
the cache in one query (the content's version), and any committed change of what they show
(a challenge, an organisation renamed, a question answered) shows at once. Signed-in people,
visitors with a message waiting, other languages and other scopes never get someone else's
page. The language switch of visitors is a plain GET (no token in their pages).
"""

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from challenges.models import Challenge, Question
from partners.caching import content_version
from partners.models import ContentVersion, Organization

from .conftest import make_challenge


def pages(challenge: Challenge) -> list[str]:
    return [
        reverse("home"),
        reverse("challenges:list") + "?domain=mobility&q=recharge",
        challenge.get_absolute_url(),
    ]


@pytest.mark.parametrize("which", [0, 1, 2], ids=["home", "catalogue-search", "detail"])
def test_a_visitors_page_is_kept_and_served_in_one_query(
    client, published, which, django_assert_num_queries
):
    url = pages(published)[which]
    first = client.get(url)
    assert first.status_code == 200 and published.title in first.content.decode()
    # No personal token or cookie in a page that everyone may be given.
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies
    with django_assert_num_queries(1):  # the content's version
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert "default-src" in again["Content-Security-Policy"]  # headers still added


def test_a_change_in_this_transaction_shows_on_the_next_page(client, city_a, published):
    """Not committed yet: the transaction reads pages of its own (the tests' case too)."""
    for url in pages(published):
        assert city_a.name in client.get(url).content.decode()
    city_a.name = "Ville de Granby-la-Neuve"
    city_a.save()
    for url in pages(published):
        assert "Ville de Granby-la-Neuve" in client.get(url).content.decode(), url


@pytest.mark.django_db(transaction=True)
def test_every_committed_change_shows_at_once_and_counts_once(client, city_a, published):
    detail = published.get_absolute_url()
    assert city_a.name in client.get(reverse("home")).content.decode()
    assert "Quelle est la taille du parc ?" not in client.get(detail).content.decode()
    before = content_version()

    # An organisation renamed: no challenge row changes, every page that shows it does.
    city = Organization.objects.get(pk=city_a.pk)
    city.name = "Ville de Granby-la-Neuve"
    city.save()
    assert content_version() != before
    assert "Ville de Granby-la-Neuve" in client.get(reverse("home")).content.decode()
    assert "Ville de Granby-la-Neuve" in client.get(detail).content.decode()

    # A question answered shows on the challenge's page.
    Question.objects.create(
        challenge=published,
        text="Quelle est la taille du parc ?",
        answer="Quarante véhicules.",
        answered_at=timezone.now(),
    )
    assert "Quarante véhicules." in client.get(detail).content.decode()

    # One transaction, many rows: the version moves once; a rolled-back one moves it not.
    value = ContentVersion.objects.get(pk=1).value
    with transaction.atomic():
        for name in ("Un", "Deux", "Trois"):
            Organization.objects.filter(pk=city_a.pk).get().save()
            make_challenge([city_a], title=f"Brouillon {name}")
    assert ContentVersion.objects.get(pk=1).value == value + 1
    with pytest.raises(RuntimeError), transaction.atomic():
        city.name = "Jamais enregistré"
        city.save()
        raise RuntimeError
    assert ContentVersion.objects.get(pk=1).value == value + 1
    assert "Jamais enregistré" not in client.get(detail).content.decode()


def test_a_signed_in_person_never_gets_a_visitors_page_nor_the_reverse(
    client, innovator_a, published, network_only
):
    visitor_page = client.get(reverse("challenges:list")).content.decode()
    assert network_only.title not in visitor_page
    client.force_login(innovator_a)
    member_page = client.get(reverse("challenges:list")).content.decode()
    assert network_only.title in member_page and "Se déconnecter" in member_page
    client.logout()
    again = client.get(reverse("challenges:list")).content.decode()
    assert network_only.title not in again and "Se déconnecter" not in again


def test_a_visitor_with_a_message_waiting_sees_it(client, published):
    client.get(reverse("home"))  # kept for visitors
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(constants.SUCCESS, "Votre mot de passe a été changé.")
    response = HttpResponse()
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    page = client.get(reverse("home")).content.decode()
    assert "Votre mot de passe a été changé." in page
    assert "Votre mot de passe a été changé." not in client.get(reverse("home")).content.decode()


def test_each_language_has_its_own_page(client, settings, published):
    french = client.get(reverse("home")).content.decode()
    assert 'lang="fr-CA"' in french
    english = client.get(reverse("home"), headers={"accept-language": "en"}).content.decode()
    assert 'lang="en-CA"' in english and "Challenges" in english
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert 'lang="en-CA"' in client.get(reverse("home")).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get(reverse("home")).content.decode() == french


def test_a_visitor_switches_language_with_a_plain_link(client, settings, published):
    page = client.get(published.get_absolute_url()).content.decode()
    assert 'method="get"' in page and 'name="language" value="en"' in page
    response = client.get(
        reverse("set_language"), {"language": "en", "next": published.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == published.get_absolute_url()
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert 'lang="en-CA"' in client.get(response["Location"]).content.decode()
    # Only addresses of this site; an unknown language changes nothing.
    away = client.get(reverse("set_language"), {"language": "en", "next": "https://evil.test/"})
    assert away["Location"] == "/"
    unknown = client.get(reverse("set_language"), {"language": "xx", "next": "/"})
    assert settings.LANGUAGE_COOKIE_NAME not in unknown.cookies


def test_a_get_never_changes_a_signed_in_persons_profile(client, innovator_a, published):
    client.force_login(innovator_a)
    page = client.get(reverse("home")).content.decode()
    assert 'method="post"' in page.split('class="lang-switch"')[1][:200]
    client.get(reverse("set_language"), {"language": "en", "next": "/"})
    innovator_a.refresh_from_db()
    assert innovator_a.language == "fr"
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    innovator_a.refresh_from_db()
    assert innovator_a.language == "en"


# --- With a shared Redis (production): the version lives in Redis too -------------------------


@pytest.fixture
def shared_redis(settings, tmp_path):
    import shutil

    from tests.conftest import require
    from tests.realstack.conftest import RedisServer

    require(shutil.which("redis-server") is not None, "needs redis-server")
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "iveo_portal.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield server
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_with_redis_a_kept_page_costs_no_query_and_follows_every_commit(
    client, shared_redis, city_a, published, django_assert_num_queries
):
    import redis

    url = published.get_absolute_url()
    first = client.get(url).content
    with django_assert_num_queries(0):  # the version and the page in one round trip to Redis
        assert client.get(url).content == first

    city_a.name = "Ville de Granby-la-Neuve"
    city_a.save()  # committed: the version moves in the database and in Redis
    assert "Ville de Granby-la-Neuve" in client.get(url).content.decode()

    # The version lost (evicted, Redis restarted): a fresh one, no page kept before matches it,
    # even after a change that sent no signal.
    redis.Redis.from_url(shared_redis.url).delete(":1:content-version")
    Organization.objects.filter(pk=city_a.pk).update(name="Ville de Granby-sur-Yamaska")
    assert "Ville de Granby-sur-Yamaska" in client.get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_with_redis_down_pages_and_writes_still_work(
    client, shared_redis, city_a, published, caplog
):
    url = published.get_absolute_url()
    assert client.get(url).status_code == 200
    shared_redis.stop()
    city_a.name = "Ville de Granby-la-Neuve"
    city_a.save()  # the write is not refused because Redis is down
    assert ContentVersion.objects.get(pk=1).value >= 1
    page = client.get(url)
    assert page.status_code == 200 and "Ville de Granby-la-Neuve" in page.content.decode()
    assert "Cache unavailable" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_failing_version_update_never_fails_the_write(city_a, caplog):
    """The commit hook is robust: the change is saved, the failure logged by name."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE partners_contentversion RENAME TO partners_cv_away")
    try:
        city_a.name = "Ville de Granby-la-Neuve"
        city_a.save()
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE partners_cv_away RENAME TO partners_contentversion")
    assert Organization.objects.get(pk=city_a.pk).name == "Ville de Granby-la-Neuve"
    assert "content_changed" in caplog.text
