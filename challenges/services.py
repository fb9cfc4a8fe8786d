"""Writes of `challenges`: create, edit, the lifecycle, attachments, Q&A, updates, follows.

Every lifecycle change goes through `challenge_transition`, which checks the role, records a
`ChallengeStatusChange` and notifies the people concerned. Publishing announces itself with the
`challenge_published` signal once the transaction has committed; `solutions` listens to it.
"""

import logging
from collections.abc import Iterable
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partners.access import city_organizations, innovator_organizations, is_curator
from partners.models import NotificationKind, Organization, User
from partners.notifications import notify
from partners.selectors import curators

from . import access, selectors
from .models import (
    Challenge,
    ChallengeAttachment,
    ChallengeFollow,
    ChallengeStatusChange,
    ChallengeUpdate,
    Domain,
    Question,
)
from .signals import challenge_published
from .uploads import validate_upload

logger = logging.getLogger(__name__)

S = Challenge.Status
OWNER, CURATOR = "owner", "curator"
# (from, to) -> who may do it: "owner" means the owners' staff or a curator.
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, S.SUBMITTED): OWNER,
    (S.SUBMITTED, S.DRAFT): CURATOR,
    (S.SUBMITTED, S.PUBLISHED): CURATOR,
    (S.PUBLISHED, S.IN_PILOT): CURATOR,
    (S.PUBLISHED, S.CLOSED): OWNER,
    (S.IN_PILOT, S.CLOSED): OWNER,
    **{(s, S.ARCHIVED): OWNER for s in S.values if s != S.ARCHIVED},
}
# The catalogue import (by=None) may also publish a new challenge directly.
SYSTEM_TRANSITIONS = {*TRANSITIONS, (S.DRAFT, S.PUBLISHED)}
COMMENT_REQUIRED = {(S.SUBMITTED, S.DRAFT)}
# Fields that `challenge_create` / `challenge_update` accept.
EDITABLE_FIELDS = {
    "external_id", "title", "summary", "description", "tags", "language", "visibility",
    "budget_min", "budget_max", "currency", "proposals_deadline", "gain_economic",
    "gain_environmental", "gain_social", "terms",
}  # fmt: skip
MAX_TAGS = 20
MAX_TAG_LENGTH = 50


def normalize_tags(tags: Iterable[str]) -> list[str]:
    """Trimmed, lower-case, without duplicates, in the given order; at most MAX_TAGS."""
    seen: list[str] = []
    for tag in tags:
        tag = " ".join(str(tag).split()).lower()[:MAX_TAG_LENGTH]
        if tag and tag not in seen:
            seen.append(tag)
    return seen[:MAX_TAGS]


def allowed_transitions(challenge: Challenge, user: User | None) -> list[str]:
    """The statuses this user may move the challenge to now."""
    result = []
    for (source, target), role in TRANSITIONS.items():
        if source == challenge.status and _may(user, challenge, role):
            result.append(target)
    return result


def _may(user: User | None, challenge: Challenge, role: str) -> bool:
    if user is None:
        return True
    if is_curator(user):
        return True
    return role == OWNER and access.is_owner_staff(user, challenge)


def _check_owners(*, by: User | None, owners: list[Organization]) -> None:
    if not owners:
        raise ValidationError({"owners": _("Choisissez au moins une ville responsable.")})
    if by is None or is_curator(by):
        return
    mine = {o.pk for o in city_organizations(by)}
    if not mine & {o.pk for o in owners}:
        raise PermissionDenied
    eligible = (Organization.Kind.CITY, Organization.Kind.PARTNER)
    if any(o.kind not in eligible or not o.is_verified for o in owners):
        raise ValidationError(
            {"owners": _("Un enjeu ne peut appartenir qu'à des villes vérifiées.")}
        )


def _set_fields(challenge: Challenge, fields: dict) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown challenge fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(challenge, name, normalize_tags(value) if name == "tags" else value)


@transaction.atomic
def challenge_create(
    *,
    by: User | None,
    owners: Iterable[Organization],
    domains: Iterable[Domain] = (),
    **fields,
) -> Challenge:
    """A new draft owned by `owners`. `by=None` is the system (catalogue import)."""
    owners = list(owners)
    if by is not None and not access.can_create(by):
        raise PermissionDenied
    _check_owners(by=by, owners=owners)
    challenge = Challenge(created_by=by, status=S.DRAFT)
    _set_fields(challenge, fields)
    challenge.full_clean(exclude=["owners", "domains"])
    challenge.save()
    challenge.owners.set(owners)
    challenge.domains.set(list(domains))
    ChallengeStatusChange.objects.create(
        challenge=challenge, from_status="", to_status=S.DRAFT, by=by
    )
    return challenge


