"""Writes of `partners`: sign-up, join requests, verification of organisations."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import access
from .models import Membership, NotificationKind, Organization, User
from .notifications import notify
from .selectors import curators, organization_admins


def organization_unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def user_sign_up(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    language: str,
    new_organization: dict | None = None,
    join_organization: Organization | None = None,
    join_message: str = "",
) -> User:
    """Create a person with either a new (unverified) organisation or a request to join one."""
    if (new_organization is None) == (join_organization is None):
        raise ValidationError(_("Créez une organisation ou demandez à en rejoindre une."))
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language,
    )
    if new_organization is not None:
        organization = Organization.objects.create(
            slug=organization_unique_slug(new_organization["name"]),
            status=Organization.Status.PENDING,
            **new_organization,
        )
        Membership.objects.create(user=user, organization=organization, role=Membership.Role.ADMIN)
        notify(
            recipients=curators(),
            kind=NotificationKind.ACCOUNT,
            event=f"organization-pending:{organization.pk}",
            template="organization_pending",
            context={"organization": organization.name, "kind": organization.get_kind_display()},
            url=reverse("partners:curation_organizations"),
        )
    else:
        membership_request(user=user, organization=join_organization, message=join_message)
    return user


def membership_request(*, user: User, organization: Organization, message: str = "") -> Membership:
    membership, created = Membership.objects.get_or_create(
        user=user,
        organization=organization,
        defaults={"status": Membership.Status.PENDING, "message": message},
    )
    if not created and membership.status == Membership.Status.REFUSED:
        membership.status = Membership.Status.PENDING
        membership.message = message
        membership.save(update_fields=["status", "message"])
    if membership.status == Membership.Status.PENDING:
        notify(
            recipients=organization_admins(organization),
            kind=NotificationKind.ACCOUNT,
            event=f"membership-request:{membership.pk}:{int(timezone.now().timestamp())}",
            template="membership_request",
            context={"person": str(user), "organization": organization.name},
            url=reverse("partners:organization_members", kwargs={"slug": organization.slug}),
        )
    return membership


@transaction.atomic
def membership_decide(*, membership: Membership, by: User, accept: bool) -> Membership:
    """An administrator of the organisation (or a curator) accepts or refuses a join request."""
    membership = (
        Membership.objects.select_for_update()
        .select_related("organization", "user")
        .get(pk=membership.pk)
    )
    if not (access.is_organization_admin(by, membership.organization) or access.is_curator(by)):
        raise PermissionDenied
    if membership.status != Membership.Status.PENDING:
        raise ValidationError(_("Cette demande a déjà été traitée."))
    membership.status = Membership.Status.ACTIVE if accept else Membership.Status.REFUSED
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    notify(
        recipients=[membership.user],
        kind=NotificationKind.ACCOUNT,
        event=f"membership-decided:{membership.pk}:{membership.status}",
        template="membership_accepted" if accept else "membership_refused",
        context={"organization": membership.organization.name},
        url=reverse("partners:dashboard"),
    )
    return membership


@transaction.atomic
def membership_set_role(*, membership: Membership, by: User, role: str) -> Membership:
    if not (access.is_organization_admin(by, membership.organization) or access.is_curator(by)):
        raise PermissionDenied
    if role not in Membership.Role.values:
        raise ValidationError(_("Rôle inconnu."))
    admins = Membership.objects.filter(
        organization=membership.organization,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
    )
    if role != Membership.Role.ADMIN and admins.exclude(pk=membership.pk).count() == 0:
        raise ValidationError(_("Une organisation garde au moins un administrateur."))
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def organization_verify(*, organization: Organization, by: User) -> Organization:
    return _organization_review(organization=organization, by=by, verified=True, reason="")


@transaction.atomic
def organization_refuse(*, organization: Organization, by: User, reason: str) -> Organization:
    if not reason.strip():
        raise ValidationError(_("Indiquez le motif du refus."))
    return _organization_review(organization=organization, by=by, verified=False, reason=reason)


def _organization_review(
    *, organization: Organization, by: User, verified: bool, reason: str
) -> Organization:
    if not access.is_curator(by):
        raise PermissionDenied
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.status != Organization.Status.PENDING:
        raise ValidationError(_("Cette organisation a déjà été examinée."))
    organization.status = Organization.Status.VERIFIED if verified else Organization.Status.REFUSED
    organization.refusal_reason = reason.strip()
    organization.reviewed_at = timezone.now()
    organization.reviewed_by = by
    organization.save(update_fields=["status", "refusal_reason", "reviewed_at", "reviewed_by"])
    notify(
        recipients=organization_admins(organization),
        kind=NotificationKind.ACCOUNT,
        event=f"organization-reviewed:{organization.pk}:{organization.status}",
        template="organization_verified" if verified else "organization_refused",
        context={"organization": organization.name, "reason": organization.refusal_reason},
        url=organization.get_absolute_url(),
    )
    return organization


def user_update_preferences(*, user: User, language: str, email_frequencies: dict) -> User:
    user.language = language
    user.email_frequencies = email_frequencies
    user.save(update_fields=["language", "email_frequencies"])
    return user


def notification_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    unread = user.notifications.filter(read_at=None)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
