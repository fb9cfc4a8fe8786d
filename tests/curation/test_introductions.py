"""Introductions with double opt-in, and the private discussion of an introduced match."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from partners.models import Membership, Notification
from solutions.curation import services as curation
from solutions.models import Introduction, Match, MatchMessage
from tests.factories import member_of

from .conftest import text

CITY_PHONE = "450 555-0101 poste 12"
INNOVATOR_PHONE = "514 555-0199"


def page_url(match) -> str:
    return reverse("solutions:introduction_detail", kwargs={"pk": match.pk})


def post(client, name: str, match, data=None):
    return client.post(reverse(f"solutions:{name}", kwargs={"pk": match.pk}), data or {})


def test_introducing_notifies_both_sides_and_not_the_other_city_or_innovator(
    client,
    curator,
    proposal,
    city_a_staff,
    city_b_staff,
    innovator_a,
    innovator_b,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    curation.match_shortlist(match=proposal, by=curator)
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        post(
            client,
            "curation_match_introduce",
            proposal,
            {"message": "Ils se complètent."},
        )
    proposal.refresh_from_db()
    assert proposal.status == Match.Status.INTRODUCED
    introduced = [m for m in mailoutbox if "Mise en relation proposée" in m.subject]
    assert sorted(m.to[0] for m in introduced) == sorted([city_a_staff.email, innovator_a.email])
    assert "Ils se complètent." in introduced[0].body
    assert page_url(proposal) in introduced[0].body


def test_only_a_shortlisted_match_is_introduced(curator, proposal):
    with pytest.raises(ValidationError):
        curation.match_introduce(match=proposal, by=curator)


def test_contacts_stay_hidden_until_both_sides_accept(
    client, introduction, city_a_staff, innovator_a
):
    match = introduction.match
    client.force_login(city_a_staff)
    page = text(client.get(page_url(match)))
    assert "Accepter la mise en relation" in page
    post(client, "introduction_accept", match, {"contact": CITY_PHONE})
    page = text(client.get(page_url(match)))
    assert "Accepter la mise en relation" not in page
    assert innovator_a.email not in page

    client.force_login(innovator_a)
    page = text(client.get(page_url(match)))
    # The city accepted, but the innovator has not: nothing of the city's is shown yet.
    assert city_a_staff.email not in page and CITY_PHONE not in page
    post(client, "introduction_accept", match, {"contact": INNOVATOR_PHONE})

    page = text(client.get(page_url(match)))
    assert city_a_staff.email in page and CITY_PHONE in page
    client.force_login(city_a_staff)
    page = text(client.get(page_url(match)))
    assert innovator_a.email in page and INNOVATOR_PHONE in page


def test_both_sides_and_the_curator_are_told_when_the_introduction_is_accepted(
    introduction,
    curator,
    city_a_staff,
    innovator_a,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        curation.introduction_accept(introduction=introduction, by=city_a_staff)
    assert not [m for m in mailoutbox if "acceptée" in m.subject]
    with django_capture_on_commit_callbacks(execute=True):
        curation.introduction_accept(introduction=introduction, by=innovator_a)
    accepted = [m for m in mailoutbox if "Mise en relation acceptée" in m.subject]
    assert sorted(m.to[0] for m in accepted) == sorted(
        [city_a_staff.email, innovator_a.email, curator.email]
    )


def test_a_refusal_shares_nothing_and_returns_the_match_to_the_shortlist(
    client, introduction, city_a_staff, innovator_a, curator
):
    match = introduction.match
    client.force_login(city_a_staff)
    post(client, "introduction_accept", match, {"contact": CITY_PHONE})
    client.force_login(innovator_a)
    post(client, "introduction_refuse", match, {"reason": "Pas disponible cette année."})
    introduction.refresh_from_db()
    match.refresh_from_db()
    assert introduction.is_refused and introduction.closed_at is not None
    assert match.status == Match.Status.SHORTLISTED
    page = text(client.get(page_url(match)))
    assert CITY_PHONE not in page and city_a_staff.email not in page
    assert "n'a pas abouti" in page
    client.force_login(city_a_staff)
    page = text(client.get(page_url(match)))
    assert innovator_a.email not in page
    assert "Pas disponible cette année." not in page  # the reason is for IVÉO
    client.force_login(curator)
    assert "Pas disponible cette année." in text(client.get(page_url(match)))
    assert Notification.objects.filter(template="introduction_refused", recipient=curator).exists()
    # The curator may introduce them again later; the refused introduction stays on record.
    curation.match_introduce(match=match, by=curator)
    assert Introduction.objects.filter(match=match).count() == 2


def test_each_side_answers_only_once_and_only_for_its_side(
    introduction, city_a_staff, innovator_a, curator
):
    curation.introduction_accept(introduction=introduction, by=city_a_staff)
    with pytest.raises(ValidationError):
        curation.introduction_refuse(introduction=introduction, by=city_a_staff)
    with pytest.raises(PermissionDenied):
        curation.introduction_accept(introduction=introduction, by=curator)


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_b", "unverified_user"])
def test_outsiders_get_404_and_cannot_answer(client, request, role, introduction):
    match = introduction.match
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert client.get(page_url(match)).status_code == 404
    assert post(client, "introduction_accept", match).status_code == 404
    assert post(client, "introduction_refuse", match).status_code == 404
    assert post(client, "introduction_message_post", match, {"body": "Bonjour"}).status_code == 404
    introduction.refresh_from_db()
    assert introduction.state == Introduction.Answer.PENDING
    with pytest.raises(PermissionDenied):
        curation.introduction_accept(introduction=introduction, by=user)


def test_a_visitor_is_sent_to_the_login_page(client, introduction):
    response = client.get(page_url(introduction.match))
    assert response.status_code == 302 and reverse("partners:login") in response["Location"]


def test_a_member_of_an_innovator_not_yet_verified_cannot_answer(client, introduction):
    """Someone who joined innovator A's account but whose membership is pending."""
    newcomer = member_of(introduction.match.solution.organization)
    Membership.objects.filter(user=newcomer).update(status=Membership.Status.PENDING)
    client.force_login(newcomer)
    assert client.get(page_url(introduction.match)).status_code == 404


