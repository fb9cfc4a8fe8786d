"""Sections that other apps add to the dashboard and to organisation pages.

`partners` imports neither `challenges` nor `solutions`; they register here, in their
`AppConfig.ready()`, a function that returns `(template_name, context)` or `None`.
"""

from collections.abc import Callable

from django.http import HttpRequest

Section = tuple[str, dict]
_dashboard: list[Callable[[HttpRequest], Section | None]] = []
_organization: list[Callable[[HttpRequest, object], Section | None]] = []


def register_dashboard_section(function: Callable[[HttpRequest], Section | None]) -> None:
    if function not in _dashboard:
        _dashboard.append(function)


def register_organization_section(
    function: Callable[[HttpRequest, object], Section | None],
) -> None:
    if function not in _organization:
        _organization.append(function)


def sections(request: HttpRequest) -> list[Section]:
    return [s for s in (f(request) for f in _dashboard) if s is not None]


def organization_sections(request: HttpRequest, organization) -> list[Section]:
    return [s for s in (f(request, organization) for f in _organization) if s is not None]
