"""E-mails of a batch: rendered once per group of rows, yet each exactly its person's own e-mail;
recorded as sent one by one; queued once per transaction."""

from contextlib import contextmanager
from pathlib import Path
from smtplib import SMTPServerDisconnected

import pytest
from celery.signals import task_prerun
from django.conf import settings
from django.core import mail, signing
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.test.signals import template_rendered

from partners.delivery import UNSUBSCRIBE_SALT, BatchRenderer, render_notification
from partners.models import Notification, NotificationKind
from partners.notifications import notify
from partners.tasks import notifications_email_send

from ..factories import UserFactory

HOSTILE = "<script>alert(\"x\")</script> & 'quotes' %(name)s {{ recipient.email }} {% now 'Y' %}"

# Every variable the e-mail templates read, with text that escaping must change.
CONTEXT = {
    name: HOSTILE
    for name in (
        "challenge", "cities", "comment", "question", "answer", "organization", "text",
        "reason", "message", "solution", "pilot", "innovator", "city", "case_study", "person",
        "copier", "excerpt", "by", "author", "kind", "name", "source",
    )
} | {"solutions": [HOSTILE, "Capteurs"], "count": 2, "target": "published", "status": "running"}  # fmt: skip

TEMPLATES = sorted(
    path.name.removesuffix("_subject.txt")
    for path in (Path(settings.BASE_DIR) / "templates" / "emails").glob("*_subject.txt")
    if not path.name.startswith("digest")
)


@pytest.fixture
def people(db):
    """Both languages, names with markup, quotes, spaces and accents, and no name at all."""
    return [
        UserFactory(email="zoe@example.org", first_name="Zoé", language="fr"),
        UserFactory(email="no.name@example.org", first_name="", language="en"),
        UserFactory(email="o'neil@example.org", first_name='<b>"Ann" & O\'Neil</b>', language="fr"),
        UserFactory(email="spaces@example.org", first_name="  Jean \n Paul ", language="en"),
        UserFactory(email="plain@example.org", first_name="", language="fr"),
        UserFactory(email="tom@example.org", first_name="Tom", language="en"),
        UserFactory(email="bea@example.org", first_name="Béa", language="fr"),
    ]


def rows_for(people, template: str, *, event: str = "test:1") -> list[Notification]:
    notify(
        recipients=people,
        kind=NotificationKind.MATCH,
        event=event,
        template=template,
        context=CONTEXT,
        url="/challenges/1/",
    )
    return list(Notification.objects.filter(event=event).select_related("recipient").order_by("pk"))


def same_email(batch: dict, alone: dict) -> bool:
    """Equal, once both carry the same unsubscribe link (its signature holds the second)."""
    link = alone["unsubscribe_url"]
    return {k: v.replace(batch["unsubscribe_url"], link) for k, v in batch.items()} == alone


