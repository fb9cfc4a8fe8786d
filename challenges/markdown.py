"""Markdown written by users, rendered safely.

Raw HTML in the source is never interpreted: Markdown's HTML passthrough is switched off, so
`<script>` shows as text, and the output goes through nh3 with a short allow-list (no
attributes but a link's `href` and `title`, http(s)/mailto links only). Headings are shifted
down two levels so that a `# Title` in a description never competes with the page's own h1/h2.
"""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}
MAX_SOURCE_LENGTH = 50_000

_HEADING = re.compile(r"<(/?)h([1-6])>")


def _shift_heading(match: re.Match) -> str:
    return f"<{match.group(1)}h{min(int(match.group(2)) + 2, 6)}>"


def _converter() -> markdown_lib.Markdown:
    md = markdown_lib.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    # No raw HTML: block-level and inline HTML are escaped instead of passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def render_markdown(text: str | None) -> SafeString:
    """Safe HTML from a user's Markdown (empty string for empty input)."""
    if not text:
        return mark_safe("")  # noqa: S308 - constant
    html = _converter().convert(text[:MAX_SOURCE_LENGTH])
    html = _HEADING.sub(_shift_heading, html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
