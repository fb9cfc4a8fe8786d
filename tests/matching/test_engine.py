"""The matching engine: what ranks first, why, and what never shows up."""

import pytest
from django.utils import translation

from challenges.models import Challenge
from solutions.matching.ranking import (
    rank_challenges_for_solutions,
    rank_similar_challenges,
    rank_solutions,
)
from solutions.models import Match, Solution

from ..factories import OrganizationFactory
from ..solutions.helpers import open_challenge, solution_of


@pytest.fixture
def parking_challenge(city_a):
    return open_challenge(
        [city_a],
        title="Trouver une place de stationnement libre au centre-ville",
        summary="Les automobilistes tournent en rond ; nous voulons connaître l'occupation.",
        description="Afficher en temps réel les places libres de stationnement sur rue.",
        tags=["stationnement"],
        domains=["mobility"],
    )


@pytest.fixture
def catalogue(innovator_a_org, innovator_b_org):
    return {
        "sensors": solution_of(
            innovator_a_org,
            name="Capteurs d'occupation des places de stationnement",
            summary="Un capteur par case détecte si la place est libre ou occupée.",
            description="Affichage des places libres en temps réel.",
            tags=["stationnement", "capteurs"],
        ),
        "payment": solution_of(
            innovator_b_org,
            name="Paiement mobile",
            summary="Payer son stationnement par téléphone.",
            description="Application de paiement pour les automobilistes.",
            tags=["paiement"],
        ),
        "water": solution_of(
            innovator_b_org,
            name="Détection des fuites d'eau",
            summary="Écoute acoustique des conduites d'aqueduc.",
            description="Hydrophones permanents sur le réseau d'eau potable.",
            tags=["fuites"],
            domains=("water",),
        ),
    }


def test_best_fit_ranks_first_with_score_and_reasons(parking_challenge, catalogue):
    ranked = rank_solutions(parking_challenge, limit=5)
    assert ranked[0][0] == catalogue["sensors"]
    scores = [score for _solution, score, _reasons in ranked]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    assert catalogue["water"] not in [s for s, _score, _reasons in ranked]
    with translation.override("fr"):
        reasons = rank_solutions(parking_challenge, limit=1)[0][2]
    assert any(r.startswith("mots en commun :") and "stationnement" in r for r in reasons)
    assert "même domaine : Mobilité durable" in reasons


def test_reasons_follow_the_active_language(parking_challenge, catalogue):
    with translation.override("en"):
        reasons = rank_solutions(parking_challenge, limit=1)[0][2]
    assert any(r.endswith("Sustainable mobility") for r in reasons)
    assert not any("Mobilité durable" in r for r in reasons)


def test_references_appear_in_the_reasons(parking_challenge, catalogue, city_b):
    catalogue["sensors"].references.create(name="Ville de Sherbrooke", organization=city_b)
    _solution, _score, reasons = rank_solutions(parking_challenge, limit=1)[0]
    with translation.override("fr"):
        reasons = rank_solutions(parking_challenge, limit=1)[0][2]
    assert "expérimentée à Ville de Sherbrooke" in reasons


def test_unpublished_solutions_are_never_suggested(parking_challenge, catalogue):
    Solution.objects.filter(pk=catalogue["sensors"].pk).update(status=Solution.Status.DRAFT)
    ranked = [s for s, _score, _reasons in rank_solutions(parking_challenge, limit=5)]
    assert catalogue["sensors"] not in ranked


def test_accents_and_inflections_do_not_matter(city_a, innovator_a_org):
    solution = solution_of(
        innovator_a_org,
        name="Recharge des vehicules electriques",
        summary="Bornes pour vehicules electriques de la flotte",
        description="Installation de bornes.",
        tags=[],
        domains=("energy",),
    )
    challenge = open_challenge(
        [city_a],
        title="Véhicule électrique",
        summary="Recharger un véhicule électrique municipal.",
        description="Une borne.",
        domains=[],
    )
    assert [s for s, _score, _reasons in rank_solutions(challenge)] == [solution]


def test_a_challenge_with_no_words_gets_no_suggestion(city_a, catalogue):
    challenge = Challenge(title="Le la les", summary="", description="de du des", language="fr")
    assert rank_solutions(challenge) == []


def test_track_record_on_the_same_domain_is_evidence(parking_challenge, catalogue, city_b):
    earlier = open_challenge([city_b], title="Stationnement", domains=["mobility"])
    Match.objects.create(
        challenge=earlier, solution=catalogue["payment"], status=Match.Status.PILOT
    )
    with translation.override("fr"):
        ranked = {s: reasons for s, _score, reasons in rank_solutions(parking_challenge)}
    assert "déjà retenue pour un enjeu du même domaine" in ranked[catalogue["payment"]]


@pytest.mark.parametrize("size", [10, 120])
def test_ranking_runs_a_constant_number_of_queries(
    parking_challenge, innovator_a_org, size, django_assert_max_num_queries
):
    for i in range(size):
        solution_of(
            innovator_a_org,
            name=f"Capteurs de stationnement modèle {i}",
            tags=["stationnement"],
            description=f"Détection des places libres, version {i}.",
        )
    # Domains, the stems/statistics, the ranking, then loading the rows and their references.
    with django_assert_max_num_queries(9):
        ranked = rank_solutions(parking_challenge, limit=10)
    assert len(ranked) == 10


def test_similar_challenges_and_challenges_for_solutions(
    parking_challenge, catalogue, city_b, innovator_a_org
):
    similar = open_challenge(
        [city_b],
        title="Occupation du stationnement sur rue",
        summary="Connaître les places libres.",
        domains=["mobility"],
    )
    other = open_challenge(
        [city_b],
        title="Fuites d'eau potable",
        summary="Réduire les pertes du réseau d'aqueduc.",
        description="Trouver les fuites.",
        domains=["water"],
    )
    candidates = Challenge.objects.exclude(pk=parking_challenge.pk)
    ranked = [c for c, _score, _reasons in rank_similar_challenges(parking_challenge, candidates)]
    assert ranked[0] == similar and other not in ranked[:1]
    fits = rank_challenges_for_solutions([catalogue["water"]], Challenge.objects.all())
    assert fits[0][0] == other


def test_innovator_from_a_pending_organisation_is_ranked_like_others(parking_challenge):
    pending = OrganizationFactory(kind="innovator", status="pending", slug="pending-innovator")
    solution = solution_of(pending, name="Stationnement libre", tags=["stationnement"])
    assert solution in [s for s, _score, _reasons in rank_solutions(parking_challenge)]
