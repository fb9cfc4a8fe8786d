"""After a publication: the engine's suggestions stored as matches, and the people concerned told
(innovators' members, subscribers whose alerts fit, curators), once each."""

from __future__ import annotations

from collections import defaultdict

from challenges.models import Challenge
from partners.caching import content_changed
from solutions.catalogue.models import Solution
from solutions.matching.ranking import rank_solutions
from solutions.matching.tuning import AUTO_MATCH_LIMIT, MATCH_THRESHOLD
from solutions.proposals.models import Match

MATCHING_JOB = "match-challenge"


def matches_refresh(*, notify: bool = False) -> int:
    """Suggest matches for every open published challenge (the demo, after its solutions)."""
    from challenges.selectors import open_for_proposals_q

    pks = Challenge.objects.filter(open_for_proposals_q()).values_list("pk", flat=True)
    return sum(challenge_matches_suggest(challenge_id=pk, notify=notify) for pk in pks)


def challenge_matches_suggest(*, challenge_id: int, notify: bool = True) -> int:
    """Store the engine's suggestions for a published challenge and notify, in one transaction.

    Re-running updates the scores and reasons of the engine's own suggestions and never
    duplicates a match, touches a proposal, a shortlist or a curator's match, nor notifies
    anyone twice (one notification per person and event: members of matched innovators first,
    then subscribers whose alerts fit, then curators). Returns the number of suggestions kept.
    """
    from django.db import transaction
    from django.utils import timezone

    from partners.models import Job

    challenge = (
        Challenge.objects.filter(pk=challenge_id, status=Challenge.Status.PUBLISHED)
        .prefetch_related("domains", "owners")
        .first()
    )
    if challenge is None:  # unpublished since: nothing to announce
        Job.objects.filter(name=MATCHING_JOB, key=str(challenge_id)).update(done_at=timezone.now())
        return 0
    ranked = _suggestions_ranked(challenge)
    with transaction.atomic():
        Job.objects.get_or_create(name=MATCHING_JOB, key=str(challenge.pk))
        job = Job.objects.select_for_update().get(name=MATCHING_JOB, key=str(challenge.pk))
        _suggestions_store(challenge, ranked)
        if not notify:
            return len(ranked)
        _suggestions_announce(challenge, ranked)
        job.done_at = timezone.now()
        job.attempts += 1
        job.save(update_fields=["done_at", "attempts"])
    return len(ranked)


Ranked = list[tuple[Solution, float, list[str]]]


def _suggestions_ranked(challenge: Challenge) -> Ranked:
    """The engine's suggestions above the threshold, reasons worded in the challenge's language."""
    from django.utils import translation

    with translation.override(challenge.language):
        return [
            (solution, score, [str(r) for r in reasons])
            for solution, score, reasons in rank_solutions(challenge, limit=AUTO_MATCH_LIMIT)
            if score >= MATCH_THRESHOLD
        ]


def _suggestions_store(challenge: Challenge, ranked: Ranked) -> None:
    """New suggestions created, the engine's own pending ones rescored; no other match touched.

    Runs inside the caller's transaction (the matches are locked for update).
    """
    existing = {
        m.solution_id: m
        for m in Match.objects.select_for_update().filter(
            challenge=challenge, solution__in=[s for s, _score, _reasons in ranked]
        )
    }
    new, refreshed = [], []
    for solution, score, reasons in ranked:
        match = existing.get(solution.pk)
        if match is None:
            new.append(
                Match(
                    challenge=challenge,
                    solution=solution,
                    origin=Match.Origin.AUTO,
                    status=Match.Status.SUGGESTED,
                    score=score,
                    reasons=reasons,
                )
            )
        elif match.origin == Match.Origin.AUTO and match.status == Match.Status.SUGGESTED:
            match.score, match.reasons = score, reasons
            refreshed.append(match)
    Match.objects.bulk_create(new, ignore_conflicts=True)
    Match.objects.bulk_update(refreshed, ["score", "reasons", "updated_at"])
    content_changed()  # bulk writes send no signal (track records shown on pages)


def _suggestions_announce(challenge: Challenge, ranked: Ranked) -> None:
    """Members of the matched innovators, then subscribers whose alerts fit, then curators."""
    from partners.models import NotificationKind
    from partners.notifications import notify as notify_people
    from partners.selectors import curators, members_by_organization
    from solutions.alerts.selectors import subscribers_for

    event = f"challenge-matched:{challenge.pk}"
    context = {
        "challenge": challenge.title,
        "challenge_id": challenge.pk,
        "cities": ", ".join(o.name for o in challenge.owners.all()),
    }
    url = challenge.get_absolute_url()
    by_organization: dict[int, list[str]] = defaultdict(list)
    for solution, _score, _reasons in ranked:
        by_organization[solution.organization_id].append(solution.name)
    members = members_by_organization(by_organization)
    for organization_id, names in sorted(by_organization.items()):
        notify_people(
            recipients=members.get(organization_id, []),
            kind=NotificationKind.MATCH,
            event=event,
            template="match_innovator",
            context={**context, "solutions": names},
            url=url,
        )
    notify_people(
        recipients=subscribers_for(challenge),
        kind=NotificationKind.ALERT,
        event=event,
        template="match_alert",
        context=context,
        url=url,
    )
    notify_people(
        recipients=curators(),
        kind=NotificationKind.MATCH,
        event=event,
        template="match_curator",
        context={
            **context,
            "count": len(ranked),
            "solutions": [s.name for s, _score, _reasons in ranked],
        },
        url=url,
    )
