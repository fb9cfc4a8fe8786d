"""Who may see, write and copy case studies (public, network-only, curators)."""

from django.db.models import Q, QuerySet
from django.http import Http404

from partners.access import (
    city_organizations,
    is_curator,
    is_verified_member,
    parse_pk,
)
from solutions.case_studies.models import CaseStudy


def case_study_visibility_filter(user) -> Q:
    """Published case studies; network-only ones for verified members; drafts for curators."""
    if is_curator(user):
        return Q()
    visible = Q(status=CaseStudy.Status.PUBLISHED)
    if not is_verified_member(user):
        visible &= Q(visibility=CaseStudy.Visibility.PUBLIC)
    return visible


def case_studies_visible_to(user) -> QuerySet[CaseStudy]:
    return CaseStudy.objects.filter(case_study_visibility_filter(user))


def public_case_studies() -> QuerySet[CaseStudy]:
    """What a visitor may see: the open data of the API and of the challenge pages."""
    return CaseStudy.objects.filter(
        status=CaseStudy.Status.PUBLISHED, visibility=CaseStudy.Visibility.PUBLIC
    )


def case_study_for_viewer(user, pk) -> CaseStudy:
    study = (
        case_studies_visible_to(user)
        .filter(pk=parse_pk(pk))
        .select_related("pilot__challenge", "pilot__solution", "pilot__city", "pilot__innovator")
        .first()
    )
    if study is None:
        raise Http404
    return study


def case_study_for_curator(user, pk) -> CaseStudy:
    if not is_curator(user):
        raise Http404
    return case_study_for_viewer(user, pk)


def can_copy_case_study(user, case_study: CaseStudy) -> bool:
    """Staff of a verified city copy a published case study they can see into a new challenge."""
    return case_study.is_published and bool(city_organizations(user))
