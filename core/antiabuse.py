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
kept in the shared cache until the token expires), so a replayed token flags
the submission as spam. A form with errors keeps its token usable; a valid
form shown again (rate limited) gets a fresh token with the same start time.
"""

import hashlib
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
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
        if not cache.add(_used_token_key(token_id), 1, timeout=TOKEN_MAX_AGE + 60):
            self._flag("token-reused")
        self.data = self.data.copy()
        self.data[self.add_prefix(TIMESTAMP_FIELD)] = make_fill_token(started)


def count_links(text):
    lowered = text.lower()
    return lowered.count("http://") + lowered.count("https://") + lowered.count("www.")


def client_ip(request):
    if getattr(settings, "PORTAL_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _bucket_key(scope, kind, value):
    digest = hashlib.sha256(f"{kind}:{value}".lower().encode()).hexdigest()[:32]
    window = int(time.time() // 3600)
    return f"ratelimit:{scope}:{kind}:{digest}:{window}"


def _hit(key):
    cache.add(key, 0, timeout=3700)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3700)
        return 1


def rate_limit_exceeded(request, scope, email=None, limit=None):
    """Count one submission for this IP (and email) in the current hour and
    say whether the limit is exceeded. Keys are hashed: no address is stored
    in clear in the cache."""
    limit = limit or settings.PORTAL_RATE_LIMIT_PER_HOUR
    exceeded = _hit(_bucket_key(scope, "ip", client_ip(request))) > limit
    if email:
        exceeded = _hit(_bucket_key(scope, "email", email)) > limit or exceeded
    return exceeded


def render_rate_limited(request, template, context):
    """HTTP 429 with the form shown again, everything typed kept."""
    context = {**context, "rate_limited": True}
    response = TemplateResponse(request, template, context, status=429)
    response["Retry-After"] = "3600"
    return response
