"""Settings come from the environment and fail loudly, naming the variable."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_django(args: list[str], **env: str) -> subprocess.CompletedProcess:
    skip = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in skip}
    example = (ROOT / ".env.example").read_text()
    for key in re.findall(r"^#?\s*([A-Z_]+)=", example, flags=re.M):
        clean.pop(key, None)
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("EMAIL_PORT", "twenty-five"),
        ("DEBUG", "maybe"),
        ("DATABASE_URL", "mysql2://nowhere"),
        ("CELERY_BROKER_URL", "kafka://broker"),
        ("SECURE_HSTS_SECONDS", "-1"),
    ],
)
def test_a_bad_value_stops_the_start_up_naming_the_variable(variable, value):
    env = {"DEBUG": "true", variable: value}
    result = run_django(["check"], **env)
    assert result.returncode != 0
    assert variable in result.stderr


def test_secret_key_is_required_when_debug_is_off():
    result = run_django(["check"], ALLOWED_HOSTS="portail.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_deploy_check_passes_with_only_debug_secret_key_and_hosts():
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="false",
        SECRET_KEY="a-long-random-production-secret-" + "x7Gq2" * 10,
        ALLOWED_HOSTS="portail.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_env_example_lists_every_variable_the_settings_read():
    settings_text = (ROOT / "iveo_portal" / "settings.py").read_text()
    example = (ROOT / ".env.example").read_text()
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', settings_text))
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", example, flags=re.M))
    assert read, "the settings read no variable?"
    assert read - listed == set()
