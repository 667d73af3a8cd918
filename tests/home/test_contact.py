"""The contact form: stored before any email, French errors that keep what
was typed, spam stored but never emailed, rate limit with HTTP 429."""

import pytest
from django.core import mail
from django.test import override_settings

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.factories import PortalSettingsFactory
from core.models import OutgoingEmail
from home.factories import ContactPageFactory
from home.models import ContactPage, ContactSubmission
from tests.utils import plain

CONTACT_EMAIL = "equipe-contact@example.org"


@pytest.fixture
def contact(site, home_page):
    page = ContactPageFactory(parent=home_page)
    PortalSettingsFactory(site=site, contact_email=CONTACT_EMAIL, contact_page=page)
    return page


def form_data(client, page, **overrides):
    """The form as a browser would post it: GET it first for the token."""
    response = client.get(page.url)
    token = response.context["form"].initial[TIMESTAMP_FIELD]
    fields = {f.clean_name: f for f in page.form_fields.all()}
    data = {
        "votre_nom": "Camille (fictive)",
        "votre_adresse_electronique": "camille@example.org",
        "votre_message": "Bonjour, nous aimerions associer des patients à notre projet.",
        TIMESTAMP_FIELD: token,
        HONEYPOT_FIELD: "",
    }
    assert set(data) - {TIMESTAMP_FIELD, HONEYPOT_FIELD} <= set(fields)
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_valid_message_is_stored_then_emailed_to_the_contact_address(
    client, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact.url, form_data(client, contact))
    assert response.status_code == 200
    assert "Merci" in response.content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.get_data()["votre_message"].startswith("Bonjour")
    assert not submission.is_spam
    assert HONEYPOT_FIELD not in submission.form_data
    email = OutgoingEmail.objects.get(purpose="contact-form")
    assert email.status == OutgoingEmail.Status.SENT
    assert mail.outbox[0].to == [CONTACT_EMAIL]
    assert "Camille (fictive)" in mail.outbox[0].body


@pytest.mark.django_db
def test_missing_fields_give_french_errors_and_keep_what_was_typed(client, contact):
    data = form_data(client, contact, votre_adresse_electronique="pas-une-adresse", votre_message="")
    response = client.post(contact.url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient 2 erreurs" in html
    assert "Votre message : Champ requis." in plain(html)
    assert "Saisissez une adresse de courriel valide." in html
    assert 'value="Camille (fictive)"' in html
    assert 'value="pas-une-adresse"' in html
    # Errors are tied to their field.
    assert 'aria-describedby="id_votre_adresse_electronique-aide id_votre_adresse_electronique-erreur"' in html
    assert ContactSubmission.objects.count() == 0


@pytest.mark.django_db
def test_honeypot_submission_is_stored_as_spam_and_not_emailed(client, contact, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact.url, form_data(client, contact, **{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 200
    assert ContactSubmission.objects.get().is_spam
    assert OutgoingEmail.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(PORTAL_FORM_MIN_SECONDS=30)
def test_a_form_filled_faster_than_a_human_is_spam(client, contact):
    client.post(contact.url, form_data(client, contact))
    assert ContactSubmission.objects.get().is_spam


@pytest.mark.django_db
@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=2)
def test_rate_limit_answers_429_in_french_with_the_form_refilled(client, contact):
    from django.core.cache import cache

    cache.clear()
    for _ in range(2):
        assert client.post(contact.url, form_data(client, contact)).status_code == 200
    response = client.post(contact.url, form_data(client, contact, votre_message="Troisième essai, gardé."))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop d’envois en peu de temps" in html
    assert "Troisième essai, gardé." in html
    assert ContactSubmission.objects.count() == 2


@pytest.mark.django_db
def test_too_many_links_is_refused_with_a_message(client, contact):
    spammy = " ".join(f"https://example.org/{i}" for i in range(5))
    response = client.post(contact.url, form_data(client, contact, votre_message=spammy))
    assert response.status_code == 400
    assert "trop de liens" in response.content.decode()


@pytest.mark.django_db
def test_contact_page_is_a_single_instance(contact):
    assert not ContactPage.can_create_at(contact.get_parent())


@pytest.mark.django_db
def test_a_form_builder_single_line_field_refuses_line_breaks(client, contact):
    response = client.post(contact.url, form_data(client, contact, votre_nom="Camille\nObjet : faux"))
    assert response.status_code == 400
    assert "Ce champ tient sur une seule ligne" in response.content.decode()
    assert not ContactSubmission.objects.exists()


@pytest.mark.django_db
def test_a_replayed_contact_token_is_stored_as_spam_and_not_emailed(
    client, contact, django_capture_on_commit_callbacks
):
    data = form_data(client, contact)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact.url, data)
        client.post(contact.url, data)
    assert [s.is_spam for s in ContactSubmission.objects.order_by("pk")] == [False, True]
    assert len(mail.outbox) == 1
