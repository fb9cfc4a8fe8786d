"""Curation services: shortlist, decline, add by hand, introduce (double opt-in), discuss.

Every function checks that `by` may do what it asks (raising `PermissionDenied`) and that the
change is allowed now (raising a translated `ValidationError`); views only call them.
Notifications are rows written in the same transaction and e-mailed after the commit
(`partners.notifications.notify`)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import Challenge
from challenges.selectors import challenge_staff
from partners.access import is_curator
from partners.models import NotificationKind, Organization, User
from partners.notifications import notify
from partners.selectors import organization_members
from solutions.catalogue.models import Solution
from solutions.curation.access import CURATABLE_STATUSES, Side, can_answer, can_discuss, match_side
from solutions.curation.models import Introduction, MatchMessage
from solutions.proposals.models import Match

# Statuses from which a curator may still shortlist or decline a match.
SHORTLISTABLE = (Match.Status.SUGGESTED, Match.Status.PROPOSED)
DECLINABLE = (Match.Status.SUGGESTED, Match.Status.PROPOSED, Match.Status.SHORTLISTED)
EXCERPT = 300


def _check_curator(by: User) -> None:
    if not is_curator(by):
        raise PermissionDenied


def _lock(match: Match) -> Match:
    return (
        Match.objects.select_for_update(of=("self",))
        .select_related("challenge", "solution__organization")
        .get(pk=match.pk)
    )


def _check_curatable(match: Match) -> None:
    if match.challenge.status not in CURATABLE_STATUSES:
        raise ValidationError(_("Cet enjeu n'est plus publié : ses jumelages sont figés."))


def _context(match: Match, **extra) -> dict:
    return {
        "challenge": match.challenge.title,
        "solution": match.solution.name,
        "organization": match.solution.organization.name,
        **extra,
    }


def _proposal_url(match: Match) -> str:
    return reverse("solutions:proposal_detail", kwargs={"pk": match.pk})


def _introduction_url(match: Match) -> str:
    return reverse("solutions:introduction_detail", kwargs={"pk": match.pk})


def _notify_shortlisted(match: Match) -> None:
    notify(
        recipients=organization_members([match.solution.organization]),
        kind=NotificationKind.MATCH,
        event=f"curation-shortlisted:{match.pk}",
        template="curation_match_shortlisted",
        context=_context(match),
        url=_proposal_url(match),
    )


@transaction.atomic
def match_shortlist(*, match: Match, by: User) -> Match:
    """Keep a suggestion or a proposal for the next step; the innovator is told."""
    _check_curator(by)
    match = _lock(match)
    _check_curatable(match)
    if match.status not in SHORTLISTABLE:
        raise ValidationError(
            _("Seule une suggestion ou une proposition peut être présélectionnée.")
        )
    match.status = Match.Status.SHORTLISTED
    match.save(update_fields=["status", "updated_at"])
    _notify_shortlisted(match)
    return match


@transaction.atomic
def match_decline(*, match: Match, by: User, reason: str) -> Match:
    """Decline a match with a reason that the innovator reads on its proposal page."""
    _check_curator(by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez le motif : l'innovateur le lira.")})
    match = _lock(match)
    if match.status not in DECLINABLE:
        raise ValidationError(_("Ce jumelage ne peut plus être décliné."))
    match.status = Match.Status.DECLINED
    match.decline_reason = reason[:2000]
    match.save(update_fields=["status", "decline_reason", "updated_at"])
    notify(
        recipients=organization_members([match.solution.organization]),
        kind=NotificationKind.MATCH,
        event=f"curation-declined:{match.pk}:{int(timezone.now().timestamp())}",
        template="curation_match_declined",
        context=_context(match, reason=match.decline_reason),
        url=_proposal_url(match),
    )
    return match


@transaction.atomic
def match_add_by_curator(
    *, challenge: Challenge, solution: Solution, by: User, note: str = ""
) -> Match:
    """A curator picks a catalogue solution for a challenge: a shortlisted match of origin
    curator. A suggestion already stored is shortlisted instead; any other match is refused."""
    _check_curator(by)
    if challenge.status not in CURATABLE_STATUSES:
        raise ValidationError(_("Cet enjeu n'est plus publié : ses jumelages sont figés."))
    if not (
        solution.is_published
        and solution.organization.is_verified
        and solution.organization.kind == Organization.Kind.INNOVATOR
    ):
        raise ValidationError(_("Seule une solution publiée au catalogue peut être ajoutée."))
    note = " ".join((note or "").split())[:300]
    match, created = Match.objects.select_for_update().get_or_create(
        challenge=challenge,
        solution=solution,
        defaults={
            "origin": Match.Origin.CURATOR,
            "status": Match.Status.SHORTLISTED,
            "reasons": [note] if note else [],
        },
    )
    if not created:
        if match.status != Match.Status.SUGGESTED:
            raise ValidationError(
                _("Cette solution est déjà jumelée à cet enjeu (statut : %(status)s).")
                % {"status": match.get_status_display()}
            )
        match.status = Match.Status.SHORTLISTED
        if note:
            match.reasons = [*match.reasons, note]
        match.save(update_fields=["status", "reasons", "updated_at"])
    _notify_shortlisted(match)
    return match


def _introduction_recipients(match: Match) -> list[User]:
    return challenge_staff(match.challenge) + organization_members([match.solution.organization])


@transaction.atomic
def match_introduce(*, match: Match, by: User, message: str = "") -> Introduction:
    """Put the city and the innovator of a shortlisted match in contact; both are notified and
    both must accept before either sees the other's contact details."""
    _check_curator(by)
    match = _lock(match)
    _check_curatable(match)
    if match.status != Match.Status.SHORTLISTED:
        raise ValidationError(_("Présélectionnez d'abord ce jumelage avant la mise en relation."))
    if not match.solution.organization.is_verified:
        raise ValidationError(_("L'organisation de cet innovateur n'est pas vérifiée."))
    introduction = Introduction.objects.create(
        match=match, introduced_by=by, message=(message or "").strip()[:2000]
    )
    match.status = Match.Status.INTRODUCED
    match.save(update_fields=["status", "updated_at"])
    notify(
        recipients=_introduction_recipients(match),
        kind=NotificationKind.MATCH,
        event=f"introduction-proposed:{introduction.pk}",
        template="introduction_proposed",
        context=_context(match, message=introduction.message),
        url=_introduction_url(match),
    )
    return introduction


