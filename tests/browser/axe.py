"""axe-core in the browser: zero serious or critical accessibility violations.

The engine is vendored (tests/browser/vendor/axe.min.js, from the npm package `axe-core`; see
vendor/README.md): tests need no network and no Node.js.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from playwright.sync_api import Page

VENDOR = Path(__file__).resolve().parent / "vendor"
AXE_JS = VENDOR / "axe.min.js"
BLOCKING = ("serious", "critical")


@cache
def axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the current document; every violation, whatever its impact."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, which the page's CSP does not govern, so
        # the page keeps its real policy (no 'unsafe-inline' added for the test).
        page.evaluate(axe_source() + "\n;undefined")
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                        nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                                  summary: n.failureSummary}))}))"""
    )


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    at {node['target']}: {(node['summary'] or '').splitlines()[-1:]}")
    return "\n".join(lines)


def assert_no_serious_axe_violations(page: Page) -> list[dict]:
    """Fail on any serious or critical violation; returns the minor ones for the record."""
    violations = axe_violations(page)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], f"axe-core on {page.url}:\n{describe(blocking)}"
    return violations