def test_the_innovator_sees_the_introduction_to_accept_on_its_proposal_page(
    client, introduction, innovator_a
):
    client.force_login(innovator_a)
    page = text(client.get(introduction.match.get_absolute_url()))
    assert "Répondre à la mise en relation" in page
    assert page_url(introduction.match) in page


# --- Discussion --------------------------------------------------------------------------------


def test_the_discussion_opens_only_after_both_accept(client, introduction, city_a_staff):
    client.force_login(city_a_staff)
    curation.introduction_accept(introduction=introduction, by=city_a_staff)
    post(client, "introduction_message_post", introduction.match, {"body": "Bonjour !"})
    assert not MatchMessage.objects.exists()
    with pytest.raises(ValidationError):
        curation.match_message_post(match=introduction.match, by=city_a_staff, body="Bonjour")


def test_a_message_reaches_the_other_participants(
    client,
    accepted_introduction,
    curator,
    city_a_staff,
    innovator_a,
    city_b_staff,
    innovator_b,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    match = accepted_introduction.match
    colleague = member_of(match.solution.organization, email="collegue@acme.test")
    client.force_login(innovator_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            "introduction_message_post",
            match,
            {"body": "Pouvons-nous visiter le stationnement <b>mardi</b> ?"},
        )
    message = MatchMessage.objects.get()
    assert response["Location"].endswith(f"#message-{message.pk}")
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([city_a_staff.email, colleague.email, curator.email])
    assert "mardi" in mailoutbox[0].body
    client.force_login(city_a_staff)
    page = client.get(page_url(match)).content.decode()
    assert "visiter le stationnement &lt;b&gt;mardi&lt;/b&gt;" in page


def test_a_curator_takes_part_in_the_discussion(accepted_introduction, curator, city_a_staff):
    message = curation.match_message_post(
        match=accepted_introduction.match, by=curator, body="Je vous propose une date."
    )
    assert message.author_side == "curator"
    reply = curation.match_message_post(
        match=accepted_introduction.match, by=city_a_staff, body="Merci."
    )
    assert Notification.objects.filter(
        recipient=curator, event=f"match-message:{reply.pk}"
    ).exists()


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_b", "unverified_user"])
def test_outsiders_cannot_post_in_the_discussion(request, role, accepted_introduction):
    with pytest.raises(PermissionDenied):
        curation.match_message_post(
            match=accepted_introduction.match,
            by=request.getfixturevalue(role),
            body="Bonjour",
        )


def test_introduction_page_query_count_does_not_grow_with_the_thread(
    client,
    accepted_introduction,
    city_a_staff,
    innovator_a,
    django_assert_max_num_queries,
):
    match = accepted_introduction.match
    client.force_login(city_a_staff)
    client.get(page_url(match))
    for size in (2, 20):
        while MatchMessage.objects.count() < size:
            curation.match_message_post(match=match, by=innovator_a, body="Un message.")
        with django_assert_max_num_queries(12):
            assert client.get(page_url(match)).status_code == 200
