"""Run every `bench/bench_*.py` (each in its own process) and print their figures; the last
line is one JSON object merging the last JSON line of each benchmark (`make bench`)."""

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def last_json(output: str) -> dict:
    for line in reversed(output.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                continue
    return {}


def main() -> int:
    merged: dict = {}
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        name = script.stem.removeprefix("bench_")
        print(f"== {script.name}", flush=True)
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, cwd=HERE.parent
        )
        print(result.stdout, end="", flush=True)
        if result.returncode != 0:
            print(result.stderr[-4000:], file=sys.stderr)
            failed.append(name)
        figures = last_json(result.stdout)
        merged[name] = figures
        # Top-level keys of each benchmark's line (the headline figures) stay top-level.
        for key, value in figures.items():
            if key not in ("bench", "database", "targets", "scenarios"):
                merged.setdefault(key, value)
    merged["failed"] = failed
    print(json.dumps(merged))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
