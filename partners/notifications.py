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
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import EmailFrequency, Notification, NotificationKind, User

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "partners.unsubscribe"


def _stale_claim() -> timedelta:
    """A row being sent for longer than this was abandoned by a dead worker."""
    return timedelta(seconds=settings.CELERY_STALE_CLAIM_SECONDS)


def _grace() -> timedelta:
    """A row left pending for longer than this was never queued (the broker was down)."""
    return timedelta(seconds=settings.CELERY_SWEEP_GRACE_SECONDS)


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


# E-mails are sent in batches: one task, one SMTP session for up to this many rows.
BATCH = 50


def notifications_enqueue(*, event: str | None = None, ids: Iterable[int] | None = None) -> int:
    """Queue e-mail tasks for the pending rows; a broker that is down leaves them to the sweep."""
    from .tasks import notifications_email_send

    pending = Notification.objects.filter(
        email_status=Notification.EmailStatus.PENDING, sending_since=None
    )
    if event is not None:
        pending = pending.filter(event=event)
    if ids is not None:
        pending = pending.filter(pk__in=list(ids))
    queued = 0
    batch: list[int] = []
    rows = pending.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=2000)
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


def notifications_claim(ids: Iterable[int]) -> list[int]:
    """Claim the rows still due: a second delivery of the same batch finds nothing to claim."""
    ids = list(ids)
    stamp = timezone.now()
    Notification.objects.filter(
        pk__in=ids,
        email_status=Notification.EmailStatus.PENDING,
        emailed_at=None,
        sending_since=None,
    ).update(sending_since=stamp, attempts=F("attempts") + 1)
    return list(
        Notification.objects.filter(pk__in=ids, sending_since=stamp, emailed_at=None)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def notifications_release(ids: Iterable[int]) -> None:
    """Give back the claimed rows not sent yet (a transient error: the retry claims them)."""
    Notification.objects.filter(pk__in=list(ids), emailed_at=None).update(sending_since=None)


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
    return {
        "subject": subject,
        "text": text,
        "html": html,
        "unsubscribe_url": context["unsubscribe_url"],
    }


def notification_email_deliver(*, notification_id: int) -> None:
    """Send the e-mail of one claimed row (see `notifications_email_deliver`)."""
    notifications_email_deliver(ids=[notification_id])


def notifications_email_deliver(*, ids: list[int]) -> None:
    """Send the e-mails of claimed rows over one SMTP session; each row records its delivery
    time as soon as the server accepted its message, so an error half-way loses and repeats
    nothing."""
    rows = Notification.objects.select_related("recipient").filter(pk__in=ids).order_by("pk")
    with get_connection() as connection:
        for notification in rows:
            _send(
                to=notification.recipient.email,
                rendered=render_notification(notification),
                message_id=f"notification-{notification.pk}",
                connection=connection,
            )
            Notification.objects.filter(pk=notification.pk).update(
                email_status=Notification.EmailStatus.SENT,
                emailed_at=timezone.now(),
                sending_since=None,
            )


def _send(*, to: str, rendered: dict, message_id: str, connection=None) -> None:
    """One e-mail, HTML and text, with one-click unsubscribe headers (RFC 8058).

    The Message-ID is derived from the row, so a message sent again after a crash between the
    server's acceptance and our record carries the same id and can be recognised downstream.
    """
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "iveo.ca"
    message = EmailMultiAlternatives(
        subject=rendered["subject"],
        body=rendered["text"],
        to=[to],
        connection=connection,
        headers={
            "Message-ID": f"<{message_id}@{domain}>",
            "List-Unsubscribe": f"<{rendered['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(rendered["html"], "text/html")
    message.send()


def notifications_stale() -> list[int]:
    """Rows due for e-mail that no task is working on (never queued, or the worker died)."""
    now = timezone.now()
    # An abandoned claim is released so that the re-queued task (or the next digest) can
    # claim it again.
    Notification.objects.filter(
        email_status__in=[
            Notification.EmailStatus.PENDING,
            Notification.EmailStatus.DIGEST,
        ],
        sending_since__lt=now - _stale_claim(),
    ).update(sending_since=None)
    never_claimed = Notification.objects.filter(
        email_status=Notification.EmailStatus.PENDING,
        sending_since=None,
        created_at__lt=now - _grace(),
    )
    return list(never_claimed.values_list("pk", flat=True)[:20000])


# --- Digests ----------------------------------------------------------------------------------


def digest_kinds(user: User, frequency: str) -> list[str]:
    """The kinds this person wants in a digest of this frequency.

    The daily digest also takes rows whose kind has since been switched back to immediate, so
    that changing one's mind loses nothing.
    """
    kinds = [k for k in NotificationKind.values if user.email_frequency(k) == frequency]
    if frequency == EmailFrequency.DAILY:
        kinds += [
            k
            for k in NotificationKind.values
            if user.email_frequency(k) == EmailFrequency.IMMEDIATE
        ]
    return kinds


def digest_recipients() -> list[int]:
    """People with notifications waiting for a digest."""
    return list(
        Notification.objects.filter(
            email_status=Notification.EmailStatus.DIGEST, sending_since=None
        )
        .values_list("recipient_id", flat=True)
        .distinct()
    )


def notification_digest_claim(*, user_id: int, frequency: str) -> list[int]:
    """Claim this person's waiting rows for one digest; a second claim finds nothing."""
    user = User.objects.get(pk=user_id)
    waiting = Notification.objects.filter(
        recipient=user, email_status=Notification.EmailStatus.DIGEST, sending_since=None
    )
    # Rows of a kind now turned off are settled without e-mail.
    off = [k for k in NotificationKind.values if user.email_frequency(k) == EmailFrequency.OFF]
    waiting.filter(kind__in=off).update(email_status=Notification.EmailStatus.SKIPPED)
    ids = list(waiting.filter(kind__in=digest_kinds(user, frequency)).values_list("pk", flat=True))
    stamp = timezone.now()
    Notification.objects.filter(pk__in=ids, sending_since=None).update(sending_since=stamp)
    return list(
        Notification.objects.filter(pk__in=ids, sending_since=stamp).values_list("pk", flat=True)
    )


def notification_digest_deliver(*, user_id: int, ids: list[int], frequency: str) -> None:
    """One e-mail listing the claimed rows; they are marked sent only once it is accepted."""
    user = User.objects.get(pk=user_id)
    rows = list(Notification.objects.filter(pk__in=ids).select_related("recipient"))
    if not rows or not user.email:
        Notification.objects.filter(pk__in=ids).update(
            email_status=Notification.EmailStatus.SKIPPED, sending_since=None
        )
        return
    items = [
        {"subject": render_notification(n)["subject"], "url": settings.SITE_URL + n.url}
        for n in rows
    ]
    context = {
        "recipient": user,
        "items": items,
        "frequency": frequency,
        "site_url": settings.SITE_URL,
        "url": settings.SITE_URL + reverse("partners:notifications"),
    }
    with translation.override(user.language):
        kind = rows[0].kind if len({n.kind for n in rows}) == 1 else NotificationKind.ALERT
        context["unsubscribe_url"] = unsubscribe_url(user, kind)
        context["LANGUAGE_CODE"] = user.language
        subject = " ".join(render_to_string("emails/digest_subject.txt", context).split())
        rendered = {
            "subject": subject,
            "text": render_to_string("emails/digest_body.txt", context),
            "html": render_to_string("emails/digest_body.html", context),
            "unsubscribe_url": context["unsubscribe_url"],
        }
    _send(
        to=user.email,
        rendered=rendered,
        message_id=f"digest-{user.pk}-{min(ids)}-{len(ids)}",
    )
    Notification.objects.filter(pk__in=ids).update(
        email_status=Notification.EmailStatus.SENT,
        emailed_at=timezone.now(),
        sending_since=None,
    )


def notification_digest_release(*, ids: list[int]) -> None:
    Notification.objects.filter(pk__in=ids).update(sending_since=None)
