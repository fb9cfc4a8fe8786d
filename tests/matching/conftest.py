"""Fixtures of the matching tests: the labelled set, loaded with `import_catalog`."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).resolve().parent.parent / "data"
CATALOGUE = DATA / "matching_catalogue.json"
LABELS = DATA / "matching_labels.json"


@pytest.fixture
def labelled_set(db) -> dict[str, list[str]]:
    """Import the labelled catalogue (no notifications); return the labels."""
    call_command("import_catalog", str(CATALOGUE), "--no-notify", stdout=open("/dev/null", "w"))
    return json.loads(LABELS.read_text(encoding="utf-8"))
