"""The public catalogue of solutions: filters, search, visibility and query budget."""

import pytest
from django.urls import reverse

from partners.models import Organization
from solutions.models import Solution
from tests.factories import OrganizationFactory

from .helpers import solution_of

URL = reverse("solutions:catalogue")


def names(response) -> list[str]:
    return [s.name for s in response.context["page_obj"].object_list]


def test_catalogue_lists_published_solutions_of_verified_innovators_only(
    client, solution_a, draft_a, unverified_user
):
    pending = Organization.objects.get(slug="jeune-pousse")
    solution_of(pending, name="Solution d'une jeune pousse")
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Acme Parc"]
    assert "Acme brouillon" not in response.content.decode()


def test_catalogue_filters_by_domain(client, solution_a, solution_b):
    assert names(client.get(URL, {"domain": "water"})) == ["Bêta Fuites"]
    assert names(client.get(URL, {"domain": "mobility"})) == ["Acme Parc"]


def test_catalogue_filters_by_minimum_maturity(client, innovator_a_org):
    solution_of(innovator_a_org, name="Prototype", trl=5)
    solution_of(innovator_a_org, name="Éprouvée", trl=9)
    assert names(client.get(URL, {"trl": "7"})) == ["Éprouvée"]


def test_region_served_includes_broader_areas(client, innovator_a_org):
    solution_of(innovator_a_org, name="Estrie seulement", regions_served=["estrie"])
    solution_of(innovator_a_org, name="Tout le Québec", regions_served=["quebec"])
    solution_of(innovator_a_org, name="Occitanie", regions_served=["occitanie"])
    solution_of(innovator_a_org, name="Monde", regions_served=["international"])
    assert sorted(names(client.get(URL, {"region": "estrie"}))) == [
        "Estrie seulement",
        "Monde",
        "Tout le Québec",
    ]
    assert sorted(names(client.get(URL, {"region": "france"}))) == ["Monde"]


def test_deployed_in_a_city_like_mine(client, innovator_a_org, city_a_staff, city_a):
    city_a.population = 69000
    city_a.save()
    similar = OrganizationFactory(kind="city", name="Ville de Drummondville", population=79000)
    small = OrganizationFactory(kind="city", name="Village", population=2000)
    french = OrganizationFactory(kind="city", name="Perpignan", population=120000, country="FR")
    solution_of(innovator_a_org, name="Déjà à Drummondville", references=[(similar, similar.name)])
    solution_of(innovator_a_org, name="Seulement au village", references=[(small, small.name)])
    solution_of(innovator_a_org, name="Seulement en France", references=[(french, french.name)])
    solution_of(innovator_a_org, name="Aucune référence")
    # A visitor picks a size.
    assert names(client.get(URL, {"like": "small"})) == ["Seulement au village"]
    assert sorted(names(client.get(URL, {"like": "large"}))) == [
        "Déjà à Drummondville",
        "Seulement en France",
    ]
    # City staff pick "mine": same size band, same country.
    client.force_login(city_a_staff)
    response = client.get(URL, {"like": "mine"})
    assert names(response) == ["Déjà à Drummondville"]
    assert "la mienne (Ville de Granby)" in response.content.decode()


def test_unknown_filter_values_are_ignored_with_a_notice(client, solution_a):
    response = client.get(URL, {"domain": "teleportation", "trl": "12"})
    assert response.status_code == 200
    assert "Certains filtres ont été ignorés" in response.content.decode()


def test_text_search_finds_words_in_name_tags_and_description(client, innovator_a_org):
    solution_of(innovator_a_org, name="Capteurs de fuites", tags=["aqueduc"], domains=("water",))
    solution_of(
        innovator_a_org,
        name="Éclairage public",
        description="Lampadaires DEL intelligents pour les rues.",
        tags=[],
    )
    assert names(client.get(URL, {"q": "fuites"})) == ["Capteurs de fuites"]
    assert names(client.get(URL, {"q": "aqueduc"})) == ["Capteurs de fuites"]
    assert names(client.get(URL, {"q": "lampadaires"})) == ["Éclairage public"]
    assert names(client.get(URL, {"q": "éclairage"})) == ["Éclairage public"]
    assert names(client.get(URL, {"q": "introuvable"})) == []


def test_search_is_accent_insensitive_and_stemmed_on_postgres(postgres, client, innovator_a_org):
    solution_of(
        innovator_a_org,
        name="Recharge de véhicules électriques",
        description="Bornes pour véhicules électriques.",
        tags=[],
    )
    solution_of(innovator_a_org, name="Gestion des déchets", description="Collecte.", tags=[])
    assert names(client.get(URL, {"q": "vehicule electrique"})) == [
        "Recharge de véhicules électriques"
    ]
    # Operators typed by a person are words, never a syntax error.
    assert names(client.get(URL, {"q": 'bornes & "or | !'})) == [
        "Recharge de véhicules électriques"
    ]


def test_search_ranks_the_name_above_the_description_on_postgres(postgres, client, innovator_a_org):
    solution_of(
        innovator_a_org,
        name="Plateforme citoyenne",
        description="Signalements, dont le déneigement.",
        tags=[],
    )
    solution_of(innovator_a_org, name="Déneigement optimisé", description="Routes.", tags=[])
    assert names(client.get(URL, {"q": "déneigement"})) == [
        "Déneigement optimisé",
        "Plateforme citoyenne",
    ]


@pytest.mark.parametrize("size", [10, 1000])
def test_catalogue_query_count_does_not_grow_with_the_catalogue(
    client, innovator_a_org, django_assert_max_num_queries, size, city_a_staff
):
    org = innovator_a_org
    solutions = Solution.objects.bulk_create(
        Solution(
            organization=org,
            name=f"Solution {i}",
            description="Capteurs.",
            status="published",
            tags=["capteurs"],
        )
        for i in range(size)
    )
    Solution.domains.through.objects.bulk_create(
        Solution.domains.through(solution_id=s.pk, domain_id=d) for s in solutions for d in (1, 2)
    )
    client.force_login(city_a_staff)
    with django_assert_max_num_queries(12):
        response = client.get(
            URL, {"domain": "mobility", "trl": "1", "q": "capteurs", "like": "mine", "page": 2}
        )
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(URL).status_code == 200
