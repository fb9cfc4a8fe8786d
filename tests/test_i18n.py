"""The catalogues are complete and compiled; French is the default, English complete."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse

LOCALE = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_compiled_catalogue_matches_the_po_file(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        msgstr, plural = compiled[(entry.msgctxt, entry.msgid)]
        assert (msgstr, {int(k): v for k, v in plural.items()}) == (
            entry.msgstr,
            {int(k): v for k, v in entry.msgstr_plural.items()},
        ), entry.msgid


def test_home_is_french_by_default_and_english_on_request(client, db):
    french = client.get(reverse("home")).content.decode()
    assert 'lang="fr-CA"' in french and "Se connecter" in french
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = client.get(reverse("home")).content.decode()
    assert 'lang="en-CA"' in english and "Log in" in english and "Se connecter" not in english
