"""Publish → match → e-mail on the real stack: exactly one e-mail per person, whatever fails."""

import time

import pytest

from partners.models import Job, Notification, Subscription
from solutions.matching.services import MATCHING_JOB

from ..factories import member_of
from ..solutions.helpers import open_challenge, solution_of

pytestmark = [
    pytest.mark.realstack,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def scenario(taxonomy, city_a, innovator_a_org, innovator_b_org, innovator_a, innovator_b, curator):
    """A draft parking challenge; two innovators with fitting solutions; a subscriber."""
    solution_of(
        innovator_a_org,
        name="Capteurs d'occupation du stationnement",
        summary="Un capteur par place de stationnement détecte si elle est libre.",
        description="Affichage des places libres en temps réel au centre-ville.",
        tags=["stationnement", "capteurs"],
    )
    solution_of(
        innovator_b_org,
        name="Stationnement intelligent par caméras",
        summary="Des caméras comptent les places libres de stationnement.",
        description="Les automobilistes voient les places libres au centre-ville.",
        tags=["stationnement"],
    )
    english = member_of(innovator_b_org, email="b-en@beta.test", language="en")
    subscriber = member_of(city_a, email="alerts@granby.test", language="en")
    Subscription.objects.create(user=subscriber, domains=["mobility"])
    challenge = open_challenge(
        [city_a],
        publish=False,
        title="Trouver une place de stationnement libre au centre-ville",
        summary="Connaître l'occupation des places de stationnement en temps réel.",
        description="Capteurs ou caméras : afficher les places libres aux automobilistes.",
        tags=["stationnement"],
        domains=["mobility"],
    )
    expected = {
        innovator_a.email: "fr",
        english.email: "en",
        "b@beta.test": "fr",
        subscriber.email: "en",
        curator.email: "fr",
    }
    return challenge, expected


def assert_exactly_one_each(stack, expected: dict[str, str], challenge) -> None:
    stack.sink.wait_for(len(expected), timeout=90)
    received = stack.sink.by_recipient()
    assert sorted(received) == sorted(expected), stack.logs()
    for address, language in expected.items():
        messages = received[address]
        assert len(messages) == 1, (address, [m["Subject"] for m in messages], stack.logs())
        message = messages[0]
        html = next(p for p in message.walk() if p.get_content_type() == "text/html")
        assert f'lang="{language}"' in html.get_payload(decode=True).decode()
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    rows = Notification.objects.filter(event=f"challenge-matched:{challenge.pk}")
    assert rows.count() == len(expected)
    assert all(r.emailed_at is not None for r in rows)


def test_a_publish_delivers_one_email_to_each_recipient_in_their_language(stack, scenario):
    challenge, expected = scenario
    stack.start_worker()
    stack.publish(challenge.pk)
    assert_exactly_one_each(stack, expected, challenge)


def test_b_redis_down_at_publish_then_the_sweep_delivers_once(stack, scenario):
    challenge, expected = scenario
    stack.redis.stop()
    elapsed = stack.publish(challenge.pk)
    assert elapsed < 3, f"publish took {elapsed:.2f} s with Redis down"
    challenge.refresh_from_db()
    assert challenge.status == "published"
    assert Job.objects.get(name=MATCHING_JOB, key=str(challenge.pk)).done_at is None
    stack.redis.start()
    stack.start_worker()
    stack.start_beat()
    assert_exactly_one_each(stack, expected, challenge)


def test_c_smtp_refusing_for_a_while_then_exactly_one_each(stack, scenario):
    challenge, expected = scenario
    stack.sink.refuse_until = time.monotonic() + 4
    stack.start_worker()
    stack.publish(challenge.pk)
    assert_exactly_one_each(stack, expected, challenge)
    assert stack.sink.refused >= 1


@pytest.mark.parametrize("pool", ["solo", "prefork"])
def test_d_worker_killed_mid_fan_out_then_restarted_exactly_one_each(stack, scenario, city_a, pool):
    """Killed with all its processes (prefork: the node and the children sending in parallel)."""
    challenge, expected = scenario
    for i in range(25):
        user = member_of(city_a, email=f"fan{i}@granby.test")
        Subscription.objects.create(user=user, keywords=["stationnement"])
        expected[user.email] = "fr"
    stack.sink.rcpt_delay = 0.15
    stack.start_worker(pool)
    stack.start_beat()
    stack.publish(challenge.pk)
    deadline = time.monotonic() + 60
    while len(stack.sink.messages) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    stack.kill("worker")  # SIGKILL, in the middle of the fan-out
    assert len(stack.sink.messages) < len(expected)
    stack.start_worker(pool)
    assert_exactly_one_each(stack, expected, challenge)


def test_e_a_broker_that_accepts_and_never_answers_does_not_hang_the_publish(stack, scenario):
    """The bounded broker timeouts hold: a silent server costs about two seconds, not forever."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)  # accepts connections (the kernel does), never reads nor answers
    try:
        stack.env["CELERY_BROKER_URL"] = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        challenge, _expected = scenario
        elapsed = stack.publish(challenge.pk)
    finally:
        silent.close()
    assert elapsed < 5, f"publish took {elapsed:.2f} s with a silent broker"
    challenge.refresh_from_db()
    assert challenge.status == "published"
    assert Job.objects.get(name=MATCHING_JOB, key=str(challenge.pk)).done_at is None
