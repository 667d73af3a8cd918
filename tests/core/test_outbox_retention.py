"""The outbox keeps no live bearer link once an email is sent, keeps the text
of sent emails only PORTAL_OUTBOX_RETENTION_DAYS, and only administrators read it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.models.outbox import ERASED_BODY, OutgoingEmail, queue_email, redact_bearer_links
from editorial import roles
from editorial.factories import SuperuserFactory, UserFactory
from tests.utils import refused_by_the_admin

pytestmark = pytest.mark.django_db


def test_a_pending_email_keeps_its_links_until_it_is_sent(django_capture_on_commit_callbacks):
    token = "AbCdEfGh1234567890IjKlMnOp_QrStUv-wxyz"
    email = queue_email(
        to="a@example.org", subject="S", body=f"https://x.example/l/{token}/", purpose="t", send_now=False
    )
    email.refresh_from_db()
    assert token in email.body
    assert email.try_send()
    email.refresh_from_db()
    assert token not in email.body and token in mail.outbox[-1].body


def test_redaction_spares_slugs_admin_urls_and_plain_text():
    text = (
        "Voir https://portail.example.org/projets/parcours-de-soins-coordonnes-en-occitanie-2025/ "
        "et https://portail.example.org/admin/pages/1234/edit/ ; code AbCdEfGh1234567890IjKlMnOp_QrStUv hors lien."
    )
    assert redact_bearer_links(text) == text


def _sent(days_ago, body="Corps avec 06 12 34 56 78"):
    email = OutgoingEmail.objects.create(to="a@example.org", subject="S", body=body, purpose="t")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now() - timedelta(days=days_ago)
    )
    return email


def test_sent_bodies_are_erased_after_the_retention_period(capsys):
    old, recent = _sent(31), _sent(29)
    pending = OutgoingEmail.objects.create(to="b@example.org", subject="S", body="En attente", purpose="t")
    call_command("purge_outbox")
    assert OutgoingEmail.objects.get(pk=old.pk).body == ERASED_BODY
    assert OutgoingEmail.objects.get(pk=recent.pk).body == "Corps avec 06 12 34 56 78"
    assert OutgoingEmail.objects.get(pk=pending.pk).body == "En attente"
    assert "1 courriel(s) envoyé(s) depuis plus de 30 jours effacé(s)" in capsys.readouterr().out
    with override_settings(PORTAL_OUTBOX_RETENTION_DAYS=7):
        call_command("purge_outbox")
    assert OutgoingEmail.objects.get(pk=recent.pk).body == ERASED_BODY


@pytest.mark.parametrize(
    "group",
    [roles.EDITORS, roles.COPILOTS_PATIENTS, roles.COPILOTS_PROFESSIONALS, roles.MODERATORS],
)
def test_the_outbox_admin_is_refused_to_every_group_but_administrators(client, group):
    email = _sent(1)
    client.force_login(UserFactory(groups=[group]))
    assert refused_by_the_admin(client.get("/admin/outbox/"))
    assert refused_by_the_admin(client.get(f"/admin/outbox/inspect/{email.pk}/"))
    assert "/admin/outbox/" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("superuser", [False, True])
def test_administrators_read_the_outbox(client, superuser):
    email = _sent(1)
    user = SuperuserFactory() if superuser else UserFactory(groups=[roles.ADMINS])
    client.force_login(user)
    assert client.get("/admin/outbox/").status_code == 200
    assert "06 12 34 56 78" in client.get(f"/admin/outbox/inspect/{email.pk}/").content.decode()
