"""The "Proposer un projet" form: stored first, a draft page for the
editors, an acknowledgement through the outbox, French errors, anti-abuse."""

import re
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.test import override_settings

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.models import OutgoingEmail
from projects.models import ProjectPage, ProjectProposal
from tests.utils import plain

URL = "/projets/proposer/"


def form_data(client, **overrides):
    token = client.get(URL).context["form"].initial[TIMESTAMP_FIELD]
    data = {
        "submitter_name": "Camille Exemple (fictive)",
        "submitter_email": "camille@example.org",
        "title": "Un comité d'usagers pour la maternité",
        "summary": "Des parents participent aux choix d'organisation de la maternité.",
        "domain": "gouvernance",
        "themes": "gouvernance, aidants",
        "structure_name": "Centre hospitalier d'exemple",
        "structure_type": "ch",
        "department_code": "81",
        "town": "Albi",
        "start_year": "2024",
        "end_year": "",
        "status": "en-cours",
        "engagement_degree": "collaboration",
        "engagement_scale": "meso",
        "partner_roles": ["proche-aidant", "representant-usagers"],
        "objectives": "Associer les parents aux décisions.\nÉvaluer après un an.",
        "team": "Deux mères partenaires, une sage-femme cadre.",
        "results": "",
        "public_contact_email": "maternite@example.org",
        "consent": "on",
        TIMESTAMP_FIELD: token,
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_proposal_becomes_a_draft_page_and_an_acknowledgement(client, index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(client))
    assert response.status_code == 200
    assert "Merci" in response.content.decode()
    proposal = ProjectProposal.objects.get()
    assert proposal.submitter_email == "camille@example.org" and not proposal.is_spam
    page = ProjectPage.objects.get(pk=proposal.draft_page_id)
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == index.pk
    assert page.region_code == "76" and page.domain.slug == "gouvernance"
    assert sorted(t.name for t in page.tags.all()) == ["aidants", "gouvernance"]
    assert sorted(r.role for r in page.partner_roles.all()) == ["proche-aidant", "representant-usagers"]
    assert "Associer les parents" in str(page.body)
    assert "Camille" not in str(page.body) and page.contact_email == "maternite@example.org"
    assert client.get("/projets/").context["page_obj"].paginator.count == 0  # not public
    ack = OutgoingEmail.objects.get(purpose="project-proposal-ack")
    assert ack.status == OutgoingEmail.Status.SENT
    assert [m.to for m in mail.outbox] == [["camille@example.org"], ["contact@partenariat-sante.example.org"]]


@pytest.mark.django_db
def test_everything_is_stored_even_when_smtp_is_down(client, index, django_capture_on_commit_callbacks):
    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=smtplib.SMTPException("down")
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(URL, form_data(client))
    assert response.status_code == 200
    proposal = ProjectProposal.objects.get()
    assert proposal.draft_page is not None
    ack = OutgoingEmail.objects.get(purpose="project-proposal-ack")
    assert ack.status == OutgoingEmail.Status.PENDING and ack.attempts == 1 and "down" in ack.last_error


@pytest.mark.django_db
def test_invalid_proposal_gives_french_errors_and_keeps_what_was_typed(client, index):
    data = form_data(client, title="", submitter_email="pas-une-adresse", start_year="2025", end_year="2020")
    del data["consent"]
    response = client.post(URL, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Champ requis." in html
    assert "Saisissez une adresse de courriel valide." in html
    assert "L'année de fin ne peut pas précéder" in plain(html)
    assert "Cochez cette case" in html
    assert 'value="pas-une-adresse"' in html and "Des parents participent" in html
    assert re.search(r'value="proche-aidant"[^>]*checked', html)
    assert not re.search(r'value="pair-aidant"[^>]*checked', html)
    assert 'aria-describedby="id_title-erreur"' in html
    assert not ProjectProposal.objects.exists() and not ProjectPage.objects.exists()


@pytest.mark.django_db
def test_spam_is_stored_flagged_but_creates_nothing_and_sends_nothing(
    client, index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data(client, **{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 200
    proposal = ProjectProposal.objects.get()
    assert proposal.is_spam and proposal.draft_page is None
    assert not ProjectPage.objects.exists()
    assert not OutgoingEmail.objects.exists() and not mail.outbox


@pytest.mark.django_db
@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=2)
def test_rate_limit_answers_429_with_the_form_refilled(client, index):
    from django.core.cache import cache

    cache.clear()
    for n in range(2):
        assert client.post(URL, form_data(client, title=f"Projet {n}")).status_code == 200
    response = client.post(URL, form_data(client, title="Projet de trop"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop d’envois" in html and 'value="Projet de trop"' in html
    assert ProjectProposal.objects.count() == 2


@pytest.fixture
def fresh_cache():
    """Rate-limit counters and used tokens live in the (process-wide) cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_a_fill_time_token_serves_one_valid_submission_only(
    client, index, fresh_cache, django_capture_on_commit_callbacks
):
    data = form_data(client)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(URL, data).status_code == 200
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        replay = client.post(URL, {**data, "title": "Le même jeton, rejoué"})
    assert replay.status_code == 200  # a bot sees the same confirmation...
    first, second = ProjectProposal.objects.order_by("pk")
    assert not first.is_spam and first.draft_page is not None
    assert second.is_spam and second.spam_reason == "token-reused"  # ...but the replay is flagged
    assert second.draft_page is None and ProjectPage.objects.count() == 1
    assert sent and len(mail.outbox) == sent


@pytest.mark.django_db
def test_a_form_with_errors_keeps_its_token_usable(client, index, fresh_cache):
    data = form_data(client)
    assert client.post(URL, {**data, "title": ""}).status_code == 400
    assert client.post(URL, data).status_code == 200
    assert not ProjectProposal.objects.get().is_spam


@pytest.mark.django_db
@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=1)
def test_a_rate_limited_form_is_shown_again_with_a_fresh_token(client, index, fresh_cache):
    assert client.post(URL, form_data(client, title="Premier")).status_code == 200
    data = form_data(client, title="Second")
    response = client.post(URL, data)
    assert response.status_code == 429
    fresh = re.search(rf'name="{TIMESTAMP_FIELD}" value="([^"]+)"', response.content.decode()).group(1)
    assert fresh != data[TIMESTAMP_FIELD]
    with override_settings(PORTAL_RATE_LIMIT_PER_HOUR=10):
        assert client.post(URL, {**data, TIMESTAMP_FIELD: fresh}).status_code == 200
    assert not ProjectProposal.objects.get(title="Second").is_spam


@pytest.mark.django_db
@pytest.mark.parametrize("title", ["Un titre\nsur deux lignes", "Un titre\r\nCc: x@example.org", "A\u2028B"])
def test_a_line_break_in_a_single_line_field_is_refused_in_french(client, index, fresh_cache, title):
    response = client.post(URL, form_data(client, title=title))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ce champ tient sur une seule ligne\u202f: retirez les retours à la ligne." in html
    assert "Camille Exemple (fictive)" in html  # nothing typed is lost
    assert not ProjectProposal.objects.exists()
