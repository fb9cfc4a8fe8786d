"""Build catalogue.json, labels.json and sources.json from records.jsonl (one record a line).

records.jsonl is the set as collected: organisations, challenges and solutions quoted (cut, never
rewritten) from their public sources, and labels (what a city actually chose or piloted), each
with its source URL and date. Run: python tests/data/realset/build.py
"""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORG_KEYS = ("external_id", "name", "kind", "country", "region", "population")
CHALLENGE_KEYS = ("external_id", "organization", "title", "summary", "description", "domains",
                  "tags", "language")  # fmt: skip
SOLUTION_KEYS = ("external_id", "organization", "name", "summary", "description", "domains",
                 "tags", "language")  # fmt: skip
SOURCE_KEYS = ("source_url", "source_date", "source_kind")


def main() -> None:
    records = [json.loads(line) for line in (HERE / "records.jsonl").read_text().splitlines()
               if line.strip()]  # fmt: skip
    catalogue = {"organizations": [], "challenges": [], "solutions": []}
    labels: dict[str, list[str]] = {}
    sources: dict[str, dict] = {"challenges": {}, "solutions": {}, "labels": []}
    seen: set[tuple[str, str]] = set()
    for record in records:
        kind = record["type"]
        key = (
            kind,
            record.get("external_id") or f"{record.get('challenge')}>{record.get('solution')}",
        )
        if key in seen:
            raise SystemExit(f"duplicate record {key}")
        seen.add(key)
        if kind == "org":
            catalogue["organizations"].append({k: record[k] for k in ORG_KEYS if k in record})
        elif kind == "challenge":
            item = {k: record[k] for k in CHALLENGE_KEYS if k in record}
            item["status"] = "published"
            catalogue["challenges"].append(item)
            sources["challenges"][record["external_id"]] = {k: record[k] for k in SOURCE_KEYS}
        elif kind == "solution":
            catalogue["solutions"].append({k: record[k] for k in SOLUTION_KEYS if k in record})
            sources["solutions"][record["external_id"]] = {k: record[k] for k in SOURCE_KEYS}
        elif kind == "label":
            labels.setdefault(record["challenge"], []).append(record["solution"])
            sources["labels"].append(
                {
                    k: record[k]
                    for k in ("challenge", "solution", "evidence", "source_url", "source_date")
                }  # fmt: skip
            )
        else:
            raise SystemExit(f"unknown record type {kind!r}")
    challenge_ids = {c["external_id"] for c in catalogue["challenges"]}
    solution_ids = {s["external_id"] for s in catalogue["solutions"]}
    for challenge, chosen in labels.items():
        if challenge not in challenge_ids or not set(chosen) <= solution_ids:
            raise SystemExit(f"label {challenge} -> {chosen} names a missing record")
    for name, data in (("catalogue", catalogue), ("labels", labels), ("sources", sources)):
        (HERE / f"{name}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(
        f"{len(catalogue['challenges'])} challenges, {len(catalogue['solutions'])} solutions, "
        f"{sum(map(len, labels.values()))} labelled pairs"
    )


if __name__ == "__main__":
    main()
