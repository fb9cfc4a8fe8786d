"""The innovator's and the city's dashboard sections, and what fits an innovator's solutions."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from challenges.models import Challenge, ChallengeFollow
from partners.models import Notification
from solutions.matching.selectors import challenges_for_solutions
from solutions.models import Match, Solution

from .helpers import open_challenge, solution_of

DASHBOARD = reverse("partners:dashboard")


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_innovator_dashboard_shows_solutions_proposals_fitting_and_followed_challenges(
    client, innovator_a, solution_a, draft_a, city_a, city_b
):
    proposed = open_challenge([city_a], title="Capteurs de stationnement au centre")
    Match.objects.create(
        challenge=proposed, solution=solution_a, status="shortlisted", proposed_at=timezone.now()
    )
    fitting = open_challenge([city_b], title="Stationnement près de l'aréna")
    followed = open_challenge([city_b], title="Gestion des fuites d'eau", domains=["water"])
    ChallengeFollow.objects.create(user=innovator_a, challenge=followed)
    Notification.objects.create(
        recipient=innovator_a, kind="match", event="e1", template="proposal_submitted"
    )
    client.force_login(innovator_a)
    page = text(client.get(DASHBOARD))
    assert "Acme Parc" in page and "Acme brouillon" in page
    assert "Capteurs de stationnement au centre" in page and "Présélectionné" in page
    section = page.split("Enjeux qui correspondent à mes solutions")[1].split("Enjeux que je suis")
    assert "Stationnement près de l'aréna" in section[0]
    # Already answered: not suggested again.
    assert "Capteurs de stationnement au centre" not in section[0]
    assert "Gestion des fuites d'eau" in section[1]
    assert "1 notification non lue" in page
    assert fitting.pk


def test_unverified_innovator_dashboard_explains_the_wait(client, unverified_user):
    client.force_login(unverified_user)
    page = text(client.get(DASHBOARD))
    assert "Mes solutions" in page
    assert "dès qu'IVÉO aura vérifié votre organisation" in page


def test_city_dashboard_counts_proposals_and_matches_per_challenge(
    client, city_a_staff, city_a, innovator_a_org, solution_a, solution_b
):
    challenge = open_challenge([city_a], title="Enjeu de Granby")
    other = solution_of(innovator_a_org, name="Autre")
    Match.objects.create(challenge=challenge, solution=solution_a, status="proposed")
    Match.objects.create(challenge=challenge, solution=solution_b, status="suggested")
    Match.objects.create(challenge=challenge, solution=other, status="withdrawn")
    client.force_login(city_a_staff)
    response = client.get(DASHBOARD)
    page = text(response)
    assert "1 proposition attend votre examen." in page
    (row,) = [
        s for t, s in response.context["sections"] if t == "solutions/proposals/dashboard_city.html"
    ][0]["challenges"]
    assert (row.title, row.proposal_count, row.new_proposal_count, row.match_count) == (
        "Enjeu de Granby",
        1,
        1,
        2,
    )
    assert reverse("solutions:challenge_matches", kwargs={"challenge_pk": challenge.pk}) in page


def test_city_dashboard_does_not_count_another_citys_proposals(
    client, city_b_staff, city_a, solution_a
):
    challenge = open_challenge([city_a], title="Enjeu de Granby")
    Match.objects.create(challenge=challenge, solution=solution_a, status="proposed")
    client.force_login(city_b_staff)
    page = text(client.get(DASHBOARD))
    assert "Enjeu de Granby" not in page
    assert "attend votre examen" not in page


def test_curators_see_the_pending_proposals_and_the_csv_import(client, curator, city_a, solution_a):
    Match.objects.create(challenge=open_challenge([city_a]), solution=solution_a, status="proposed")
    client.force_login(curator)
    page = text(client.get(DASHBOARD))
    assert "1 proposition en attente sur l'ensemble des enjeux." in page
    assert reverse("solutions:import_upload") in page


def bulk_rows(size: int, innovator, city, user):
    """`size` solutions, challenges, proposals and follows, inserted in bulk."""
    solutions = Solution.objects.bulk_create(
        Solution(
            organization=innovator,
            name=f"Capteurs {i}",
            description="d",
            status="published",
            tags=["stationnement"],
        )
        for i in range(size)
    )
    challenges = Challenge.objects.bulk_create(
        Challenge(
            title=f"Stationnement {i}",
            description="d",
            status="published",
            published_at=timezone.now(),
            proposals_deadline=timezone.localdate() + timedelta(days=9),
        )
        for i in range(size)
    )
    Challenge.owners.through.objects.bulk_create(
        Challenge.owners.through(challenge_id=c.pk, organization_id=city.pk) for c in challenges
    )
    Challenge.domains.through.objects.bulk_create(
        Challenge.domains.through(challenge_id=c.pk, domain_id=1) for c in challenges
    )
    Match.objects.bulk_create(
        Match(
            challenge=c,
            solution=s,
            status="proposed",
            origin="innovator",
            proposed_at=timezone.now(),
        )
        for c, s in zip(challenges[: size // 2], solutions, strict=False)
    )
    ChallengeFollow.objects.bulk_create(ChallengeFollow(user=user, challenge=c) for c in challenges)


@pytest.mark.parametrize("size", [10, 1000])
def test_dashboard_query_count_does_not_grow(
    client,
    size,
    innovator_a,
    innovator_a_org,
    city_a,
    city_a_staff,
    django_assert_max_num_queries,
):
    bulk_rows(size, innovator_a_org, city_a, innovator_a)
    client.force_login(innovator_a)
    with django_assert_max_num_queries(30):
        page = client.get(DASHBOARD)
    assert page.status_code == 200
    client.force_login(city_a_staff)
    with django_assert_max_num_queries(30):
        assert client.get(DASHBOARD).status_code == 200
    client.force_login(innovator_a)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("solutions:my_proposals")).status_code == 200
    client.force_login(city_a_staff)
    first = Challenge.objects.order_by("pk").first()
    with django_assert_max_num_queries(10):
        url = reverse("solutions:challenge_matches", kwargs={"challenge_pk": first.pk})
        assert client.get(url).status_code == 200


# --- Challenges that fit my solutions -------------------------------------------------------


def test_fitting_challenges_share_words_or_domains(innovator_a_org, solution_a, city_a):
    def make(title, domain, **kw):
        return open_challenge(
            [city_a], title=title, domains=[domain], description="Un besoin.", summary="", **kw
        )

    by_words = make("Stationnement", "energy")
    by_domain = make("Covoiturage", "mobility")
    unrelated = make("Fuites d'eau", "water")
    closed = make("Stationnement fermé", "mobility", publish=False)
    found = challenges_for_solutions(innovator_a_org, limit=5)
    assert found[0] == by_words
    assert by_domain in found
    assert unrelated not in found and closed not in found


def test_fitting_challenges_leave_out_network_only_ones_for_unverified_innovators(
    unverified_user, city_a
):
    pending = unverified_user.memberships.get().organization
    solution_of(pending)
    public = open_challenge([city_a], title="Stationnement public")
    network = open_challenge([city_a], title="Stationnement réseau", visibility="network")
    found = challenges_for_solutions(pending)
    assert public in found and network not in found


def test_no_solution_no_fitting_challenge(innovator_b_org, city_a):
    open_challenge([city_a])
    assert challenges_for_solutions(innovator_b_org) == []
