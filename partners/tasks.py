"""Celery tasks of `partners`: thin wrappers around `notifications`."""

from smtplib import SMTPException

from celery import shared_task
from django.utils import timezone

from .models import Notification
from .notifications import notification_email_deliver, notifications_enqueue, notifications_stale


@shared_task(bind=True, acks_late=True, max_retries=8)
def notification_email_send(self, notification_id: int) -> None:
    # Claim the row: a second delivery of the same message finds nothing to claim.
    claimed = Notification.objects.filter(
        pk=notification_id,
        email_status=Notification.EmailStatus.PENDING,
        emailed_at=None,
        sending_since=None,
    ).update(sending_since=timezone.now())
    if not claimed:
        return
    try:
        notification_email_deliver(notification_id=notification_id)
    except (SMTPException, OSError) as exc:
        Notification.objects.filter(pk=notification_id).update(sending_since=None)
        if self.request.called_directly or self.request.is_eager:
            return  # in-process mode: the sweep tries again later
        raise self.retry(exc=exc, countdown=min(5 * 2**self.request.retries, 600)) from exc


@shared_task(acks_late=True)
def notifications_sweep() -> int:
    """Re-queue every notification whose e-mail never went out."""
    return notifications_enqueue(ids=notifications_stale())
