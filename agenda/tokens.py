"""The cancellation link of a registration: its random key, signed
(django.core.signing), re-encoded so it fits a Wagtail path segment ([\\w-])."""

import base64
import binascii
import uuid

from django.core import signing

SALT = "agenda.registration.cancel"


def make_token(registration):
    signed = signing.dumps(str(registration.key), salt=SALT)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(token):
    """The registration key the token signs, or None when forged or altered."""
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        return uuid.UUID(signing.loads(signed, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError, binascii.Error, UnicodeDecodeError):
        return None
