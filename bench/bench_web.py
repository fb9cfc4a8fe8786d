"""Benchmark: the portal served by gunicorn under load, at 100,000 challenges.

In a throw-away database next to the environment's `DATABASE_URL` (PostgreSQL only: the
portal's speed targets hold there; on SQLite the benchmark says so and stops), `seed_bench`
builds 100,000 challenges, 100,000 solutions and 20,000 people. Its challenges are all
published on the same instant; the benchmark then spreads them as a real catalogue is spread
(deterministically, from their ids): publication dates over ten years, 40 % in pilot, closed,
draft, submitted or archived, one in ten for the network only, deadlines and budgets for most.

The project is then served by gunicorn (sync workers, `DEBUG` off, settings from the
environment as in production, plain HTTP on the loopback address; the cache is a Redis of the
benchmark's own, shared by the workers as in production, or each worker's memory without
redis-server or with `--local-cache`), and after 3 s of warm-up per page, a load tool runs 16
concurrent clients for 30 s on each of, in turn:

- `trivial`: `/ping/`, a tiny plain-text Django view (the baseline);
- `catalogue`: the catalogue with facets, filters, a search query, sorts and pages (varied URLs);
- `detail`: the page of a challenge (200 varied challenges a visitor may see).

The load tool is wrk (Debian's `wrk`; installed with apt-get when missing and allowed), else a
small Python load generator (threads and `http.client`, same clients and duration, less
precise: it shares the 2 cores with the server). Prints p50/p95 in ms and the throughput of
each, the catalogue's throughput as a fraction of the baseline's; before that, one request of
each page in this process, nothing cached then cached again (time and SQL queries: what a page
costs the first time, after each change of the catalogue, and afterwards). Then one JSON line
with `list_p95_ms`, `detail_p95_ms` and `list_vs_trivial_ratio`. Targets (issue 7): catalogue p95 <= 80 ms and >= 0.5 of the
baseline's throughput; detail p95 <= 40 ms.

    python bench/bench_web.py [--challenges 100000] [--solutions 100000] [--users 20000]
                              [--clients 16] [--seconds 30] [--workers N] [--keepdb]

`--keepdb` keeps the seeded database for the next run (which then skips the seeding): for
profiling, not for `make bench`.
"""

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from io import StringIO
from pathlib import Path
from urllib.parse import urlencode

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

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from challenges.models import Challenge, Domain  # noqa: E402
from partners.models import Organization  # noqa: E402

TARGETS = {"list_p95_ms": 80, "list_vs_trivial_ratio": 0.5, "detail_p95_ms": 40}
EMPTY = {"list_p95_ms": None, "detail_p95_ms": None, "list_vs_trivial_ratio": None}
SEARCHES = [
    "stationnement",
    "compteurs d'eau",
    "éclairage public",
    "capteurs",
    "déneigement",
    "parking sensors",
    "fuites aqueduc",
    "recharge véhicules électriques",
]
REGIONS = ["Montérégie", "Estrie", "Capitale-Nationale", "Laurentides", "Occitanie"]


# --- Data -----------------------------------------------------------------------------------


def spread_catalogue() -> None:
    """Give the seeded challenges the spread of a real catalogue (statuses, dates, visibility,
    deadlines, budgets), deterministically from their ids, then refresh the statistics."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE challenges_challenge SET
              status = CASE
                WHEN id % 20 IN (0, 1) THEN 'in_pilot'
                WHEN id % 20 IN (2, 3, 4) THEN 'closed'
                WHEN id % 20 = 5 THEN 'draft'
                WHEN id % 20 = 6 THEN 'submitted'
                WHEN id % 20 = 7 THEN 'archived'
                ELSE 'published' END,
              visibility = CASE WHEN id % 10 = 9 THEN 'network' ELSE 'public' END,
              published_at = CASE WHEN id % 20 IN (5, 6) THEN NULL
                ELSE now() - make_interval(days => ((id * 7919) % 3650)::int,
                                          secs => (id % 86400)::float8) END,
              proposals_deadline = CASE WHEN id % 7 = 0 THEN NULL
                ELSE current_date + ((id * 31) % 400 - 100)::int END,
              budget_min = CASE WHEN id % 3 = 0 THEN NULL ELSE ((id * 37) % 50) * 1000 END,
              budget_max = CASE WHEN id % 3 = 0 THEN NULL
                ELSE ((id * 37) % 50) * 1000 + (id % 20 + 1) * 5000 END,
              currency = CASE WHEN id % 9 = 0 THEN 'EUR' ELSE 'CAD' END
            """
        )
        # The UPDATE left a dead copy of every row: vacuum as autovacuum soon would.
        cursor.execute('VACUUM ANALYZE "challenges_challenge"')
        for table in (
            "challenges_challenge_owners",
            "challenges_challenge_domains",
            "partners_organization",
        ):
            cursor.execute(f'ANALYZE "{table}"')


