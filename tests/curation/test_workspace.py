"""The curator workspace: queues, suggestions and proposals side by side, shortlist, decline, add."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from partners.models import Notification
from solutions.curation import services as curation
from solutions.models import Match
from tests.challenges.conftest import make_challenge
from tests.factories import OrganizationFactory
from tests.solutions.helpers import open_challenge, solution_of

from .conftest import text

WORKSPACE = reverse("solutions:curation_workspace")


def curation_page(challenge) -> str:
    return reverse("solutions:curation_challenge", kwargs={"challenge_pk": challenge.pk})


def test_workspace_links_the_queues_and_shows_suggestions_beside_proposals(
    client, curator, suggestion, proposal, challenge
):
    make_challenge([OrganizationFactory()], status="submitted", title="Enjeu soumis")
    OrganizationFactory(status="pending", name="Nouvelle ville")
    client.force_login(curator)
    page = text(client.get(WORKSPACE))
    assert reverse("partners:curation_organizations") in page
    assert reverse("challenges:review_queue") in page
    assert "1 organisation à vérifier" in page
    assert "1 enjeu à réviser" in page
    assert challenge.title in page
    # The engine's suggestion with its reasons, and the innovator's proposal, in two columns.
    suggestions, proposals = page.split("Suggestions du moteur")[1].split(
        "Propositions des innovateurs"
    )
    assert "Bêta Stationnement" in suggestions
    assert "mots en commun : stationnement, capteurs" in suggestions
    assert "Acme Parc" in proposals.split("Présélectionnés et mis en relation")[0]
    assert "Des capteurs dans chaque case" in proposals


def test_workspace_can_show_only_challenges_with_something_to_decide(
    client, curator, suggestion, city_b
):
    quiet = open_challenge([city_b], title="Éclairage public intelligent")
    client.force_login(curator)
    page = text(client.get(WORKSPACE, {"pending": "on"}))
    assert suggestion.challenge.title in page
    assert quiet.title not in page
    assert quiet.title in text(client.get(WORKSPACE))


@pytest.mark.parametrize("role", ["city_a_staff", "innovator_a", "unverified_user"])
def test_workspace_is_refused_to_everyone_but_curators(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(WORKSPACE).status_code == 403
    assert client.get(curation_page(request.getfixturevalue("challenge"))).status_code == 403


def test_a_visitor_is_sent_to_the_login_page(client, challenge):
    response = client.get(WORKSPACE)
    assert response.status_code == 302 and reverse("partners:login") in response["Location"]


def _many_challenges(cities, innovators, count: int) -> None:
    for i in range(count):
        challenge = open_challenge([cities[i % len(cities)]], title=f"Enjeu numéro {i}")
        for j, innovator in enumerate(innovators):
            solution = solution_of(innovator, name=f"Solution {i}-{j}")
            Match.objects.create(
                challenge=challenge,
                solution=solution,
                status=[
                    Match.Status.SUGGESTED,
                    Match.Status.PROPOSED,
                    Match.Status.SHORTLISTED,
                ][j % 3],
                proposed_at=challenge.published_at if j % 3 else None,
                score=0.3,
                reasons=["même domaine : Mobilité durable"],
            )


@pytest.mark.parametrize("count", [2, 10])
def test_workspace_query_count_does_not_grow_with_the_data(
    client, curator, city_a, city_b, count, django_assert_max_num_queries
):
    innovators = [OrganizationFactory(kind="innovator") for _ in range(3)]
    _many_challenges([city_a, city_b], innovators, count)
    client.force_login(curator)
    client.get(WORKSPACE)  # session and caches warm
    with django_assert_max_num_queries(14):
        response = client.get(WORKSPACE)
    assert response.status_code == 200
    assert text(response).count('class="match-card"') == min(count, 10) * 3


def test_shortlisting_moves_the_match_and_tells_the_innovator(
    client,
    curator,
    suggestion,
    innovator_b,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("solutions:curation_match_shortlist", kwargs={"pk": suggestion.pk}),
            {"next": WORKSPACE},
        )
    assert response.status_code == 302 and response["Location"] == WORKSPACE
    suggestion.refresh_from_db()
    assert suggestion.status == Match.Status.SHORTLISTED
    assert [m.to for m in mailoutbox] == [[innovator_b.email]]
    assert "présélectionnée" in mailoutbox[0].subject


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "a b", "solutions:catalogue"]
)
def test_next_other_than_a_path_of_this_site_is_ignored(client, curator, suggestion, target):
    client.force_login(curator)
    response = client.post(
        reverse("solutions:curation_match_shortlist", kwargs={"pk": suggestion.pk}),
        {"next": target},
    )
    assert response["Location"] == curation_page(suggestion.challenge)


def test_declining_needs_a_reason_that_the_innovator_then_reads(
    client,
    curator,
    proposal,
    innovator_a,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    url = reverse("solutions:curation_match_decline", kwargs={"pk": proposal.pk})
    client.force_login(curator)
    client.post(url, {"reason": "  "})
    proposal.refresh_from_db()
    assert proposal.status == Match.Status.PROPOSED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {"reason": "La ville cherche une solution sans capteur dans la chaussée."},
        )
    proposal.refresh_from_db()
    assert proposal.status == Match.Status.DECLINED
    assert [m.to for m in mailoutbox] == [[innovator_a.email]]
    assert "sans capteur dans la chaussée" in mailoutbox[0].body
    client.force_login(innovator_a)
    page = text(client.get(proposal.get_absolute_url()))
    assert "La ville cherche une solution sans capteur dans la chaussée." in page
    assert "IVÉO n'a pas retenu ce jumelage" in page


def test_a_declined_match_cannot_be_shortlisted_or_introduced(curator, proposal):
    curation.match_decline(match=proposal, by=curator, reason="Hors sujet.")
    with pytest.raises(ValidationError):
        curation.match_shortlist(match=proposal, by=curator)
    with pytest.raises(ValidationError):
        curation.match_introduce(match=proposal, by=curator)


@pytest.mark.parametrize("role", ["city_a_staff", "innovator_a", "innovator_b", "unverified_user"])
def test_only_curators_curate(request, role, proposal, suggestion, challenge, solution_b):
    user = request.getfixturevalue(role)
    with pytest.raises(PermissionDenied):
        curation.match_shortlist(match=suggestion, by=user)
    with pytest.raises(PermissionDenied):
        curation.match_decline(match=proposal, by=user, reason="Non.")
    with pytest.raises(PermissionDenied):
        curation.match_add_by_curator(challenge=challenge, solution=solution_b, by=user)


@pytest.mark.parametrize("role", ["city_a_staff", "innovator_a", "innovator_b"])
def test_curation_posts_by_others_are_refused_and_change_nothing(client, request, role, proposal):
    client.force_login(request.getfixturevalue(role))
    for name in (
        "curation_match_shortlist",
        "curation_match_decline",
        "curation_match_introduce",
    ):
        response = client.post(
            reverse(f"solutions:{name}", kwargs={"pk": proposal.pk}), {"reason": "Non."}
        )
        assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Match.Status.PROPOSED


def test_a_curator_finds_a_catalogue_solution_and_adds_it_by_hand(
    client,
    curator,
    challenge,
    innovator_b_org,
    innovator_b,
    django_capture_on_commit_callbacks,
):
    wanted = solution_of(innovator_b_org, name="Compteur de places Bêta", tags=["comptage"])
    solution_of(innovator_b_org, name="Brouillon invisible", status="draft", tags=["comptage"])
    client.force_login(curator)
    page = text(client.get(curation_page(challenge), {"q": "Compteur"}))
    assert "Compteur de places Bêta" in page
    assert "Brouillon invisible" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("solutions:curation_match_add", kwargs={"challenge_pk": challenge.pk}),
            {"solution": wanted.pk, "note": "Déployée à Magog en 2024."},
        )
    assert response.status_code == 302
    match = Match.objects.get(challenge=challenge, solution=wanted)
    assert (match.origin, match.status) == (
        Match.Origin.CURATOR,
        Match.Status.SHORTLISTED,
    )
    assert match.reasons == ["Déployée à Magog en 2024."]
    assert Notification.objects.filter(
        recipient=innovator_b, template="curation_match_shortlisted"
    ).exists()
    # Once added, it no longer comes up in the search.
    assert (
        "Compteur de places Bêta"
        not in text(client.get(curation_page(challenge), {"q": "Compteur"})).split(
            "Ajouter une solution du catalogue"
        )[1]
    )


def test_adding_a_solution_the_engine_suggested_shortlists_the_suggestion(
    curator, suggestion, challenge
):
    match = curation.match_add_by_curator(
        challenge=challenge, solution=suggestion.solution, by=curator
    )
    assert match.pk == suggestion.pk
    assert (match.origin, match.status) == (Match.Origin.AUTO, Match.Status.SHORTLISTED)


def test_a_draft_or_an_already_matched_solution_cannot_be_added(
    client, curator, challenge, proposal, innovator_a_org
):
    draft = solution_of(innovator_a_org, name="Brouillon", status="draft")
    with pytest.raises(ValidationError):
        curation.match_add_by_curator(challenge=challenge, solution=proposal.solution, by=curator)
    with pytest.raises(ValidationError):
        curation.match_add_by_curator(challenge=challenge, solution=draft, by=curator)
    client.force_login(curator)
    response = client.post(
        reverse("solutions:curation_match_add", kwargs={"challenge_pk": challenge.pk}),
        {"solution": draft.pk},
    )
    assert response.status_code == 404
    assert not Match.objects.filter(solution=draft).exists()


def test_unpublished_challenges_are_not_curated(client, curator, city_a):
    draft = make_challenge([city_a], status="submitted")
    client.force_login(curator)
    assert client.get(curation_page(draft)).status_code == 404


def test_a_curator_sees_curation_actions_on_the_proposal_page(client, curator, proposal):
    client.force_login(curator)
    page = text(client.get(proposal.get_absolute_url()))
    assert reverse("solutions:curation_match_shortlist", kwargs={"pk": proposal.pk}) in page
    assert reverse("solutions:curation_match_decline", kwargs={"pk": proposal.pk}) in page


def test_the_innovator_does_not_see_curation_actions(client, innovator_a, proposal):
    client.force_login(innovator_a)
    page = text(client.get(proposal.get_absolute_url()))
    assert "Votre proposition attend l'examen d'IVÉO et de la ville." in page
    assert reverse("solutions:curation_match_shortlist", kwargs={"pk": proposal.pk}) not in page


def test_the_dashboard_links_curators_to_the_workspace(client, curator):
    client.force_login(curator)
    assert WORKSPACE in text(client.get(reverse("partners:dashboard")))
