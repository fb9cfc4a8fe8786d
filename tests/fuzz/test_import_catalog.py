"""`manage.py import_catalog` fed random and hostile files: all or nothing, and a clean failure.

Each example writes a document to a file and runs the command as an operator would
(`call_command`). Either it succeeds and every record of the file is in the database, or it
raises `CommandError` (the process exits non-zero with the problems on stderr) and no row
changed. `--dry-run` never writes. Any other exception is a crash, and fails the test.
"""

import io
import json

from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import event, example, given
from hypothesis import strategies as st

from challenges.models import Challenge
from partners.models import Organization
from solutions.models import Solution
from tests.importer.test_import_catalog import catalogue
from tests.security.matrix import database_state, state_difference

from .strategies import HOSTILE

VALID = catalogue()  # organisations, challenges (one co-owned, one closed), solutions
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


hostile_string = st.sampled_from(HOSTILE) | st.text(min_size=1, max_size=80)


@st.composite
def hostile_catalogue(draw) -> dict:
    """The valid catalogue with a few fields of a few records replaced, dropped or added."""
    document = json.loads(json.dumps(VALID))
    records = [r for section in document.values() for r in section]
    for record in draw(st.lists(st.sampled_from(records), min_size=1, max_size=3)):
        key = draw(st.sampled_from(sorted(record)) | st.text(min_size=1, max_size=12))
        change = draw(st.sampled_from(["drop", "json", "text", "text"]))
        if change == "drop":
            record.pop(key, None)
        else:
            # Hostile text where text is expected often passes: it is stored as text.
            record[key] = draw(json_value if change == "json" else hostile_string)
    if draw(st.integers(0, 5)) == 0:
        section = draw(st.sampled_from(["challenges", "solutions", "extra"]))
        document.setdefault(section, []).append(draw(json_value))
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
