"""The import contracts of `.importlinter` hold, and they catch what they are meant to catch.

Each case copies the application's packages into a temporary folder, adds one module that breaks
one rule, and runs `lint-imports` there, as `make lint` does on the real tree.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("iveo_portal", "partners", "challenges", "solutions", "tools")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / ".importlinter", root / ".importlinter")
    return root


def test_the_real_tree_keeps_every_contract(tree):
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "source", "broken"),
    [
        (  # a capability reaching into another's views
            "solutions/proposals/probe.py",
            "from solutions.catalogue import views\n",
            "solutions.catalogue is reached from other capabilities only through",
        ),
        (  # a lower app importing a higher one
            "partners/probe.py",
            "import challenges.models\n",
            "Apps depend one way",
        ),
        (  # an app importing the project package
            "challenges/probe.py",
            "from iveo_portal import settings\n",
            "iveo_portal wires the apps together",
        ),
        (  # a circle between two modules of one package, closed by a new import
            "partners/utils_probe.py",
            "from partners import selectors\n",
            "No circle of imports",
        ),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tree, module, source, broken):
    probe = tree / module
    extra = None
    if "utils_probe" in module:
        # partners.selectors imports the probe back: the two now import each other.
        extra = tree / "partners" / "selectors.py"
        original = extra.read_text()
        extra.write_text(original + "\nfrom partners import utils_probe  # noqa\n")
    probe.write_text(source)
    try:
        result = lint_imports(tree)
    finally:
        probe.unlink()
        if extra is not None:
            extra.write_text(original)
    assert result.returncode != 0
    broken_section = result.stdout.split("Broken contracts")[-1]
    assert broken in broken_section, result.stdout
