"""Signed, expiring, single-use links (django.core.signing + a marker row).

The token carries an object id and a random nonce; the signature and its
timestamp give the expiry; a `SignedLinkUse` row (hash of purpose + nonce)
makes it usable once.
"""

import base64
import binascii
import hashlib
import secrets

from django.core import signing
from django.db import IntegrityError, transaction

from directory.models import SignedLinkUse

ACCEPT_DECLINE_MAX_AGE = 21 * 24 * 3600
MANAGE_MAX_AGE = 3600
CONFIRM_MAX_AGE = 7 * 24 * 3600


def make_token(purpose, object_id, nonce=None):
    nonce = nonce or secrets.token_urlsafe(12)
    signed = signing.dumps({"id": object_id, "n": nonce}, salt=f"directory.{purpose}", compress=True)
    # Wagtail's page URLs accept only [\w-] in a path segment: re-encode.
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(purpose, token, max_age):
    """(object_id, nonce), or None when the token is forged, altered or expired."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        data = signing.loads(signed, salt=f"directory.{purpose}", max_age=max_age)
        return int(data["id"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, binascii.Error, UnicodeDecodeError):
        return None


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
