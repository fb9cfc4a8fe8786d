"""The English text a page should show, read from the project's own catalogue."""

from django.utils import translation

from tests.conftest import require


def english(msgid: str) -> str:
    with translation.override("en"):
        return translation.gettext(msgid)


def require_english(msgid: str) -> str:
    """The English translation of a French source string; skip (fail in CI) while missing."""
    text = english(msgid)
    require(
        text != msgid,
        f"the English catalogue has no translation of {msgid!r} yet (make messages)",
    )
    return text
