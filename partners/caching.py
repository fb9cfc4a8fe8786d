"""What the portal shows, cached under the version of its content.

`content_version()` is one number stored in the database (`ContentVersion`) that grows after
every committed change of a row the portal shows: any save, delete or many-to-many change of a
model of `partners`, `challenges` or `solutions`, except the private bookkeeping rows listed in
`PRIVATE_MODELS`. Bulk writes that send no signal (`bulk_create`, `QuerySet.update`) call
`content_changed()` themselves. Cache keys name the version, so a change shows at once in every
web process, with a shared Redis or with each process's own memory.

`public_page_cache` keeps whole pages for visitors who are not signed in (no session, no
pending message): most readers of a public catalogue. Such a visitor's page depends only on the
address (host and scheme included), the language and the day, and carries no personal token,
so one copy serves them all; a page that used a CSRF token or set a cookie is never kept.
"""

import functools
import hashlib
import logging
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

PUBLIC_APPS = {"partners", "challenges", "solutions"}
# Rows no page shows to anyone but their owner, or caches themselves: no new version.
PRIVATE_MODELS = {
    "partners.contentversion",
    "partners.notification",
    "partners.job",
    "partners.subscription",
    "solutions.impactsnapshot",
}
PAGE_SECONDS = 300
SHARED_VERSION_KEY = "content-version"


class _Bump:
    """The commit hook of a transaction that changed content: adds one to the version."""

    def __init__(self) -> None:
        self.token = secrets.token_hex(8)
        self.changes = 0
        self.__qualname__ = "content_changed"  # how Django's commit hooks name it in a log

    def __call__(self) -> None:
        from .models import ContentVersion

        if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
            ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})
        if _shared_cache():
            try:
                cache.incr(SHARED_VERSION_KEY)
            except ValueError:
                pass  # missing: the next reader starts a fresh version
            except Exception as exc:  # Redis unreachable: kept pages expire after PAGE_SECONDS
                logger.warning("Cache unavailable (%s): content version not moved", exc)


def _pending() -> _Bump | None:
    """This transaction's hook if it changed content (a rollback drops the hook with it)."""
    if not connection.in_atomic_block:
        return None
    for entry in connection.run_on_commit:
        if isinstance(entry[1], _Bump):
            return entry[1]
    return None


def content_changed() -> None:
    """Announce a change of what the portal shows, once the current transaction commits.

    Once per transaction however many rows it writes; a rolled-back transaction announces
    nothing. Never fails the write that called it.
    """
    bump = _pending()
    if bump is None:
        bump = _Bump()
        transaction.on_commit(bump, robust=True)
    bump.changes += 1


def content_version(*also: str) -> str:
    """The version of the portal's content, as a string for cache keys.

    `also`: scalar SQL subqueries read in the same round trip and added to the version (the
    catalogue adds its latest `updated_at`, which bulk updates move too). Inside a transaction
    that changed content and is not committed yet, the version is private to that transaction
    (what it reads is not what the others see yet).
    """
    from .models import ContentVersion

    columns = [f"SELECT value FROM {ContentVersion._meta.db_table} WHERE id = 1", *also]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({column})" for column in columns))
        row = cursor.fetchone()
    version = ":".join("" if value is None else str(value) for value in row) or "0"
    bump = _pending()
    if bump is not None:
        version += f"+{bump.token}.{bump.changes}"
    return version


def _is_public(model) -> bool:
    if model.__module__ == "__fake__":
        return False  # a historical model: a migration runs, no page is served from it
    meta = model._meta
    return meta.app_label in PUBLIC_APPS and meta.label_lower not in PRIVATE_MODELS


def _on_save(sender, update_fields=None, **kwargs) -> None:
    if not _is_public(sender):
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a sign-in shows nowhere
    content_changed()


def _on_change(sender, **kwargs) -> None:
    if _is_public(sender):
        content_changed()


def connect_signals() -> None:
    post_save.connect(_on_save, dispatch_uid="partners.caching.save")
    post_delete.connect(_on_change, dispatch_uid="partners.caching.delete")
    m2m_changed.connect(_on_change, dispatch_uid="partners.caching.m2m")


# --- Whole pages for visitors ---------------------------------------------------------------


def _anonymous_visitor(request: HttpRequest) -> bool:
    """No session (so not signed in) and no message waiting to be shown."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def page_cache_key(request: HttpRequest) -> str:
    raw = "\x1f".join(
        [
            request.build_absolute_uri(),
            getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            timezone.localdate().isoformat(),
        ]
    )
    return f"page:{hashlib.sha256(raw.encode()).hexdigest()}"


def _shared_cache() -> bool:
    return isinstance(caches["default"], RedisCache)


def _shared_version() -> int | None:
    """The content's version kept in the shared Redis; None when Redis does not answer.

    Missing (first use, evicted, Redis restarted): a fresh random number, which no page kept
    before can carry.
    """
    cache.add(SHARED_VERSION_KEY, secrets.randbits(52), timeout=None)
    return cache.get(SHARED_VERSION_KEY)


def _kept_page(request: HttpRequest, version: Callable[[], str]) -> tuple[str, object, object]:
    """(key, version now, kept entry or None); version None: do not keep anything."""
    key = page_cache_key(request)
    # (Inside a transaction that changed content, the database's version names it: `version()`.)
    if _shared_cache() and _pending() is None:
        # One round trip to Redis: the version and the page together; no database query.
        found = cache.get_many([SHARED_VERSION_KEY, key])
        now = found.get(SHARED_VERSION_KEY)
        if now is None:
            return key, _shared_version(), None
        return key, now, found.get(key)
    return key, version(), cache.get(key)


def public_page_cache(
    version: Callable[[], str],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Serve and keep a view's page for visitors not signed in (see the module's docstring).

    With a shared Redis (production), the version is a counter in Redis moved with the database's
    after every commit, read with the page in one round trip; with each process's own memory, it
    is `version()`, read from the database.
    """
    return functools.partial(_page_cached, version=version)


def _page_cached(view: Callable[..., HttpResponse], *, version) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _anonymous_visitor(request):
            return view(request, *args, **kwargs)
        key, now, kept = _kept_page(request, version)
        if kept is not None and kept[0] == now:
            return HttpResponse(kept[1], content_type=kept[2])
        response = view(request, *args, **kwargs)
        if (
            now is not None
            and request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            cache.set(key, (now, response.content, response["Content-Type"]), PAGE_SECONDS)
        return response

    return wrapper
