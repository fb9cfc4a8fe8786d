"""`manage.py import_catalog` fed random and hostile files: all or nothing, and a clean failure.

Each example writes a document to a file and runs the command as an operator would
(`call_command`). Either it succeeds and every record of the file is in the database, or it
raises `CommandError` (the process exits non-zero with the problems on stderr) and no row
changed. `--dry-run` never writes. Any other exception is a crash, and fails the test.
"""

import io
import json
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from hypothesis import event, example, given
from hypothesis import strategies as st

from challenges.models import Challenge
from partners.models import Organization
from solutions.models import Solution
from tests.security.matrix import database_state, state_difference

from .strategies import HOSTILE

DEADLINE = (timezone.localdate() + timedelta(days=60)).isoformat()
VALID = {
    "organizations": [
        {
            "external_id": "ville-exemple",
            "name": "Ville d'Exemple",
            "kind": "city",
            "country": "CA",
            "region": "Montérégie",
            "population": 41000,
        },
        {"external_id": "acme", "name": "Acme Mobilité inc.", "kind": "innovator", "country": "CA"},
    ],
    "challenges": [
        {
            "external_id": "ex-2025-01",
            "organization": "ville-exemple",
            "title": "Trouver une place au centre-ville",
            "summary": "Les automobilistes tournent en rond.",
            "description": "Nous voulons connaître l'occupation des places.",
            "domains": ["mobility"],
            "tags": ["stationnement"],
            "language": "fr",
            "status": "published",
            "budget_max": 50000,
            "currency": "CAD",
            "proposals_deadline": DEADLINE,
        }
    ],
    "solutions": [
        {
            "external_id": "acme-park",
            "organization": "acme",
            "name": "Capteurs de stationnement",
            "summary": "Un capteur par place.",
            "description": "Des capteurs magnétiques dans la chaussée.",
            "domains": ["mobility"],
            "tags": [],
            "trl": 8,
            "language": "fr",
        }
    ],
}
MODELS = {"organizations": Organization, "challenges": Challenge, "solutions": Solution}

# Any JSON value: what a wrong file, or a file of another tool, holds.
json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and Infinity too: Python writes them, JSON does not allow them
    | st.text(max_size=50)
    | st.sampled_from(HOSTILE),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=15,
)


@st.composite
def hostile_catalogue(draw) -> dict:
    """The valid catalogue with some fields of some records replaced, dropped or added."""
    document = json.loads(json.dumps(VALID))
    for records in document.values():
        for record in records:
            for key in draw(st.sets(st.sampled_from(sorted(record)), max_size=3)):
                if draw(st.booleans()):
                    del record[key]
                else:
                    record[key] = draw(json_value)
            if draw(st.integers(0, 9)) == 0:
                record[draw(st.text(min_size=1, max_size=12))] = draw(json_value)
        if draw(st.integers(0, 5)) == 0:
            records.append(draw(json_value))
    if draw(st.integers(0, 5)) == 0:
        document[draw(st.sampled_from(["challenges", "extra"]))] = draw(json_value)
    return document


def encoded(document) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


documents = st.one_of(
    hostile_catalogue().map(encoded),
    json_value.map(encoded),
    st.binary(max_size=300),  # not JSON, not UTF-8
    st.text(max_size=300).map(str.encode),
)


def records_of(document) -> dict[str, list[str]]:
    return {
        section: [r["external_id"] for r in document.get(section, [])]
        for section in MODELS
        if isinstance(document, dict)
    }


@given(raw=documents, dry_run=st.booleans())
@example(raw=encoded(VALID), dry_run=False)
@example(raw=encoded(VALID), dry_run=True)
@example(raw=encoded({**VALID, "solutions": [{**VALID["solutions"][0], "trl": 12}]}), dry_run=False)
@example(raw=b'{"organizations": [', dry_run=False)
@example(raw=b"\xff\xfe{}", dry_run=False)
def test_import_writes_the_whole_file_or_nothing_and_fails_cleanly(db, tmp_path, raw, dry_run):
    path = tmp_path / "catalogue.json"
    path.write_bytes(raw)
    options = {"dry_run": True} if dry_run else {}
    before = database_state()
    try:
        call_command(
            "import_catalog", str(path), stdout=io.StringIO(), stderr=io.StringIO(), **options
        )
    except CommandError:
        event("refused")  # --hypothesis-show-statistics: every outcome is reached
        assert state_difference(before, database_state()) == [], "a refused file wrote rows"
        return
    event("dry run" if dry_run else "imported")
    if dry_run:
        assert state_difference(before, database_state()) == [], "--dry-run wrote rows"
        return
    for section, ids in records_of(json.loads(raw)).items():
        stored = set(
            MODELS[section]
            .objects.filter(external_id__in=ids)
            .values_list("external_id", flat=True)
        )
        assert stored == set(ids), f"{section}: imported {stored}, the file has {ids}"
