"""Benchmark: the impact dashboard at 100,000 challenges and 10,000 pilots.

Runs on the database of the environment (`DATABASE_URL`: SQLite by default, PostgreSQL in CI),
in a throw-away test database created for the run, so the real data is never touched. It
bulk-creates the data (cities, innovators, solutions, challenges with owners and domains,
proposals, pilots with two indicators each), then requests the dashboard through Django's test
client, as a visitor and as a curator, unfiltered and filtered, and prints each scenario's p50
and p95 in milliseconds, then one JSON line with the figures. The target of issue 6: one
request under 300 ms p95.

Two figures per scenario: "served" is what visitors get (the page rendered from its snapshot,
see `solutions.impact`; the target applies to it), "summed again" clears the snapshots before
every request, so that every figure is computed from the 100,000 challenges (the first visitor
after a change to pilots, or after the snapshot expired).

    python bench/bench_dashboard.py [--challenges 100000] [--pilots 10000] [--requests 30]
"""

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iveo_portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("CELERY_BROKER_URL", "")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault(
    "STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from challenges.models import Challenge, Domain  # noqa: E402
from partners.models import Membership, Organization, User  # noqa: E402
from solutions.impact.services import snapshots_clear  # noqa: E402
from solutions.models import Indicator, Match, PilotProject, Solution  # noqa: E402

TARGET_MS = 300
REGIONS = [
    "Montérégie", "Estrie", "Capitale-Nationale", "Laurentides", "Lanaudière", "Mauricie",
    "Outaouais", "Bas-Saint-Laurent",
]  # fmt: skip
UNITS = [
    ("CAD", "economic"), ("EUR", "economic"), ("kWh", "environmental"), ("m3", "environmental"),
    ("tCO2e", "environmental"), ("hours", "social"), ("residents", "social"),
    ("incidents", "social"),
]  # fmt: skip
STATUSES = (
    ["published"] * 40 + ["closed"] * 25 + ["in_pilot"] * 5 + ["draft"] * 15
    + ["submitted"] * 5 + ["archived"] * 10
)  # fmt: skip
BATCH = 5000


def moment(rng: random.Random) -> datetime:
    start = datetime(2016, 1, 1, tzinfo=timezone.get_current_timezone())
    return start + timedelta(days=rng.randint(0, 3900), seconds=rng.randint(0, 86_000))


def seed(challenges: int, pilots: int, rng: random.Random) -> dict:
    domains = list(Domain.objects.all())
    iveo = Organization.objects.create(kind="iveo", name="IVÉO", slug="iveo", status="verified")
    curator = User.objects.create_user(email="curator@bench.test", password=None)
    Membership.objects.create(user=curator, organization=iveo, role="admin")
    cities = Organization.objects.bulk_create(
        Organization(
            kind="city", name=f"Ville {i}", slug=f"ville-{i}", region=rng.choice(REGIONS),
            status="verified", population=rng.randint(2_000, 500_000),
        )
        for i in range(200)
    )  # fmt: skip
    cities.append(
        Organization.objects.create(
            kind="partner", name="Perpignan", slug="perpignan", region="Occitanie",
            country="FR", status="verified",
        )
    )  # fmt: skip
    innovators = Organization.objects.bulk_create(
        Organization(kind="innovator", name=f"Innovateur {i}", slug=f"inno-{i}", status="verified")
        for i in range(300)
    )
    solutions = Solution.objects.bulk_create(
        Solution(
            organization=rng.choice(innovators), name=f"Solution {i}",
            description="Une solution.", status="published", published_at=moment(rng),
        )
        for i in range(3000)
    )  # fmt: skip
    # Challenges, their owners and domains, in batches.
    owner_through = Challenge.owners.through
    domain_through = Challenge.domains.through
    pilot_candidates: list[tuple[int, int]] = []
    for start in range(0, challenges, BATCH):
        rows = []
        for _ in range(min(BATCH, challenges - start)):
            status = rng.choice(STATUSES)
            published = None if status in ("draft", "submitted") else moment(rng)
            rows.append(
                Challenge(
                    title=f"Enjeu {start + len(rows)}", description="Un besoin de la ville.",
                    status=status, published_at=published,
                    visibility="network" if rng.random() < 0.15 else "public",
                    currency="CAD",
                )
            )  # fmt: skip
        created = Challenge.objects.bulk_create(rows)
        owners, links = [], []
        for challenge in created:
            city = rng.choice(cities)
            owners.append(owner_through(challenge_id=challenge.pk, organization_id=city.pk))
            if rng.random() < 0.05:
                other = rng.choice(cities)
                if other.pk != city.pk:
                    owners.append(
                        owner_through(challenge_id=challenge.pk, organization_id=other.pk)
                    )
            for domain in rng.sample(domains, rng.randint(1, 2)):
                links.append(domain_through(challenge_id=challenge.pk, domain_id=domain.pk))
            if challenge.status in ("closed", "in_pilot", "published"):
                pilot_candidates.append((challenge.pk, city.pk))
        owner_through.objects.bulk_create(owners)
        domain_through.objects.bulk_create(links)
    # Proposals (innovators engaged) and the pilots' matches.
    rng.shuffle(pilot_candidates)
    chosen = pilot_candidates[:pilots]
    proposals = [
        Match(
            challenge_id=challenge_id, solution=rng.choice(solutions), status="proposed",
            origin="innovator", score=0.5,
        )
        for challenge_id, _city in pilot_candidates[pilots : pilots + 20_000]
    ]  # fmt: skip
    Match.objects.bulk_create(proposals, batch_size=BATCH, ignore_conflicts=True)
    pilot_matches = Match.objects.bulk_create(
        [
            Match(challenge_id=c, solution=rng.choice(solutions), status="pilot", origin="curator")
            for c, _city in chosen
        ],
        batch_size=BATCH,
    )
    pilot_statuses = ["completed"] * 50 + ["stopped"] * 15 + ["running"] * 20 + ["planned"] * 15
    pilot_rows = []
    for match, (_challenge_id, city_id) in zip(pilot_matches, chosen, strict=True):
        status = rng.choice(pilot_statuses)
        begin = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3600))
        pilot_rows.append(
            PilotProject(
                match=match, challenge_id=match.challenge_id, solution=match.solution,
                city_id=city_id, innovator_id=match.solution.organization_id,
                title=f"Pilote {match.pk}", status=status, start_date=begin,
                end_date=begin + timedelta(days=rng.randint(60, 400)),
                budget=rng.randint(5_000, 200_000), currency="CAD",
                stop_reason=rng.choice(PilotProject.StopReason.values) if status == "stopped" else "",
            )
        )  # fmt: skip
    created_pilots = PilotProject.objects.bulk_create(pilot_rows, batch_size=BATCH)
    indicators = []
    for pilot in created_pilots:
        for unit, kind in rng.sample(UNITS, 2):
            baseline = Decimal(rng.randint(100, 100_000))
            latest = baseline * Decimal(rng.randint(50, 110)) / 100
            indicator = Indicator(
                pilot=pilot, name=f"Indicateur {unit}", kind=kind, unit=unit,
                direction="decrease", baseline=baseline, latest_value=latest,
                latest_on=pilot.end_date,
                evidence_level=rng.choice(["declared", "measured", "verified"]),
            )  # fmt: skip
            indicator.gain = indicator.compute_gain()
            indicators.append(indicator)
    Indicator.objects.bulk_create(indicators, batch_size=BATCH)
    return {"curator": curator, "domain": domains[0].slug, "region": REGIONS[0]}