def seed(args) -> float | None:
    started = time.perf_counter()
    fresh = not Challenge.objects.exists()  # else --keepdb: seeded by an earlier run
    if fresh:
        call_command(
            "seed_bench",
            challenges=args.challenges,
            solutions=args.solutions,
            users=args.users,
            stdout=StringIO(),
        )
    if fresh or not Challenge.objects.exclude(status=Challenge.Status.PUBLISHED).exists():
        spread_catalogue()
    return round(time.perf_counter() - started, 1) if fresh else None


def catalogue_paths(rng: random.Random) -> list[str]:
    """Varied catalogue URLs: facets alone and combined, search, sorts, later pages."""
    slugs = list(Domain.objects.values_list("slug", flat=True))
    cities = list(
        Organization.objects.filter(kind=Organization.Kind.CITY).values_list("slug", flat=True)
    )
    queries: list[dict | list] = [
        {},
        {"page": 2},
        {"page": 7},
        {"sort": "deadline"},
        {"open": "true"},
        {"status": "closed"},
        {"language": "en"},
        {"budget_min": 10000, "budget_max": 60000, "currency": "CAD"},
        {"q": "stationnement"},
    ]
    for i in range(12):
        queries.append({"domain": rng.choice(slugs), "open": "true" if i % 2 else ""})
        queries.append([("domain", s) for s in rng.sample(slugs, 2)] + [("sort", "deadline")])
        queries.append({"region": rng.choice(REGIONS), "domain": rng.choice(slugs)})
        queries.append({"city": rng.choice(cities)})
        queries.append({"q": rng.choice(SEARCHES)})
        queries.append({"q": rng.choice(SEARCHES), "domain": rng.choice(slugs), "page": 2})
        queries.append({"q": rng.choice(SEARCHES), "sort": "newest", "language": "fr"})
    paths = []
    for query in queries:
        items = query.items() if isinstance(query, dict) else query
        items = [(k, v) for k, v in items if v != ""]
        paths.append("/challenges/" + ("?" + urlencode(items) if items else ""))
    return paths


def detail_paths(rng: random.Random, count: int = 200) -> list[str]:
    visible = Challenge.objects.filter(
        status__in=Challenge.PUBLIC_STATUSES, visibility=Challenge.Visibility.PUBLIC
    )
    ids = list(visible.values_list("pk", flat=True))
    return [f"/challenges/{pk}/" for pk in rng.sample(ids, min(count, len(ids)))]


def in_process(paths: list[str]) -> dict:
    """One request of each path in this process (Django's test client, one at a time): the
    first time (`cold`: nothing cached), then again (`warm`: counts and lists cached). The most
    SQL queries, and p50/p95 in ms, of each."""
    client = Client()
    times: dict[str, list[float]] = {"cold": [], "warm": []}
    most = {"cold": 0, "warm": 0}
    for path in paths:
        for state in ("cold", "warm"):
            reset_queries()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            times[state].append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code} in process")
            most[state] = max(most[state], len(queries))
    figures = {}
    for state, values in times.items():
        p50, p95 = percentiles(values)
        figures.update({f"{state}_queries": most[state], f"{state}_p50_ms": p50,
                        f"{state}_p95_ms": p95})  # fmt: skip
    return figures


def percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    p95 = values[max(0, int(round(0.95 * len(values))) - 1)]
    return round(statistics.median(values), 2), round(p95, 2)


# --- Server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return (
        f"postgres://{s['USER'] or 'postgres'}{password}"
        f"@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    )


class Gunicorn:
    def __init__(self, workers: int, workdir: Path, cache_url: str):
        self.port = free_port()
        self.workers = workers
        self.log = workdir / "gunicorn.log"
        self.env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": "",
            "CACHE_URL": cache_url,
            "LOG_LEVEL": "WARNING",
            "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [
            str(gunicorn) if gunicorn.exists() else "gunicorn",
            "iveo_portal.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            "sync",
            "--backlog",
            "256",
            "--timeout",
            "60",
        ]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if get(self.port, "/ping/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not start:\n" + self.log.read_text()[-3000:])

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def get(port: int, path: str) -> tuple[int, float]:
    """One GET on a fresh connection: (status, seconds)."""
    started = time.perf_counter()
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        conn.close()


# --- Load -----------------------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
local threads = {}

