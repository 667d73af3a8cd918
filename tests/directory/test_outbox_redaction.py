"""Live bearer links in the outbox: once sent, the stored body of a contact
email holds a hash of the token, not the token."""

import hashlib
import re

import pytest
from django.core import mail

from core.models.outbox import OutgoingEmail

from .conftest import contact_data

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://[^\s]+/annuaire/reponse/accepter/([\w-]+)/")


def test_a_sent_contact_email_keeps_no_usable_accept_link(client, directory, django_capture_on_commit_callbacks):
    from directory.factories import PartnerProfileFactory

    profile = PartnerProfileFactory()
    url = f"/annuaire/profil/{profile.pk}/contact/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, contact_data(client, url))
    (sent,) = [m for m in mail.outbox if m.to == [profile.email]]  # what the partner received
    token = LINK.search(sent.body).group(1)
    stored = OutgoingEmail.objects.get(purpose="directory-contact")
    assert stored.status == OutgoingEmail.Status.SENT
    assert token not in stored.body
    digest = hashlib.sha256(token.encode()).hexdigest()[:16]
    assert f"/annuaire/reponse/accepter/jeton-retire-sha256-{digest}/" in stored.body  # auditable
    assert f"/annuaire/reponse/decliner/jeton-retire-sha256-{digest}/" in stored.body
    redacted_link = re.search(r"http://[^\s]+(/annuaire/reponse/accepter/[\w-]+/)", stored.body).group(1)
    assert client.post(redacted_link).status_code == 400  # an administrator cannot act as the partner
    assert client.get(f"/annuaire/reponse/accepter/{token}/").status_code == 200  # the real link still works
