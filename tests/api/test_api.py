"""The read-only API: open data for all, matches and pilots for curators, nothing network-only."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

from solutions.case_studies import services as case_studies
from solutions.models import Match
from tests.factories import OrganizationFactory
from tests.pilots.builders import completed_pilot, published_case_study, started_pilot
from tests.solutions.helpers import open_challenge, solution_of

API = "/api/v1/"


@pytest.fixture
def open_data(city_a, city_b, innovator_a_org, innovator_b_org, curator):
    """Public and network-only content side by side, each with a completed pilot."""
    public = open_challenge([city_a], title="Stationnement public", domains=["mobility"])
    network = open_challenge(
        [city_b], title="Réseau seulement", visibility="network", domains=["water"]
    )
    draft = open_challenge([city_a], title="Brouillon", publish=False)
    public_pilot = completed_pilot(
        city=city_a,
        innovator=innovator_a_org,
        by=curator,
        challenge=public,
        gains=(("CAD", "1000", "600"),),
    )
    network_pilot = completed_pilot(
        city=city_b,
        innovator=innovator_b_org,
        by=curator,
        challenge=network,
        gains=(("m3", "500", "200"),),
    )
    public_study = published_case_study(public_pilot, curator, title="Étude publique")
    network_study = published_case_study(
        network_pilot, curator, title="Étude réseau", visibility="network"
    )
    draft_solution = solution_of(innovator_a_org, name="Solution brouillon", status="draft")
    pending = OrganizationFactory(kind="innovator", name="En attente", status="pending")
    return {
        "public": public,
        "network": network,
        "draft": draft,
        "public_study": public_study,
        "network_study": network_study,
        "draft_solution": draft_solution,
        "pending": pending,
    }


def _ids(response) -> set:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["results"]}


def test_challenges_list_only_published_public_ones(client, open_data):
    ids = _ids(client.get(API + "challenges/"))
    assert open_data["public"].pk in ids
    assert open_data["network"].pk not in ids and open_data["draft"].pk not in ids
    for hidden in ("network", "draft"):
        assert client.get(f"{API}challenges/{open_data[hidden].pk}/").status_code == 404
    item = client.get(f"{API}challenges/{open_data['public'].pk}/").json()
    assert item["title"] == "Stationnement public"
    assert item["domains"] == ["mobility"]
    assert item["owners"][0]["slug"] == "granby"
    assert item["url"].startswith("http://testserver/challenges/")


def test_network_content_never_leaks_even_to_verified_members_or_curators(
    client, open_data, innovator_b, curator
):
    for user in (None, innovator_b, curator):
        if user is not None:
            client.force_login(user)
        payload = b"".join(
            client.get(API + path).content
            for path in ("challenges/", "case-studies/", "solutions/", "organizations/")
        ).decode()
        assert "Réseau seulement" not in payload and "Étude réseau" not in payload
        assert "Brouillon" not in payload and "En attente" not in payload


def test_case_studies_carry_their_results_and_public_lineage(
    client, open_data, city_b, city_b_staff, curator
):
    copy = case_studies.case_study_copy(
        case_study=open_data["public_study"], by=city_b_staff, city=city_b
    )
    item = client.get(f"{API}case-studies/{open_data['public_study'].pk}/").json()
    assert item["city"]["slug"] == "granby"
    assert item["challenge"] == open_data["public"].pk
    indicator = item["pilot"]["indicators"][0]
    assert (indicator["unit"], indicator["baseline"], indicator["latest_value"]) == (
        "CAD",
        "1000.0000",
        "600.0000",
    )
    assert indicator["gain"] == "400.0000"
    # The copy is still a draft: not in the lineage of the open data.
    assert item["copied_to"] == []
    from challenges.services import challenge_publish

    challenge_publish(challenge=copy, by=None)
    item = client.get(f"{API}case-studies/{open_data['public_study'].pk}/").json()
    assert item["copied_to"] == [{"city": city_b.name, "challenge": copy.pk}]
    assert client.get(f"{API}case-studies/{open_data['network_study'].pk}/").status_code == 404


def test_a_public_case_study_of_a_network_challenge_does_not_name_the_challenge(
    client, open_data, curator
):
    case_studies.case_study_update(
        case_study=open_data["network_study"], by=curator, visibility="public"
    )
    item = client.get(f"{API}case-studies/{open_data['network_study'].pk}/").json()
    assert item["challenge"] is None
    assert "Réseau seulement" not in str(item)


def test_solutions_and_organizations_are_the_public_ones(client, open_data, iveo):
    solution_ids = _ids(client.get(API + "solutions/"))
    assert open_data["draft_solution"].pk not in solution_ids and solution_ids
    organizations = client.get(API + "organizations/", {"page_size": 100}).json()["results"]
    slugs = {o["slug"] for o in organizations}
    assert {"granby", "sherbrooke", "acme", "beta"} <= slugs
    assert "iveo" not in slugs and open_data["pending"].slug not in slugs


def test_filters(client, open_data, city_a):
    assert _ids(client.get(API + "challenges/", {"domain": "mobility"})) == {open_data["public"].pk}
    assert _ids(client.get(API + "challenges/", {"domain": "water"})) == set()
    assert _ids(client.get(API + "challenges/", {"city": "granby"})) == {open_data["public"].pk}
    assert _ids(client.get(API + "challenges/", {"region": "estrie"})) == set()
    assert _ids(client.get(API + "challenges/", {"q": "stationnement"})) == {open_data["public"].pk}
    assert _ids(client.get(API + "case-studies/", {"outcome": "completed"})) == {
        open_data["public_study"].pk
    }
    kinds = {
        o["kind"] for o in client.get(API + "organizations/", {"kind": "city"}).json()["results"]
    }
    assert kinds == {"city"}
    response = client.get(API + "challenges/", {"status": "draft"})
    assert response.status_code == 400  # not a status the API serves


def test_pagination(client, city_a):
    for i in range(7):
        open_challenge([city_a], title=f"Enjeu {i}")
    first = client.get(API + "challenges/", {"page_size": 3}).json()
    assert first["count"] == 7 and len(first["results"]) == 3 and first["next"]
    last = client.get(API + "challenges/", {"page_size": 3, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    assert client.get(API + "challenges/", {"page": 99}).status_code == 404
    capped = client.get(API + "challenges/", {"page_size": 10_000}).json()
    assert len(capped["results"]) == 7


def test_matches_and_pilots_need_a_curators_token(
    client, open_data, curator, city_a_staff, innovator_a
):
    assert client.get(API + "matches/").status_code == 401
    assert client.get(API + "pilots/").status_code == 401
    for user in (city_a_staff, innovator_a):
        token = Token.objects.create(user=user)
        headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
        assert client.get(API + "matches/", **headers).status_code == 403
        assert client.get(API + "pilots/", **headers).status_code == 403
    assert client.get(API + "pilots/", HTTP_AUTHORIZATION="Token wrong").status_code == 401
    token = Token.objects.create(user=curator)
    headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    matches = client.get(API + "matches/", **headers)
    assert matches.status_code == 200 and matches.json()["count"] == Match.objects.count()
    pilots_page = client.get(API + "pilots/", {"status": "completed"}, **headers).json()
    assert pilots_page["count"] == 2
    pilot = pilots_page["results"][0]
    assert pilot["indicators"] and "lessons_learned" in pilot and pilot["case_study"]


def test_a_curator_who_is_no_longer_one_loses_the_api(client, curator):
    token = Token.objects.create(user=curator)
    curator.memberships.update(status="refused")
    response = client.get(API + "pilots/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 403


def test_api_is_read_only(client, curator, open_data):
    token = Token.objects.create(user=curator)
    headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    url = f"{API}challenges/{open_data['public'].pk}/"
    for method in ("post", "put", "patch", "delete"):
        assert (
            getattr(client, method)(url, {}, content_type="application/json", **headers).status_code
            == 405
        )
    assert client.post(API + "pilots/", {}, **headers).status_code == 405


def test_curator_token_page_creates_replaces_and_revokes(client, curator):
    client.force_login(curator)
    url = reverse("solutions:impact_api_token")
    client.post(url, {"action": "create"})
    first = Token.objects.get(user=curator).key
    assert first in client.get(url).content.decode()
    client.post(url, {"action": "create"})
    assert Token.objects.get(user=curator).key != first
    client.post(url, {"action": "revoke"})
    assert not Token.objects.filter(user=curator).exists()


def test_schema_is_served_and_lists_every_endpoint(client, db):
    response = client.get(API + "schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/challenges/",
        "/api/v1/case-studies/{id}/",
        "/api/v1/pilots/",
    } <= set(schema["paths"])
    assert "tokenAuth" in schema["components"]["securitySchemes"]


@pytest.mark.parametrize("path", ["challenges/", "solutions/", "case-studies/", "organizations/"])
def test_list_query_count_is_constant(
    client, city_a, innovator_a_org, curator, path, django_assert_max_num_queries
):
    def add(n):
        for _ in range(n):
            pilot = completed_pilot(city=city_a, innovator=innovator_a_org, by=curator)
            published_case_study(pilot, curator)

    add(2)
    with django_assert_max_num_queries(10) as small:
        client.get(API + path)
    add(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(API + path)


def test_pilots_list_query_count_is_constant(
    client, city_a, innovator_a_org, curator, django_assert_max_num_queries
):
    token = Token.objects.create(user=curator)
    headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    started_pilot(city=city_a, innovator=innovator_a_org, by=curator)
    with django_assert_max_num_queries(12) as small:
        client.get(API + "pilots/", **headers)
    for _ in range(6):
        completed_pilot(city=city_a, innovator=innovator_a_org, by=curator)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(API + "pilots/", **headers)


def test_huge_or_fractional_numbers_are_client_errors(client, curator, open_data):
    """Found by schemathesis: "1e29" as an id filter overflowed the database (500)."""
    token = Token.objects.create(user=curator)
    headers = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    for params in (
        {"solution": "1.1910021524780213e+29"},
        {"challenge": "4.5"},
        {"challenge": str(2**70)},
    ):
        assert client.get(API + "matches/", params, **headers).status_code == 400
    assert client.get(API + "solutions/", {"trl_min": "1e30"}).status_code == 400
    huge = "9" * 30
    for path in ("challenges", "solutions", "organizations", "case-studies", "matches", "pilots"):
        assert client.get(f"{API}{path}/{huge}/", **headers).status_code == 404
    assert client.get(API + "challenges/", {"page": huge}).status_code == 404
