"""Every access rule, tested from the side that must be refused."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from challenges import services
from challenges.access import challenges_visible_to
from challenges.models import Challenge

from .conftest import PDF, make_challenge, upload

REFUSED_NETWORK = ["visitor", "unverified_user"]
ALLOWED_NETWORK = ["innovator_a", "city_b_staff", "curator"]


@pytest.fixture
def as_role(client, request):
    def login(role):
        if role != "visitor":
            client.force_login(request.getfixturevalue(role))
        return client

    return login


@pytest.fixture
def network_with_file(network_only, city_a_staff):
    services.attachment_add(challenge=network_only, by=city_a_staff, file=upload("plan.pdf", PDF))
    return network_only


def _routes(challenge):
    attachment = challenge.attachments.first()
    routes = {
        "detail": challenge.get_absolute_url(),
        "similar": reverse("challenges:similar") + "?title=" + challenge.title,
    }
    if attachment:
        routes["attachment"] = attachment.get_absolute_url()
    return routes


@pytest.mark.parametrize("role", REFUSED_NETWORK)
def test_network_only_challenge_is_invisible_by_every_route(
    as_role, role, network_with_file, published
):
    client = as_role(role)
    title = network_with_file.title
    assert client.get(_routes(network_with_file)["detail"]).status_code == 404
    assert client.get(_routes(network_with_file)["attachment"]).status_code == 404
    for url in [
        reverse("challenges:list"),
        reverse("challenges:list") + "?q=cybersécurité",
        reverse("challenges:list") + "?domain=cybersecurity",
        reverse("home"),
        reverse("challenges:feed"),
        reverse("challenges:domain_feed", kwargs={"slug": "cybersecurity"}),
        reverse("challenges:similar") + "?title=" + "Cybersécurité réseaux municipaux",
    ]:
        body = client.get(url).content.decode()
        assert title not in body, url
    # Not even counted: one public challenge in mobility, none in cybersecurity. (The page
    # computed again, not a visitor's kept copy: its context is read.)
    cache.clear()
    page = client.get(reverse("challenges:list"))
    assert page.context["result_count"] == 1
    domains = {slug: n for slug, _name, n, _c in page.context["facets"]["domains"]}
    assert domains["cybersecurity"] == 0 and domains["mobility"] == 1
    assert page.context["facets"]["open"] == 1
    assert network_with_file not in challenges_visible_to(page.wsgi_request.user)


@pytest.mark.parametrize("role", ALLOWED_NETWORK)
def test_network_only_challenge_is_visible_to_verified_members(as_role, role, network_with_file):
    client = as_role(role)
    assert client.get(network_with_file.get_absolute_url()).status_code == 200
    assert network_with_file.title in client.get(reverse("challenges:list")).content.decode()
    attachment = network_with_file.attachments.get()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("role", ["visitor", "unverified_user", "innovator_a", "city_b_staff"])
def test_unpublished_challenges_stay_with_their_city(as_role, role, city_a, city_a_staff):
    client = as_role(role)
    for status in ["draft", "submitted", "archived"]:
        challenge = make_challenge([city_a], title=f"Secret {status}")
        services.attachment_add(challenge=challenge, by=city_a_staff, file=upload("a.pdf", PDF))
        if status != "draft":
            services.challenge_transition(challenge=challenge, to=status, by=None)
        assert client.get(challenge.get_absolute_url()).status_code == 404
        assert client.get(challenge.attachments.get().get_absolute_url()).status_code == 404
        assert f"Secret {status}" not in client.get(reverse("challenges:list")).content.decode()


def test_owners_and_curators_see_drafts(client, draft, city_a_staff, curator):
    for user in (city_a_staff, curator):
        client.force_login(user)
        assert client.get(draft.get_absolute_url()).status_code == 200


def test_every_co_owner_may_edit_a_joint_challenge(client, city_a, city_b, city_b_staff):
    joint = make_challenge([city_a, city_b], title="Enjeu commun")
    client.force_login(city_b_staff)
    response = client.get(reverse("challenges:edit", kwargs={"pk": joint.pk}))
    assert response.status_code == 200
    assert "Enjeu commun" in client.get(joint.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_a", "unverified_user"])
def test_others_cannot_edit(as_role, role, published, city_a):
    client = as_role(role)
    url = reverse("challenges:edit", kwargs={"pk": published.pk})
    assert client.get(url).status_code == 404
    response = client.post(url, {"title": "Piraté", "owners": [city_a.pk]})
    assert response.status_code == 404
    published.refresh_from_db()
    assert published.title != "Piraté"


def test_visitor_is_sent_to_login_to_edit_or_create(client, published):
    for url in (
        reverse("challenges:edit", kwargs={"pk": published.pk}),
        reverse("challenges:create"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("partners:login") in response["Location"]


@pytest.mark.parametrize("role", ["innovator_a", "unverified_user"])
def test_only_city_staff_and_curators_create(as_role, role):
    client = as_role(role)
    assert client.get(reverse("challenges:create")).status_code == 403
    assert client.post(reverse("challenges:create"), {"title": "x"}).status_code == 403
    assert not Challenge.objects.exists()


def test_staff_of_an_unverified_city_cannot_create(client, db):
    from partners.models import Organization
    from tests.factories import OrganizationFactory, member_of

    pending = OrganizationFactory(
        kind=Organization.Kind.CITY, status=Organization.Status.PENDING, slug="pending-city"
    )
    client.force_login(member_of(pending))
    assert client.get(reverse("challenges:create")).status_code == 403


@pytest.mark.parametrize("role", ["visitor", "innovator_a", "city_b_staff", "unverified_user"])
def test_history_only_for_owners_and_curators(as_role, role, published):
    body = as_role(role).get(published.get_absolute_url()).content.decode()
    assert 'id="history"' not in body


@pytest.mark.parametrize("role", ["city_a_staff", "curator"])
def test_history_shown_to_owners_and_curators(as_role, role, published):
    body = as_role(role).get(published.get_absolute_url()).content.decode()
    assert 'id="history"' in body


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_a"])
def test_others_cannot_add_or_delete_attachments(as_role, role, published, city_a_staff):
    attachment = services.attachment_add(
        challenge=published, by=city_a_staff, file=upload("a.pdf", PDF)
    )
    client = as_role(role)
    add = reverse("challenges:attachment_add", kwargs={"pk": published.pk})
    assert client.post(add, {"file": upload("b.pdf", PDF)}).status_code == 404
    delete = reverse(
        "challenges:attachment_delete", kwargs={"pk": published.pk, "attachment_pk": attachment.pk}
    )
    assert client.post(delete).status_code == 404
    assert published.attachments.count() == 1


def test_an_attachment_is_only_served_under_its_own_challenge(
    client, published, draft, city_a_staff
):
    hidden = services.attachment_add(challenge=draft, by=city_a_staff, file=upload("a.pdf", PDF))
    url = reverse("challenges:attachment", kwargs={"pk": published.pk, "attachment_pk": hidden.pk})
    assert client.get(url).status_code == 404


def test_unknown_or_garbage_ids_are_404(client, db):
    assert client.get("/challenges/999999/").status_code == 404
    assert client.get("/challenges/abc/").status_code == 404
