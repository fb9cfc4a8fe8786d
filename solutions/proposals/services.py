"""Proposals: an innovator submits, edits or withdraws a proposal; the city and curators are told."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import Challenge
from challenges.selectors import challenge_staff
from challenges.uploads import validate_upload
from partners.access import innovator_organizations
from partners.models import NotificationKind, User
from partners.notifications import notify
from partners.selectors import curators
from solutions.catalogue.models import Solution
from solutions.proposals.models import PITCH_FIELDS, Match


def _notify_proposal(match: Match, *, template: str, event: str) -> None:
    notify(
        recipients=challenge_staff(match.challenge) + curators(),
        kind=NotificationKind.MATCH,
        event=event,
        template=template,
        context={
            "challenge": match.challenge.title,
            "solution": match.solution.name,
            "organization": match.solution.organization.name,
        },
        url=reverse("solutions:proposal_detail", kwargs={"pk": match.pk}),
    )


def _check_can_propose(*, challenge: Challenge, solution: Solution, by: User) -> None:
    if solution.organization_id not in {o.pk for o in innovator_organizations(by)}:
        raise PermissionDenied
    if not solution.is_published:
        raise ValidationError(_("Publiez d'abord la solution dans le catalogue."))
    if not challenge.is_open_for_proposals:
        raise ValidationError(_("Cet enjeu ne reçoit plus de propositions."))


def _check_deadline(challenge: Challenge) -> None:
    if not challenge.is_open_for_proposals:
        raise ValidationError(
            _("La date limite est passée : la proposition ne peut plus être modifiée.")
        )


def _clean_pitch(fields: dict) -> dict:
    unknown = set(fields) - set(PITCH_FIELDS)
    if unknown:
        raise TypeError(f"unknown proposal fields: {sorted(unknown)}")
    if not (fields.get("pitch") or "").strip():
        raise ValidationError({"pitch": _("Décrivez ce que vous proposez.")})
    low, high = fields.get("cost_min"), fields.get("cost_max")
    if low is not None and high is not None and low > high:
        raise ValidationError(
            {"cost_max": _("Le coût maximal doit être supérieur ou égal au coût minimal.")}
        )
    return fields


def _set_attachment(match: Match, file: UploadedFile | None) -> None:
    if file is None:
        return
    kind = validate_upload(file)
    old = match.attachment.name if match.attachment else ""
    match.attachment = file
    match.attachment_name = file.name[:200]
    match.attachment_type = kind.content_type
    if old:
        storage = match.attachment.storage
        transaction.on_commit(lambda: storage.delete(old), robust=True)


@transaction.atomic
def proposal_submit(
    *,
    challenge: Challenge,
    solution: Solution,
    by: User,
    terms_accepted: bool,
    attachment: UploadedFile | None = None,
    **pitch,
) -> Match:
    """Propose a solution on a challenge open for proposals.

    There is one match per challenge × solution: proposing a solution that the engine (or a
    curator) already suggested turns that suggestion into the proposal, and proposing again
    after a withdrawal revives the same row.
    """
    _check_can_propose(challenge=challenge, solution=solution, by=by)
    if not terms_accepted:
        raise ValidationError(
            {"accept_terms": _("Acceptez les conditions de l'enjeu pour proposer.")}
        )
    pitch = _clean_pitch(pitch)
    match, _created = Match.objects.select_for_update().get_or_create(
        challenge=challenge,
        solution=solution,
        defaults={"origin": Match.Origin.INNOVATOR, "status": Match.Status.SUGGESTED},
    )
    if match.status == Match.Status.DECLINED:
        raise ValidationError(_("Cette solution a déjà été déclinée pour cet enjeu."))
    if match.status not in (Match.Status.SUGGESTED, Match.Status.WITHDRAWN):
        raise ValidationError(_("Cette solution est déjà proposée sur cet enjeu."))
    now = timezone.now()
    for name, value in pitch.items():
        setattr(match, name, value)
    match.origin = Match.Origin.INNOVATOR
    match.status = Match.Status.PROPOSED
    match.terms_accepted_at = now
    match.proposed_by = by
    match.proposed_at = now
    match.decline_reason = ""
    _set_attachment(match, attachment)
    match.full_clean(exclude=["challenge", "solution", "proposed_by"])
    match.save()
    _notify_proposal(
        match,
        template="proposal_submitted",
        event=f"proposal-submitted:{match.pk}:{int(now.timestamp())}",
    )
    return match


def _lock_own_match(match: Match, by: User) -> Match:
    """The match, locked, if it is a proposal of one of `by`'s verified innovators."""
    match = (
        Match.objects.select_for_update().select_related("challenge", "solution").get(pk=match.pk)
    )
    if match.solution.organization_id not in {o.pk for o in innovator_organizations(by)}:
        raise PermissionDenied
    return match


@transaction.atomic
def proposal_update(
    *, match: Match, by: User, attachment: UploadedFile | None = None, **pitch
) -> Match:
    """Edit a proposal's pitch, until the challenge's deadline."""
    match = _lock_own_match(match, by)
    if match.status != Match.Status.PROPOSED:
        raise ValidationError(_("Seule une proposition en attente peut être modifiée."))
    _check_deadline(match.challenge)
    pitch = _clean_pitch(pitch)
    for name, value in pitch.items():
        setattr(match, name, value)
    _set_attachment(match, attachment)
    match.full_clean(exclude=["challenge", "solution", "proposed_by"])
    match.save()
    _notify_proposal(
        match,
        template="proposal_updated",
        event=f"proposal-updated:{match.pk}:{int(timezone.now().timestamp())}",
    )
    return match


@transaction.atomic
def proposal_withdraw(*, match: Match, by: User) -> Match:
    match = _lock_own_match(match, by)
    if match.status not in Match.WITHDRAWABLE_STATUSES:
        raise ValidationError(_("Cette proposition ne peut plus être retirée."))
    match.status = Match.Status.WITHDRAWN
    match.save(update_fields=["status", "updated_at"])
    _notify_proposal(
        match,
        template="proposal_withdrawn",
        event=f"proposal-withdrawn:{match.pk}:{int(timezone.now().timestamp())}",
    )
    return match
