"""Demo solutions and proposals for `manage.py seed_demo`: realistic, mostly French, idempotent.

Solutions are upserted by `external_id` (their text, domains and references refreshed on each
run). Proposals are created once per challenge × solution and then left as they are, so that a
status changed while trying the demo survives a new `seed_demo`.
"""

from django.db import transaction
from django.utils import timezone

from challenges.models import Challenge, Domain
from partners.models import Membership, Organization
from solutions.catalogue.models import Solution, SolutionReference
from solutions.demo.catalogue_data import PROPOSALS, SOLUTIONS
from solutions.proposals.models import Match


def _reference_organizations(orgs: dict[str, Organization]) -> dict[str, Organization]:
    by_name = {o.name: o for o in Organization.objects.exclude(kind=Organization.Kind.INNOVATOR)}
    return {**by_name, **orgs}


@transaction.atomic
def seed_solutions(orgs: dict[str, Organization]) -> list[Solution]:
    """Create or refresh the demo solutions of the innovators of `partners.demo`, and proposals."""
    domains = {d.slug: d for d in Domain.objects.all()}
    references_by = _reference_organizations(orgs)
    now = timezone.now()
    result = []
    for (
        external_id,
        innovator,
        language,
        name,
        summary,
        description,
        slugs,
        tags,
        trl,
        price_model,
        regions,
        references,
    ) in SOLUTIONS:
        solution, _created = Solution.objects.update_or_create(
            external_id=external_id,
            defaults={
                "organization": orgs[innovator],
                "language": language,
                "name": name,
                "summary": summary,
                "description": description,
                "tags": [t.lower() for t in tags],
                "trl": trl,
                "price_model": price_model,
                "regions_served": regions,
                "languages": ["fr", "en"] if language == "en" else ["fr"],
                "status": Solution.Status.PUBLISHED,
            },
        )
        if solution.published_at is None:
            solution.published_at = now
            solution.save(update_fields=["published_at"])
        solution.domains.set([domains[s] for s in slugs])
        solution.references.all().delete()
        SolutionReference.objects.bulk_create(
            SolutionReference(
                solution=solution,
                organization=references_by.get(ref),
                name=references_by[ref].name if ref in references_by else ref,
                year=year,
                kind=kind,
            )
            for ref, year, kind in references
        )
        result.append(solution)
    _seed_proposals()
    return result


def _seed_proposals() -> None:
    challenges = Challenge.objects.in_bulk([c for c, *_rest in PROPOSALS], field_name="external_id")
    solutions = Solution.objects.in_bulk(
        [s for _c, s, *_rest in PROPOSALS], field_name="external_id"
    )
    for challenge_id, solution_id, status, pitch in PROPOSALS:
        challenge, solution = challenges.get(challenge_id), solutions.get(solution_id)
        if challenge is None or solution is None:
            continue
        member = (
            Membership.objects.filter(
                organization=solution.organization, status=Membership.Status.ACTIVE
            )
            .select_related("user")
            .first()
        )
        Match.objects.get_or_create(
            challenge=challenge,
            solution=solution,
            defaults={
                "origin": Match.Origin.INNOVATOR,
                "status": status,
                "pitch": pitch,
                "fit": solution.summary,
                "timeline": "3 à 6 mois" if solution.language == "fr" else "3 to 6 months",
                "currency": challenge.currency,
                "terms_accepted_at": timezone.now(),
                "proposed_at": timezone.now(),
                "proposed_by": member.user if member else None,
            },
        )