def _lock_introduction(introduction: Introduction) -> Introduction:
    return (
        Introduction.objects.select_for_update(of=("self", "match"))
        .select_related("match__challenge", "match__solution__organization", "introduced_by")
        .get(pk=introduction.pk)
    )


def _answering_side(introduction: Introduction, by: User) -> str:
    side = match_side(by, introduction.match)
    if side not in (Side.CITY, Side.INNOVATOR):
        raise PermissionDenied
    if not can_answer(side, introduction):
        raise ValidationError(_("Cette mise en relation n'attend plus votre réponse."))
    return side


def _record_answer(
    introduction: Introduction, *, side: str, by: User, answer: str, contact: str = ""
) -> None:
    """Set `<side>_answer`, `_answered_by`, `_answered_at` (and `_contact` when accepting)."""
    setattr(introduction, f"{side}_answer", answer)
    setattr(introduction, f"{side}_answered_by", by)
    setattr(introduction, f"{side}_answered_at", timezone.now())
    if answer == Introduction.Answer.ACCEPTED:
        setattr(introduction, f"{side}_contact", contact)


def _curators_of(introduction: Introduction) -> list[User]:
    by = introduction.introduced_by
    return [by] if by is not None and is_curator(by) else []


@transaction.atomic
def introduction_accept(*, introduction: Introduction, by: User, contact: str = "") -> Introduction:
    """Accept for one's side; when both sides accepted, contacts are shared and all notified."""
    introduction = _lock_introduction(introduction)
    side = _answering_side(introduction, by)
    _record_answer(
        introduction,
        side=side,
        by=by,
        answer=Introduction.Answer.ACCEPTED,
        contact=" ".join((contact or "").split())[:300],
    )
    introduction.save()
    match = introduction.match
    if introduction.is_accepted:
        notify(
            recipients=_introduction_recipients(match) + _curators_of(introduction),
            kind=NotificationKind.MATCH,
            event=f"introduction-accepted:{introduction.pk}",
            template="introduction_accepted",
            context=_context(match),
            url=_introduction_url(match),
        )
    return introduction


@transaction.atomic
def introduction_refuse(*, introduction: Introduction, by: User, reason: str = "") -> Introduction:
    """Refuse for one's side: the introduction closes, nobody's contact is shared, and the match
    goes back to the shortlist, where a curator may decline it or introduce it again."""
    introduction = _lock_introduction(introduction)
    side = _answering_side(introduction, by)
    _record_answer(introduction, side=side, by=by, answer=Introduction.Answer.REFUSED)
    introduction.refusal_reason = (reason or "").strip()[:2000]
    introduction.closed_at = timezone.now()
    introduction.save()
    match = introduction.match
    if match.status == Match.Status.INTRODUCED:
        match.status = Match.Status.SHORTLISTED
        match.save(update_fields=["status", "updated_at"])
    notify(
        recipients=_introduction_recipients(match) + _curators_of(introduction),
        kind=NotificationKind.MATCH,
        event=f"introduction-refused:{introduction.pk}",
        template="introduction_refused",
        context=_context(match, side=side),
        url=_introduction_url(match),
    )
    return introduction


@transaction.atomic
def match_message_post(*, match: Match, by: User, body: str) -> MatchMessage:
    """A message in the private thread of an introduced match; the other participants (the
    city's staff, the innovator's members, and the curators who take part) are notified."""
    match = _lock(match)
    side = match_side(by, match)
    if side is None:
        raise PermissionDenied
    introduction = Introduction.objects.filter(match=match, closed_at__isnull=True).first()
    if not can_discuss(match, introduction):
        raise ValidationError(
            _(
                "La discussion s'ouvre quand la ville et l'innovateur ont accepté la mise en relation."
            )
        )
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Écrivez un message.")})
    message = MatchMessage.objects.create(
        match=match, author=by, author_side=side, body=body[:4000]
    )
    curator_ids = set(
        MatchMessage.objects.filter(match=match, author_side=Side.CURATOR).values_list(
            "author_id", flat=True
        )
    )
    if introduction.introduced_by_id:
        curator_ids.add(introduction.introduced_by_id)
    curators = [u for u in User.objects.filter(pk__in=curator_ids) if is_curator(u)]
    recipients = [u for u in _introduction_recipients(match) + curators if u.pk != by.pk]
    excerpt = message.body if len(message.body) <= EXCERPT else message.body[:EXCERPT] + "…"
    notify(
        recipients=recipients,
        kind=NotificationKind.MATCH,
        event=f"match-message:{message.pk}",
        template="match_message_posted",
        context=_context(match, author=str(by), excerpt=excerpt),
        url=_introduction_url(match) + f"#message-{message.pk}",
    )
    return message
