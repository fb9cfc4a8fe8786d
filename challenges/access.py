"""Who may see or change a challenge. Views ask these helpers, never the models directly.

Helpers taking an id from the URL return the object only when the user may act on it and raise
`Http404` otherwise, so a page never reveals that a draft or a network-only challenge exists.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from partners.access import (
    city_organizations,
    innovator_organizations,
    is_curator,
    is_verified_member,
)

from .models import Challenge

# Owners may edit until the challenge is over.
OWNER_EDITABLE = (
    Challenge.Status.DRAFT,
    Challenge.Status.SUBMITTED,
    Challenge.Status.PUBLISHED,
    Challenge.Status.IN_PILOT,
)


def _owned_by(organization_ids: list[int]) -> Exists:
    return Exists(
        Challenge.owners.through.objects.filter(
            challenge_id=OuterRef("pk"), organization_id__in=organization_ids
        )
    )


def owned_filter(user) -> Q:
    """Challenges co-owned by one of the user's verified cities."""
    ids = [o.pk for o in city_organizations(user)]
    return Q(_owned_by(ids)) if ids else Q(pk__in=[])


def visibility_filter(user) -> Q:
    """The rows of `Challenge` the user may see (a Q, to combine in any queryset)."""
    if is_curator(user):
        return Q()
    visible = Q(status__in=Challenge.PUBLIC_STATUSES)
    if not is_verified_member(user):
        visible &= Q(visibility=Challenge.Visibility.PUBLIC)
    if city_organizations(user):
        visible |= owned_filter(user)
    return visible


def visibility_scope(user) -> str:
    """A name for the rows `visibility_filter(user)` lets through: people with the same scope
    see the same challenges (a cache key part; keep it in step with `visibility_filter`)."""
    if is_curator(user):
        return "curator"
    scope = "member" if is_verified_member(user) else "public"
    owned = sorted(o.pk for o in city_organizations(user))
    return f"{scope}+owners:{','.join(map(str, owned))}" if owned else scope


def challenges_visible_to(user) -> QuerySet[Challenge]:
    """Network-only challenges only for verified members and curators; unpublished ones only
    for their owners' staff and curators."""
    return Challenge.objects.filter(visibility_filter(user))


def is_owner_staff(user, challenge: Challenge) -> bool:
    """Staff of a verified city that (co-)owns the challenge."""
    mine = {o.pk for o in city_organizations(user)}
    if not mine:
        return False
    return any(o.pk in mine for o in _owners(challenge))


def _owners(challenge: Challenge) -> list:
    # Uses the prefetched owners when the caller loaded them.
    return list(challenge.owners.all())


def can_view(user, challenge: Challenge) -> bool:
    if is_curator(user) or is_owner_staff(user, challenge):
        return True
    if challenge.status not in Challenge.PUBLIC_STATUSES:
        return False
    return challenge.visibility == Challenge.Visibility.PUBLIC or is_verified_member(user)


def can_edit(user, challenge: Challenge) -> bool:
    if is_curator(user):
        return challenge.status != Challenge.Status.ARCHIVED
    return challenge.status in OWNER_EDITABLE and is_owner_staff(user, challenge)


def can_manage(user, challenge: Challenge) -> bool:
    """Owners' staff and curators: see the history, answer questions, post updates."""
    return is_curator(user) or is_owner_staff(user, challenge)


def can_ask(user, challenge: Challenge) -> bool:
    """Verified innovators ask questions on a published challenge."""
    return challenge.status == Challenge.Status.PUBLISHED and bool(innovator_organizations(user))


def can_post_update(user, challenge: Challenge) -> bool:
    return challenge.status in (
        Challenge.Status.PUBLISHED,
        Challenge.Status.IN_PILOT,
    ) and can_manage(user, challenge)


def can_create(user) -> bool:
    return is_curator(user) or bool(city_organizations(user))


def _get(user, pk, allowed) -> Challenge:
    """The challenge with this id if `allowed(user, challenge)`; 404 otherwise."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    challenge = Challenge.objects.filter(pk=pk).prefetch_related("owners", "domains").first()
    if challenge is None or not allowed(user, challenge):
        raise Http404
    return challenge


def challenge_for_viewer(user, pk) -> Challenge:
    """The challenge if the user may see it; 404 otherwise."""
    return _get(user, pk, can_view)


def challenge_for_editor(user, pk) -> Challenge:
    """The challenge if the user may edit it; 404 otherwise (even when they may see it)."""
    return _get(user, pk, can_edit)


def challenge_for_manager(user, pk) -> Challenge:
    """The challenge if the user is its owners' staff or a curator; 404 otherwise."""
    return _get(user, pk, can_manage)
