"""Notifications: rows first, then delivery by Celery after the commit.

`notify()` writes one row per (recipient, event) and, after the commit, queues the e-mails of
the rows due now (`partners.tasks`). The row is the record; a task is one delivery attempt.
Rendering and sending live in `partners.delivery`.
"""

from collections.abc import Iterable

from django.db import transaction

from partners.models import EmailFrequency, Notification, User
from partners.tasks import notifications_enqueue


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
    # Only this call's rows: one event often has several calls in the same transaction
    # (innovators, subscribers, curators), and each queuing all the event's rows would queue
    # them several times over (harmless, the claim settles it, but thousands of empty tasks).
    due = [row.recipient_id for row in rows if row.email_status == Notification.EmailStatus.PENDING]
    if due:
        transaction.on_commit(
            lambda: notifications_enqueue(event=event, recipient_ids=due), robust=True
        )
    return len(rows)
