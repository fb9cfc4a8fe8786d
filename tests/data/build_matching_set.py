"""Build the labelled matching set: `matching_catalogue.json` (import_catalog format) and
`matching_labels.json` (challenge external_id -> intended solution external_ids).

    python tests/data/build_matching_set.py

The texts live in the `matching_set_*.py` modules beside this file; the JSON files are
committed so that tests and `import_catalog` read them directly.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from matching_set_challenges import CHALLENGES  # noqa: E402
from matching_set_orgs import CITIES, INNOVATORS  # noqa: E402
from matching_set_solutions_a import SOLUTIONS_A  # noqa: E402
from matching_set_solutions_b import SOLUTIONS_B  # noqa: E402

CATALOGUE = HERE / "matching_catalogue.json"
LABELS = HERE / "matching_labels.json"


def build() -> tuple[dict, dict]:
    organizations = [
        {
            "external_id": e,
            "name": n,
            "kind": "city",
            "country": c,
            "region": r,
            "population": p,
        }
        for e, n, c, r, p in CITIES
    ] + [
        {"external_id": e, "name": n, "kind": "innovator", "country": c, "region": r}
        for e, n, c, r in INNOVATORS
    ]
    challenges, labels = [], {}
    for (
        ext,
        org,
        lang,
        title,
        summary,
        description,
        domains,
        tags,
        intended,
    ) in CHALLENGES:
        challenges.append(
            {
                "external_id": ext,
                "organization": org,
                "title": title,
                "summary": summary,
                "description": description,
                "domains": domains,
                "tags": tags,
                "language": lang,
                "status": "published",
            }
        )
        labels[ext] = intended
    solutions = [
        {
            "external_id": ext,
            "organization": org,
            "name": name,
            "summary": summary,
            "description": description,
            "domains": domains,
            "tags": tags,
            "trl": trl,
            "language": lang,
        }
        for ext, org, lang, name, summary, description, domains, tags, trl in SOLUTIONS_A
        + SOLUTIONS_B
    ]
    catalogue = {
        "organizations": organizations,
        "challenges": challenges,
        "solutions": solutions,
    }
    return catalogue, labels


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    catalogue, labels = build()
    CATALOGUE.write_text(dump(catalogue), encoding="utf-8")
    LABELS.write_text(dump(labels), encoding="utf-8")
    print(
        f"{len(catalogue['challenges'])} challenges, {len(catalogue['solutions'])} solutions, "
        f"{len(catalogue['organizations'])} organisations"
    )
