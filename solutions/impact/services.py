"""The impact dashboard: its tables assembled, and the snapshots that cache them."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from solutions.case_studies.models import CaseStudyCopy
from solutions.impact.models import ImpactSnapshot
from solutions.impact.selectors import (
    Filters,
    challenges_by_domain,
    challenges_by_year,
    engagement_by_year,
    evidence_breakdown,
    gain_chart_tables,
    gain_tables,
    pilot_facts,
    pilots_by_outcome,
    scope_of,
    stop_reasons,
)

SNAPSHOT_SECONDS = 300


def snapshot_seconds() -> int:
    return getattr(settings, "IMPACT_SNAPSHOT_SECONDS", SNAPSHOT_SECONDS)


def snapshot_key(scope: str, *, domain=None, region: str = "", year=None, language: str) -> str:
    return ":".join(
        ["impact", scope, domain.slug if domain else "", region, str(year or ""), language]
    )[:200]


def snapshot_get(key: str) -> ImpactSnapshot | None:
    """The snapshot of this key, if it is recent enough."""
    fresh = timezone.now() - timedelta(seconds=snapshot_seconds())
    return ImpactSnapshot.objects.filter(key=key, computed_at__gte=fresh).first()


def snapshot_put(key: str, html: str) -> ImpactSnapshot:
    snapshot = ImpactSnapshot(key=key, html=html, computed_at=timezone.now())
    ImpactSnapshot.objects.bulk_create(
        [snapshot],
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["html", "computed_at"],
    )
    return snapshot


def snapshots_clear() -> None:
    """Pilots changed: the next visitor sees the new figures."""
    ImpactSnapshot.objects.all().delete()


def impact_dashboard(
    user, *, domain=None, region: str = "", year=None, years: tuple[int, ...] = ()
) -> dict:
    f = Filters(scope=scope_of(user), domain=domain, region=region, year=year, years=tuple(years))
    engagement, engaged = engagement_by_year(f)
    by_domain, by_domain_year = challenges_by_domain(f)
    facts = pilot_facts(f)
    tables = {
        "challenges_year": challenges_by_year(f),
        "challenges_domain": by_domain,
        "challenges_domain_year": by_domain_year,
        "engagement": engagement,
        "pilots": pilots_by_outcome(facts),
    }
    gains = gain_tables(facts)
    result = {
        "scope": f.scope,
        "tables": tables,
        "totals": {
            "challenges": sum(t for _label, _cells, t in tables["challenges_year"].cells()),
            "pilots": len(facts.pilots),
            **engaged,
        },
        "gains": gains,
        "gain_charts": gain_chart_tables(gains),
    }
    if f.scope == "curator":
        result["stop_reasons"] = stop_reasons(facts)
        result["evidence"] = evidence_breakdown(facts)
        result["copies"] = CaseStudyCopy.objects.count()
    return result
