"""Notifications: rows first, then delivery by Celery after the commit.

`notify()` writes one row per (recipient, event) and, after the commit, enqueues one e-mail task
per row due now. The row is the record; a task is one delivery attempt. A sweep re-queues rows
left pending (broker down when they were created, worker killed while sending).
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import EmailFrequency, Notification, User

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "partners.unsubscribe"
# A row being sent for longer than this was abandoned by a dead worker.
STALE_CLAIM = timedelta(minutes=10)


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    event: str,
    template: str,
    context: dict | None = None,
    url: str = "",
) -> int:
    """Record one notification per recipient for this event; e-mail them after the commit.

    Calling it again for the same event adds nobody twice. Returns the number of new rows.
    """
    people = {user.pk: user for user in recipients if user.is_active}
    if not people:
        return 0
    existing = set(
        Notification.objects.filter(event=event, recipient_id__in=people).values_list(
            "recipient_id", flat=True
        )
    )
    rows = []
    for user in people.values():
        if user.pk in existing:
            continue
        frequency = user.email_frequency(kind)
        status = {
            EmailFrequency.IMMEDIATE: Notification.EmailStatus.PENDING,
            EmailFrequency.OFF: Notification.EmailStatus.SKIPPED,
        }.get(frequency, Notification.EmailStatus.DIGEST)
        if not user.email:
            status = Notification.EmailStatus.SKIPPED
        rows.append(
            Notification(
                recipient=user,
                kind=kind,
                event=event[:120],
                template=template,
                context=context or {},
                url=url,
                email_status=status,
            )
        )
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    transaction.on_commit(lambda: notifications_enqueue(event=event), robust=True)
    return len(rows)


def notifications_enqueue(*, event: str | None = None, ids: Iterable[int] | None = None) -> int:
    """Queue an e-mail task per pending row; a broker that is down leaves them to the sweep."""
    from .tasks import notification_email_send

    pending = Notification.objects.filter(
        email_status=Notification.EmailStatus.PENDING, sending_since=None
    )
    if event is not None:
        pending = pending.filter(event=event)
    if ids is not None:
        pending = pending.filter(pk__in=list(ids))
    queued = 0
    for notification_id in pending.values_list("pk", flat=True):
        try:
            notification_email_send.delay(notification_id)
        except Exception:  # broker unreachable: the sweep delivers it later
            logger.warning("Broker unavailable; notification %s left to the sweep", notification_id)
            return queued
        queued += 1
    return queued


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_url(user: User, kind: str) -> str:
    return settings.SITE_URL + reverse(
        "partners:unsubscribe", kwargs={"token": unsubscribe_token(user, kind)}
    )


def render_notification(notification: Notification, language: str | None = None) -> dict:
    """Subject and bodies of a notification, in the given language (the recipient's default)."""
    language = language or notification.recipient.language
    context = {
        **notification.context,
        "recipient": notification.recipient,
        "url": settings.SITE_URL + notification.url if notification.url else settings.SITE_URL,
        "site_url": settings.SITE_URL,
    }
    name = f"emails/{notification.template}"
    with translation.override(language):
        context["unsubscribe_url"] = unsubscribe_url(notification.recipient, notification.kind)
        context["kind_label"] = notification.get_kind_display()
        context["LANGUAGE_CODE"] = language
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        text = render_to_string(f"{name}_body.txt", context)
        html = render_to_string(f"{name}_body.html", context)
    return {"subject": subject, "text": text, "html": html, "unsubscribe_url": context["unsubscribe_url"]}


def notification_email_deliver(*, notification_id: int) -> None:
    """Send the e-mail of a claimed row and record the time only once the server accepted it."""
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    rendered = render_notification(notification)
    message = EmailMultiAlternatives(
        subject=rendered["subject"],
        body=rendered["text"],
        to=[notification.recipient.email],
        headers={
            "List-Unsubscribe": f"<{rendered['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(rendered["html"], "text/html")
    message.send()
    Notification.objects.filter(pk=notification_id).update(
        email_status=Notification.EmailStatus.SENT, emailed_at=timezone.now(), sending_since=None
    )


def notifications_stale() -> list[int]:
    """Rows due for e-mail that no task is working on (never queued, or the worker died)."""
    now = timezone.now()
    pending = Notification.objects.filter(email_status=Notification.EmailStatus.PENDING)
    never_claimed = pending.filter(sending_since=None, created_at__lt=now - timedelta(seconds=30))
    abandoned = pending.filter(sending_since__lt=now - STALE_CLAIM)
    # An abandoned claim is released so that the re-queued task can claim it again.
    abandoned.update(sending_since=None)
    return list(never_claimed.values_list("pk", flat=True)[:5000])
