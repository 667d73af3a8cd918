"""The page cache: anonymous GETs of public pages served from the Django cache.

`PageCacheMiddleware` sits high in MIDDLEWARE (below security, CSP and
WhiteNoise, above sessions, CSRF and authentication): a hit skips everything
below it, the view and its SQL queries included. It stores a response only
when nothing in it can belong to one visitor, and serves it only to a request
that carries nothing of one visitor.

Never served from the cache (the request):
- anything but GET/HEAD; a request carrying the session cookie (logged in,
  a page password entered, a message waiting) or the messages cookie;
- /admin/, previews, the token and signed-link routes
  (PORTAL_PAGE_CACHE_EXCLUDED_PATHS, regular expressions searched in the path).

Never stored (the response):
- anything but a 200 HttpResponse (redirects, 404, errors, streaming, files);
- a response that sets a cookie (a session was saved: the visitor logged in,
  entered a page password, got a message), varies on anything but
  Accept-Encoding and Cookie (see `_response_cacheable`), or says private /
  no-cache / no-store;
- a page that rendered a CSRF token (any form posting to the site), which
  also covers a form redisplayed with its errors;
- a page under a view restriction (password, login or group: the
  `before_serve_page` hook in core/wagtail_hooks.py marks the request), and
  any request a view marked with `skip_page_cache(request)`.

Key: scheme, host, path and query string. Invalidation: a generation number,
stored in the cache beside the pages and read with them in one round trip
(`get_many`); each stored page carries the generation it was rendered under
and counts only while that generation is current. Any page publish,
unpublish, move or deletion and any other model saved or deleted (snippets,
settings, partner profiles…) bumps it, except the models of
PORTAL_PAGE_CACHE_IGNORED_MODELS (sessions, logs, outbox, rate limits, task
results, renditions…), which change no public page. The bump happens at once
and again when the transaction commits, so no page rendered from the old data
outlives the commit.

PORTAL_PAGE_CACHE_SECONDS = 0 turns it off: the middleware removes itself
from the stack at start (MiddlewareNotUsed) and costs nothing.
"""

import datetime
import hashlib
import logging
import re
import time
import uuid
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost, MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
# Headers a stored page never carries (added per request, or per visitor).
_DROPPED_HEADERS = {"set-cookie", "content-length", HEADER.lower()}
_REQUEST_FLAG = "_portal_skip_page_cache"


def page_cache():
    return caches[getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default")]


def skip_page_cache(request):
    """Mark this request's response as never to be stored in the page cache."""
    setattr(request, _REQUEST_FLAG, True)


_LIMIT_FLAG = "_portal_page_cache_until"


def limit_page_cache(request, until):
    """The page changes by itself at `until` (an aware datetime: a call
    opens or closes at midnight, an event ends): its cached copy must not
    outlive that moment. The earliest limit wins."""
    current = getattr(request, _LIMIT_FLAG, None)
    if current is None or until < current:
        setattr(request, _LIMIT_FLAG, until)


def next_local_midnight(now=None):
    """The next midnight in the portal's time zone (dates of calls are local)."""
    now = timezone.localtime(now)
    tomorrow = now.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))


def _timeout(request, seconds):
    until = getattr(request, _LIMIT_FLAG, None)
    if until is None:
        return seconds
    return min(seconds, int((until - timezone.now()).total_seconds()))


@lru_cache(maxsize=4)
def _excluded_paths(patterns):
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns)) if patterns else None


def _cookies_of_one_visitor():
    return {settings.SESSION_COOKIE_NAME, "messages"}


def cache_key(request):
    """The entry's key: scheme, host, path and query string (hashed)."""
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


_last_failure = 0.0
# True while `migrate` runs: its data migrations save models, possibly before
# `createcachetable` has made the cache table (post_migrate bumps once).
_suspended = False


def bump_generation():
    """Every stored page becomes stale (a fresh random generation)."""
    global _last_failure
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception as exc:  # the cache is down: its pages are unreachable too
        now = time.monotonic()
        if now - _last_failure > 60:  # one line a minute, not one per saved row
            _last_failure = now
            logger.warning("Page cache: the generation could not be bumped (%s: %s)", type(exc).__name__, exc)


def _bump_on_commit():
    bump_generation()


