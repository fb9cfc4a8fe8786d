"""Permission matrix of `challenges`. See README.md; objects go in scenario.py."""

from .matrix import Entry, everyone

ENTRIES = [
    Entry("home", get=everyone(200)),
]
