"""Keep the catalogues complete after `make messages`.

French is the source language, so the French catalogue repeats each msgid. English entries come
from the catalogue itself; `--apply FILE.json` merges a {msgid: msgstr or [singular, plural]}
mapping into it (a msgid with a context is keyed "context\u0004msgid"), and `--todo FILE.json`
writes the entries that still lack a translation.
Fuzzy flags are dropped only where a translation was just applied or copied.
"""

import argparse
import json
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def fill_french() -> int:
    po = polib.pofile(str(LOCALE / "fr" / "LC_MESSAGES" / "django.po"))
    changed = 0
    for entry in po:
        if entry.msgid_plural:
            wanted = {0: entry.msgid, 1: entry.msgid_plural}
            if entry.msgstr_plural != wanted or "fuzzy" in entry.flags:
                entry.msgstr_plural = wanted
                changed += 1
        elif entry.msgstr != entry.msgid or "fuzzy" in entry.flags:
            entry.msgstr = entry.msgid
            changed += 1
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
    po.save()
    po.save_as_mofile(str(LOCALE / "fr" / "LC_MESSAGES" / "django.mo"))
    return changed


def _key(entry) -> str:
    """The mapping's key: the msgid, or "context\\u0004msgid" for a msgid with a context."""
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def english(apply: Path | None, todo: Path | None) -> tuple[int, int]:
    po = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    mapping = json.loads(apply.read_text()) if apply else {}
    applied = 0
    for entry in po:
        value = mapping.get(_key(entry))
        if value is None:
            continue
        if entry.msgid_plural:
            singular, plural = value if isinstance(value, list) else (value, value)
            entry.msgstr_plural = {0: singular, 1: plural}
        else:
            entry.msgstr = value if isinstance(value, str) else value[0]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        applied += 1
    missing = [
        [_key(e), e.msgid_plural] if e.msgid_plural else _key(e)
        for e in po
        if not e.translated() or "fuzzy" in e.flags
    ]
    if todo:
        todo.write_text(json.dumps(missing, ensure_ascii=False, indent=1))
    po.save()
    po.save_as_mofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.mo"))
    return applied, len(missing)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--apply", type=Path, help="JSON mapping msgid -> English")
    parser.add_argument("--todo", type=Path, help="write untranslated English msgids here")
    args = parser.parse_args()
    print("fr entries updated:", fill_french())
    applied, missing = english(args.apply, args.todo)
    print("en translations applied:", applied, "still missing:", missing)
