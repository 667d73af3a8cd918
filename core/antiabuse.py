"""Anti-abuse for every public form: honeypot, minimum fill time and rate
limits that hold across worker processes (they live in the shared cache).

Usage in a view::

    form = MyForm(request.POST)            # MyForm mixes in AntiAbuseFormMixin
    if form.is_valid():
        if rate_limit_exceeded(request, "contact", email=form.cleaned_data["email"]):
            return render_rate_limited(request, template, context)   # HTTP 429, form refilled
        obj = form.save(commit=False)
        obj.is_spam = form.is_spam             # store spam, never email it

A spam submission is valid from the visitor's point of view (bots get the same
confirmation), but it is flagged and never emailed.

The fill-time token is single use: a valid submission consumes it (its id is
kept in the `ratelimit` cache until the token expires), so a replayed token
flags the submission as spam. A form with errors keeps its token usable; a
valid form shown again (rate limited) gets a fresh token with the same start
time.

Rate limits count in fixed one-hour windows, in the `ratelimit` cache alias
(its own database table by default, Redis with REDIS_URL): a counter is
created with an expiry at the end of its window, and a hit never moves that
expiry (`core.cache.RateLimitDatabaseCache.incr`; Redis's INCR and the local
memory cache keep it too). A page cache filling the default cache cannot
evict the counters.
"""

import functools
import hashlib
import ipaddress
import math
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.template.response import TemplateResponse
from django.utils.translation import gettext

HONEYPOT_FIELD = "site_web"
TIMESTAMP_FIELD = "jeton_formulaire"
_SIGNER_SALT = "portal.antiabuse.form-timestamp"
TOKEN_MAX_AGE = 24 * 3600


def make_fill_token(started=None):
    """A signed token holding when the form was shown and a random id."""
    return signing.dumps(
        {"t": time.time() if started is None else started, "id": secrets.token_hex(16)}, salt=_SIGNER_SALT
    )


def read_fill_token(token):
    """(started, id) of a valid token, or None."""
    try:
        payload = signing.loads(token, salt=_SIGNER_SALT, max_age=TOKEN_MAX_AGE)
        started, token_id = float(payload["t"]), str(payload["id"])
    except (signing.BadSignature, TypeError, ValueError, KeyError):
        return None
    return started, token_id


def _used_token_key(token_id):
    return f"antiabuse:used-token:{hashlib.sha256(token_id.encode()).hexdigest()[:32]}"


class AntiAbuseFormMixin(forms.Form):
    """Adds a honeypot and a signed timestamp; sets `self.is_spam` on clean."""

    max_links = 3

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_spam = False
        self.spam_reason = ""
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=gettext("Ne remplissez pas ce champ"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TIMESTAMP_FIELD] = forms.CharField(required=False, widget=forms.HiddenInput)
        self._fill_token = None
        self._fill_token_consumed = False
        if not self.is_bound:
            self.initial[TIMESTAMP_FIELD] = make_fill_token()

    def _flag(self, reason):
        self.is_spam = True
        self.spam_reason = reason

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            self._flag("honeypot")
        self._fill_token = read_fill_token(cleaned.get(TIMESTAMP_FIELD) or "")
        if self._fill_token is None:
            self._flag("timestamp")
        elif time.time() - self._fill_token[0] < settings.PORTAL_FORM_MIN_SECONDS:
            self._flag("too-fast")
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and count_links(value) > self.max_links:
                self.add_error(
                    name,
                    gettext("Ce champ contient trop de liens (au plus %(max)s). Retirez-en quelques-uns.")
                    % {"max": self.max_links},
                )
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        if valid:
            self._consume_fill_token()
        return valid

    def _consume_fill_token(self):
        """Mark the token used (atomically: `cache.add` fails if another
        submission used it first), then put a fresh one in the bound data for
        the case the form is shown again."""
        if self._fill_token_consumed or self._fill_token is None:
            return
        self._fill_token_consumed = True
        started, token_id = self._fill_token
        if not caches[RATE_LIMIT_CACHE].add(_used_token_key(token_id), 1, timeout=TOKEN_MAX_AGE + 60):
            self._flag("token-reused")
        self.data = self.data.copy()
        self.data[self.add_prefix(TIMESTAMP_FIELD)] = make_fill_token(started)


