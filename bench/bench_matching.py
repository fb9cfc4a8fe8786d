"""Benchmark: the matching engine at 100,000 solutions, and a 5,000-recipient fan-out.

In a throw-away test database of the environment's `DATABASE_URL` (PostgreSQL: the engine's
targets hold there), `seed_bench` builds 100,000 challenges, 100,000 solutions and 20,000
people. Then:

1. `suggest_matches` (in process, `--json`) for 200 varied challenges: p50 and p95 in ms, and
   the same for two hand-written single SQL full-text queries over the same data (an OR
   tsquery of all the challenge's words, or of its title and tags only; `ts_rank`, top 10),
   run in the same process; the ratio of the p50s, against the faster of the two.
   Targets: p95 <= 50 ms, ratio <= 1.5.
2. Fan-out: a challenge whose alerts fit 5,000 people is published; a real Celery worker (own
   redis-server, one worker node started as the README starts it: prefork, one process per
   CPU) delivers the e-mails to an SMTP sink (aiosmtpd); the time from the publication to the
   last e-mail accepted, and how many people got more than one. Target: <= 60 s. Skipped
   without redis-server.

Prints the figures, then one JSON line with `match_p50_ms`, `match_p95_ms`,
`match_vs_sql_ratio`, `fanout_5000_s`.

    python bench/bench_matching.py [--solutions 100000] [--challenges 100000] [--users 20000]
                                   [--queries 200] [--fanout 5000]
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iveo_portal.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("CELERY_BROKER_URL", "")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from challenges.models import Challenge  # noqa: E402
from challenges.search import normalize  # noqa: E402
from partners.models import Subscription, User  # noqa: E402
from solutions.matching.words import STOP_WORDS  # noqa: E402

TARGETS = {"match_p95_ms": 50, "match_vs_sql_ratio": 1.5, "fanout_5000_s": 60}


def percentiles(durations: list[float]) -> tuple[float, float]:
    durations = sorted(durations)
    p95 = durations[max(0, int(round(0.95 * len(durations))) - 1)]
    return round(statistics.median(durations), 2), round(p95, 2)


def plain_sql(challenge: Challenge, *, title_only: bool = False) -> list:
    """A hand-written baseline: any word of the challenge (or of its title and tags), ranked by
    `ts_rank`, top 10, in one statement over the same stored vectors and GIN index."""
    parts = [challenge.title, *challenge.tags]
    if not title_only:
        parts += [challenge.summary, challenge.description]
    words = sorted(
        {w for w in re.findall(r"[a-z0-9]+", normalize(" ".join(parts))) if w not in STOP_WORDS}
    )
    config = "iveo_en" if challenge.language == "en" else "iveo_fr"
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT s.id, ts_rank(s.search_document, q) AS rank
            FROM solutions_solution s, to_tsquery(%s::regconfig, %s) q
            WHERE s.status = 'published' AND s.search_document @@ q
            ORDER BY rank DESC LIMIT 10
            """,
            [config, " | ".join(words) or "''"],
        )
        return cursor.fetchall()


def _time(function, sample: list[Challenge]) -> list[float]:
    durations = []
    for challenge in sample:
        started = time.perf_counter()
        function(challenge)
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def bench_matching(sample: list[Challenge]) -> dict:
    def engine(challenge):
        call_command("suggest_matches", str(challenge.pk), "--json", stdout=StringIO())

    baselines = {
        "all words": lambda c: plain_sql(c),
        "title and tags": lambda c: plain_sql(c, title_only=True),
    }
    for function in (engine, *baselines.values()):  # warm the caches
        _time(function, sample[:5])
    p50, p95 = percentiles(_time(engine, sample))
    print(f"suggest_matches             p50 {p50:8.2f} ms   p95 {p95:8.2f} ms   ({len(sample)})")
    figures = {"match_p50_ms": p50, "match_p95_ms": p95}
    fastest = None
    for name, function in baselines.items():
        sql_p50, sql_p95 = percentiles(_time(function, sample))
        print(f"plain SQL, {name:16} p50 {sql_p50:8.2f} ms   p95 {sql_p95:8.2f} ms")
        key = name.replace(" ", "_")
        figures[f"sql_{key}_p50_ms"], figures[f"sql_{key}_p95_ms"] = sql_p50, sql_p95
        fastest = sql_p50 if fastest is None else min(fastest, sql_p50)
    # Against the faster baseline: the conservative ratio.
    figures["match_vs_sql_ratio"] = round(p50 / fastest, 2) if fastest else None
    print(f"ratio to the faster plain query (p50): {figures['match_vs_sql_ratio']}")
    return figures


