"""The permission matrix: for every URL pattern, what each role gets on GET and on POST.

Each app keeps its expectations in `tests/security/matrix_<app>.py` as a list `ENTRIES` of
`Entry`; `all_entries()` gathers every such module. `test_permissions.py` enumerates the URL
resolver and fails when a pattern has no entry, so a new view cannot escape the matrix.
See README.md in this folder for how to add an entry.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver

# The roles of the issue, each the name of a fixture in tests/conftest.py (visitor: nobody).
ROLES = (
    "visitor",
    "unverified_user",
    "innovator_a",
    "innovator_b",
    "city_a_staff",
    "city_b_staff",
    "curator",
)
LOGIN = "login"  # a redirect (302) to the login page
Fixtures = Callable[[str], object]  # request.getfixturevalue


@dataclass(frozen=True)
class Writes:
    """A POST that is allowed: this status, and the database changed."""

    status: int

    def __repr__(self) -> str:
        return f"writes({self.status})"


def writes(status: int) -> Writes:
    return Writes(status)


Expected = int | str | Writes  # an int or LOGIN on POST: refused, and nothing changed


def roles(default: Expected, **by_role: Expected) -> dict[str, Expected]:
    """Every role gets `default` except those named: `roles(404, curator=200)`."""
    unknown = set(by_role) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}; roles are {ROLES}")
    return {role: by_role.get(role, default) for role in ROLES}


def everyone(expected: Expected) -> dict[str, Expected]:
    return roles(expected)


def _nothing(fx: Fixtures) -> dict:
    return {}


@dataclass(frozen=True)
class Entry:
    """One URL pattern (by name) with the objects it points at and what each role gets.

    - `kwargs(fx)` builds the URL's kwargs from fixtures (`fx("city_a").slug`);
    - `needs`: fixtures that must exist for the page to show something;
    - `get`: the status of a GET, per role (LOGIN for a redirect to the login page);
    - `post`: per role, `writes(status)` when the POST is allowed and changes the database,
      a status or LOGIN when it is refused or a no-op (nothing may change). `None`: a
      read-only view, which no POST may change, whatever the status;
    - `data(fx)`: the body of the POST, a valid one, so that a refusal is the view's doing;
    - `label`: tells apart two entries of one URL name (another object, another state);
    - `json`: post `data` as a JSON body (the API), not as a form.
    """

    name: str
    get: dict[str, Expected]
    post: dict[str, Expected] | None = None
    kwargs: Callable[[Fixtures], dict] = _nothing
    data: Callable[[Fixtures], dict] = _nothing
    needs: tuple[str, ...] = ()
    label: str = ""
    json: bool = False

    @property
    def id(self) -> str:
        return f"{self.name}[{self.label}]" if self.label else self.name


def post(client, entry: Entry, url: str, data: dict):
    """POST the entry's body, as a form or as JSON."""
    if entry.json:
        return client.post(url, json.dumps(data), content_type="application/json")
    return client.post(url, data)


def all_entries() -> list[Entry]:
    """The entries of every `matrix_<app>.py` module beside this file."""
    entries = []
    for module in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if module.name.startswith("matrix_"):
            entries.extend(importlib.import_module(f"{__package__}.{module.name}").ENTRIES)
    return entries


def check_status(response, expected, what: str) -> None:
    if isinstance(expected, Writes):
        expected = expected.status
    if expected == LOGIN:
        location = response.headers.get("Location", "")
        assert response.status_code == 302 and location.startswith(
            resolve_url(settings.LOGIN_URL)
        ), f"{what}: expected a redirect to the login page, got {response.status_code} {location}"
    else:
        assert response.status_code == expected, (
            f"{what}: expected {expected}, got {response.status_code} "
            f"{response.headers.get('Location', '')}"
        )


# --- The URL patterns of the project ----------------------------------------------------------

SKIPPED_NAMESPACES = {"admin"}  # Django's admin: staff only, its own permission system


@dataclass(frozen=True)
class Route:
    name: str | None
    route: str
    callback: Callable


def project_routes() -> list[Route]:
    """Every URL pattern of the project, with its namespaced name, except the admin's."""

    def walk(patterns, prefix: str, namespace: str | None) -> Iterator[Route]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                if inner in SKIPPED_NAMESPACES:
                    continue
                full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), full)
            elif isinstance(pattern, URLPattern):
                if pattern.callback.__module__ == "django.views.static":
                    continue  # static or media files served in development
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                yield Route(name, prefix + str(pattern.pattern), pattern.callback)

    return list(walk(get_resolver().url_patterns, "", None))


# --- "Nothing changed" --------------------------------------------------------------------------

# Tables whose rows a request may legitimately write whoever sends it: sessions, login
# attempts (django-axes), the admin's log; content types are a cache.
UNCHECKED_APPS = {"sessions", "axes", "admin", "contenttypes"}
# Caches that a GET may fill: the impact dashboard's rendered snapshots.
UNCHECKED_MODELS = {"solutions.ImpactSnapshot"}


def database_state() -> dict[str, list[tuple]]:
    """Every row of every table of the project (sessions and login records excepted)."""
    state = {}
    for config in apps.get_app_configs():
        if config.label in UNCHECKED_APPS:
            continue
        for model in config.get_models(include_auto_created=True):
            if model._meta.proxy or model._meta.label in UNCHECKED_MODELS:
                continue  # the same rows as its concrete model; a cache
            state[model._meta.label] = list(model._base_manager.order_by("pk").values_list())
    return state


def state_difference(before: dict, after: dict) -> list[str]:
    return [
        f"{label}: {len(before[label])} rows -> {len(after[label])} rows"
        if len(before[label]) != len(after[label])
        else f"{label}: rows changed"
        for label in before
        if before[label] != after[label]
    ]
