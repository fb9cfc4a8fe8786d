"""Pilot projects: starting from an introduced match, the lifecycle, indicators and gains."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from challenges.models import Challenge
from partners.models import Notification
from solutions.models import EvidenceLevel, Match, PilotProject
from solutions.pilots import services as pilots
from tests.solutions.helpers import open_challenge, solution_of

from .builders import indicator, introduced_match, started_pilot


def test_starting_a_pilot_puts_the_challenge_in_pilot_and_the_match_in_pilot(
    match_a, curator, city_a
):
    pilot = pilots.pilot_start(match=match_a, by=curator, budget=25000, paid_by="shared")

    match_a.refresh_from_db()
    challenge = match_a.challenge
    challenge.refresh_from_db()
    assert pilot.status == PilotProject.Status.PLANNED
    assert (pilot.city, pilot.innovator, pilot.solution) == (
        city_a,
        match_a.solution.organization,
        match_a.solution,
    )
    assert pilot.title == f"{match_a.solution.name} — {city_a.name}"
    assert match_a.status == Match.Status.PILOT
    assert challenge.status == Challenge.Status.IN_PILOT
    change = challenge.history.last()
    assert (change.from_status, change.to_status, change.by) == (
        "published",
        "in_pilot",
        curator,
    )


def test_city_staff_start_a_pilot_and_the_system_records_the_challenge_change(
    match_a, city_a_staff
):
    # Only curators may move a challenge to "in pilot": the change is recorded as the system's.
    pilot = pilots.pilot_start(match=match_a, by=city_a_staff)
    change = pilot.challenge.history.last()
    assert change.to_status == "in_pilot" and change.by is None
    assert pilot.title in change.comment


def test_a_pilot_needs_an_introduction_that_both_sides_accepted(challenge, solution_a, curator):
    pending = introduced_match(challenge, solution_a, accepted=False)
    with pytest.raises(ValidationError, match="accepter"):
        pilots.pilot_start(match=pending, by=curator)
    assert not PilotProject.objects.exists()


@pytest.mark.parametrize("status", ["suggested", "proposed", "shortlisted", "declined"])
def test_a_pilot_starts_only_from_an_introduced_match(match_a, curator, status):
    Match.objects.filter(pk=match_a.pk).update(status=status)
    match_a.refresh_from_db()
    with pytest.raises(ValidationError):
        pilots.pilot_start(match=match_a, by=curator)


def test_one_pilot_per_match(match_a, curator):
    pilots.pilot_start(match=match_a, by=curator)
    Match.objects.filter(pk=match_a.pk).update(status="introduced")
    with pytest.raises(ValidationError, match="existe déjà"):
        pilots.pilot_start(match=match_a, by=curator)


def test_other_cities_and_innovators_cannot_start_a_pilot(
    match_a, city_b_staff, innovator_a, innovator_b, unverified_user
):
    for user in (city_b_staff, innovator_a, innovator_b, unverified_user):
        with pytest.raises(PermissionDenied):
            pilots.pilot_start(match=match_a, by=user)
    assert not PilotProject.objects.exists()


def test_the_pilot_city_must_own_the_challenge(match_a, curator, city_b):
    with pytest.raises(ValidationError):
        pilots.pilot_start(match=match_a, by=curator, city=city_b)


def test_a_pilot_on_a_closed_challenge_is_refused(match_a, curator):
    Challenge.objects.filter(pk=match_a.challenge_id).update(status="closed")
    match_a.refresh_from_db()
    with pytest.raises(ValidationError):
        pilots.pilot_start(match=match_a, by=curator)


def test_dates_must_be_in_order(match_a, curator):
    with pytest.raises(ValidationError):
        pilots.pilot_start(
            match=match_a,
            by=curator,
            start_date=date(2025, 5, 1),
            end_date=date(2025, 4, 1),
        )


def test_lifecycle_planned_running_completed_closes_the_challenge(pilot_a, curator, city_a_staff):
    pilots.pilot_transition(pilot=pilot_a, to="running", by=city_a_staff, on=date(2025, 3, 2))
    indicator(pilot_a, city_a_staff, values=[(date(2025, 6, 1), "900")])
    done = pilots.pilot_transition(
        pilot=pilot_a, to="completed", by=city_a_staff, on=date(2025, 9, 1)
    )
    assert done.status == "completed"
    assert (done.start_date, done.end_date) == (date(2025, 3, 2), date(2025, 9, 1))
    assert done.ended_at is not None
    challenge = Challenge.objects.get(pk=pilot_a.challenge_id)
    assert challenge.status == Challenge.Status.CLOSED
    last = challenge.history.last()
    assert (last.from_status, last.to_status, last.by) == (
        "in_pilot",
        "closed",
        city_a_staff,
    )


def test_completing_needs_at_least_one_measurement(pilot_a, curator):
    pilots.pilot_transition(pilot=pilot_a, to="running", by=curator)
    indicator(pilot_a, curator)  # defined but never measured
    with pytest.raises(ValidationError, match="mesure"):
        pilots.pilot_transition(pilot=pilot_a, to="completed", by=curator)


def test_stopping_needs_a_reason_code_and_lessons(pilot_a, curator):
    pilots.pilot_transition(pilot=pilot_a, to="running", by=curator)
    with pytest.raises(ValidationError):
        pilots.pilot_transition(pilot=pilot_a, to="stopped", by=curator, lessons_learned="x")
    with pytest.raises(ValidationError):
        pilots.pilot_transition(pilot=pilot_a, to="stopped", by=curator, stop_reason="data")
    stopped = pilots.pilot_transition(
        pilot=pilot_a,
        to="stopped",
        by=curator,
        stop_reason="procurement",
        lessons_learned="Le contrat cadre ne permettait pas l'achat d'un service en ligne.",
    )
    assert stopped.get_stop_reason_display() == "Approvisionnement et contrats"
    assert Challenge.objects.get(pk=pilot_a.challenge_id).status == "closed"


def test_a_planned_pilot_may_be_stopped_before_it_starts(pilot_a, curator):
    pilots.pilot_transition(
        pilot=pilot_a,
        to="stopped",
        by=curator,
        stop_reason="budget",
        lessons_learned="Budget gelé.",
    )
    assert PilotProject.objects.get(pk=pilot_a.pk).status == "stopped"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("planned", "completed"),
        ("completed", "running"),
        ("stopped", "running"),
        ("running", "planned"),
        ("planned", "bogus"),
    ],
)
def test_impossible_transitions_are_refused(pilot_a, curator, source, target):
    PilotProject.objects.filter(pk=pilot_a.pk).update(
        status=source, stop_reason="other" if source == "stopped" else ""
    )
    with pytest.raises(ValidationError):
        pilots.pilot_transition(pilot=pilot_a, to=target, by=curator)


def test_the_challenge_stays_in_pilot_while_another_pilot_runs(
    city_a, innovator_a_org, innovator_b_org, curator
):
    challenge = open_challenge([city_a])
    first = started_pilot(city=city_a, innovator=innovator_a_org, by=curator, challenge=challenge)
    second = started_pilot(city=city_a, innovator=innovator_b_org, by=curator, challenge=challenge)
    pilots.pilot_transition(
        pilot=first,
        to="stopped",
        by=curator,
        stop_reason="technical",
        lessons_learned="Capteurs.",
    )
    assert Challenge.objects.get(pk=challenge.pk).status == "in_pilot"
    pilots.pilot_transition(
        pilot=second,
        to="stopped",
        by=curator,
        stop_reason="adoption",
        lessons_learned="Usagers.",
    )
    assert Challenge.objects.get(pk=challenge.pk).status == "closed"


def test_innovators_and_other_cities_cannot_change_a_pilot(pilot_a, innovator_a, city_b_staff):
    for user in (innovator_a, city_b_staff):
        with pytest.raises(PermissionDenied):
            pilots.pilot_transition(pilot=pilot_a, to="running", by=user)
        with pytest.raises(PermissionDenied):
            pilots.pilot_update(pilot=pilot_a, by=user, title="Pris")
        with pytest.raises(PermissionDenied):
            pilots.milestone_save(pilot=pilot_a, by=user, title="Jalon")
        with pytest.raises(PermissionDenied):
            pilots.indicator_save(pilot=pilot_a, by=user, name="x", kind="social", unit="hours")
    assert PilotProject.objects.get(pk=pilot_a.pk).status == "planned"


def test_starting_notifies_the_city_the_innovator_and_curators_once(
    match_a,
    curator,
    city_a_staff,
    innovator_a,
    innovator_b,
    city_b_staff,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        pilot = pilots.pilot_start(match=match_a, by=curator)
    notified = set(
        Notification.objects.filter(event=f"pilot-started:{pilot.pk}").values_list(
            "recipient__email", flat=True
        )
    )
    assert notified == {
        city_a_staff.email,
        innovator_a.email,
    }  # the acting curator is left out
    assert sorted(m.to[0] for m in mailoutbox) == sorted(notified)
    assert pilot.title in mailoutbox[0].subject


def test_status_notification_is_in_the_recipients_language(
    pilot_a, curator, innovator_a, mailoutbox, django_capture_on_commit_callbacks
):
    innovator_a.language = "en"
    innovator_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        pilots.pilot_transition(pilot=pilot_a, to="running", by=curator)
    to_innovator = [m for m in mailoutbox if m.to == [innovator_a.email]]
    assert len(to_innovator) == 1
    html = to_innovator[0].alternatives[0][0]
    assert '<html lang="en">' in html
    assert pilot_a.title in to_innovator[0].subject


# --- Milestones, indicators, measurements ----------------------------------------------------


def test_milestones_keep_their_progress(pilot_a, city_a_staff):
    milestone = pilots.milestone_save(
        pilot=pilot_a,
        by=city_a_staff,
        title="Installation",
        due_date=date(2025, 4, 1),
        progress=40,
    )
    pilots.milestone_save(pilot=pilot_a, by=city_a_staff, milestone=milestone, progress=100)
    milestone.refresh_from_db()
    assert milestone.is_done
    with pytest.raises(ValidationError):
        pilots.milestone_save(pilot=pilot_a, by=city_a_staff, title="Trop", progress=120)


def test_a_decreasing_indicator_gains_when_the_value_drops(pilot_a, city_a_staff):
    item = indicator(
        pilot_a,
        city_a_staff,
        values=[
            (date(2025, 4, 1), "950"),
            (date(2025, 7, 1), "780"),
            (date(2025, 5, 1), "900"),
        ],
    )
    # The latest measurement is the one of the latest date, not the last one typed in.
    assert (item.latest_value, item.latest_on) == (Decimal("780"), date(2025, 7, 1))
    assert item.gain == Decimal("220")
    assert item.target_reached is True


def test_an_increasing_indicator_and_removing_its_last_measurement(pilot_a, city_a_staff):
    item = indicator(
        pilot_a,
        city_a_staff,
        name="Résidents rejoints",
        kind="social",
        unit="residents",
        direction="increase",
        baseline=Decimal("0"),
        target=Decimal("500"),
        values=[(date(2025, 4, 1), "120"), (date(2025, 6, 1), "340")],
    )
    assert item.gain == Decimal("340") and item.target_reached is False
    last = item.measurements.order_by("-measured_on").first()
    pilots.measurement_delete(measurement=last, by=city_a_staff)
    item.refresh_from_db()
    assert (item.latest_value, item.gain) == (Decimal("120"), Decimal("120"))


def test_a_free_unit_needs_its_name(pilot_a, city_a_staff):
    with pytest.raises(ValidationError):
        pilots.indicator_save(
            pilot=pilot_a, by=city_a_staff, name="Places", kind="social", unit="free"
        )
    item = pilots.indicator_save(
        pilot=pilot_a,
        by=city_a_staff,
        name="Places",
        kind="social",
        unit="free",
        custom_unit="places de stationnement",
    )
    assert item.unit_label == "places de stationnement"


def test_only_curators_set_the_evidence_level(pilot_a, curator, city_a_staff):
    item = indicator(pilot_a, city_a_staff)
    with pytest.raises(PermissionDenied):
        pilots.indicator_set_evidence(indicator=item, by=city_a_staff, level="verified")
    pilots.indicator_set_evidence(indicator=item, by=curator, level="verified")
    item.refresh_from_db()
    assert (item.evidence_level, item.evidence_set_by) == (
        EvidenceLevel.VERIFIED,
        curator,
    )


def test_a_verified_indicator_changed_by_the_city_is_no_longer_verified(
    pilot_a, curator, city_a_staff
):
    item = indicator(pilot_a, city_a_staff)
    pilots.indicator_set_evidence(indicator=item, by=curator, level="verified")
    pilots.measurement_add(
        indicator=item,
        by=city_a_staff,
        measured_on=date(2025, 5, 1),
        value=Decimal("500"),
    )
    item.refresh_from_db()
    assert item.evidence_level == EvidenceLevel.MEASURED
    # A curator's own change keeps what they verified.
    pilots.indicator_set_evidence(indicator=item, by=curator, level="verified")
    pilots.measurement_add(
        indicator=item, by=curator, measured_on=date(2025, 6, 1), value=Decimal("510")
    )
    item.refresh_from_db()
    assert item.evidence_level == EvidenceLevel.VERIFIED


def test_changing_the_baseline_recomputes_the_gain(pilot_a, city_a_staff):
    item = indicator(pilot_a, city_a_staff, values=[(date(2025, 5, 1), "700")])
    assert item.gain == Decimal("300")
    pilots.indicator_save(pilot=pilot_a, by=city_a_staff, indicator=item, baseline=Decimal("750"))
    item.refresh_from_db()
    assert item.gain == Decimal("50")


def test_a_milestone_of_another_pilot_cannot_be_edited_through_this_one(
    pilot_a, city_a, innovator_b_org, curator
):
    other = started_pilot(city=city_a, innovator=innovator_b_org, by=curator)
    milestone = pilots.milestone_save(pilot=other, by=curator, title="Autre")
    with pytest.raises(PermissionDenied):
        pilots.milestone_save(pilot=pilot_a, by=curator, milestone=milestone, title="Volé")


def test_solution_of_another_organisation_is_the_innovator_of_its_pilot(
    city_a, innovator_b_org, curator
):
    challenge = open_challenge([city_a])
    match = introduced_match(challenge, solution_of(innovator_b_org))
    pilot = pilots.pilot_start(match=match, by=curator)
    assert pilot.innovator == innovator_b_org