def bench_fanout(recipients: int, workdir: Path) -> float | None:
    """Seconds from the publication to the last of the `recipients` alert e-mails accepted.

    One worker node started as the README starts it in production (`celery -A iveo_portal
    worker`: the prefork pool, one child process per CPU, each sending its own batches), with
    the production default of persistent database connections; the sink only counts who
    received how many messages.
    """
    if not shutil.which("redis-server"):
        print("fan-out: skipped (no redis-server)")
        return None
    from tests.realstack.conftest import RedisServer, Sink, Stack
    from tests.solutions.helpers import open_challenge

    city = Challenge.objects.first().owners.first()
    challenge = open_challenge(
        [city],
        publish=False,
        title="Fan-out: compteurs d'eau intelligents",
        summary="Télérelève des compteurs d'eau.",
        description="Lire les compteurs d'eau à distance.",
        domains=["water"],
    )
    tag = random.getrandbits(32)
    people = User.objects.bulk_create(
        [User(email=f"fanout-{tag}-{i}@example.org", password="!") for i in range(recipients)]
    )
    Subscription.objects.bulk_create(
        [Subscription(user=u, keywords=["compteurs d'eau"]) for u in people]
    )
    settings = connection.settings_dict
    database = (
        f"postgres://{settings['USER'] or 'postgres'}"
        f"{':' + settings['PASSWORD'] if settings['PASSWORD'] else ''}"
        f"@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    redis_server = RedisServer(workdir)
    redis_server.start()
    sink = Sink(parse=False)  # counts recipients: parsing would take CPU from the worker
    sink.controller.start()
    stack = Stack(workdir, database, redis_server, sink)
    stack.env["CELERY_SWEEP_GRACE_SECONDS"] = "300"
    # The production default (persistent connections), not the tests' one connection per task.
    del stack.env["DATABASE_CONN_MAX_AGE"]
    try:
        stack.start_worker(pool="prefork")
        print(
            f"fan-out: one worker node, prefork pool, {os.cpu_count()} processes (celery's "
            "default, one per CPU)"
        )
        started = time.monotonic()
        stack.publish(challenge.pk)
        expected = {u.email for u in people}
        deadline = started + 600
        while time.monotonic() < deadline:
            with sink.lock:
                if len(sink.messages) >= recipients and expected <= sink.received.keys():
                    break
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        with sink.lock:
            delivered = len(expected & sink.received.keys())
            doubled = sum(1 for address in expected if sink.received[address] > 1)
        print(
            f"fan-out: {delivered}/{recipients} e-mails delivered in {elapsed:.1f} s"
            f" ({doubled} people received more than one)"
        )
        return round(elapsed, 1) if delivered == recipients else None
    finally:
        stack.stop()
        sink.controller.stop()
        redis_server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--solutions", type=int, default=100_000)
    parser.add_argument("--challenges", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--fanout", type=int, default=5000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="iveo-bench-matching-"))
    if connection.vendor == "sqlite":
        connection.settings_dict.setdefault("TEST", {})["NAME"] = str(workdir / "bench.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    figures: dict = {"bench": "matching", "database": connection.vendor}
    try:
        started = time.perf_counter()
        call_command(
            "seed_bench",
            challenges=args.challenges,
            solutions=args.solutions,
            users=args.users,
            stdout=StringIO(),
        )
        figures["seed_s"] = round(time.perf_counter() - started, 1)
        print(
            f"Database: {connection.vendor}; seed_bench {args.challenges} challenges, "
            f"{args.solutions} solutions, {args.users} people in {figures['seed_s']} s"
        )
        rng = random.Random(7)
        ids = list(Challenge.objects.values_list("pk", flat=True))
        sample = list(Challenge.objects.filter(pk__in=rng.sample(ids, min(args.queries, len(ids)))))
        if connection.vendor == "postgresql":
            figures.update(bench_matching(sample))
            figures["fanout_5000_s"] = bench_fanout(args.fanout, workdir)
        else:
            print("The matching targets are for PostgreSQL: set DATABASE_URL.")
            figures.update(
                {"match_p50_ms": None, "match_p95_ms": None, "match_vs_sql_ratio": None,
                 "fanout_5000_s": None}
            )  # fmt: skip
        figures["targets"] = TARGETS
        print(json.dumps(figures))
    finally:
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
