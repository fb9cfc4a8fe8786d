"""Writes of the solutions app: the catalogue of solutions and the innovators' proposals.

Every function checks that `by` may do what it asks (raising `PermissionDenied`) and that the
change is allowed now (raising a translated `ValidationError`); views only call them.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import Challenge, Domain
from challenges.selectors import challenge_staff, curators
from challenges.services import normalize_tags
from challenges.uploads import validate_upload
from partners.access import innovator_organizations
from partners.models import NotificationKind, Organization, User
from partners.notifications import notify

from . import access
from .models import (
    PITCH_FIELDS,
    SOLUTION_EDITABLE_FIELDS,
    Match,
    Solution,
    SolutionAttachment,
    SolutionReference,
)

# --- Solutions ------------------------------------------------------------------------------


def _check_editor(by: User, organization: Organization) -> None:
    if not access.can_edit_solutions_of(by, organization):
        raise PermissionDenied


@transaction.atomic
def solution_create(
    *,
    organization: Organization,
    by: User,
    domains: Iterable[Domain] = (),
    **fields,
) -> Solution:
    """A new draft solution of an innovator; its members publish it once it is ready."""
    _check_editor(by, organization)
    unknown = set(fields) - set(SOLUTION_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown solution fields: {sorted(unknown)}")
    fields["tags"] = normalize_tags(fields.get("tags", []))
    solution = Solution(organization=organization, created_by=by, **fields)
    solution.full_clean(exclude=["organization", "created_by"])
    solution.save()
    solution.domains.set(domains)
    return solution


@transaction.atomic
def solution_update(
    *, solution: Solution, by: User, domains: Iterable[Domain] | None = None, **fields
) -> Solution:
    _check_editor(by, solution.organization)
    unknown = set(fields) - set(SOLUTION_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown solution fields: {sorted(unknown)}")
    if "tags" in fields:
        fields["tags"] = normalize_tags(fields["tags"])
    for name, value in fields.items():
        setattr(solution, name, value)
    solution.full_clean(exclude=["organization", "created_by"])
    solution.save()
    if domains is not None:
        solution.domains.set(domains)
    return solution


def _link_reference_organizations(names: list[str]) -> dict[str, Organization]:
    """Portal organisations whose name is exactly one of the references' names (case ignored)."""
    if not names:
        return {}
    query = Q()
    for name in names:
        query |= Q(name__iexact=name)
    found = Organization.objects.filter(query).exclude(kind=Organization.Kind.INNOVATOR)
    return {o.name.lower(): o for o in found}


@transaction.atomic
def solution_set_references(
    *, solution: Solution, by: User | None, references: list[dict]
) -> list[SolutionReference]:
    """Replace the references with `references` (dicts of name, year, kind, organization).

    A reference named exactly like a city of the portal is linked to it, so that the catalogue
    can find solutions "deployed in a city like mine".
    """
    if by is not None:
        _check_editor(by, solution.organization)
    names = [r["name"].strip() for r in references if not r.get("organization")]
    linked = _link_reference_organizations(names)
    rows = []
    for ref in references:
        name = " ".join(ref["name"].split())
        organization = ref.get("organization") or linked.get(name.lower())
        row = SolutionReference(
            solution=solution,
            name=name or (organization.name if organization else ""),
            organization=organization,
            year=ref.get("year"),
            kind=ref.get("kind") or SolutionReference.Kind.DEPLOYED,
        )
        row.full_clean(exclude=["solution"])
        rows.append(row)
    solution.references.all().delete()
    return SolutionReference.objects.bulk_create(rows)


@transaction.atomic
def solution_save(
    *,
    by: User,
    organization: Organization,
    solution: Solution | None,
    domains: Iterable[Domain],
    references: list[dict],
    **fields,
) -> Solution:
    """Create (when `solution` is None) or update a solution and its references, at once."""
    if solution is None:
        solution = solution_create(organization=organization, by=by, domains=domains, **fields)
    else:
        solution = solution_update(solution=solution, by=by, domains=domains, **fields)
    solution_set_references(solution=solution, by=by, references=references)
    return solution


@transaction.atomic
def solution_publish(*, solution: Solution, by: User) -> Solution:
    if not access.can_publish_solutions_of(by, solution.organization):
        raise PermissionDenied
    solution = Solution.objects.select_for_update().get(pk=solution.pk)
    if solution.status != Solution.Status.PUBLISHED:
        solution.status = Solution.Status.PUBLISHED
        solution.published_at = solution.published_at or timezone.now()
        solution.save(update_fields=["status", "published_at", "updated_at"])
    return solution


@transaction.atomic
def solution_unpublish(*, solution: Solution, by: User) -> Solution:
    _check_editor(by, solution.organization)
    solution.status = Solution.Status.DRAFT
    solution.save(update_fields=["status", "updated_at"])
    return solution


@transaction.atomic
def solution_delete(*, solution: Solution, by: User) -> None:
    """Delete a solution that never took part in a proposal (unpublish it otherwise)."""
    _check_editor(by, solution.organization)
    if solution.matches.exclude(status=Match.Status.SUGGESTED).exists():
        raise ValidationError(
            _(
                "Cette solution a été proposée sur un enjeu : retirez-la du catalogue "
                "plutôt que de la supprimer."
            )
        )
    for attachment in solution.attachments.all():
        transaction.on_commit(lambda f=attachment.file: f.delete(save=False), robust=True)
    solution.delete()


@transaction.atomic
def solution_attachment_add(
    *, solution: Solution, by: User, file: UploadedFile
) -> SolutionAttachment:
    _check_editor(by, solution.organization)
    kind = validate_upload(file)
    if solution.attachments.count() >= 20:
        raise ValidationError(_("Une solution a au plus 20 pièces jointes."))
    return SolutionAttachment.objects.create(
        solution=solution,
        file=file,
        name=file.name[:200],
        content_type=kind.content_type,
        size=file.size,
        uploaded_by=by,
    )


@transaction.atomic
def solution_attachment_delete(*, attachment: SolutionAttachment, by: User) -> None:
    _check_editor(by, attachment.solution.organization)
    attachment.delete()
    transaction.on_commit(lambda: attachment.file.delete(save=False), robust=True)


# --- Proposals ------------------------------------------------------------------------------


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
