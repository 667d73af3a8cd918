"""Cache backends of the portal.

`TolerantRedisCache` (REDIS_URL): Django's Redis cache, except that a
connection error or timeout counts as a miss instead of raising, so pages keep
being served (uncached) while Redis restarts. Rate limits then fail open: a
counter that cannot be read lets the submission through (`incr` answers as for
a first hit, `add` as if the key was new) rather than turning every form into
an error page.

`RateLimitDatabaseCache`: the database cache backend of the rate-limit counters (the `ratelimit`
cache alias, its own table: see portal/settings/base.py and core/antiabuse.py).

Django's `BaseCache.incr`, which the database cache uses, is a get then a set
with the *default* timeout: every hit would move the counter's expiry to
five minutes from now, and two processes could both read 3 and write 4.
`incr` here updates the value in one transaction, row locked (SELECT … FOR
UPDATE on PostgreSQL; SQLite runs its transactions IMMEDIATE, portal
settings), and never touches the expiry set when the counter was created.
"""

import base64
import logging
import pickle
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now


class RateLimitDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0, tzinfo=None))
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote_name('value')} FROM {table} "  # noqa: S608 (quoted table name, values bound)
                f"WHERE {quote_name('cache_key')} = %s AND {quote_name('expires')} > %s{lock}",
                [key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode())) + delta  # noqa: S301 (our own cache rows)
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(
                f"UPDATE {table} SET {quote_name('value')} = %s WHERE {quote_name('cache_key')} = %s",  # noqa: S608
                [encoded, key],
            )
        return value


logger = logging.getLogger(__name__)


def _redis_errors():
    import redis.exceptions

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class TolerantRedisCache(RedisCache):
    """RedisCache whose connection errors are misses (see the module docstring)."""

    _last_warning = 0.0

    def _failed(self, operation, fallback):
        now = time.monotonic()
        if now - TolerantRedisCache._last_warning > 10:  # one line per 10 s, not one per request
            TolerantRedisCache._last_warning = now
            logger.warning("Redis cache unreachable (%s): treated as a miss", operation, exc_info=True)
        return fallback

    def _call(self, operation, fallback, *args, **kwargs):
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except _redis_errors():
            return self._failed(operation, fallback)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Fail open: a single-use token or a counter is taken as new.
        return self._call("add", True, key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        # Fail open: the counter answers as for a first hit.
        return self._call("incr", delta, key, delta, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
