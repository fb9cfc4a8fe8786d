"""Similar challenges while drafting, the dashboard section, the demo data."""

from django.urls import reverse
from django.utils.html import escape

from challenges import selectors
from challenges.demo import seed_challenges
from challenges.models import Challenge, Domain
from partners.demo import seed_partners

from .conftest import make_challenge


def test_similar_challenges_on_the_detail_page(client, city_a, city_b):
    mine = make_challenge([city_a], status="published", title="Fuites du réseau d'aqueduc")
    peer = make_challenge([city_b], status="published", title="Détection des fuites d'eau")
    make_challenge([city_b], status="published", title="Déneigement des rues")
    response = client.get(mine.get_absolute_url())
    # The matching engine ranks the peer first (the fixtures' shared summary makes the others
    # faintly similar too).
    assert response.context["similar"][0] == peer
    assert escape(peer.title) in response.content.decode()


def test_similar_challenges_while_drafting(client, city_a, city_b, city_a_staff):
    peer = make_challenge([city_b], status="published", title="Détection des fuites d'eau")
    hidden = make_challenge([city_b], title="Fuites en brouillon")
    client.force_login(city_a_staff)
    response = client.get(reverse("challenges:similar"), {"title": "Fuites sur le réseau"})
    assert response.status_code == 200
    body = response.content.decode()
    assert escape(peer.title) in body and escape(hidden.title) not in body
    draft = make_challenge([city_a], title="Réduire les fuites", tags=["aqueduc"])
    edit = client.get(reverse("challenges:edit", kwargs={"pk": draft.pk}))
    assert edit.context["similar"] == [peer]


def test_similar_fragment_with_nothing_useful(client, db):
    for params in ({}, {"title": "les des"}, {"title": "x" * 5000, "tags": "," * 3000}):
        assert client.get(reverse("challenges:similar"), params).status_code == 200


def test_case_study_hook(city_a):
    challenge = make_challenge([city_a], status="published")

    class Study:
        def __str__(self):
            return "Étude de cas : compteurs à Terrebonne"

        def get_absolute_url(self):
            return "/case-studies/1/"

    def provider(challenge, limit):
        return [Study()]

    selectors.register_case_study_provider(provider)
    try:
        assert [str(s) for s in selectors.similar_case_studies(challenge)] == [
            "Étude de cas : compteurs à Terrebonne"
        ]
    finally:
        selectors._case_study_providers.remove(provider)


def test_dashboard_section_for_city_staff(client, city_a, city_a_staff, innovator_a, curator):
    make_challenge([city_a], title="Brouillon à finir")
    make_challenge([city_a], status="published", title="Publié")
    returned = make_challenge([city_a], status="submitted", title="Renvoyé")
    from challenges import services

    services.challenge_transition(challenge=returned, to="draft", by=curator, comment="Précisez.")
    published = Challenge.objects.get(title="Publié")
    services.question_ask(challenge=published, by=innovator_a, text="Une question ?")
    client.force_login(city_a_staff)
    body = client.get(reverse("partners:dashboard")).content.decode()
    assert "Mes enjeux" in body
    assert "Brouillon à finir" in body and "Renvoyé" in body
    assert "1 question sans réponse" in body
    assert "0 question" not in body  # challenges without questions are not listed
    client.force_login(innovator_a)
    assert "Mes enjeux" not in client.get(reverse("partners:dashboard")).content.decode()


def test_curators_see_the_review_count(client, curator, submitted):
    client.force_login(curator)
    body = client.get(reverse("partners:dashboard")).content.decode()
    assert "1 enjeu à réviser" in body
    assert reverse("challenges:review_queue") in body


def test_demo_challenges(db):
    orgs = seed_partners()
    first = seed_challenges(orgs)
    again = seed_challenges(seed_partners())
    assert [c.pk for c in first] == [c.pk for c in again]
    assert Challenge.objects.count() == len(first) >= 30
    statuses = set(Challenge.objects.values_list("status", flat=True))
    assert statuses >= {"draft", "submitted", "published", "in_pilot", "closed"}
    used = set(Domain.objects.filter(challenges__isnull=False).values_list("slug", flat=True))
    assert used == set(Domain.objects.values_list("slug", flat=True))
    assert Challenge.objects.filter(language="en").count() >= 3
    assert Challenge.objects.filter(visibility="network").exists()
    published = Challenge.objects.get(external_id="granby-2026-recharge")
    assert published.history.count() == 3 and published.published_at is not None


def test_organisation_page_lists_the_citys_visible_challenges(
    client, city_a, published, network_only, draft, innovator_a
):
    url = reverse("partners:organization_detail", kwargs={"slug": city_a.slug})
    body = client.get(url).content.decode()
    assert escape(published.title) in body
    assert escape(network_only.title) not in body and escape(draft.title) not in body
    client.force_login(innovator_a)
    assert escape(network_only.title) in client.get(url).content.decode()


def test_drafting_aid_excludes_my_own_cities_only_for_my_draft(
    client, city_a, city_b, city_a_staff
):
    own = make_challenge([city_a], status="published", title="Fuites chez nous")
    peer = make_challenge([city_b], status="published", title="Fuites chez les voisins")
    draft = make_challenge([city_a], title="Fuites à venir")
    url = reverse("challenges:similar")
    params = {"title": "Fuites du réseau", "exclude": draft.pk}
    # A visitor's "exclude" is ignored: the owners of someone's draft stay unknown.
    assert escape(own.title) in client.get(url, params).content.decode()
    client.force_login(city_a_staff)
    body = client.get(url, params).content.decode()
    assert escape(own.title) not in body and escape(peer.title) in body
