"""Writes of pilot projects: the pilot, its milestones, indicators and measurements.

Every function checks that `by` may do what it asks (raising `PermissionDenied`) and that the
change is allowed now (raising a translated `ValidationError`). The challenge's status follows
its pilots through the one lifecycle service, `challenges.services.challenge_transition`: a
pilot started on a published challenge puts it "in pilot", and the last pilot that ends closes
it.

Lifecycle of a pilot: planned → running → completed (results recorded) or stopped (a reason code
and lessons learned); a planned pilot may also be stopped before it starts. Completed and stopped
are final. A completed or stopped pilot may become a case study (`solutions.case_studies`)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from challenges.models import Challenge
from challenges.services import (
    allowed_transitions,
    challenge_transition,
)
from partners.access import city_organizations, is_curator
from partners.models import NotificationKind, Organization, User
from partners.notifications import notify
from partners.selectors import curators, organization_members
from solutions.impact.services import snapshots_clear
from solutions.pilots import access
from solutions.pilots.models import (
    EvidenceLevel,
    Indicator,
    IndicatorUnit,
    Measurement,
    Milestone,
    PilotProject,
)
from solutions.proposals.models import Match

S = PilotProject.Status
PILOT_FIELDS = (
    "title",
    "description",
    "start_date",
    "end_date",
    "budget",
    "currency",
    "paid_by",
    "funding_details",
    "results_summary",
    "lessons_learned",
)
MILESTONE_FIELDS = ("title", "due_date", "progress", "note")
INDICATOR_FIELDS = (
    "name",
    "kind",
    "unit",
    "custom_unit",
    "direction",
    "baseline",
    "target",
    "data_source",
)
# Changing one of these changes what a curator verified.
INDICATOR_NUMBERS = ("unit", "custom_unit", "direction", "baseline", "target")
PILOT_TRANSITIONS = {
    (S.PLANNED, S.RUNNING),
    (S.PLANNED, S.STOPPED),
    (S.RUNNING, S.COMPLETED),
    (S.RUNNING, S.STOPPED),
}
MAX_MILESTONES = 50
MAX_INDICATORS = 30
MAX_MEASUREMENTS = 500


def check_fields(fields: dict, allowed: tuple[str, ...], what: str) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {what} fields: {sorted(unknown)}")


def pilot_team(pilot: PilotProject, *, exclude: User | None) -> list[User]:
    """The pilot city's staff, the innovator's members and curators, without the actor."""
    people = {
        u.pk: u
        for u in organization_members([pilot.city, pilot.innovator], verified_only=False)
        + curators()
    }
    if exclude is not None:
        people.pop(exclude.pk, None)
    return list(people.values())


def pilot_context(pilot: PilotProject, **extra) -> dict:
    return {
        "pilot": pilot.title,
        "city": pilot.city.name,
        "innovator": pilot.innovator.name,
        "challenge": pilot.challenge.title,
        **extra,
    }


def _challenge_follow(challenge: Challenge, *, to: str, by: User | None, comment: str) -> None:
    """Move the challenge as its pilots require, recorded as the actor when their role allows."""
    actor = by if by is not None and to in allowed_transitions(challenge, by) else None
    challenge_transition(challenge=challenge, to=to, by=actor, comment=comment)


def _introduction_accepted(match: Match) -> bool:
    """Both the city and the innovator accepted the introduction (double opt-in)."""
    return any(i.is_accepted for i in match.introductions.all())


def _validate_pilot(pilot: PilotProject) -> None:
    if pilot.start_date and pilot.end_date and pilot.end_date < pilot.start_date:
        raise ValidationError({"end_date": _("La fin doit suivre le début.")})
    pilot.full_clean(exclude=["match", "challenge", "solution", "city", "innovator", "created_by"])


@transaction.atomic
def pilot_start(
    *, match: Match, by: User, city: Organization | None = None, **fields
) -> PilotProject:
    """Start a pilot from an introduced match whose introduction both sides accepted."""
    check_fields(fields, PILOT_FIELDS, "pilot")
    match = (
        Match.objects.select_for_update(of=("self",))
        .select_related("challenge", "solution__organization")
        .get(pk=match.pk)
    )
    if not access.can_start_pilot(by, match):
        raise PermissionDenied
    if PilotProject.objects.filter(match=match).exists():
        raise ValidationError(_("Un projet pilote existe déjà pour ce jumelage."))
    if match.status != Match.Status.INTRODUCED:
        raise ValidationError(
            _("Un projet pilote part d'un jumelage dont la mise en relation est faite.")
        )
    if not _introduction_accepted(match):
        raise ValidationError(
            _("La ville et l'innovateur doivent d'abord accepter tous deux la mise en relation.")
        )
    challenge = match.challenge
    if challenge.status not in (Challenge.Status.PUBLISHED, Challenge.Status.IN_PILOT):
        raise ValidationError(
            _("Un projet pilote ne démarre que sur un enjeu publié ou déjà en projet pilote.")
        )
    owners = list(challenge.owners.all())
    if city is None:
        mine = {o.pk for o in city_organizations(by)}
        city = next((o for o in owners if o.pk in mine), owners[0] if owners else None)
    if city is None or city.pk not in {o.pk for o in owners}:
        raise ValidationError({"city": _("Choisissez une des villes responsables de l'enjeu.")})
    if not is_curator(by) and city.pk not in {o.pk for o in city_organizations(by)}:
        raise PermissionDenied
    fields.setdefault("title", f"{match.solution.name} — {city.name}"[:200])
    pilot = PilotProject(
        match=match,
        challenge=challenge,
        solution=match.solution,
        city=city,
        innovator=match.solution.organization,
        created_by=by,
        **fields,
    )
    _validate_pilot(pilot)
    pilot.save()
    match.status = Match.Status.PILOT
    match.save(update_fields=["status", "updated_at"])
    if challenge.status == Challenge.Status.PUBLISHED:
        _challenge_follow(
            challenge,
            to=Challenge.Status.IN_PILOT,
            by=by,
            comment=_("Projet pilote : %(title)s") % {"title": pilot.title},
        )
    notify(
        recipients=pilot_team(pilot, exclude=by),
        kind=NotificationKind.PILOT,
        event=f"pilot-started:{pilot.pk}",
        template="pilot_started",
        context=pilot_context(pilot),
        url=pilot.get_absolute_url(),
    )
    snapshots_clear()
    return pilot


def _lock_pilot(pilot: PilotProject, by: User) -> PilotProject:
    locked = (
        PilotProject.objects.select_for_update(of=("self",))
        .select_related("challenge", "city", "innovator", "solution")
        .get(pk=pilot.pk)
    )
    if not access.can_manage_pilot(by, locked):
        raise PermissionDenied
    return locked


@transaction.atomic
def pilot_update(*, pilot: PilotProject, by: User, **fields) -> PilotProject:
    check_fields(fields, PILOT_FIELDS, "pilot")
    locked = _lock_pilot(pilot, by)
    for name, value in fields.items():
        setattr(locked, name, value)
    _validate_pilot(locked)
    locked.save()
    return locked


def allowed_pilot_transitions(pilot: PilotProject, user) -> list[str]:
    if not access.can_manage_pilot(user, pilot):
        return []
    return [target for (source, target) in sorted(PILOT_TRANSITIONS) if source == pilot.status]


@transaction.atomic
def pilot_transition(
    *,
    pilot: PilotProject,
    to: str,
    by: User,
    on: date | None = None,
    stop_reason: str = "",
    lessons_learned: str | None = None,
    results_summary: str | None = None,
) -> PilotProject:
    """Move the pilot along its lifecycle; the challenge follows when the last pilot ends."""
    locked = _lock_pilot(pilot, by)
    source = locked.status
    if to not in S.values or (source, to) not in PILOT_TRANSITIONS:
        raise ValidationError(
            _("Un projet pilote « %(source)s » ne peut pas passer à « %(target)s ».")
            % {
                "source": S(source).label,
                "target": S(to).label if to in S.values else to,
            }
        )
    on = on or timezone.localdate()
    if lessons_learned is not None:
        locked.lessons_learned = lessons_learned.strip()
    if results_summary is not None:
        locked.results_summary = results_summary.strip()
    if to == S.RUNNING:
        locked.start_date = on
        if locked.end_date and locked.end_date < on:
            locked.end_date = None
    else:
        if to == S.STOPPED:
            if stop_reason not in PilotProject.StopReason.values:
                raise ValidationError({"stop_reason": _("Choisissez le motif de l'arrêt.")})
            if not locked.lessons_learned:
                raise ValidationError(
                    {
                        "lessons_learned": _(
                            "Notez les leçons apprises : un arrêt instruit autant qu'un succès."
                        )
                    }
                )
            locked.stop_reason = stop_reason
        if to == S.COMPLETED and not locked.indicators.filter(latest_value__isnull=False).exists():
            raise ValidationError(
                _("Enregistrez au moins une mesure d'un indicateur avant de terminer le projet.")
            )
        if locked.start_date and on < locked.start_date:
            raise ValidationError({"on": _("La fin doit suivre le début.")})
        locked.end_date = on
        locked.ended_at = timezone.now()
    locked.status = to
    _validate_pilot(locked)
    locked.save()
    challenge = locked.challenge
    if (
        to in PilotProject.ENDED_STATUSES
        and challenge.status == Challenge.Status.IN_PILOT
        and not challenge.pilots.filter(status__in=PilotProject.ACTIVE_STATUSES).exists()
    ):
        comment = (
            _("Projet pilote terminé : %(title)s")
            if to == S.COMPLETED
            else _("Projet pilote arrêté : %(title)s")
        ) % {"title": locked.title}
        _challenge_follow(challenge, to=Challenge.Status.CLOSED, by=by, comment=comment)
    notify(
        recipients=pilot_team(locked, exclude=by),
        kind=NotificationKind.PILOT,
        event=f"pilot-status:{locked.pk}:{to}",
        template="pilot_status",
        context=pilot_context(locked, status=to, reason=locked.stop_reason),
        url=locked.get_absolute_url(),
    )
    snapshots_clear()
    return locked


@transaction.atomic
def milestone_save(
    *, pilot: PilotProject, by: User, milestone: Milestone | None = None, **fields
) -> Milestone:
    check_fields(fields, MILESTONE_FIELDS, "milestone")
    pilot = _lock_pilot(pilot, by)
    if milestone is None:
        if pilot.milestones.count() >= MAX_MILESTONES:
            raise ValidationError(_("Un projet pilote compte au plus 50 jalons."))
        milestone = Milestone(pilot=pilot)
    elif milestone.pilot_id != pilot.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(milestone, name, value)
    milestone.full_clean(exclude=["pilot"])
    milestone.save()
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by: User) -> None:
    _lock_pilot(milestone.pilot, by)
    milestone.delete()


def _downgrade_if_verified(indicator: Indicator, by: User) -> None:
    """A verified indicator whose numbers change (not by a curator) is no longer verified."""
    if indicator.evidence_level == EvidenceLevel.VERIFIED and not is_curator(by):
        indicator.evidence_level = EvidenceLevel.MEASURED
        indicator.evidence_set_by = None
        indicator.evidence_set_at = None


def _refresh_latest(indicator: Indicator) -> None:
    latest = indicator.measurements.order_by("-measured_on", "-pk").first()
    indicator.latest_value = latest.value if latest else None
    indicator.latest_on = latest.measured_on if latest else None
    indicator.gain = indicator.compute_gain()


@transaction.atomic
def indicator_save(
    *, pilot: PilotProject, by: User, indicator: Indicator | None = None, **fields
) -> Indicator:
    check_fields(fields, INDICATOR_FIELDS, "indicator")
    pilot = _lock_pilot(pilot, by)
    if indicator is None:
        if pilot.indicators.count() >= MAX_INDICATORS:
            raise ValidationError(_("Un projet pilote compte au plus 30 indicateurs."))
        indicator = Indicator(pilot=pilot)
    elif indicator.pilot_id != pilot.pk:
        raise PermissionDenied
    changed = indicator.pk is not None and any(
        name in fields and getattr(indicator, name) != fields[name] for name in INDICATOR_NUMBERS
    )
    for name, value in fields.items():
        setattr(indicator, name, value)
    indicator.custom_unit = (indicator.custom_unit or "").strip()
    if indicator.unit == IndicatorUnit.FREE and not indicator.custom_unit:
        raise ValidationError({"custom_unit": _("Précisez l'unité.")})
    if indicator.unit != IndicatorUnit.FREE:
        indicator.custom_unit = ""
    if changed:
        _downgrade_if_verified(indicator, by)
    indicator.full_clean(exclude=["pilot", "evidence_set_by"])
    if indicator.pk:
        _refresh_latest(indicator)
    indicator.save()
    snapshots_clear()
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, by: User) -> None:
    _lock_pilot(indicator.pilot, by)
    indicator.delete()
    snapshots_clear()


@transaction.atomic
def indicator_set_evidence(*, indicator: Indicator, by: User, level: str) -> Indicator:
    """Curators say how far the figures are proven: declared, measured or verified."""
    if not is_curator(by):
        raise PermissionDenied
    if level not in EvidenceLevel.values:
        raise ValidationError({"level": _("Niveau de preuve inconnu.")})
    indicator.evidence_level = level
    indicator.evidence_set_by = by
    indicator.evidence_set_at = timezone.now()
    indicator.save(update_fields=["evidence_level", "evidence_set_by", "evidence_set_at"])
    snapshots_clear()
    return indicator


@transaction.atomic
def measurement_add(
    *, indicator: Indicator, by: User, measured_on: date, value, note: str = ""
) -> Measurement:
    pilot = _lock_pilot(indicator.pilot, by)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk, pilot=pilot)
    if indicator.measurements.count() >= MAX_MEASUREMENTS:
        raise ValidationError(_("Un indicateur compte au plus 500 mesures."))
    measurement = Measurement(
        indicator=indicator,
        measured_on=measured_on,
        value=value,
        note=(note or "").strip(),
        recorded_by=by,
    )
    measurement.full_clean(exclude=["indicator", "recorded_by"])
    measurement.save()
    _downgrade_if_verified(indicator, by)
    _refresh_latest(indicator)
    indicator.save()
    snapshots_clear()
    return measurement


@transaction.atomic
def measurement_delete(*, measurement: Measurement, by: User) -> None:
    indicator = measurement.indicator
    _lock_pilot(indicator.pilot, by)
    measurement.delete()
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    _downgrade_if_verified(indicator, by)
    _refresh_latest(indicator)
    indicator.save()
    snapshots_clear()
