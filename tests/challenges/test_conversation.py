"""Questions and answers, follows and updates on a challenge."""

import pytest
from django.urls import reverse

from challenges import selectors, services
from challenges.models import ChallengeFollow, ChallengeUpdate, Question
from partners.models import Notification


def ask(client, challenge, text="Quelle puissance électrique est disponible ?"):
    return client.post(
        reverse("challenges:question_ask", kwargs={"pk": challenge.pk}), {"text": text}
    )


def answer(client, question, text="400 A par stationnement."):
    return client.post(
        reverse(
            "challenges:question_answer",
            kwargs={"pk": question.challenge_id, "question_pk": question.pk},
        ),
        {"answer": text},
    )


def test_questions_and_answers(
    client, published, innovator_a, innovator_b, city_a_staff, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    services.challenge_follow(challenge=published, user=innovator_b)

    # A verified innovator asks: the city's staff are told.
    client.force_login(innovator_a)
    with django_capture_on_commit_callbacks(execute=True):
        assert ask(client, published).status_code == 302
    question = Question.objects.get()
    assert question.organization.name == "Acme Mobilité"
    assert [m.to for m in mailoutbox] == [[city_a_staff.email]]
    assert "Quelle puissance" in mailoutbox[0].body
    # Until it is answered, only the asker and the city see the question.
    client.force_login(innovator_b)
    assert "Quelle puissance" not in client.get(published.get_absolute_url()).content.decode()

    # The city answers: the asker and the followers are told; the answer is public.
    client.force_login(city_a_staff)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert answer(client, question).status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == sorted([innovator_a.email, innovator_b.email])
    client.logout()
    body = client.get(published.get_absolute_url()).content.decode()
    assert "Quelle puissance" in body and "400 A par stationnement." in body

    # Editing the answer notifies nobody twice.
    client.force_login(city_a_staff)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, question, "500 A, finalement.")
    assert mailoutbox == []
    question.refresh_from_db()
    assert question.answer == "500 A, finalement."


def test_a_curator_may_answer(client, published, innovator_a, curator):
    question = services.question_ask(challenge=published, by=innovator_a, text="Question ?")
    client.force_login(curator)
    assert answer(client, question).status_code == 302
    question.refresh_from_db()
    assert question.is_answered


def test_a_visitor_is_sent_to_login_to_ask(client, published):
    response = ask(client, published)
    assert response.status_code == 302 and reverse("partners:login") in response["Location"]
    assert not Question.objects.exists()


@pytest.mark.parametrize("role", ["unverified_user", "city_b_staff", "city_a_staff"])
def test_only_verified_innovators_ask(client, request, published, role):
    client.force_login(request.getfixturevalue(role))
    assert ask(client, published).status_code == 403
    assert not Question.objects.exists()


def test_questions_only_on_published_challenges(client, city_a, innovator_a):
    from .conftest import make_challenge

    closed = make_challenge([city_a], status="closed")
    client.force_login(innovator_a)
    assert ask(client, closed).status_code == 403


def test_an_empty_question_gets_an_error(client, published, innovator_a):
    client.force_login(innovator_a)
    response = ask(client, published, "   ")
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_a", "innovator_b", "unverified_user"])
def test_others_cannot_answer(client, request, published, innovator_a, role):
    question = services.question_ask(challenge=published, by=innovator_a, text="Question ?")
    client.force_login(request.getfixturevalue(role))
    assert answer(client, question).status_code == 404
    question.refresh_from_db()
    assert not question.is_answered


def test_answer_under_another_challenge_is_404(
    client, published, network_only, innovator_a, city_a_staff
):
    question = services.question_ask(challenge=published, by=innovator_a, text="Question ?")
    client.force_login(city_a_staff)
    url = reverse(
        "challenges:question_answer", kwargs={"pk": network_only.pk, "question_pk": question.pk}
    )
    assert client.post(url, {"answer": "x"}).status_code == 404


# --- Follow ---------------------------------------------------------------------------------


def test_follow_and_unfollow(client, published, innovator_b):
    client.force_login(innovator_b)
    url = reverse("challenges:follow", kwargs={"pk": published.pk})
    client.post(url, {"action": "follow"})
    client.post(url, {"action": "follow"})
    assert list(selectors.challenge_followers(published)) == [innovator_b]
    assert "Ne plus suivre" in client.get(published.get_absolute_url()).content.decode()
    client.post(url, {"action": "unfollow"})
    assert not ChallengeFollow.objects.exists()


def test_visitors_cannot_follow(client, published):
    response = client.post(reverse("challenges:follow", kwargs={"pk": published.pk}))
    assert response.status_code == 302 and reverse("partners:login") in response["Location"]
    assert not ChallengeFollow.objects.exists()


def test_nobody_follows_what_they_cannot_see(
    client, network_only, draft, unverified_user, innovator_a
):
    client.force_login(unverified_user)
    assert (
        client.post(reverse("challenges:follow", kwargs={"pk": network_only.pk})).status_code == 404
    )
    client.force_login(innovator_a)
    assert client.post(reverse("challenges:follow", kwargs={"pk": draft.pk})).status_code == 404
    assert not ChallengeFollow.objects.exists()


# --- Updates --------------------------------------------------------------------------------


def test_city_posts_an_update_to_followers(
    client, published, city_a_staff, innovator_a, innovator_b, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    for user in (innovator_a, innovator_b):
        services.challenge_follow(challenge=published, user=user)
    client.force_login(city_a_staff)
    url = reverse("challenges:update_post", kwargs={"pk": published.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"text": "La date limite est **repoussée**."})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == sorted([innovator_a.email, innovator_b.email])
    assert "<strong>repoussée</strong>" in mailoutbox[0].alternatives[0][0]
    assert Notification.objects.filter(event__startswith="challenge-update:").count() == 2
    client.logout()
    assert "<strong>repoussée</strong>" in client.get(published.get_absolute_url()).content.decode()


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_a", "unverified_user"])
def test_others_cannot_post_updates(client, request, published, role):
    client.force_login(request.getfixturevalue(role))
    url = reverse("challenges:update_post", kwargs={"pk": published.pk})
    assert client.post(url, {"text": "Faux"}).status_code == 404
    assert not ChallengeUpdate.objects.exists()


def test_no_updates_on_drafts(client, draft, city_a_staff):
    client.force_login(city_a_staff)
    url = reverse("challenges:update_post", kwargs={"pk": draft.pk})
    assert client.post(url, {"text": "Trop tôt"}).status_code == 403
    assert not ChallengeUpdate.objects.exists()
