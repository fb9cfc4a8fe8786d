"""A Redis cache that a Redis outage cannot turn into errors.

The portal caches what is only faster to keep (catalogue counts, rendered fragments, lists of
similar challenges; see `challenges.selectors.CACHE_SECONDS`). When the shared Redis is down or
silent, a page must still be served: reads miss, writes are dropped, and the error is logged.
Short socket timeouts (settings) bound what a silent server costs a request.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

# What each operation answers when Redis cannot.
_FALLBACKS = {
    "get": lambda *args, **kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda *args, **kwargs: [],
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
}


def _resilient(name: str):
    method = getattr(RedisCache, name)
    fallback = _FALLBACKS[name]

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # redis-py raises several kinds (connection, timeout, reply)
            logger.warning("Cache unavailable (%s: %s): %s skipped", type(exc).__name__, exc, name)
            return fallback(*args, **kwargs)

    return wrapper


class ResilientRedisCache(RedisCache):
    """Django's Redis cache; a failing operation is logged and answered as a miss."""


for _name in _FALLBACKS:
    setattr(ResilientRedisCache, _name, _resilient(_name))
