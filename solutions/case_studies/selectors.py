"""Reads of case studies: the list, a study with its indicators, its lineage, the ones a
challenge page shows."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from challenges.access import challenges_visible_to
from challenges.models import Challenge
from partners.access import (
    city_organizations,
    is_verified_member,
)
from partners.models import Organization
from solutions.case_studies import access
from solutions.case_studies.models import CaseStudy, CaseStudyCopy
from solutions.pilots.models import Indicator, PilotProject

CASE_STUDY_RELATIONS = (
    "pilot__challenge",
    "pilot__solution",
    "pilot__city",
    "pilot__innovator",
)


def case_study_list(user, *, domain=None, outcome: str = "") -> QuerySet[CaseStudy]:
    queryset = access.case_studies_visible_to(user).select_related(*CASE_STUDY_RELATIONS)
    if domain is not None:
        queryset = queryset.filter(pilot__challenge__domains=domain)
    if outcome in PilotProject.ENDED_STATUSES:
        queryset = queryset.filter(pilot__status=outcome)
    return queryset.prefetch_related("pilot__challenge__domains").order_by("-published_at", "-pk")


def _indicators() -> Prefetch:
    return Prefetch("pilot__indicators", queryset=Indicator.objects.order_by("pk"))


def case_study_detail(study: CaseStudy) -> CaseStudy:
    return (
        CaseStudy.objects.filter(pk=study.pk)
        .select_related(*CASE_STUDY_RELATIONS)
        .prefetch_related(_indicators(), "pilot__challenge__domains")
        .get()
    )


def lineage(study: CaseStudy, user) -> dict:
    """Where the case study was copied, and what the pilots of those copies measured.

    A copy shows only when the viewer may see its challenge (a city's draft stays private, a
    network-only challenge stays in the network); the others are only counted.
    """
    copies = list(
        CaseStudyCopy.objects.filter(case_study=study)
        .select_related("city", "challenge")
        .order_by("created_at", "pk")
    )
    if not copies:
        return {"copies": [], "hidden": 0}
    ids = [c.challenge_id for c in copies]
    visible = set(challenges_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    shown = [c for c in copies if c.challenge_id in visible]
    pilots = (
        PilotProject.objects.filter(challenge_id__in=[c.challenge_id for c in shown])
        .select_related("city", "solution", "innovator", "case_study")
        .prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("pk")))
        .order_by("created_at", "pk")
    )
    visible_studies = set(
        access.case_studies_visible_to(user)
        .filter(pilot__challenge_id__in=[c.challenge_id for c in shown])
        .values_list("pk", flat=True)
    )
    network = is_verified_member(user)
    by_challenge: dict[int, list[PilotProject]] = {}
    for pilot in pilots:
        study_of = getattr(pilot, "case_study", None)
        pilot.visible_case_study = study_of if study_of and study_of.pk in visible_studies else None
        # Results that IVÉO published for the network only are not shown to others.
        pilot.results_visible = (
            network or study_of is None or study_of.visibility != CaseStudy.Visibility.NETWORK
        )
        by_challenge.setdefault(pilot.challenge_id, []).append(pilot)
    for copy in shown:
        copy.later_pilots = by_challenge.get(copy.challenge_id, [])
    return {"copies": shown, "hidden": len(copies) - len(shown)}


def copied_from(challenge: Challenge) -> CaseStudyCopy | None:
    return CaseStudyCopy.objects.filter(challenge=challenge).select_related("case_study").first()


def copy_cities(user) -> list[Organization]:
    return city_organizations(user)


def case_studies_for_challenge(challenge: Challenge, limit: int) -> list[CaseStudy]:
    """Public case studies for a challenge page: the one it copies, then its domains' latest.

    The challenge pages call this without a user: only public case studies are returned. One
    query (the challenge's domains are prefetched by the page).
    """
    if not challenge.pk:
        return []
    domains = [d.pk for d in challenge.domains.all()]
    source = Exists(CaseStudyCopy.objects.filter(case_study=OuterRef("pk"), challenge=challenge))
    same_domain = Exists(
        Challenge.domains.through.objects.filter(
            challenge_id=OuterRef("pilot__challenge_id"), domain_id__in=domains
        )
    )
    return list(
        access.public_case_studies()
        .exclude(pilot__challenge=challenge)
        .annotate(is_source=source)
        .filter(Q(is_source=True) | Q(same_domain))
        .order_by("-is_source", "-published_at", "-pk")[:limit]
    )
