"""Celery tasks of `partners`: thin wrappers around `notifications`.

Each task takes ids, claims its rows before sending (a second delivery finds nothing to claim),
is acknowledged late (a worker killed mid-task leaves the message to be redelivered), retries
transient SMTP and network errors with exponential backoff, and records the delivery time only
once the server accepted the message.
"""

from smtplib import SMTPException

from celery import shared_task

from .notifications import (
    digest_recipients,
    notification_digest_claim,
    notification_digest_deliver,
    notification_digest_release,
    notifications_claim,
    notifications_email_deliver,
    notifications_enqueue,
    notifications_release,
    notifications_stale,
)

TRANSIENT = (SMTPException, OSError)


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
