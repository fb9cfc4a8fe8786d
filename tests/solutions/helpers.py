"""Builders for the solutions tests: challenges and solutions made through the services."""

from datetime import timedelta

from django.utils import timezone

from challenges.models import Challenge, Domain
from challenges.services import challenge_create, challenge_publish
from partners.models import Organization
from solutions.models import Solution, SolutionReference

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def open_challenge(owners: list[Organization], *, publish: bool = True, **fields) -> Challenge:
    """A challenge of `owners`, published by the system with a deadline in a month."""
    domains = list(Domain.objects.filter(slug__in=fields.pop("domains", ["mobility"])))
    values = {
        "title": "Stationnement intelligent au centre-ville",
        "summary": "Mieux répartir le stationnement sur rue.",
        "description": "Nous cherchons des capteurs de stationnement pour le centre-ville.",
        "terms": "Les idées restent la propriété de l'innovateur.",
        "proposals_deadline": timezone.localdate() + timedelta(days=30),
        **fields,
    }
    challenge = challenge_create(by=None, owners=owners, domains=domains, **values)
    if publish:
        challenge_publish(challenge=challenge, by=None)
        challenge.refresh_from_db()
    return challenge


def solution_of(
    organization: Organization,
    *,
    status: str = Solution.Status.PUBLISHED,
    domains: tuple[str, ...] = ("mobility",),
    references: list[tuple[Organization | None, str]] = (),
    **fields,
) -> Solution:
    values = {
        "name": "Capteurs de stationnement",
        "summary": "Des capteurs dans la chaussée.",
        "description": "Chaque case est équipée d'un capteur magnétique.",
        "tags": ["stationnement", "capteurs"],
        "trl": 8,
        **fields,
    }
    solution = Solution.objects.create(
        organization=organization,
        status=status,
        published_at=timezone.now() if status == Solution.Status.PUBLISHED else None,
        **values,
    )
    solution.domains.set(Domain.objects.filter(slug__in=domains))
    for org, name in references:
        SolutionReference.objects.create(solution=solution, organization=org, name=name, year=2024)
    return solution
