"""`manage.py suggest_matches CHALLENGE [--limit N] [--json]` exactly as the README."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from challenges.models import Challenge


def run(*args) -> str:
    out = StringIO()
    call_command("suggest_matches", *args, stdout=out)
    return out.getvalue()


def test_json_lists_solutions_best_first_by_external_id(labelled_set):
    data = json.loads(run("saguenay-2025-pertes-eau", "--json", "--limit", "5"))
    assert len(data) == 5
    assert set(data[0]) == {"solution", "score", "reasons"}
    assert all(isinstance(row["solution"], str) and isinstance(row["score"], float) for row in data)
    assert [row["score"] for row in data] == sorted((row["score"] for row in data), reverse=True)
    assert "acoustiq-ecoute-permanente" in [row["solution"] for row in data]
    assert all(isinstance(reason, str) for row in data for reason in row["reasons"])


def test_challenge_by_primary_key_and_text_output(labelled_set):
    pk = Challenge.objects.get(external_id="laval-2025-eclairage-rues").pk
    text = run(str(pk), "--limit", "2")
    assert "lumicite-telegestion" in text
    assert text.count("\n  ") >= 1 and "  1. " in text


def test_solution_without_external_id_is_given_by_primary_key(labelled_set):
    from solutions.models import Solution

    solution = Solution.objects.get(external_id="lumicite-telegestion")
    Solution.objects.filter(pk=solution.pk).update(external_id=None)
    data = json.loads(run("laval-2025-eclairage-rues", "--json"))
    assert solution.pk in [row["solution"] for row in data]


def test_unknown_challenge_and_bad_limit_are_errors(db):
    with pytest.raises(CommandError):
        run("no-such-challenge")
    with pytest.raises(CommandError):
        run("123456")
    with pytest.raises(CommandError):
        run("x", "--limit", "0")
