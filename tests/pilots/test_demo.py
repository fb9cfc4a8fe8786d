"""The demo pilots and case studies of `seed_demo`: what the issue asks for, and idempotent."""

from django.core.management import call_command

from solutions.models import CaseStudy, CaseStudyCopy, Indicator, PilotProject


def _counts() -> tuple:
    return tuple(m.objects.count() for m in (PilotProject, Indicator, CaseStudy, CaseStudyCopy))


def test_seed_demo_creates_pilots_and_case_studies_once(db, client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    completed = PilotProject.objects.filter(status="completed", case_study__status="published")
    assert any(p.indicators.count() >= 2 for p in completed)
    stopped = PilotProject.objects.get(status="stopped")
    assert stopped.stop_reason and stopped.lessons_learned and stopped.case_study.is_published
    copy = CaseStudyCopy.objects.get()
    assert copy.city != copy.case_study.pilot.city
    assert copy.challenge.pilots.filter(status="completed").exists()
    assert Indicator.objects.filter(unit="EUR").exists() and Indicator.objects.filter(unit="CAD")
    before = _counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert _counts() == before
    # The demo pages open.
    assert client.get(copy.case_study.get_absolute_url()).status_code == 200
    assert client.get("/solutions/impact/").status_code == 200
