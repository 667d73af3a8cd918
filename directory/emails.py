"""Every email of the directory, through the shared outbox.

Each outgoing email is linked to the profile and/or contact request it is
about, so that the admin shows its delivery status and a deletion removes it.
"""

from core.models.outbox import queue_email
from core.vocabulary import StructureType

SIGNATURE = "\n\n— L'équipe de l'annuaire des patients partenaires\n(message automatique, merci de ne pas y répondre)"


def _queue(*, to, subject, body, purpose, profile=None, contact=None, reply_to=""):
    email = queue_email(to=to, subject=subject, body=body + SIGNATURE, purpose=purpose, reply_to=reply_to)
    if profile is not None and profile.pk:
        profile.outgoing_emails.add(email)
    if contact is not None:
        contact.outgoing_emails.add(email)
    return email


def contact_to_partner(contact, accept_url, decline_url):
    profile = contact.profile
    structure_type = dict(StructureType.choices).get(contact.structure_type, "")
    body = (
        f"Bonjour {profile.display_name},\n\n"
        "Une structure souhaite vous associer à un projet et vous écrit par l'annuaire. "
        "Elle ne connaît pas votre adresse : elle ne la recevra que si vous acceptez.\n\n"
        f"De : {contact.requester_name}, {contact.structure_name} ({structure_type})\n"
        f"Projet : {contact.project}\n\n"
        f"Rôle attendu : {contact.expected_role}\n"
        f"Dates ou durée : {contact.dates}\n"
        f"Lieu : {contact.place or 'non précisé'}{' — possible à distance' if contact.remote else ''}\n"
        f"Prise en charge : {contact.get_compensation_display()}\n\n"
        f"J'accepte d'être mis en relation : {accept_url}\n"
        f"Je décline : {decline_url}\n\n"
        "Ces liens sont valables 21 jours et ne servent qu'une fois. Sans réponse de votre part, "
        "la structure sera prévenue poliment au bout de 21 jours."
    )
    return _queue(
        to=profile.email,
        subject="Une demande de contact par l'annuaire",
        body=body,
        purpose="directory-contact",
        profile=profile,
        contact=contact,
    )


def acceptance_to_structure(contact):
    profile = contact.profile
    phone = f"\nTéléphone : {profile.phone}" if profile.phone else ""
    body = (
        f"Bonjour {contact.requester_name},\n\n"
        f"Bonne nouvelle : {profile.display_name} accepte d'échanger avec vous au sujet de votre projet. "
        f"Vous pouvez lui écrire directement :\n\nAdresse électronique : {profile.email}{phone}\n\n"
        "Merci de respecter ses disponibilités et de prévoir la prise en charge annoncée."
    )
    return _queue(
        to=contact.requester_email,
        subject="Votre demande de contact a été acceptée",
        body=body,
        purpose="directory-contact-accepted",
        profile=profile,
        contact=contact,
    )


def decline_to_structure(contact, directory_url, expired=False):
    reason = (
        "n'a pas pu donner suite dans les 21 jours"
        if expired
        else "ne peut pas donner suite pour le moment, ce qui arrive souvent et ne dit rien de votre projet"
    )
    body = (
        f"Bonjour {contact.requester_name},\n\n"
        f"La personne que vous avez sollicitée par l'annuaire {reason}. "
        "Merci de votre démarche : d'autres patients partenaires peuvent être intéressés. "
        f"Vous pouvez élargir votre recherche ici : {directory_url}"
    )
    return _queue(
        to=contact.requester_email,
        subject="Votre demande de contact par l'annuaire",
        body=body,
        purpose="directory-contact-declined",
        profile=contact.profile,
        contact=contact,
    )


def registration_confirmation(profile, url):
    body = (
        f"Bonjour {profile.display_name},\n\n"
        "Merci pour votre inscription à l'annuaire des patients partenaires. Pour confirmer votre adresse, "
        f"ouvrez ce lien (valable 7 jours) :\n{url}\n\n"
        "Votre profil sera ensuite relu par l'équipe de modération avant d'être publié. "
        "Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : rien ne sera publié."
    )
    return _queue(
        to=profile.email, subject="Confirmez votre inscription", body=body, purpose="directory-confirm", profile=profile
    )


def moderation_outcome(profile, approved, manage_url):
    if approved:
        text = "votre profil est maintenant visible dans l'annuaire."
    else:
        text = (
            "l'équipe de modération n'a pas pu publier votre profil. Vous pouvez nous écrire par la page "
            "de contact du portail pour en savoir plus."
        )
    body = f"Bonjour {profile.display_name},\n\n{text}\n\nPour modifier, suspendre ou supprimer votre profil : {manage_url}"
    return _queue(
        to=profile.email,
        subject="Votre profil dans l'annuaire",
        body=body,
        purpose="directory-moderation",
        profile=profile,
    )


def manage_link(profile, url):
    body = (
        f"Bonjour {profile.display_name},\n\n"
        f"Voici votre lien pour gérer votre profil (valable une heure, utilisable une fois) :\n{url}\n\n"
        "Si vous n'avez rien demandé, ignorez ce message."
    )
    return _queue(to=profile.email, subject="Gérer mon profil", body=body, purpose="directory-manage", profile=profile)


def yearly_confirmation(profile, url):
    body = (
        f"Bonjour {profile.display_name},\n\n"
        "Vous figurez dans l'annuaire des patients partenaires depuis plus d'un an. Souhaitez-vous y rester ? "
        f"Confirmez-le en ouvrant ce lien, où vous pourrez aussi mettre votre profil à jour :\n{url}\n\n"
        "Sans confirmation dans les 30 jours, votre profil sera mis en pause (il ne sera plus visible)."
    )
    return _queue(
        to=profile.email,
        subject="Restez-vous dans l'annuaire ?",
        body=body,
        purpose="directory-yearly",
        profile=profile,
    )


def report_to_moderators(profile, reason, message, moderators_email, admin_url):
    body = (
        f"Un visiteur signale le {profile} ({reason}).\n\nPrécisions : {message or 'aucune'}\n\n"
        f"Voir le profil dans l'administration : {admin_url}"
    )
    return _queue(
        to=moderators_email, subject=f"Signalement : {profile}", body=body, purpose="directory-report", profile=profile
    )
