"""Signed, expiring, single-use links (django.core.signing + a marker row).

The token carries an object id and a random nonce; the signature and its
timestamp give the expiry; a `SignedLinkUse` row (hash of purpose + nonce)
makes it usable once.
"""

import base64
import binascii
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction

from directory.models import SignedLinkUse

ACCEPT_DECLINE_MAX_AGE = 21 * 24 * 3600
CONFIRM_MAX_AGE = 7 * 24 * 3600
EMAIL_CHANGE_MAX_AGE = CONFIRM_MAX_AGE


def manage_link_days():
    """Days a "Gérer mon profil" link stays valid (DIRECTORY_MANAGE_LINK_DAYS)."""
    return settings.DIRECTORY_MANAGE_LINK_DAYS


def manage_max_age():
    return manage_link_days() * 24 * 3600


def make_token(purpose, object_id, nonce=None, **extra):
    nonce = nonce or secrets.token_urlsafe(12)
    signed = signing.dumps({"id": object_id, "n": nonce, **extra}, salt=f"directory.{purpose}", compress=True)
    # Wagtail's page URLs accept only [\w-] in a path segment: re-encode.
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def _load(purpose, token, max_age):
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        data = signing.loads(signed, salt=f"directory.{purpose}", max_age=max_age)
        return {**data, "id": int(data["id"]), "n": str(data["n"])}
    except (signing.BadSignature, KeyError, TypeError, ValueError, binascii.Error, UnicodeDecodeError):
        return None


def read_token(purpose, token, max_age):
    """(object_id, nonce), or None when the token is forged, altered or expired."""
    data = _load(purpose, token, max_age)
    return (data["id"], data["n"]) if data else None


def read_expired_token(purpose, token):
    """(object_id, nonce) of an authentic token whatever its age, so that an
    expired link can offer to send a fresh one (to the address on file only)."""
    return read_token(purpose, token, None)


def make_email_change_token(profile_id, new_email):
    """A link sent to the new address: the change happens when it is opened."""
    return make_token("email-change", profile_id, email=new_email)


def read_email_change_token(token):
    """(profile_id, nonce, new_email), or None."""
    data = _load("email-change", token, EMAIL_CHANGE_MAX_AGE)
    if not data or not isinstance(data.get("email"), str):
        return None
    return data["id"], data["n"], data["email"]


def _hash(purpose, nonce):
    return hashlib.sha256(f"{purpose}:{nonce}".encode()).hexdigest()


def is_used(purpose, nonce):
    return SignedLinkUse.objects.filter(nonce_hash=_hash(purpose, nonce)).exists()


def consume(purpose, nonce):
    """Mark the link used; False if it already was (race-safe: unique row)."""
    try:
        with transaction.atomic():
            SignedLinkUse.objects.create(nonce_hash=_hash(purpose, nonce))
    except IntegrityError:
        return False
    return True
