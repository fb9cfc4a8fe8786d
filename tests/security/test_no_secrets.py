"""No secret in the repository: no private key, no live token, no key file, no real password.

Reads every file git tracks. A placeholder in documentation (`postgres://user:password@…`)
is fine; a value that looks like real random key material is not.
"""

import math
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]

# Written so that this file does not match itself.
TOKEN_PATTERNS = {
    "private key": re.compile(r"-{5}BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-{5}"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Stripe live key": re.compile(r"\b[rs]k_live_[A-Za-z0-9]{16,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    "npm token": re.compile(r"\bnpm_[A-Za-z0-9]{36}\b"),
    "PyPI token": re.compile(r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}"),
    "SendGrid key": re.compile(r"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"),
}
FORBIDDEN_FILES = re.compile(
    r"(^|/)(\.env|secret_key|id_rsa|id_ecdsa|id_ed25519|.*\.pem|.*\.key|.*\.p12|.*\.pfx|db\.sqlite3)$"
)
# `SECRET_KEY = "…"`, `PASSWORD: '…'`, `api_key="…"` with a literal value.
ASSIGNED = re.compile(
    r"""(?i)\b[\w-]*(?:secret|password|passwd|api_?key|token)[\w-]*['"]?\s*[:=]\s*['"]([^'"\s]{16,})['"]"""
)


def entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def looks_random(value: str) -> bool:
    """Key material: long, varied, and not made of words (`tests-only-not-a-secret`)."""
    words = re.split(r"[-_.\s/]+", value)
    return len(value) >= 24 and entropy(value) >= 4.0 and max(map(len, words)) >= 16


@pytest.fixture(scope="module")
def tracked_files() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        out = b""
    require(bool(out), "needs git and a checkout of the repository")
    return [ROOT / name for name in out.decode().split("\0") if name]


def test_no_key_or_environment_file_is_tracked(tracked_files):
    tracked = [str(p.relative_to(ROOT)) for p in tracked_files]
    assert [p for p in tracked if FORBIDDEN_FILES.search(p)] == []


def test_no_token_private_key_or_random_secret_in_tracked_files(tracked_files):
    found = []
    for path in tracked_files:
        if not path.is_file():
            continue  # deleted in the working tree
        data = path.read_bytes()
        if b"\0" in data[:8000]:
            continue  # binary (compiled catalogues, images)
        text = data.decode("utf-8", errors="replace")
        where = path.relative_to(ROOT)
        for kind, pattern in TOKEN_PATTERNS.items():
            if pattern.search(text):
                found.append(f"{where}: {kind}")
        for match in ASSIGNED.finditer(text):
            if looks_random(match.group(1)):
                found.append(f"{where}: a random-looking secret {match.group(0)[:40]}…")
    assert found == []


@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ('SECRET_KEY = "' + "Xq3v9TzL0pWk2R7sYb8NcF4hJm1GdE6uAo5iKl" + '"', True),
        ("api_key: 'tests-only-not-a-secret'", False),
        ('SECRET_KEY="a-long-random-production-secret-"', False),
        ("-" * 5 + "BEGIN RSA PRIVATE KEY" + "-" * 5, True),
        ("token = 'ghp_" + "a1B2" * 9 + "'", True),
    ],
)
def test_the_scanner_tells_secrets_from_placeholders(text, leaks):
    hits = [k for k, p in TOKEN_PATTERNS.items() if p.search(text)]
    hits += [m.group(1) for m in ASSIGNED.finditer(text) if looks_random(m.group(1))]
    assert bool(hits) == leaks
