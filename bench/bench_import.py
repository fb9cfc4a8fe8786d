"""Benchmark: `import_catalog` with 10,000 solutions in one file, then the same file again.

Runs on the database of the environment (`DATABASE_URL`: SQLite by default, PostgreSQL in CI),
in a throw-away test database created for the run, so the real data is never touched. Prints
the seconds of the first import and of the re-import (which must change nothing), then one JSON
line with the figures. The target of issue 4: under 60 s on SQLite and on PostgreSQL.

    python bench/bench_import.py [--solutions 10000]
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iveo_portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("CELERY_BROKER_URL", "")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from solutions.importer.services import catalog_import  # noqa: E402
from solutions.importer.validation import parse_catalog  # noqa: E402

DOMAINS = ["mobility", "water", "energy", "cybersecurity", "waste", "public-works", "buildings"]
WORDS = (
    "capteurs stationnement éclairage fuites aqueduc compteurs vélo autobus recharge bornes "
    "déneigement collecte compost chaussée nids-de-poule chauffage bâtiments thermographie "
    "inondations pluviales arbres canopée données tableau citoyens signalements sécurité "
    "cyberattaque sauvegarde réseau énergie solaire géothermie mobilité covoiturage"
).split()
REGIONS = ["quebec", "estrie", "monteregie", "capitale-nationale", "occitanie", "canada"]


def catalogue(count: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    innovators = [f"bench-innovator-{i}" for i in range(max(1, count // 200))]
    cities = [f"bench-city-{i}" for i in range(20)]
    organizations = [
        {"external_id": e, "name": f"Innovateur {i}", "kind": "innovator", "country": "CA"}
        for i, e in enumerate(innovators)
    ] + [
        {
            "external_id": e,
            "name": f"Ville banc d'essai {i}",
            "kind": "city",
            "country": "CA",
            "region": "Estrie",
            "population": rng.randint(2_000, 500_000),
        }
        for i, e in enumerate(cities)
    ]
    solutions = []
    for i in range(count):
        words = rng.sample(WORDS, 12)
        solution = {
            "external_id": f"bench-solution-{i}",
            "organization": rng.choice(innovators),
            "name": f"{words[0].capitalize()} et {words[1]} {i}",
            "summary": " ".join(words[2:8]).capitalize() + ".",
            "description": ("Notre solution combine " + ", ".join(words) + ". ") * 4,
            "domains": rng.sample(DOMAINS, rng.randint(0, 2)),
            "tags": words[8:11],
            "trl": rng.randint(4, 9),
            "language": rng.choice(["fr", "fr", "en"]),
            "regions_served": rng.sample(REGIONS, rng.randint(0, 2)),
        }
        if i % 3 == 0:
            solution["references"] = [
                {
                    "organization": rng.choice(cities),
                    "year": rng.randint(2015, 2026),
                    "kind": "deployed",
                }
            ]
        solutions.append(solution)
    return {"organizations": organizations, "solutions": solutions}


def timed_import(raw: bytes):
    started = time.perf_counter()
    report = catalog_import(parse_catalog(raw), notify=False)
    return report, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--solutions", type=int, default=10_000)
    args = parser.parse_args()
    settings_dict = connection.settings_dict
    workdir = tempfile.mkdtemp(prefix="iveo-bench-import-")
    if connection.vendor == "sqlite":
        # A file, as `make run` uses, rather than the in-memory test default.
        settings_dict.setdefault("TEST", {})["NAME"] = str(Path(workdir) / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        raw = json.dumps(catalogue(args.solutions)).encode()
        path = Path(workdir) / "catalogue.json"
        path.write_bytes(raw)
        print(f"Catalogue file: {path} ({len(raw) / 1e6:.1f} MB, {args.solutions} solutions)")
        print(f"Database: {connection.vendor}")
        report, first = timed_import(raw)
        print(f"Import: {first:.1f} s — " + " ".join(report.lines(detail=0)))
        again, second = timed_import(raw)
        changed = sum(getattr(again, s).total for s in ("organizations", "challenges", "solutions"))
        print(
            f"Re-import: {second:.1f} s — "
            + ("nothing changed." if not changed else f"{changed} records changed (expected none)!")
        )
        print(
            json.dumps(
                {
                    "bench": "import_catalog",
                    "database": connection.vendor,
                    "solutions": args.solutions,
                    "import_seconds": round(first, 2),
                    "reimport_seconds": round(second, 2),
                    "reimport_changed": changed,
                    "created": len(report.solutions.created),
                    "target_seconds": 60,
                    "ok": first < 60 and second < 60 and changed == 0,
                }
            )
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
