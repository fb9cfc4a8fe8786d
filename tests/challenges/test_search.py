"""Full-text search: French and English stemming, accents ignored, ranked (PostgreSQL)."""

from django.urls import reverse

from challenges import selectors
from challenges.models import Challenge

from .conftest import make_challenge


def found(client, q: str) -> list[str]:
    response = client.get(reverse("challenges:list"), {"q": q})
    assert response.status_code == 200
    return [c.title for c in response.context["page_obj"].object_list]


def test_accents_and_inflections_are_ignored(client, postgres, city_a):
    plain = make_challenge(
        [city_a], status="published", title="Recharge des vehicules electriques municipaux"
    )
    make_challenge([city_a], status="published", title="Déneigement des trottoirs")
    assert found(client, "véhicule électrique") == [plain.title]
    assert found(client, "VÉHICULES") == [plain.title]
    accented = make_challenge([city_a], status="published", title="Flotte de véhicules électriques")
    assert sorted(found(client, "vehicule electrique")) == sorted([plain.title, accented.title])


def test_english_stemming(client, postgres, city_a):
    challenge = make_challenge(
        [city_a], status="published", title="Charging stations for municipal fleets",
        language="en",
    )  # fmt: skip
    assert found(client, "charging station") == [challenge.title]
    assert found(client, "fleet") == [challenge.title]


def test_tags_summary_and_description_are_searched(client, postgres, city_a):
    challenge = make_challenge(
        [city_a], status="published", title="Un enjeu", tags=["télérelève"],
        summary="Compteurs communicants", description="Réduire les fuites d'aqueduc.",
    )  # fmt: skip
    for q in ("telereleve", "compteur communicant", "fuite aqueduc"):
        assert found(client, q) == [challenge.title], q


def test_results_are_ranked_title_first(client, postgres, city_a):
    in_description = make_challenge(
        [city_a], status="published", title="Un autre enjeu",
        description="Il est question d'éclairage ici.",
    )  # fmt: skip
    in_title = make_challenge([city_a], status="published", title="Éclairage de rue intelligent")
    assert found(client, "éclairage") == [in_title.title, in_description.title]


def test_hostile_queries_never_fail(client, postgres, city_a):
    make_challenge([city_a], status="published", title="Éclairage")
    for q in ["&|!", "a:*", "'\"", "(((", "-", "or or or", "éclairage -", "\\x00"]:
        found(client, q)


def test_search_respects_visibility(client, postgres, network_only):
    assert found(client, "cybersécurité") == []


def test_similar_challenges_from_other_cities(postgres, city_a, city_b, innovator_a):
    mine = make_challenge(
        [city_a], status="published", title="Bornes de recharge électrique", tags=["recharge"]
    )
    same_city = make_challenge([city_a], status="published", title="Recharge des autobus")
    peer = make_challenge([city_b], status="published", title="Recharge de véhicules électriques")
    unrelated = make_challenge([city_b], status="published", title="Déneigement")
    hidden = make_challenge(
        [city_b], status="published", title="Recharge confidentielle",
        visibility=Challenge.Visibility.NETWORK,
    )  # fmt: skip
    similar = selectors.similar_challenges(mine)
    assert peer in similar
    assert same_city not in similar and unrelated not in similar and hidden not in similar
    assert hidden in selectors.similar_challenges(mine, user=innovator_a)