def timed(client: Client, params: dict, count: int, *, cold: bool) -> dict:
    """p50 and p95 of `count` requests; `cold`: no snapshot, every figure summed again."""
    client.get("/solutions/impact/", params)  # warm-up: template loading, connection
    durations = []
    for _ in range(count):
        if cold:
            snapshots_clear()
        started = time.perf_counter()
        response = client.get("/solutions/impact/", params)
        durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    durations.sort()
    p95 = durations[max(0, int(round(0.95 * len(durations))) - 1)]
    return {"p50_ms": round(statistics.median(durations), 1), "p95_ms": round(p95, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--challenges", type=int, default=100_000)
    parser.add_argument("--pilots", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="iveo-bench-dashboard-")
    if connection.vendor == "sqlite":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = str(
            Path(workdir) / "bench.sqlite3"
        )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        rng = random.Random(11)
        started = time.perf_counter()
        with transaction.atomic():
            context = seed(args.challenges, args.pilots, rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"Database: {connection.vendor}; seeded {args.challenges} challenges and "
            f"{args.pilots} pilots in {time.perf_counter() - started:.0f} s"
        )
        visitor, curator = Client(), Client()
        curator.force_login(context["curator"])
        scenarios = {
            "visitor": (visitor, {}),
            "visitor_filtered": (
                visitor,
                {"domain": context["domain"], "region": context["region"], "year": "2022"},
            ),
            "curator": (curator, {}),
            "curator_filtered": (curator, {"domain": context["domain"], "year": "2021"}),
        }
        results, cold = {}, {}
        for name, (client, params) in scenarios.items():
            results[name] = timed(client, params, args.requests, cold=False)
            cold[name] = timed(client, params, max(args.requests // 3, 5), cold=True)
            print(
                f"{name:18} served  p50 {results[name]['p50_ms']:7.1f} ms  "
                f"p95 {results[name]['p95_ms']:7.1f} ms   |   summed again  "
                f"p50 {cold[name]['p50_ms']:7.1f} ms  p95 {cold[name]['p95_ms']:7.1f} ms"
            )
        worst = max(r["p95_ms"] for r in results.values())
        worst_cold = max(r["p95_ms"] for r in cold.values())
        print(
            json.dumps(
                {
                    "bench": "impact_dashboard",
                    "database": connection.vendor,
                    "challenges": args.challenges,
                    "pilots": args.pilots,
                    "requests": args.requests,
                    "scenarios": results,
                    "cold_scenarios": cold,
                    "p95_ms": worst,
                    "cold_p95_ms": worst_cold,
                    "target_ms": TARGET_MS,
                    "ok": worst < TARGET_MS,
                }
            )
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