def count_links(text):
    lowered = text.lower()
    return lowered.count("http://") + lowered.count("https://") + lowered.count("www.")


@functools.lru_cache(maxsize=8)
def parse_trusted_proxies(value):
    """PORTAL_TRUSTED_PROXIES: "" or "0" (no proxy: REMOTE_ADDR is the
    client), a number of proxy hops ("1": one load balancer), or a
    comma-separated list of addresses and CIDR networks of the proxies
    ("10.0.0.0/8, 192.168.1.7"). Returns an int or a tuple of networks."""
    value = str(value).strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    try:
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip())
    except ValueError as error:
        raise ImproperlyConfigured(
            f"PORTAL_TRUSTED_PROXIES must be a number of proxy hops or a comma-separated list of CIDR networks: {error}"
        ) from error


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, unless it is a trusted proxy
    (PORTAL_TRUSTED_PROXIES); then the X-Forwarded-For chain is read from the
    right, each trusted proxy appending the address it received the request
    from, and the first address that is not a trusted proxy is the client's.
    The leftmost entries are whatever the client sent: never trusted."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = parse_trusted_proxies(getattr(settings, "PORTAL_TRUSTED_PROXIES", ""))
    if not trusted:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, remote]  # the nearest hop last
    if isinstance(trusted, int):
        # `trusted` hops: the last `trusted` addresses are proxies; the one
        # before them was appended by the outermost proxy.
        candidate = chain[-(trusted + 1)] if len(chain) > trusted else chain[0]
    else:
        candidate = chain[0]
        for entry in reversed(chain):
            address = _address(entry)
            if address is None or not any(address in network for network in trusted):
                candidate = entry
                break
    return str(_address(candidate) or remote)


RATE_LIMIT_CACHE = "ratelimit"
WINDOW_SECONDS = 3600


def rate_limit_cache():
    return caches[RATE_LIMIT_CACHE]


def current_window(now=None):
    """The fixed window `now` falls in: (its number, the timestamp it ends at)."""
    now = time.time() if now is None else now
    number = int(now // WINDOW_SECONDS)
    return number, (number + 1) * WINDOW_SECONDS


def seconds_until_next_window(now=None):
    """What a 429 answer's Retry-After says: the counters reset when the
    current fixed window ends, not an hour after the last attempt."""
    now = time.time() if now is None else now
    return max(math.ceil(current_window(now)[1] - now), 1)


def _bucket_key(scope, kind, value, window):
    digest = hashlib.sha256(f"{kind}:{value}".lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{kind}:{digest}:{window}"


def _hit(key, window_end):
    """Count one hit; the counter expires when its window ends, whatever the
    number of hits (the expiry is set once, when the counter is created)."""
    cache = rate_limit_cache()
    timeout = max(math.ceil(window_end - time.time()), 1)
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def rate_limit_exceeded(request, scope, email=None, limit=None):
    """Count one submission for this IP (and email) in the current hour and
    say whether the limit is exceeded. Keys are hashed: no address is stored
    in clear in the cache."""
    limit = limit or settings.PORTAL_RATE_LIMIT_PER_HOUR
    window, window_end = current_window()
    exceeded = _hit(_bucket_key(scope, "ip", client_ip(request), window), window_end) > limit
    if email:
        exceeded = _hit(_bucket_key(scope, "email", email, window), window_end) > limit or exceeded
    return exceeded


def render_rate_limited(request, template, context):
    """HTTP 429 with the form shown again, everything typed kept."""
    context = {**context, "rate_limited": True}
    response = TemplateResponse(request, template, context, status=429)
    response["Retry-After"] = str(seconds_until_next_window())
    return response
