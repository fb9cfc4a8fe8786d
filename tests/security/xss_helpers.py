"""Checks shared by the XSS tests: what a person typed comes back as text, never as markup.

`assert_escaped` looks for the payload itself (it must not be there), for its escaped form (it
must be there, so that a page that does not show the field fails the page list) and, whatever the
payload, for markup that no page of the portal carries: an inline script, an event handler, a
`javascript:` link, an `<img>` pointing elsewhere than the portal, an `<svg>`. The portal's pages
have no inline script (the CSP forbids it), so any of these is injected.

One exception: the impact dashboard draws its charts as inline SVG. A test that reads it passes
the chart template's own opening tags as `allowed_svg` (a pattern the whole tag must match);
every other `<svg>`, on that page or any other, is still reported.
"""

import re
from html.parser import HTMLParser

from django.conf import settings
from django.utils.html import escape

# Elements that run code or load another document: the portal's pages use none of them, but
# <script src> of its own static files and the impact dashboard's charts (<svg>, see
# `allowed_svg`).
ACTIVE_ELEMENTS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "xlink:href",
}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


class _InjectedMarkup(HTMLParser):
    def __init__(self, allowed_svg: re.Pattern[str] | None):
        super().__init__(convert_charrefs=True)
        self.allowed_svg = allowed_svg
        self.problems: list[str] = []

    def _ours(self, tag: str, values: dict[str, str]) -> bool:
        if tag == "script":
            return values.get("src", "").startswith(settings.STATIC_URL)
        if tag == "svg" and self.allowed_svg is not None:
            return bool(self.allowed_svg.fullmatch(self.get_starttag_text() or ""))
        return False

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag in ACTIVE_ELEMENTS and not self._ours(tag, values):
            self.problems.append(f"<{tag} {values}>")
        if tag == "img" and not values.get("src", "").startswith(("/", "https://", "http://")):
            self.problems.append(f"<img {values}>")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            squeezed = "".join(ch for ch in value if ch.isprintable() and not ch.isspace())
            if name in URL_ATTRIBUTES and squeezed.lower().startswith(DANGEROUS_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def injected_markup(html: str, *, allowed_svg: re.Pattern[str] | None = None) -> list[str]:
    """The elements and attributes of `html` that run code (none on a page of the portal), but
    the `<svg>` tags that match `allowed_svg` whole."""
    parser = _InjectedMarkup(allowed_svg)
    parser.feed(html)
    parser.close()
    return parser.problems


def assert_escaped(
    html: str,
    payload: str,
    where: str,
    *,
    shown: bool = True,
    allowed_svg: re.Pattern[str] | None = None,
) -> None:
    assert payload not in html, f"{where} renders the payload as markup"
    if shown:
        assert escape(payload) in html, f"{where} does not show the field (wrong page list?)"
    problems = injected_markup(html, allowed_svg=allowed_svg)
    assert not problems, f"{where} carries injected markup: {problems}"


def ok(response, status=200):
    assert response.status_code == status, response.content.decode()[:2000]
    return response
