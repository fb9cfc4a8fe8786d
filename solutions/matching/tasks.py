"""Celery tasks of `solutions`: matching after a publication, and the sweep that catches up.

A publication is recorded as a `partners.Job` ("match-challenge", challenge id) before its task
is queued; the task marks it done in the same transaction as the matches and notifications it
writes. If the broker was down, or a worker died, the sweep finds the publication without a
done job and queues it again; the work is idempotent, so nothing is lost and nothing doubled.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import OperationalError, transaction
from django.dispatch import receiver
from django.utils import timezone

from challenges.models import Challenge
from challenges.selectors import register_similar_ranker
from challenges.signals import challenge_published
from partners.models import Job
from solutions.matching.ranking import rank_similar_challenges
from solutions.matching.services import MATCHING_JOB, challenge_matches_suggest

logger = logging.getLogger(__name__)
# Publications older than this are not swept any more (matching them now would be noise).
SWEEP_WINDOW = timedelta(days=14)


@receiver(challenge_published, dispatch_uid="solutions.matching")
def _on_challenge_published(sender, challenge_id: int, **kwargs) -> None:
    Job.objects.get_or_create(name=MATCHING_JOB, key=str(challenge_id))

    def enqueue() -> None:
        # With the broker down this raises within the bounded timeouts; `robust` logs it and
        # the sweep queues the job once the broker is back.
        challenge_matching_run.delay(challenge_id)

    transaction.on_commit(enqueue, robust=True)


@shared_task(
    name="solutions.tasks.challenge_matching_run", bind=True, acks_late=True, max_retries=6
)
def challenge_matching_run(self, challenge_id: int) -> int:
    try:
        return challenge_matches_suggest(challenge_id=challenge_id)
    except OperationalError as exc:  # the database restarting: try again later
        if self.request.called_directly or self.request.is_eager:
            raise
        raise self.retry(exc=exc, countdown=min(5 * 2**self.request.retries, 600)) from exc


def matching_pending() -> list[int]:
    """Recent publications whose matching never completed."""
    now = timezone.now()
    done = Job.objects.filter(name=MATCHING_JOB, done_at__isnull=False).values_list(
        "key", flat=True
    )
    recent = Challenge.objects.filter(
        status=Challenge.Status.PUBLISHED,
        published_at__gte=now - SWEEP_WINDOW,
        published_at__lt=now - timedelta(seconds=settings.CELERY_SWEEP_GRACE_SECONDS),
    )
    done_ids = {int(key) for key in done if key.isdigit()}
    return [pk for pk in recent.values_list("pk", flat=True) if pk not in done_ids][:500]


@shared_task(name="solutions.tasks.matching_sweep", acks_late=True)
def matching_sweep() -> int:
    queued = 0
    for challenge_id in matching_pending():
        try:
            challenge_matching_run.delay(challenge_id)
        except Exception:
            logger.warning(
                "Broker unavailable; matching of challenge %s left to the next sweep",
                challenge_id,
            )
            break
        queued += 1
    return queued


def _similar(challenge: Challenge, candidates, limit: int) -> list[Challenge]:
    ranked = rank_similar_challenges(challenge, candidates, limit, reasons=False)
    return [c for c, _score, _reasons in ranked]


# "Similar challenges" on a challenge page go through the same engine.
register_similar_ranker(_similar)
