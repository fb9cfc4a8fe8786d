"""The public catalogue: facets that combine, counts, search, sorting, pagination, budgets."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from challenges.models import Challenge, ChallengeStatusChange, Domain
from partners.models import Organization
from tests.factories import OrganizationFactory

from .conftest import make_challenge


def titles(response) -> list[str]:
    return [c.title for c in response.context["page_obj"].object_list]


@pytest.fixture
def catalogue(city_a, city_b):
    """A small catalogue: Granby (Montérégie) and Sherbrooke (Estrie)."""
    soon = timezone.localdate() + timedelta(days=10)
    later = timezone.localdate() + timedelta(days=60)
    return {
        "recharge": make_challenge(
            [city_a], status="published", title="Bornes de recharge pour véhicules électriques",
            domains=["mobility", "energy"], budget_min=10000, budget_max=50000,
            proposals_deadline=later,
        ),
        "fuites": make_challenge(
            [city_b], status="published", title="Détection des fuites d'eau",
            domains=["water"], budget_min=100000, budget_max=200000, proposals_deadline=soon,
        ),
        "pilot": make_challenge(
            [city_b], status="in_pilot", title="Autobus électriques en pilote",
            domains=["mobility"], language="en",
        ),
        "closed": make_challenge(
            [city_a], status="closed", title="Éclairage de rue terminé", domains=["energy"]
        ),
        "draft": make_challenge([city_a], title="Brouillon invisible", domains=["mobility"]),
    }  # fmt: skip


def test_lists_public_challenges_only(client, catalogue):
    response = client.get(reverse("challenges:list"))
    assert sorted(titles(response)) == sorted(c.title for k, c in catalogue.items() if k != "draft")
    assert response.context["result_count"] == 4
    assert client.get(reverse("home")).status_code == 200


def test_facets_combine(client, catalogue):
    url = reverse("challenges:list")
    assert titles(client.get(url, {"domain": "mobility", "status": "published"})) == [
        catalogue["recharge"].title
    ]
    assert sorted(titles(client.get(url, {"domain": ["mobility", "water"]}))) == sorted(
        [catalogue["recharge"].title, catalogue["fuites"].title, catalogue["pilot"].title]
    )
    assert titles(client.get(url, {"region": "Estrie", "language": "en"})) == [
        catalogue["pilot"].title
    ]
    assert titles(client.get(url, {"city": "granby", "domain": "energy", "status": "closed"})) == [
        catalogue["closed"].title
    ]
    assert sorted(titles(client.get(url, {"open": "true"}))) == sorted(
        [catalogue["recharge"].title, catalogue["fuites"].title]
    )


def test_budget_range(client, catalogue):
    url = reverse("challenges:list")
    assert titles(client.get(url, {"budget_min": 150000})) == [catalogue["fuites"].title]
    assert titles(client.get(url, {"budget_max": 20000})) == [catalogue["recharge"].title]
    both = client.get(url, {"budget_min": 40000, "budget_max": 120000})
    assert sorted(titles(both)) == sorted([catalogue["recharge"].title, catalogue["fuites"].title])


def test_counts_per_facet_ignore_their_own_choice(client, catalogue):
    response = client.get(reverse("challenges:list"), {"domain": "water", "region": "Estrie"})
    facets = response.context["facets"]
    domains = {slug: n for slug, _name, n, _checked in facets["domains"]}
    # Other domains are counted as if "water" were not chosen (within Estrie).
    assert domains == {**{d.slug: 0 for d in Domain.objects.all()}, "water": 1, "mobility": 1}
    regions = {region: n for region, n, _selected in facets["regions"]}
    assert regions == {"Estrie": 1}  # water challenges, whatever the region
    statuses = {value: n for value, _label, n, _selected in facets["statuses"]}
    assert statuses == {"published": 1, "in_pilot": 0, "closed": 0}
    assert facets["open"] == 1
    assert response.context["result_count"] == 1


def test_an_unknown_domain_is_ignored_with_a_notice(client, catalogue):
    response = client.get(reverse("challenges:list"), {"domain": ["nope", "water"]})
    assert response.status_code == 200
    assert titles(response) == [catalogue["fuites"].title]
    assert "nope" in response.content.decode()
    assert response.context["ignored_domains"] == ["nope"]


@pytest.mark.parametrize(
    "params",
    [
        {"budget_min": "beaucoup"},
        {"budget_max": "-5"},
        {"status": "draft"},
        {"language": "de"},
        {"sort": "random"},
        {"page": "9999"},
        {"page": "abc"},
        {"q": "x" * 5000},
        {"q": "' OR 1=1 --"},
        {"q": "<script>alert(1)</script>"},
        {"q": "& | ! :* ()"},
        {"region": "<b>Estrie</b>"},
        {"open": "maybe"},
    ],
)
def test_bad_query_strings_never_break_the_page(client, catalogue, params):
    response = client.get(reverse("challenges:list"), params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    # A status outside the public ones never reveals a draft.
    assert "Brouillon invisible" not in response.content.decode()


def test_search_ignores_accents_and_plurals_on_sqlite_too(client, catalogue):
    response = client.get(reverse("challenges:list"), {"q": "vehicule electrique"})
    assert titles(response) == [catalogue["recharge"].title]
    assert response.context["sort"] == "relevance"
    assert titles(client.get(reverse("challenges:list"), {"q": "FUITES"})) == [
        catalogue["fuites"].title
    ]


def test_sorting(client, catalogue):
    url = reverse("challenges:list")
    by_deadline = titles(client.get(url, {"sort": "deadline"}))
    assert by_deadline[:2] == [catalogue["fuites"].title, catalogue["recharge"].title]
    newest = titles(client.get(url, {"sort": "newest"}))
    assert newest[0] == catalogue["closed"].title  # published last
    # Relevance without words falls back to the newest.
    assert client.get(url, {"sort": "relevance"}).context["sort"] == "newest"


def test_pagination_keeps_the_filters(client, city_a):
    for n in range(23):
        make_challenge([city_a], status="published", title=f"Enjeu {n}", domains=["water"])
    response = client.get(reverse("challenges:list"), {"domain": "water"})
    assert len(titles(response)) == 20
    body = response.content.decode()
    assert "?domain=water&amp;page=2" in body
    second = client.get(reverse("challenges:list"), {"domain": "water", "page": 2})
    assert len(titles(second)) == 3


def test_urls_can_be_bookmarked(client, catalogue):
    url = reverse("challenges:list") + "?domain=mobility&region=Montérégie&sort=deadline"
    response = client.get(url)
    assert titles(response) == [catalogue["recharge"].title]
    body = response.content.decode()
    assert 'value="mobility" id="facet-domain-mobility" checked' in body
    assert '<option value="deadline" selected>' in body


# --- Query budgets --------------------------------------------------------------------------


def bulk_catalogue(n: int, cities: list[Organization]) -> None:
    """`n` published challenges with owners and domains, inserted in bulk."""
    now = timezone.now()
    domains = list(Domain.objects.all())
    challenges = Challenge.objects.bulk_create(
        [
            Challenge(
                title=f"Enjeu numéro {i} sur les véhicules électriques",
                summary="Résumé",
                description="Description",
                status=Challenge.Status.PUBLISHED,
                published_at=now - timedelta(minutes=i),
                proposals_deadline=timezone.localdate() + timedelta(days=i % 90),
                tags=["mobilité", f"tag{i % 7}"],
                language="fr" if i % 3 else "en",
                visibility="network" if i % 10 == 0 else "public",
            )
            for i in range(n)
        ]
    )
    Owners = Challenge.owners.through
    Domains = Challenge.domains.through
    Owners.objects.bulk_create(
        [
            Owners(challenge=c, organization=cities[i % len(cities)])
            for i, c in enumerate(challenges)
        ]
    )
    Domains.objects.bulk_create(
        [Domains(challenge=c, domain=domains[i % len(domains)]) for i, c in enumerate(challenges)]
        + [
            Domains(challenge=c, domain=domains[(i + 3) % len(domains)])
            for i, c in enumerate(challenges)
        ]
    )
    ChallengeStatusChange.objects.bulk_create(
        [
            ChallengeStatusChange(challenge=c, from_status="submitted", to_status="published")
            for c in challenges
        ]
    )


@pytest.fixture(params=[10, 1000], ids=["10-challenges", "1000-challenges"])
def sized_catalogue(request, db):
    cities = [
        OrganizationFactory(kind=Organization.Kind.CITY, region=f"Région {i % 4}") for i in range(6)
    ]
    bulk_catalogue(request.param, cities)
    return request.param


# Sessions, user, memberships, notifications badge, then the page's own queries.
CATALOGUE_BUDGET = 16
# Similar challenges go through the matching engine: the challenge's domains, the terms with
# their statistics, the ranking (constant whatever the catalogue's size).
DETAIL_BUDGET = 20


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"domain": "mobility", "open": "true", "sort": "deadline"},
        {"q": "véhicules", "region": "Région 1"},
    ],
)
@pytest.mark.parametrize("role", ["visitor", "innovator_a", "curator"])
def test_catalogue_query_budget(
    client, request, sized_catalogue, django_assert_max_num_queries, params, role
):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(CATALOGUE_BUDGET):
        response = client.get(reverse("challenges:list"), params)
    assert response.status_code == 200
    assert response.context["result_count"] > 0


@pytest.mark.parametrize("role", ["visitor", "innovator_a", "curator"])
def test_detail_query_budget(
    client, request, sized_catalogue, django_assert_max_num_queries, role, city_a_staff
):
    challenge = Challenge.objects.filter(visibility="public").order_by("pk")[5]
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(DETAIL_BUDGET):
        response = client.get(challenge.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["similar"]) == 5


def test_dashboard_and_review_queue_query_budget(
    client, sized_catalogue, curator, django_assert_max_num_queries
):
    Challenge.objects.filter(pk__in=Challenge.objects.order_by("pk").values("pk")[:8]).update(
        status=Challenge.Status.SUBMITTED
    )
    client.force_login(curator)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("challenges:review_queue")).status_code == 200


def test_postgres_query_plan_uses_the_gin_index(postgres, city_a):
    from challenges import selectors

    bulk_catalogue(1000, [city_a])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE challenges_challenge")
        # Small test tables may be scanned anyway; this checks that the index can serve it.
        cursor.execute("SET LOCAL enable_seqscan = off")
    ranked = selectors.search(Challenge.objects.all(), "aqueduc municipal")
    plan = ranked.order_by("-relevance").explain()
    assert "challenges_challenge_search_document_gin" in plan, plan
