"""Writes of the solution catalogue: solutions, their references and attachments.

Every function checks that `by` may do what it asks (raising `PermissionDenied`) and that the
change is allowed now (raising a translated `ValidationError`); views only call them."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import Domain
from challenges.services import normalize_tags
from challenges.uploads import validate_upload
from partners.models import Organization, User
from solutions.catalogue import access
from solutions.catalogue.models import (
    SOLUTION_EDITABLE_FIELDS,
    Solution,
    SolutionAttachment,
    SolutionReference,
)
from solutions.proposals.models import Match


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
