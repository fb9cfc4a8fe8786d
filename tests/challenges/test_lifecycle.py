"""Draft → submitted → published → in pilot → closed, archived; the review queue."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from challenges import services
from challenges.models import Challenge, ChallengeStatusChange
from challenges.signals import challenge_published

from .conftest import PDF, form_data, make_challenge, upload


def _transition(client, challenge, to, comment="", **extra):
    return client.post(
        reverse("challenges:transition", kwargs={"pk": challenge.pk}),
        {"to": to, "comment": comment, **extra},
    )


def test_the_whole_review_journey(
    client, city_a, city_a_staff, curator, mailoutbox, django_capture_on_commit_callbacks
):
    announced = []

    def receiver(sender, challenge_id, **kwargs):
        announced.append(challenge_id)

    challenge_published.connect(receiver)
    try:
        # City staff draft a challenge with an attachment.
        client.force_login(city_a_staff)
        data = form_data(city_a, attachment=upload("cahier-des-charges.pdf", PDF))
        response = client.post(reverse("challenges:create"), data)
        challenge = Challenge.objects.get()
        assert response.status_code == 302
        assert challenge.status == Challenge.Status.DRAFT
        assert challenge.tags == ["recharge", "bornes"]
        assert list(challenge.owners.all()) == [city_a]
        assert challenge.created_by == city_a_staff
        assert challenge.attachments.get().content_type == "application/pdf"

        # ... and submit it: the curators hear of it.
        with django_capture_on_commit_callbacks(execute=True):
            assert _transition(client, challenge, "submitted").status_code == 302
        assert [m.to for m in mailoutbox] == [[curator.email]]
        assert "Bornes de recharge" in mailoutbox[0].subject

        # The curator sends it back with a comment: the city sees it and is e-mailed.
        client.force_login(curator)
        queue = client.get(reverse("challenges:review_queue"))
        assert challenge.title in queue.content.decode()
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = _transition(
                client,
                challenge,
                "draft",
                "Précisez le nombre de bornes.",
                next=reverse("challenges:review_queue"),
            )
        assert response["Location"] == reverse("challenges:review_queue")
        assert [m.to for m in mailoutbox] == [[city_a_staff.email]]
        assert "Précisez le nombre de bornes." in mailoutbox[0].body
        challenge.refresh_from_db()
        assert challenge.status == Challenge.Status.DRAFT

        client.force_login(city_a_staff)
        edit_page = client.get(reverse("challenges:edit", kwargs={"pk": challenge.pk}))
        assert "Précisez le nombre de bornes." in edit_page.content.decode()
        dashboard = client.get(reverse("partners:dashboard")).content.decode()
        assert "Renvoyé par IVÉO" in dashboard

        # The city fixes it and resubmits; the curator publishes.
        response = client.post(
            reverse("challenges:edit", kwargs={"pk": challenge.pk}),
            form_data(city_a, description="Vingt bornes de recharge, en deux phases."),
        )
        assert response.status_code == 302
        _transition(client, challenge, "submitted")
        client.force_login(curator)
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            _transition(client, challenge, "published")
            assert announced == []  # only once the transaction has committed
        assert callbacks
        assert announced == [challenge.pk]
        # The city hears of it (matching, listening to the signal, may e-mail others too).
        to_city = [m for m in mailoutbox if m.to == [city_a_staff.email]]
        assert len(to_city) == 1 and "Publié" in to_city[0].subject
    finally:
        challenge_published.disconnect(receiver)

    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.PUBLISHED
    assert challenge.published_at is not None
    history = list(challenge.history.values_list("from_status", "to_status", "by", "comment"))
    assert history == [
        ("", "draft", city_a_staff.pk, ""),
        ("draft", "submitted", city_a_staff.pk, ""),
        ("submitted", "draft", curator.pk, "Précisez le nombre de bornes."),
        ("draft", "submitted", city_a_staff.pk, ""),
        ("submitted", "published", curator.pk, ""),
    ]
    # A visitor now finds it.
    client.logout()
    assert challenge.title in client.get(reverse("challenges:list")).content.decode()


def test_sending_back_needs_a_comment(client, submitted, curator):
    client.force_login(curator)
    response = _transition(client, submitted, "draft", "   ")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Challenge.Status.SUBMITTED
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Expliquez" in m for m in messages)


@pytest.mark.parametrize("role", ["city_a_staff", "city_b_staff", "innovator_a", "unverified_user"])
def test_only_curators_publish(client, request, submitted, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = _transition(client, submitted, "published")
    # Owners' staff may act on the challenge but not in this role; others do not see it.
    assert response.status_code == (403 if role == "city_a_staff" else 404)
    submitted.refresh_from_db()
    assert submitted.status == Challenge.Status.SUBMITTED
    assert not submitted.history.filter(to_status="published").exists()


def test_visitor_cannot_change_a_status(client, draft):
    response = _transition(client, draft, "submitted")
    assert response.status_code == 302
    assert reverse("partners:login") in response["Location"]
    draft.refresh_from_db()
    assert draft.status == Challenge.Status.DRAFT


@pytest.mark.parametrize("role", ["city_b_staff", "innovator_a", "unverified_user"])
def test_others_cannot_submit_a_citys_draft(client, request, draft, role):
    client.force_login(request.getfixturevalue(role))
    assert _transition(client, draft, "submitted").status_code == 404
    draft.refresh_from_db()
    assert draft.status == Challenge.Status.DRAFT


def test_a_transition_outside_the_lifecycle_is_refused(db, draft, curator):
    with pytest.raises(ValidationError):
        services.challenge_transition(challenge=draft, to="in_pilot", by=curator)
    with pytest.raises(ValidationError):
        services.challenge_transition(challenge=draft, to="nonsense", by=curator)
    with pytest.raises(ValidationError):  # a curator publishes from the queue, not a draft
        services.challenge_publish(challenge=draft, by=curator)
    assert draft.history.count() == 1


def test_city_staff_cannot_publish_through_the_service(db, submitted, city_a_staff):
    with pytest.raises(PermissionDenied):
        services.challenge_publish(challenge=submitted, by=city_a_staff)


def test_submitting_with_a_past_deadline_is_refused(db, city_a, city_a_staff):
    challenge = make_challenge(
        [city_a], proposals_deadline=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="date limite"):
        services.challenge_transition(challenge=challenge, to="submitted", by=city_a_staff)


def test_import_publishes_as_the_system(db, city_a, django_capture_on_commit_callbacks):
    announced = []

    def receiver(sender, challenge_id, **kwargs):
        announced.append(challenge_id)

    challenge_published.connect(receiver)
    try:
        challenge = make_challenge([city_a])
        with django_capture_on_commit_callbacks(execute=True):
            change = services.challenge_publish(challenge=challenge, by=None)
    finally:
        challenge_published.disconnect(receiver)
    assert change.by is None
    assert challenge.status == Challenge.Status.PUBLISHED
    assert announced == [challenge.pk]


def test_a_failing_receiver_does_not_break_the_publication(
    db, submitted, curator, django_capture_on_commit_callbacks
):
    def broken(sender, challenge_id, **kwargs):
        raise RuntimeError("matching is down")

    challenge_published.connect(broken)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.challenge_publish(challenge=submitted, by=curator)
    finally:
        challenge_published.disconnect(broken)
    submitted.refresh_from_db()
    assert submitted.status == Challenge.Status.PUBLISHED


def test_pilot_close_and_archive(db, published, city_a_staff, curator, city_b_staff):
    with pytest.raises(PermissionDenied):  # the pilot is the curators' business
        services.challenge_transition(challenge=published, to="in_pilot", by=city_a_staff)
    services.challenge_transition(challenge=published, to="in_pilot", by=curator)
    with pytest.raises(PermissionDenied):
        services.challenge_transition(challenge=published, to="closed", by=city_b_staff)
    services.challenge_transition(
        challenge=published, to="closed", by=city_a_staff, comment="Pilote terminé."
    )
    services.challenge_transition(challenge=published, to="archived", by=city_a_staff)
    with pytest.raises(ValidationError):
        services.challenge_transition(challenge=published, to="archived", by=curator)
    assert list(published.history.values_list("to_status", flat=True)) == [
        "draft", "submitted", "published", "in_pilot", "closed", "archived",
    ]  # fmt: skip


def test_followers_hear_of_status_changes(
    db, published, curator, innovator_a, mailoutbox, django_capture_on_commit_callbacks
):
    services.challenge_follow(challenge=published, user=innovator_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_transition(challenge=published, to="in_pilot", by=curator)
    assert [m.to for m in mailoutbox] == [[innovator_a.email]]
    assert "projet pilote" in mailoutbox[0].subject.lower()


def test_status_e_mails_are_in_the_recipients_language(
    db, published, curator, innovator_a, mailoutbox, django_capture_on_commit_callbacks
):
    innovator_a.language = "en"
    innovator_a.save()
    services.challenge_follow(challenge=published, user=innovator_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_transition(challenge=published, to="closed", by=curator)
    assert len(mailoutbox) == 1
    # Rendered inside the recipient's language (the texts come with the lead's translations).
    html = mailoutbox[0].alternatives[0][0]
    assert '<html lang="en">' in html


def test_history_is_recorded_with_who_and_when(db, draft, city_a_staff):
    before = timezone.now()
    change = services.challenge_transition(
        challenge=draft, to="submitted", by=city_a_staff, comment="Prêt."
    )
    assert isinstance(change, ChallengeStatusChange)
    assert change.by == city_a_staff and change.comment == "Prêt."
    assert change.created_at >= before
    assert (change.from_status, change.to_status) == ("draft", "submitted")
