"""Email texts come from plain-text templates (core.emails.render_email):
never HTML-escaped, subject on one line, one template pair per email."""

from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from django.conf import settings

from core.emails import render_email
from directory import emails as directory_emails
from tests.utils import plain

ROOT = Path(settings.BASE_DIR)


def email_templates():
    return sorted(path for path in ROOT.glob("**/templates/*/emails/*.txt") if ".venv" not in path.parts)


def test_every_email_template_is_plain_text_and_comes_in_a_pair():
    templates = email_templates()
    names = {path.name for path in templates}
    assert {"contact_to_partner.txt", "contact_form.txt", "proposal_ack.txt", "published.txt"} <= names
    for path in templates:
        text = path.read_text()
        if path.stem.endswith("_subject"):
            assert path.with_name(path.name.replace("_subject.txt", ".txt")).exists(), path
        elif path.name != "signature.txt" and not path.name.startswith("_"):  # partials: included
            assert path.with_name(f"{path.stem}_subject.txt").exists(), path
        if path.name != "signature.txt" and not path.name.startswith("_"):
            assert text.startswith("{% autoescape off %}") and "{% endautoescape %}" in text, path


def test_rendered_text_is_not_html_escaped_and_the_subject_is_one_line():
    profile = "profil de Zoé d'Arc & Co <test>"
    subject, body = render_email(
        "directory/emails/report_to_moderators",
        {"profile": profile, "reason": "l'adresse", "message": "", "admin_url": "http://x/?a=1&b=2"},
    )
    assert plain(subject) == "Signalement : profil de Zoé d'Arc & Co <test>"
    assert "(l'adresse)" in plain(body) and "Précisions : aucune" in plain(body) and "http://x/?a=1&b=2" in plain(body)
    assert body.endswith("(message automatique, merci de ne pas y répondre)\n")
    assert "&#x27;" not in body + subject and "&amp;" not in body + subject


def test_directory_email_keeps_its_text():
    profile = SimpleNamespace(pk=None, display_name="Camille D'Arc", email="c@example.org", phone="06 11 22 33 44")
    contact = SimpleNamespace(profile=profile, requester_name="Jean", requester_email="j@example.org")
    contact.outgoing_emails = SimpleNamespace(add=lambda email: None)
    with mock.patch.object(directory_emails, "queue_email") as queue_email:
        directory_emails.acceptance_to_structure(contact)
    kwargs = queue_email.call_args.kwargs
    assert kwargs["to"] == "j@example.org" and kwargs["purpose"] == "directory-contact-accepted"
    assert kwargs["subject"] == "Votre demande de contact a été acceptée"
    assert plain(kwargs["body"]) == (
        "Bonjour Jean,\n\n"
        "Bonne nouvelle : Camille D'Arc accepte d'échanger avec vous au sujet de votre projet. "
        "Vous pouvez lui écrire directement :\n\n"
        "Adresse électronique : c@example.org\nTéléphone : 06 11 22 33 44\n\n"
        "Merci de respecter ses disponibilités et de prévoir la prise en charge annoncée.\n\n"
        "— L'équipe de l'annuaire des patients partenaires\n"
        "(message automatique, merci de ne pas y répondre)\n"
    )


def test_publication_email_names_the_publisher_unless_the_system_published():
    context = {"site_name": "Portail", "title": "L'été", "reviewed": True, "url": "http://x/"}
    subject, body = render_email("editorial/emails/published", {**context, "publisher": "Zoé O'Neil"})
    assert plain(subject) == "[Portail] Publié : « L'été »"
    assert "« L'été » est maintenant en ligne (publié par Zoé O'Neil)." in plain(body)
    _subject, body = render_email("editorial/emails/published", {**context, "publisher": ""})
    assert "« L'été » est maintenant en ligne." in plain(body) and "publié par" not in plain(body)
