"""Project-level views that belong to no app."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def ping(request: HttpRequest) -> HttpResponse:
    """A tiny plain-text answer through the whole middleware stack, without the database:
    the web benchmark's baseline (`bench/bench_web.py`), also usable as a liveness probe."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
