"""On publish: suggestions stored, innovators, subscribers and curators notified once each."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from challenges.services import challenge_publish
from partners.models import Job, Notification, Subscription
from solutions.matching.services import MATCHING_JOB, challenge_matches_suggest
from solutions.matching.tasks import matching_pending, matching_sweep
from solutions.models import Match

from ..factories import UserFactory, member_of
from ..solutions.helpers import open_challenge, solution_of


@pytest.fixture
def draft(city_a):
    return open_challenge(
        [city_a],
        publish=False,
        title="Trouver une place de stationnement libre au centre-ville",
        summary="Connaître l'occupation des places de stationnement en temps réel.",
        description="Capteurs ou caméras : afficher les places libres aux automobilistes.",
        tags=["stationnement"],
        domains=["mobility"],
    )


@pytest.fixture
def sensors(innovator_a_org):
    return solution_of(
        innovator_a_org,
        name="Capteurs d'occupation du stationnement",
        summary="Un capteur par place de stationnement détecte si elle est libre.",
        description="Affichage des places libres en temps réel au centre-ville.",
        tags=["stationnement", "capteurs"],
    )


def publish(challenge, capture):
    with capture(execute=True):
        challenge_publish(challenge=challenge, by=None)


def test_publishing_stores_suggestions_and_notifies_each_person_once(
    draft, sensors, innovator_a, curator, django_capture_on_commit_callbacks, mailoutbox
):
    colleague = member_of(sensors.organization, email="colleague@acme.test", language="en")
    # A subscriber who is also a member of the matched innovator: one notification only.
    Subscription.objects.create(user=innovator_a, domains=["mobility"], keywords=["stationnement"])
    publish(draft, django_capture_on_commit_callbacks)
    match = Match.objects.get(challenge=draft, solution=sensors)
    assert (match.origin, match.status) == (Match.Origin.AUTO, Match.Status.SUGGESTED)
    assert match.score > 0 and any("stationnement" in r for r in match.reasons)
    event = f"challenge-matched:{draft.pk}"
    recipients = sorted(
        Notification.objects.filter(event=event).values_list("recipient__email", flat=True)
    )
    assert recipients == sorted([innovator_a.email, colleague.email, curator.email])
    sent = sorted(m.to[0] for m in mailoutbox if draft.title in m.subject)
    assert sent == recipients
    english = next(m for m in mailoutbox if m.to == [colleague.email])
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/unsubscribe/" in english.extra_headers["List-Unsubscribe"]
    assert english.alternatives and english.alternatives[0][1] == "text/html"
    assert Job.objects.get(name=MATCHING_JOB, key=str(draft.pk)).done_at is not None


def test_running_again_updates_without_duplicating_or_downgrading(
    draft, sensors, innovator_a, curator, django_capture_on_commit_callbacks, mailoutbox
):
    publish(draft, django_capture_on_commit_callbacks)
    sent = len(mailoutbox)
    Match.objects.filter(challenge=draft).update(score=0.01)
    with django_capture_on_commit_callbacks(execute=True):
        challenge_matches_suggest(challenge_id=draft.pk)
    assert Match.objects.filter(challenge=draft).count() == 1
    assert Match.objects.get(challenge=draft).score > 0.01
    assert len(mailoutbox) == sent  # nobody notified twice
    Match.objects.filter(challenge=draft).update(status=Match.Status.SHORTLISTED, score=0.5)
    with django_capture_on_commit_callbacks(execute=True):
        challenge_matches_suggest(challenge_id=draft.pk)
    match = Match.objects.get(challenge=draft)
    assert (match.status, match.score) == (Match.Status.SHORTLISTED, 0.5)


def test_subscribers_whose_alerts_fit_are_notified_others_not(
    draft, sensors, django_capture_on_commit_callbacks, mailoutbox, city_a
):
    city_a.region = "Montérégie"
    city_a.save()
    by_domain = UserFactory(email="domain@x.test")
    Subscription.objects.create(user=by_domain, domains=["mobility"])
    by_region = UserFactory(email="region@x.test")
    Subscription.objects.create(user=by_region, regions=["montérégie"])
    by_keyword = UserFactory(email="keyword@x.test")
    Subscription.objects.create(user=by_keyword, keywords=["places libres"])
    by_search = UserFactory(email="search@x.test")
    Subscription.objects.create(user=by_search, query="q=stationnement&domain=mobility")
    other_domain = UserFactory(email="water@x.test")
    Subscription.objects.create(user=other_domain, domains=["water"])
    both_needed = UserFactory(email="both@x.test")
    Subscription.objects.create(user=both_needed, domains=["mobility"], regions=["Estrie"])
    other_search = UserFactory(email="othersearch@x.test")
    Subscription.objects.create(user=other_search, query="q=fuites")
    publish(draft, django_capture_on_commit_callbacks)
    alerted = set(
        Notification.objects.filter(template="match_alert").values_list(
            "recipient__email", flat=True
        )
    )
    assert alerted == {"domain@x.test", "region@x.test", "keyword@x.test", "search@x.test"}


def test_network_only_challenge_is_not_announced_to_unverified_subscribers(
    draft, django_capture_on_commit_callbacks, unverified_user, innovator_b
):
    draft.visibility = "network"
    draft.save()
    Subscription.objects.create(user=unverified_user, domains=["mobility"])
    Subscription.objects.create(user=innovator_b, domains=["mobility"])
    publish(draft, django_capture_on_commit_callbacks)
    alerted = set(
        Notification.objects.filter(template="match_alert").values_list("recipient", flat=True)
    )
    assert alerted == {innovator_b.pk}


def test_email_preferences_decide_immediate_digest_or_nothing(
    draft, sensors, innovator_a, django_capture_on_commit_callbacks, mailoutbox
):
    daily = member_of(sensors.organization, email="daily@acme.test")
    daily.email_frequencies = {"match": "daily"}
    daily.save()
    off = member_of(sensors.organization, email="off@acme.test")
    off.email_frequencies = {"match": "off"}
    off.save()
    publish(draft, django_capture_on_commit_callbacks)
    to = {m.to[0] for m in mailoutbox}
    assert innovator_a.email in to and daily.email not in to and off.email not in to
    # Everyone has it in the inbox.
    assert Notification.objects.filter(recipient__in=[daily, off]).count() == 2
    from partners.tasks import notifications_digest

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notifications_digest.delay("daily")
    assert [m.to for m in mailoutbox] == [[daily.email]]
    assert draft.title in mailoutbox[0].body
    mailoutbox.clear()
    notifications_digest.delay("daily")  # nothing left: no second digest
    assert mailoutbox == []


def test_weekly_digest_takes_only_weekly_kinds(
    draft, sensors, django_capture_on_commit_callbacks, mailoutbox
):
    weekly = member_of(sensors.organization, email="weekly@acme.test")
    weekly.email_frequencies = {"match": "weekly"}
    weekly.save()
    publish(draft, django_capture_on_commit_callbacks)
    from partners.tasks import notifications_digest

    mailoutbox.clear()
    notifications_digest.delay("daily")
    assert mailoutbox == []
    notifications_digest.delay("weekly")
    assert [m.to for m in mailoutbox] == [[weekly.email]]


def test_broker_down_at_publish_leaves_the_job_to_the_sweep(
    draft,
    sensors,
    innovator_a,
    settings,
    django_capture_on_commit_callbacks,
    mailoutbox,
    monkeypatch,
):
    from solutions.matching import tasks

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(tasks.challenge_matching_run, "delay", broker_down)
    publish(draft, django_capture_on_commit_callbacks)  # the publication itself succeeds
    draft.refresh_from_db()
    assert draft.status == "published" and not Match.objects.filter(challenge=draft).exists()
    job = Job.objects.get(name=MATCHING_JOB, key=str(draft.pk))
    assert job.done_at is None
    monkeypatch.undo()
    settings.CELERY_SWEEP_GRACE_SECONDS = 0
    type(draft).objects.filter(pk=draft.pk).update(
        published_at=timezone.now() - timedelta(seconds=5)
    )
    assert matching_pending() == [draft.pk]
    with django_capture_on_commit_callbacks(execute=True):
        matching_sweep.delay()
    assert Match.objects.filter(challenge=draft).exists()
    assert innovator_a.email in {m.to[0] for m in mailoutbox}
    assert matching_pending() == []


def test_unpublished_challenge_is_not_matched(draft, sensors, django_capture_on_commit_callbacks):
    assert challenge_matches_suggest(challenge_id=draft.pk) == 0
    assert not Match.objects.exists() and not Notification.objects.exists()


# --- Alerts pages ---------------------------------------------------------------------------


def test_person_creates_lists_and_deletes_an_alert(client, innovator_a):
    client.force_login(innovator_a)
    url = reverse("alerts:list")
    page = client.get(url, {"query": "q=capteurs&domain=water"})
    assert page.status_code == 200 and "capteurs" in page.content.decode()
    response = client.post(
        url,
        {
            "name": "",
            "domains": ["water"],
            "regions": "Estrie, Montérégie",
            "keywords": "",
            "query": "q=capteurs",
        },
    )
    assert response.status_code == 302
    alert = Subscription.objects.get(user=innovator_a)
    assert alert.domains == ["water"] and alert.regions == ["Estrie", "Montérégie"]
    assert alert.query == "q=capteurs"
    assert "Estrie" in client.get(url).content.decode()
    client.post(reverse("alerts:delete", args=[alert.pk]))
    assert not Subscription.objects.exists()


def test_an_empty_alert_is_refused_with_a_message(client, innovator_a):
    client.force_login(innovator_a)
    response = client.post(reverse("alerts:list"), {"name": "x"})
    assert response.status_code == 200 and "error-summary" in response.content.decode()
    assert not Subscription.objects.exists()


def test_alerts_are_private(client, innovator_a, innovator_b):
    alert = Subscription.objects.create(user=innovator_a, keywords=["secret-word"])
    assert client.get(reverse("alerts:list")).status_code == 302  # visitor: login
    client.force_login(innovator_b)
    assert "secret-word" not in client.get(reverse("alerts:list")).content.decode()
    assert client.post(reverse("alerts:delete", args=[alert.pk])).status_code == 404
    assert client.get(reverse("alerts:delete", args=[alert.pk])).status_code == 405
    assert Subscription.objects.filter(pk=alert.pk).exists()


def test_catalogue_offers_to_save_the_search_as_an_alert(client, innovator_a, db):
    client.force_login(innovator_a)
    page = client.get(
        reverse("challenges:list"), {"q": "fuites", "domain": "water"}
    ).content.decode()
    assert reverse("alerts:list") + "?query=" in page
    link = page.split(reverse("alerts:list") + "?query=", 1)[1].split('"', 1)[0]
    from urllib.parse import unquote

    form = client.get(reverse("alerts:list") + "?query=" + unquote(link).replace("&amp;", "%26"))
    assert 'value="q=fuites' in form.content.decode().replace("&amp;", "&")


def test_refreshing_all_open_challenges_stores_suggestions_without_notifying(draft, sensors):
    from solutions.matching.services import matches_refresh

    type(draft).objects.filter(pk=draft.pk).update(status="published")
    assert matches_refresh() == 1
    assert Match.objects.filter(challenge=draft, solution=sensors).exists()
    assert not Notification.objects.filter(event__startswith="challenge-matched").exists()