def invalidate(using=DEFAULT_DB_ALIAS):
    """Bump now, and (inside a transaction) again when it commits: a page
    rendered meanwhile from the data as it was before the commit is dropped
    then. One on-commit bump per transaction, however many rows it saves."""
    bump_generation()
    connection = connections[using]
    if connection.in_atomic_block and not any(entry[1] is _bump_on_commit for entry in connection.run_on_commit):
        transaction.on_commit(_bump_on_commit, using=using)


def _request_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if cookies and not _cookies_of_one_visitor().isdisjoint(cookies):
        return False
    excluded = _excluded_paths(tuple(settings.PORTAL_PAGE_CACHE_EXCLUDED_PATHS))
    return not (excluded and excluded.search(request.path))


def _response_cacheable(request, response):
    if request.method != "GET" or response.status_code != 200 or not isinstance(response, HttpResponse):
        return False
    if getattr(request, _REQUEST_FLAG, False) or getattr(request, "is_preview", False):
        return False
    # get_token() (a form's {% csrf_token %}) flags the request, whether or not
    # the visitor already had the cookie.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    # Vary: Cookie is on nearly every page (the auth and messages context
    # processors read the session). It is harmless here: only requests with no
    # session or messages cookie are served from or stored in the cache, and
    # for all of those the session is the same empty one. Anything else in
    # Vary (Accept-Language…) would split the page: not stored.
    if vary - {"accept-encoding", "cookie"}:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0))
        if self.seconds <= 0:
            raise MiddlewareNotUsed

    def __call__(self, request):
        if not _request_cacheable(request):
            return self.get_response(request)
        try:
            key = cache_key(request)
        except DisallowedHost:
            return self.get_response(request)
        cache = page_cache()
        try:
            found = cache.get_many([GENERATION_KEY, key])
        except Exception:  # the cache is down: a miss, never an error page
            logger.warning("Page cache unreachable: page served uncached", exc_info=True)
            return self.get_response(request)
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is not None and entry is not None and entry[0] == generation:
            return self._replay(entry)

        if generation is None:
            # First use, or the cache lost it: start one. `add` keeps the one
            # another process may have set meanwhile.
            generation = uuid.uuid4().hex
            try:
                if not cache.add(GENERATION_KEY, generation, timeout=None):
                    generation = cache.get(GENERATION_KEY)
            except Exception:
                generation = None
        response = self.get_response(request)
        timeout = _timeout(request, self.seconds)
        if generation is not None and timeout > 0 and _response_cacheable(request, response):
            headers = [(name, value) for name, value in response.items() if name.lower() not in _DROPPED_HEADERS]
            try:
                cache.set(key, (generation, response.content, headers), timeout=timeout)
            except Exception:
                logger.warning("Page cache unreachable: page not stored", exc_info=True)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _replay(entry):
        _generation, content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response


# --- Invalidation ----------------------------------------------------------------


@lru_cache(maxsize=4)
def _ignored(labels):
    return frozenset(label.lower() for label in labels)


def _model_changed(sender, **kwargs):
    if _suspended or not getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0):
        return
    if sender._meta.label_lower in _ignored(tuple(settings.PORTAL_PAGE_CACHE_IGNORED_MODELS)):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= {"last_login"}:  # a login changes no public page
        return
    invalidate(kwargs.get("using") or DEFAULT_DB_ALIAS)


def _page_signal(sender, **kwargs):
    if getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0):
        invalidate()


def _migrate_starts(**kwargs):
    global _suspended
    _suspended = True


def _migrate_ends(**kwargs):
    global _suspended
    if _suspended:
        _suspended = False
        if getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0):
            bump_generation()


def connect_signals():
    """Called from CoreConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate
    from wagtail.signals import page_published, page_unpublished, post_page_move

    pre_migrate.connect(_migrate_starts, dispatch_uid="core.pagecache.pre_migrate")
    post_migrate.connect(_migrate_ends, dispatch_uid="core.pagecache.post_migrate")
    post_save.connect(_model_changed, dispatch_uid="core.pagecache.post_save")
    post_delete.connect(_model_changed, dispatch_uid="core.pagecache.post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="core.pagecache.m2m_changed")
    page_published.connect(_page_signal, dispatch_uid="core.pagecache.page_published")
    page_unpublished.connect(_page_signal, dispatch_uid="core.pagecache.page_unpublished")
    post_page_move.connect(_page_signal, dispatch_uid="core.pagecache.post_page_move")


def _m2m_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        _model_changed(type(instance), using=kwargs.get("using"))