setup = function(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

init = function(args)
  counter = tonumber(offset) or 0
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %%d, "seconds": %%.3f, "p50_ms": %%.2f, "p95_ms": %%.2f, '
    .. '"p99_ms": %%.2f, "max_ms": %%.2f, "errors": %%d, "non_2xx": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def ensure_wrk() -> str | None:
    """wrk's path; installs Debian's package when missing and we may (root, apt-get)."""
    found = shutil.which("wrk")
    if found or not shutil.which("apt-get") or os.geteuid() != 0:
        return found
    print("wrk is missing: installing Debian's package (apt-get install wrk)", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "wrk"]
    for commands in ([install], [["apt-get", "update", "-qq"], install]):
        try:
            for command in commands:
                subprocess.run(command, env=env, check=True, capture_output=True, timeout=180)
        except (subprocess.SubprocessError, OSError):
            continue
        if shutil.which("wrk"):
            return shutil.which("wrk")
    print("wrk could not be installed: falling back to the Python load generator")
    return None


def run_wrk(wrk: str, port: int, paths: list[str], clients: int, seconds: int, workdir: Path):
    script = workdir / "paths.lua"
    script.write_text(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
    command = [
        wrk,
        "--threads",
        str(min(2, clients)),
        "--connections",
        str(clients),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "10s",
        "--script",
        str(script),
        f"http://127.0.0.1:{port}",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    for line in result.stdout.splitlines():
        if line.startswith("WRK "):
            figures = json.loads(line[4:])
            figures["rps"] = round(figures["requests"] / figures["seconds"], 1)
            return figures
    raise SystemExit(f"wrk failed ({result.returncode}): {result.stdout}\n{result.stderr}")


def run_python(port: int, paths: list[str], clients: int, seconds: int) -> dict:
    """The fallback load generator: `clients` threads, each sending GETs one after the other
    for `seconds`, on fresh connections (gunicorn's sync workers close them anyway)."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures = [0] * clients
    non_2xx = [0] * clients
    stop_at = time.perf_counter() + seconds

    def client(n: int) -> None:
        i = n * 7919
        while time.perf_counter() < stop_at:
            i += 1
            try:
                status, elapsed = get(port, paths[i % len(paths)])
            except OSError:
                failures[n] += 1
                continue
            latencies[n].append(elapsed)
            non_2xx[n] += status >= 400

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    every = sorted(t * 1000 for thread in latencies for t in thread)
    if not every:
        raise SystemExit("the Python load generator got no answer")
    p50, p95 = percentiles(every)
    return {
        "requests": len(every),
        "seconds": round(elapsed, 3),
        "p50_ms": p50,
        "p95_ms": p95,
        "p99_ms": round(every[max(0, int(round(0.99 * len(every))) - 1)], 2),
        "max_ms": round(every[-1], 2),
        "errors": sum(failures),
        "non_2xx": sum(non_2xx),
        "rps": round(len(every) / elapsed, 1),
    }


def check_paths(port: int, scenarios: dict[str, list[str]]) -> None:
    """Every URL answers 200 before we time it (a fast error page would flatter the figures)."""
    for name, paths in scenarios.items():
        for path in paths:
            status, _ = get(port, path)
            if status != 200:
                raise SystemExit(f"{name}: {path} answered {status}")


# --- Main -----------------------------------------------------------------------------------


def bench(args, workdir: Path) -> dict:
    figures: dict = {}
    seeded = seed(args)
    counts = {
        "challenges": Challenge.objects.count(),
        "visible_to_visitors": Challenge.objects.filter(
            status__in=Challenge.PUBLIC_STATUSES, visibility=Challenge.Visibility.PUBLIC
        ).count(),
    }
    print(
        f"Database: PostgreSQL; {counts['challenges']} challenges "
        f"({counts['visible_to_visitors']} visible to visitors); "
        + (f"seeded in {seeded} s" if seeded is not None else "kept from an earlier run")
    )
    rng = random.Random(11)
    scenarios = {
        "trivial": ["/ping/"],
        "catalogue": catalogue_paths(rng),
        "detail": detail_paths(rng),
    }
    single = {name: in_process(paths[:40]) for name, paths in scenarios.items()}
    print("one client in process (first 40 URLs of each page), cold = nothing cached:")
    for name, one in single.items():
        if name == "trivial":
            continue  # its "cold" request is the process's first (URLs, translations loaded)
        print(
            f"  {name:10} cold p50 {one['cold_p50_ms']:7.1f} ms  p95 "
            f"{one['cold_p95_ms']:7.1f} ms  {one['cold_queries']:3} queries | warm p50 "
            f"{one['warm_p50_ms']:7.1f} ms  p95 {one['warm_p95_ms']:7.1f} ms  "
            f"{one['warm_queries']:3} queries"
        )
    wrk = None if args.python_load else ensure_wrk()
    tool = "wrk" if wrk else "python"
    redis_server = None
    if shutil.which("redis-server") and not args.local_cache:
        # As in production: one cache shared by the gunicorn processes (a Redis of our own).
        from tests.realstack.conftest import RedisServer

        redis_server = RedisServer(workdir)
        redis_server.start()
    cache = "Redis (shared)" if redis_server else "local memory (one per process)"
    server = Gunicorn(args.workers, workdir, redis_server.url if redis_server else "")
    server.start()
    try:
        check_paths(server.port, scenarios)
        # Warm every worker: templates, translations, connections, the database's caches.
        for paths in scenarios.values():
            if wrk:
                run_wrk(wrk, server.port, paths, args.clients, 3, workdir)
            else:
                run_python(server.port, paths, args.clients, 3)
        # Other work on the machine shares its cores with the server: say how busy it was.
        load_before = os.getloadavg()[0]
        print(
            f"gunicorn: {args.workers} sync workers, cache: {cache}; {tool}: {args.clients} "
            f"clients, {args.seconds} s per page; {os.cpu_count()} cores, load average "
            f"{load_before:.1f} before"
        )
        print(
            f"{'page':10} {'URLs':>5} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'p99 ms':>8} {'req/s':>8} {'errors':>7}"
        )
        results = {}
        for name, paths in scenarios.items():
            if wrk:
                result = run_wrk(wrk, server.port, paths, args.clients, args.seconds, workdir)
            else:
                result = run_python(server.port, paths, args.clients, args.seconds)
            cold, warm = single[name]["cold_queries"], single[name]["warm_queries"]
            result.update(urls=len(paths), in_process=single[name])
            results[name] = result
            print(
                f"{name:10} {len(paths):5} {f'{cold}/{warm}':>8} {result['p50_ms']:8.1f} "
                f"{result['p95_ms']:8.1f} {result['p99_ms']:8.1f} {result['rps']:8.1f} "
                f"{result['errors'] + result['non_2xx']:7}"
            )
        load_after = os.getloadavg()[0]
        print(f"load average {load_after:.1f} after (the load tool and the server included)")
    finally:
        server.stop()
        if redis_server:
            redis_server.stop()
    failed = [n for n, r in results.items() if r["errors"] or r["non_2xx"]]
    if failed:
        print(f"errors during the load on: {', '.join(failed)}; see {server.log}")
    ratio = round(results["catalogue"]["rps"] / results["trivial"]["rps"], 3)
    print(f"catalogue throughput / trivial view's: {ratio}")
    figures.update(
        list_p50_ms=results["catalogue"]["p50_ms"],
        list_p95_ms=results["catalogue"]["p95_ms"],
        detail_p50_ms=results["detail"]["p50_ms"],
        detail_p95_ms=results["detail"]["p95_ms"],
        trivial_p95_ms=results["trivial"]["p95_ms"],
        list_vs_trivial_ratio=ratio,
        scenarios={
            "load_tool": tool,
            "workers": args.workers,
            "cache": cache,
            "cores": os.cpu_count(),
            "load_average": [round(load_before, 1), round(load_after, 1)],
            **results,
            **counts,
        },
    )
    met = {
        "list_p95_ms": figures["list_p95_ms"] <= TARGETS["list_p95_ms"],
        "list_vs_trivial_ratio": ratio >= TARGETS["list_vs_trivial_ratio"],
        "detail_p95_ms": figures["detail_p95_ms"] <= TARGETS["detail_p95_ms"],
    }
    print(
        "targets: "
        + "; ".join(
            f"{key} {'met' if ok else 'MISSED'} ({figures[key]} vs "
            f"{'>=' if key.endswith('ratio') else '<='} {TARGETS[key]})"
            for key, ok in met.items()
        )
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--challenges", type=int, default=100_000)
    parser.add_argument("--solutions", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--keepdb", action="store_true", help="keep the seeded database")
    parser.add_argument("--python-load", action="store_true", help="never use wrk")
    parser.add_argument(
        "--local-cache", action="store_true", help="no Redis: each process caches for itself"
    )
    args = parser.parse_args()
    figures: dict = {"bench": "web", "database": connection.vendor}
    if connection.vendor != "postgresql":
        print(
            "The web benchmark needs PostgreSQL (the portal's targets hold there): set "
            "DATABASE_URL=postgres://... to run it. Skipped."
        )
        skipped = {"scenarios": {"skipped": "not PostgreSQL"}, "targets": TARGETS}
        print(json.dumps({**figures, **EMPTY, **skipped}))
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="iveo-bench-web-"))
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=args.keepdb, serialize=False
    )
    try:
        figures.update(bench(args, workdir))
        figures["targets"] = TARGETS
        print(json.dumps(figures))
    finally:
        connection.close()
        if not args.keepdb:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