@transaction.atomic
def challenge_update(
    *,
    challenge: Challenge,
    by: User | None,
    owners: Iterable[Organization] | None = None,
    domains: Iterable[Domain] | None = None,
    **fields,
) -> Challenge:
    if by is not None and not access.can_edit(by, challenge):
        raise PermissionDenied
    if owners is not None:
        owners = list(owners)
        _check_owners(by=by, owners=owners)
    _set_fields(challenge, fields)
    challenge.full_clean(exclude=["owners", "domains"])
    challenge.save()
    if owners is not None:
        challenge.owners.set(owners)
    if domains is not None:
        challenge.domains.set(list(domains))
    return challenge


def _check_ready(challenge: Challenge) -> None:
    """What a challenge needs before it is submitted or published."""
    errors = []
    if not challenge.owners.exists():
        errors.append(_("L'enjeu n'a aucune ville responsable."))
    if not challenge.description.strip():
        errors.append(_("L'enjeu n'a pas de description."))
    deadline = challenge.proposals_deadline
    if deadline is not None and deadline < timezone.localdate():
        errors.append(_("La date limite des propositions est passée : changez-la d'abord."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def challenge_transition(
    *, challenge: Challenge, to: str, by: User | None, comment: str = ""
) -> ChallengeStatusChange:
    """Move the challenge to `to`, if this user may; record who, when, from, to and why.

    `by=None` is the system (the catalogue import). Raises `PermissionDenied` when the role
    does not allow it and `ValidationError` when the move is not possible now.
    """
    locked = Challenge.objects.select_for_update().get(pk=challenge.pk)
    source = locked.status
    comment = (comment or "").strip()
    if to not in S.values:
        raise ValidationError(_("Statut inconnu."))
    allowed = SYSTEM_TRANSITIONS if by is None else TRANSITIONS
    if (source, to) not in allowed:
        raise ValidationError(
            _("Un enjeu « %(source)s » ne peut pas passer à « %(target)s ».")
            % {"source": S(source).label, "target": S(to).label}
        )
    if by is not None and not _may(by, locked, TRANSITIONS[(source, to)]):
        raise PermissionDenied
    if (source, to) in COMMENT_REQUIRED and not comment:
        raise ValidationError(_("Expliquez à la ville ce qu'elle doit changer."))
    if to in (S.SUBMITTED, S.PUBLISHED):
        _check_ready(locked)
    locked.status = to
    update_fields = ["status", "updated_at"]
    if to == S.PUBLISHED and locked.published_at is None:
        locked.published_at = timezone.now()
        update_fields.append("published_at")
    locked.save(update_fields=update_fields)
    change = ChallengeStatusChange.objects.create(
        challenge=locked, from_status=source, to_status=to, by=by, comment=comment[:2000]
    )
    challenge.status, challenge.published_at = locked.status, locked.published_at
    _notify_transition(locked, change)
    if to == S.PUBLISHED:
        transaction.on_commit(partial(_announce_published, locked.pk), robust=True)
    return change


def challenge_publish(
    *, challenge: Challenge, by: User | None, comment: str = ""
) -> ChallengeStatusChange:
    """Publish (a curator from the review queue, or the system for an import).

    After the commit, `challenge_published` is sent with `challenge_id`: the hook point of
    matching and alerts.
    """
    return challenge_transition(challenge=challenge, to=S.PUBLISHED, by=by, comment=comment)


def _announce_published(challenge_id: int) -> None:
    for receiver, result in challenge_published.send_robust(
        sender=Challenge, challenge_id=challenge_id
    ):
        if isinstance(result, Exception):
            logger.error(
                "challenge_published receiver %r failed for challenge %s",
                receiver,
                challenge_id,
                exc_info=result,
            )


def _context(challenge: Challenge, **extra) -> dict:
    return {"challenge": challenge.title, "challenge_id": challenge.pk, **extra}


def _notify_transition(challenge: Challenge, change: ChallengeStatusChange) -> None:
    context = _context(
        challenge, source=change.from_status, target=change.to_status, comment=change.comment
    )
    url = challenge.get_absolute_url()
    actor = {change.by_id}
    staff = [u for u in selectors.challenge_staff(challenge) if u.pk not in actor]
    to = change.to_status
    if to == S.SUBMITTED:
        notify(
            recipients=[u for u in curators() if u.pk not in actor],
            kind=NotificationKind.REVIEW,
            event=f"challenge-submitted:{change.pk}",
            template="challenge_submitted",
            context=context,
            url=url,
        )
    elif change.from_status == S.SUBMITTED and to in (S.DRAFT, S.PUBLISHED):
        notify(
            recipients=staff,
            kind=NotificationKind.REVIEW,
            event=f"challenge-reviewed:{change.pk}",
            template="challenge_returned" if to == S.DRAFT else "challenge_published",
            context=context,
            url=url,
        )
    if to in (S.PUBLISHED, S.IN_PILOT, S.CLOSED, S.ARCHIVED):
        already = actor | {u.pk for u in staff}
        notify(
            recipients=[u for u in selectors.challenge_followers(challenge) if u.pk not in already],
            kind=NotificationKind.ACTIVITY,
            event=f"challenge-status:{change.pk}",
            template="challenge_status",
            context=context,
            url=url,
        )


# --- Attachments ----------------------------------------------------------------------------


@transaction.atomic
def attachment_add(*, challenge: Challenge, by: User, file) -> ChallengeAttachment:
    if not access.can_edit(by, challenge):
        raise PermissionDenied
    if challenge.attachments.count() >= 20:
        raise ValidationError(_("Un enjeu compte au plus 20 pièces jointes."))
    kind = validate_upload(file)
    name = (file.name or "document").rsplit("/", 1)[-1][:200]
    return ChallengeAttachment.objects.create(
        challenge=challenge,
        file=file,
        name=name,
        content_type=kind.content_type,
        size=file.size,
        uploaded_by=by,
    )


@transaction.atomic
def attachment_delete(*, attachment: ChallengeAttachment, by: User) -> None:
    if not access.can_edit(by, attachment.challenge):
        raise PermissionDenied
    stored = attachment.file
    attachment.delete()
    transaction.on_commit(partial(stored.storage.delete, stored.name), robust=True)


# --- Questions and answers, updates, follows ------------------------------------------------


@transaction.atomic
def question_ask(*, challenge: Challenge, by: User, text: str) -> Question:
    if not access.can_ask(by, challenge):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError(_("Écrivez votre question."))
    organization = innovator_organizations(by)[0]
    question = Question.objects.create(
        challenge=challenge, asked_by=by, organization=organization, text=text[:3000]
    )
    # The asker hears of the answer as a follower too.
    ChallengeFollow.objects.get_or_create(user=by, challenge=challenge)
    notify(
        recipients=selectors.challenge_staff(challenge),
        kind=NotificationKind.ACTIVITY,
        event=f"challenge-question:{question.pk}",
        template="challenge_question",
        context=_context(challenge, organization=organization.name, question=question.text),
        url=challenge.get_absolute_url() + f"#question-{question.pk}",
    )
    return question


@transaction.atomic
def question_answer(*, question: Question, by: User, answer: str) -> Question:
    challenge = question.challenge
    if not access.can_manage(by, challenge):
        raise PermissionDenied
    answer = answer.strip()
    if not answer:
        raise ValidationError(_("Écrivez une réponse."))
    first_answer = question.answered_at is None
    question.answer = answer[:5000]
    question.answered_by = by
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    if first_answer:
        recipients = {u.pk: u for u in selectors.challenge_followers(challenge)}
        if question.asked_by is not None:
            recipients[question.asked_by.pk] = question.asked_by
        recipients.pop(by.pk, None)
        notify(
            recipients=recipients.values(),
            kind=NotificationKind.ACTIVITY,
            event=f"challenge-answer:{question.pk}",
            template="challenge_answer",
            context=_context(challenge, question=question.text, answer=question.answer),
            url=challenge.get_absolute_url() + f"#question-{question.pk}",
        )
    return question


@transaction.atomic
def challenge_announce(*, challenge: Challenge, by: User, text: str) -> ChallengeUpdate:
    """An update posted by the city on a published challenge, sent to its followers."""
    if not access.can_post_update(by, challenge):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError(_("Écrivez le texte de la mise à jour."))
    update = ChallengeUpdate.objects.create(challenge=challenge, author=by, text=text[:5000])
    notify(
        recipients=[u for u in selectors.challenge_followers(challenge) if u.pk != by.pk],
        kind=NotificationKind.ACTIVITY,
        event=f"challenge-update:{update.pk}",
        template="challenge_update",
        context=_context(challenge, text=update.text),
        url=challenge.get_absolute_url() + f"#update-{update.pk}",
    )
    return update


def challenge_follow(*, challenge: Challenge, user: User) -> ChallengeFollow:
    if not user.is_authenticated or not access.can_view(user, challenge):
        raise PermissionDenied
    follow, _created = ChallengeFollow.objects.get_or_create(user=user, challenge=challenge)
    return follow


def challenge_unfollow(*, challenge: Challenge, user: User) -> None:
    ChallengeFollow.objects.filter(user=user, challenge=challenge).delete()
