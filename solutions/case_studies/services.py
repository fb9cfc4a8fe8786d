"""Case studies: written by curators from a completed pilot, published, unpublished, and
copied by a city into a new draft challenge of its own."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import Challenge
from challenges.services import (
    challenge_create,
)
from partners.access import city_organizations, is_curator
from partners.models import NotificationKind, Organization, User
from partners.notifications import notify
from solutions.case_studies import access
from solutions.case_studies.models import CaseStudy, CaseStudyCopy
from solutions.impact.services import snapshots_clear
from solutions.pilots.models import PilotProject
from solutions.pilots.services import check_fields, pilot_context, pilot_team

CASE_STUDY_FIELDS = (
    "title",
    "summary",
    "need",
    "solution_text",
    "results",
    "lessons",
    "cost_note",
    "contacts",
    "language",
    "visibility",
)


def case_study_initial(pilot: PilotProject) -> dict:
    """What a new case study starts from: the challenge's need, the solution, the lessons."""
    challenge, solution = pilot.challenge, pilot.solution
    return {
        "title": pilot.title,
        "summary": challenge.summary,
        "need": challenge.description,
        "solution_text": solution.summary or solution.description,
        "results": pilot.results_summary,
        "lessons": pilot.lessons_learned,
        "contacts": f"{pilot.city.name}\n{pilot.innovator.name}",
        "language": challenge.language,
        "visibility": challenge.visibility,
    }


def _check_curator(by: User) -> None:
    if not is_curator(by):
        raise PermissionDenied


def _clean_case_study(study: CaseStudy) -> None:
    if not (study.need or "").strip():
        raise ValidationError({"need": _("Décrivez le besoin de la ville.")})
    study.full_clean(exclude=["pilot", "created_by"])


@transaction.atomic
def case_study_create(*, pilot: PilotProject, by: User, **fields) -> CaseStudy:
    """A draft case study of a completed or stopped pilot (curators)."""
    _check_curator(by)
    check_fields(fields, CASE_STUDY_FIELDS, "case study")
    pilot = PilotProject.objects.select_for_update().get(pk=pilot.pk)
    if not pilot.is_ended:
        raise ValidationError(
            _("Seul un projet pilote terminé ou arrêté devient une étude de cas.")
        )
    if CaseStudy.objects.filter(pilot=pilot).exists():
        raise ValidationError(_("Ce projet pilote a déjà son étude de cas."))
    study = CaseStudy(pilot=pilot, created_by=by, **{**case_study_initial(pilot), **fields})
    _clean_case_study(study)
    study.save()
    return study


@transaction.atomic
def case_study_update(*, case_study: CaseStudy, by: User, **fields) -> CaseStudy:
    _check_curator(by)
    check_fields(fields, CASE_STUDY_FIELDS, "case study")
    for name, value in fields.items():
        setattr(case_study, name, value)
    _clean_case_study(case_study)
    case_study.save()
    return case_study


@transaction.atomic
def case_study_publish(*, case_study: CaseStudy, by: User) -> CaseStudy:
    _check_curator(by)
    study = CaseStudy.objects.select_for_update().select_related("pilot").get(pk=case_study.pk)
    if study.status != CaseStudy.Status.PUBLISHED:
        study.status = CaseStudy.Status.PUBLISHED
        study.published_at = study.published_at or timezone.now()
        study.save(update_fields=["status", "published_at", "updated_at"])
    pilot = PilotProject.objects.select_related("city", "innovator", "challenge").get(
        pk=study.pilot_id
    )
    notify(
        recipients=pilot_team(pilot, exclude=by),
        kind=NotificationKind.PILOT,
        event=f"case-study-published:{study.pk}",
        template="pilot_case_study_published",
        context=pilot_context(pilot, case_study=study.title),
        url=study.get_absolute_url(),
    )
    return study


@transaction.atomic
def case_study_unpublish(*, case_study: CaseStudy, by: User) -> CaseStudy:
    _check_curator(by)
    case_study.status = CaseStudy.Status.DRAFT
    case_study.save(update_fields=["status", "updated_at"])
    return case_study


def _copy_description(study: CaseStudy) -> str:
    intro = _(
        "Cet enjeu reprend l'idée de l'étude de cas « %(title)s » (%(city)s, avec "
        "%(innovator)s). Adaptez le texte à votre ville."
    ) % {
        "title": study.title,
        "city": study.pilot.city.name,
        "innovator": study.pilot.innovator.name,
    }
    return f"{intro}\n\n{study.need}"[:20000]


@transaction.atomic
def case_study_copy(*, case_study: CaseStudy, by: User, city: Organization) -> Challenge:
    """Copy this idea for my city: a new draft challenge of `city`, prefilled and linked."""
    study = (
        access.case_studies_visible_to(by)
        .select_related("pilot__challenge", "pilot__city", "pilot__innovator")
        .filter(pk=case_study.pk)
        .first()
    )
    if study is None or not access.can_copy_case_study(by, study):
        raise PermissionDenied
    if city.pk not in {o.pk for o in city_organizations(by)}:
        raise PermissionDenied
    original = study.pilot.challenge
    challenge = challenge_create(
        by=by,
        owners=[city],
        domains=list(original.domains.all()),
        title=study.title[:200],
        summary=(study.summary or original.summary)[:600],
        description=_copy_description(study),
        tags=list(original.tags or []),
        language=study.language,
        currency=Challenge.Currency.EUR if city.country == "FR" else Challenge.Currency.CAD,
        gain_economic=original.gain_economic,
        gain_environmental=original.gain_environmental,
        gain_social=original.gain_social,
    )
    copy = CaseStudyCopy.objects.create(
        case_study=study, challenge=challenge, city=city, copied_by=by
    )
    pilot = study.pilot
    notify(
        recipients=pilot_team(pilot, exclude=by),
        kind=NotificationKind.PILOT,
        event=f"case-study-copied:{copy.pk}",
        template="pilot_copied",
        context=pilot_context(pilot, case_study=study.title, copier=city.name),
        url=study.get_absolute_url(),
    )
    snapshots_clear()
    return challenge
