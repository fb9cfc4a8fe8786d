"""Who may curate a match, answer an introduction, or join a discussion.

Like `solutions.catalogue.access`, helpers that take an id from the URL return the object only when the
user may act on it and raise `Http404` otherwise, so nobody learns that another city's
introduction exists."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from challenges.access import is_owner_staff
from challenges.models import Challenge
from partners.access import innovator_organizations, is_curator, parse_pk
from solutions.curation.models import Introduction
from solutions.proposals.models import Match

# Challenges whose matches curators still work on (a challenge in pilot may get more pilots).
CURATABLE_STATUSES = (Challenge.Status.PUBLISHED, Challenge.Status.IN_PILOT)
# Matches an evaluation grid evaluates: what an innovator proposed or a curator retained.
EVALUATED_STATUSES = (
    Match.Status.PROPOSED,
    Match.Status.SHORTLISTED,
    Match.Status.INTRODUCED,
    Match.Status.PILOT,
)
# Matches with an introduction that the parties may still look at.
INTRODUCED_STATUSES = (Match.Status.INTRODUCED, Match.Status.PILOT)


class Side:
    CITY = "city"
    INNOVATOR = "innovator"
    CURATOR = "curator"


def challenge_for_curation(user, pk) -> Challenge:
    """A published (or in-pilot) challenge, for a curator; 404 otherwise."""
    if not is_curator(user):
        raise Http404
    return get_object_or_404(
        Challenge.objects.prefetch_related("owners", "domains"),
        pk=parse_pk(pk),
        status__in=CURATABLE_STATUSES,
    )


def match_for_curator(user, pk) -> Match:
    if not is_curator(user):
        raise Http404
    return get_object_or_404(
        Match.objects.select_related("challenge", "solution__organization"), pk=parse_pk(pk)
    )


def is_innovator_member(user, match: Match) -> bool:
    """A member of the match's innovator, once that innovator is verified."""
    return match.solution.organization_id in {o.pk for o in innovator_organizations(user)}


def match_side(user, match: Match) -> str | None:
    """Which party the user speaks for on this match: the city, the innovator, a curator."""
    if is_owner_staff(user, match.challenge):
        return Side.CITY
    if is_innovator_member(user, match):
        return Side.INNOVATOR
    if is_curator(user):
        return Side.CURATOR
    return None


def introduction_for_participant(user, match_pk) -> tuple[Match, Introduction, str]:
    """The match's latest introduction and the user's side, for its city's staff, the
    innovator's members and curators; 404 for anybody else or when there is none."""
    match = get_object_or_404(
        Match.objects.select_related("challenge", "solution__organization").prefetch_related(
            "challenge__owners"
        ),
        pk=parse_pk(match_pk),
    )
    side = match_side(user, match)
    if side is None:
        raise Http404
    introduction = (
        Introduction.objects.filter(match=match)
        .select_related("introduced_by", "city_answered_by", "innovator_answered_by")
        .first()
    )
    if introduction is None:
        raise Http404
    return match, introduction, side


def can_answer(side: str, introduction: Introduction) -> bool:
    """The city's staff and the innovator's members answer for their side, once."""
    if introduction.closed_at is not None:
        return False
    if introduction.match.status != Match.Status.INTRODUCED:
        return False
    if side == Side.CITY:
        return introduction.city_answer == Introduction.Answer.PENDING
    if side == Side.INNOVATOR:
        return introduction.innovator_answer == Introduction.Answer.PENDING
    return False


def can_discuss(match: Match, introduction: Introduction | None) -> bool:
    """The thread opens once both sides accepted, while the match is introduced or in pilot."""
    return (
        introduction is not None
        and introduction.is_accepted
        and introduction.closed_at is None
        and match.status in INTRODUCED_STATUSES
    )