@contextmanager
def renders():
    names = []

    def count(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(count)
    try:
        yield names
    finally:
        template_rendered.disconnect(count)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_batch_renders_for_each_person_exactly_their_own_email_once_per_group(people, template):
    crowd = people + [
        UserFactory(
            email=f"fan{i}@example.org", first_name=f"Fan {i}", language=("fr", "en")[i % 2]
        )
        for i in range(20)
    ]
    rows = rows_for(crowd, template)
    renderer = BatchRenderer()
    with renders() as batch_renders:
        emails = [renderer.render(notification) for notification in rows]
    with renders() as one_email:
        render_notification(rows[0])
    # 27 people in four groups (French or English, with or without a first name): each group
    # renders its first person's e-mail and the shared one, instead of one per person.
    assert len(batch_renders) == 4 * 2 * len(one_email)
    for notification, batch in zip(rows, emails, strict=True):
        alone = render_notification(notification)
        assert same_email(batch, alone), (template, notification.recipient.email)
        token = batch["unsubscribe_url"].rstrip("/").rsplit("/", 1)[1]
        assert signing.loads(token, salt=UNSUBSCRIBE_SALT) == {
            "u": notification.recipient.pk,
            "k": NotificationKind.MATCH,
        }


@pytest.mark.parametrize(
    "use",
    [
        "{{ recipient.last_name }}",
        "{{ recipient.first_name|upper }}",
        "{{ recipient.first_name|truncatechars:3 }}",
        "{{ recipient.email|slice:':4' }}",
        "{{ recipient }}",
        "{% if recipient.first_name == 'Tom' %}Salut Tom{% endif %}",
        "{{ unsubscribe_url|length }}",
        "{% autoescape off %}{{ recipient.first_name }}{% endautoescape %}",
        "{{ recipient.first_name|safe }}",
        '{{ recipient.first_name|stringformat:"30s" }}',
        "{{ recipient.first_name|wordcount }}",
    ],
)
def test_a_template_that_uses_the_person_otherwise_still_gets_each_persons_own_email(
    people, settings, tmp_path, use
):
    emails = tmp_path / "emails"
    emails.mkdir()
    (emails / "probe_subject.txt").write_text("Sonde")
    (emails / "probe_body.txt").write_text(f"{use}|{{{{ recipient.first_name }}}}")
    (emails / "probe_body.html").write_text(f"<p>{use}</p><p>{{{{ recipient.first_name }}}}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    renderer = BatchRenderer()
    for notification in rows_for(people, "probe"):
        assert same_email(renderer.render(notification), render_notification(notification))


def test_delivery_sends_each_person_their_own_email_in_their_language(people, mailoutbox):
    rows = rows_for(people, "match_alert")
    notifications_email_send([n.pk for n in rows])
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
    by_address = {m.to[0]: m for m in mailoutbox}
    for notification in rows:
        message = by_address[notification.recipient.email]
        html = dict((mime, body) for body, mime in message.alternatives)["text/html"]
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        sent = {"subject": message.subject, "text": message.body, "html": html}
        alone = render_notification(notification)
        assert same_email({**sent, "unsubscribe_url": link}, alone)
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert f'lang="{notification.recipient.language}"' in html
        assert link in message.body and link in html
    english = by_address["tom@example.org"]
    assert "Bonjour" not in english.body and "Bonjour" in by_address["zoe@example.org"].body
    for notification in Notification.objects.filter(pk__in=[n.pk for n in rows]):
        assert notification.email_status == Notification.EmailStatus.SENT
        assert notification.emailed_at is not None and notification.sending_since is None


class SmtpDropsTheThirdMessage(EmailBackend):
    """The SMTP server hangs up after accepting two messages."""

    def send_messages(self, messages):
        if len(mail.outbox) >= 2:
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


def test_an_smtp_failure_half_way_loses_and_repeats_nothing(people, mailoutbox, settings):
    rows = rows_for(people, "match_alert")
    ids = [n.pk for n in rows]
    settings.EMAIL_BACKEND = f"{__name__}.SmtpDropsTheThirdMessage"
    notifications_email_send(ids)  # in process: released for the sweep instead of a retry
    assert [m.to[0] for m in mailoutbox] == [n.recipient.email for n in rows[:2]]
    sent = Notification.objects.filter(pk__in=ids, email_status=Notification.EmailStatus.SENT)
    assert sorted(sent.values_list("pk", flat=True)) == ids[:2]
    assert all(n.emailed_at for n in sent)
    left = Notification.objects.filter(pk__in=ids[2:])
    assert all(n.emailed_at is None and n.sending_since is None for n in left)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    notifications_email_send(ids)  # the retry: only what was not sent
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
    assert not Notification.objects.filter(pk__in=ids, emailed_at=None).exists()


def test_one_event_announced_several_times_in_a_transaction_queues_each_row_once(
    people, django_capture_on_commit_callbacks, mailoutbox
):
    batches = []

    def record(sender, args, **kwargs):
        if sender.name == notifications_email_send.name:
            batches.append(list(args[0]))

    task_prerun.connect(record)
    try:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            for group in (people[:2], people[2:5], people[5:]):  # innovators, alerts, curators
                notify(
                    recipients=group,
                    kind=NotificationKind.MATCH,
                    event="challenge-matched:1",
                    template="match_alert",
                    context=CONTEXT,
                )
    finally:
        task_prerun.disconnect(record)
    queued = sorted(pk for batch in batches for pk in batch)
    assert queued == sorted(Notification.objects.values_list("pk", flat=True))
    assert len(mailoutbox) == len(people)
