"""Celery tasks of `partners`: thin wrappers around `notifications`.

Each task takes ids, claims its rows before sending (a second delivery finds nothing to claim),
is acknowledged late (a worker killed mid-task leaves the message to be redelivered), retries
transient SMTP and network errors with exponential backoff, and records the delivery time only
once the server accepted the message.
"""

import logging
from collections.abc import Iterable
from smtplib import SMTPException

from celery import shared_task

from partners.delivery import (
    digest_recipients,
    notification_digest_claim,
    notification_digest_deliver,
    notification_digest_release,
    notifications_claim,
    notifications_email_deliver,
    notifications_release,
    notifications_stale,
)
from partners.models import Notification

TRANSIENT = (SMTPException, OSError)
logger = logging.getLogger(__name__)


def _backoff(retries: int) -> int:
    return min(5 * 2**retries, 600)


@shared_task(bind=True, acks_late=True, max_retries=8)
def notifications_email_send(self, notification_ids: list[int]) -> None:
    claimed = notifications_claim(notification_ids)
    if not claimed:
        return
    try:
        notifications_email_deliver(ids=claimed)
    except TRANSIENT as exc:
        notifications_release(claimed)
        if self.request.called_directly or self.request.is_eager:
            return  # in-process mode: the sweep tries again later
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc


@shared_task(bind=True, acks_late=True, max_retries=8)
def notification_email_send(self, notification_id: int) -> None:
    """One row (messages queued before e-mails were batched)."""
    notifications_email_send.run([notification_id])


@shared_task(acks_late=True)
def notifications_sweep() -> int:
    """Re-queue every notification whose e-mail never went out."""
    return notifications_enqueue(ids=notifications_stale())


@shared_task(acks_late=True)
def notifications_digest(frequency: str) -> int:
    """Queue one digest per person with rows waiting (beat: daily and weekly)."""
    queued = 0
    for user_id in digest_recipients():
        notification_digest_send.delay(user_id, frequency)
        queued += 1
    return queued


@shared_task(bind=True, acks_late=True, max_retries=8)
def notification_digest_send(self, user_id: int, frequency: str) -> None:
    ids = notification_digest_claim(user_id=user_id, frequency=frequency)
    if not ids:
        return
    try:
        notification_digest_deliver(user_id=user_id, ids=ids, frequency=frequency)
    except TRANSIENT as exc:
        notification_digest_release(ids=ids)
        if self.request.called_directly or self.request.is_eager:
            return
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries)) from exc


# E-mails are sent in batches: one task, one SMTP session for up to this many rows.
BATCH = 50


def notifications_enqueue(
    *,
    event: str | None = None,
    ids: Iterable[int] | None = None,
    recipient_ids: Iterable[int] | None = None,
) -> int:
    """Queue e-mail tasks for the pending rows; a broker that is down leaves them to the sweep."""
    pending = Notification.objects.filter(
        email_status=Notification.EmailStatus.PENDING, sending_since=None
    )
    if event is not None:
        pending = pending.filter(event=event)
    if ids is not None:
        pending = pending.filter(pk__in=list(ids))
    if recipient_ids is None:
        rows = list(pending.order_by("pk").values_list("pk", flat=True))
    else:
        people = list(recipient_ids)
        rows = sorted(  # in slices: SQLite limits the parameters of one statement
            pk
            for start in range(0, len(people), 2000)
            for pk in pending.filter(recipient_id__in=people[start : start + 2000]).values_list(
                "pk", flat=True
            )
        )
    queued = 0
    batch: list[int] = []
    for notification_id in [*rows, None]:
        if notification_id is not None:
            batch.append(notification_id)
        if batch and (notification_id is None or len(batch) == BATCH):
            try:
                notifications_email_send.delay(batch)
            except Exception:  # broker unreachable: the sweep delivers them later
                logger.warning("Broker unavailable; %s notifications left to the sweep", len(batch))
                return queued
            queued += len(batch)
            batch = []
    return queued
