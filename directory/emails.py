"""Every email of the directory, through the shared outbox.

The texts are templates, `directory/templates/directory/emails/<name>.txt` and
`<name>_subject.txt` (see core.emails). Each outgoing email is linked to the
profile and/or contact request it is about, so that the admin shows its
delivery status and a deletion removes it.
"""

from core.emails import render_email
from core.models.outbox import queue_email
from core.vocabulary import StructureType

from .links import manage_link_days


def _queue(name, context, *, to, purpose, profile=None, contact=None, reply_to=""):
    subject, body = render_email(f"directory/emails/{name}", context)
    email = queue_email(to=to, subject=subject, body=body, purpose=purpose, reply_to=reply_to)
    if profile is not None and profile.pk:
        profile.outgoing_emails.add(email)
    if contact is not None:
        contact.outgoing_emails.add(email)
    return email


def contact_to_partner(contact, accept_url, decline_url):
    profile = contact.profile
    context = {
        "profile": profile,
        "contact": contact,
        "structure_type": dict(StructureType.choices).get(contact.structure_type, ""),
        "accept_url": accept_url,
        "decline_url": decline_url,
    }
    return _queue(
        "contact_to_partner",
        context,
        to=profile.email,
        purpose="directory-contact",
        profile=profile,
        contact=contact,
    )


def _with_structure_type(contact):
    """The context of the emails that name the structure with its type."""
    return {
        "profile": contact.profile,
        "contact": contact,
        "structure_type": dict(StructureType.choices).get(contact.structure_type, ""),
    }


def receipt_to_structure(contact):
    """The structure's copy of its request: what it asked, to whom (the
    display name only) and what happens next."""
    profile = contact.profile
    return _queue(
        "receipt_to_structure",
        _with_structure_type(contact),
        to=contact.requester_email,
        purpose="directory-contact-receipt",
        profile=profile,
        contact=contact,
    )


def acceptance_to_partner(contact):
    """On acceptance, the partner gets the structure's contact details too."""
    profile = contact.profile
    return _queue(
        "acceptance_to_partner",
        _with_structure_type(contact),
        to=profile.email,
        purpose="directory-contact-accepted-partner",
        profile=profile,
        contact=contact,
    )


def acceptance_to_structure(contact):
    profile = contact.profile
    return _queue(
        "acceptance_to_structure",
        {"profile": profile, "contact": contact},
        to=contact.requester_email,
        purpose="directory-contact-accepted",
        profile=profile,
        contact=contact,
    )


def decline_to_structure(contact, directory_url, expired=False):
    return _queue(
        "decline_to_structure",
        {"contact": contact, "profile": contact.profile, "directory_url": directory_url, "expired": expired},
        to=contact.requester_email,
        purpose="directory-contact-declined",
        profile=contact.profile,
        contact=contact,
    )


def profile_withdrawn_to_structure(contact, directory_url):
    """The partner deleted their profile while this request waited: tell the
    structure kindly. Linked to nothing (the request is erased with the
    profile) and holding none of the partner's data."""
    return _queue(
        "profile_withdrawn_to_structure",
        {"contact": contact, "directory_url": directory_url},
        to=contact.requester_email,
        purpose="directory-contact-withdrawn",
    )


def registration_confirmation(profile, url):
    return _queue(
        "registration_confirmation",
        {"profile": profile, "url": url},
        to=profile.email,
        purpose="directory-confirm",
        profile=profile,
    )


def moderation_outcome(profile, approved, manage_url):
    return _queue(
        "moderation_outcome",
        {"profile": profile, "approved": approved, "manage_url": manage_url, "days": manage_link_days()},
        to=profile.email,
        purpose="directory-moderation",
        profile=profile,
    )


def manage_link(profile, url):
    return _queue(
        "manage_link",
        {"profile": profile, "url": url, "days": manage_link_days()},
        to=profile.email,
        purpose="directory-manage",
        profile=profile,
    )


def email_change_confirmation(profile, new_email, url):
    """Sent to the new address: the change happens only when it is confirmed."""
    return _queue(
        "email_change_confirmation",
        {"profile": profile, "url": url},
        to=new_email,
        purpose="directory-email-change",
        profile=profile,
    )


def email_changed_notice(profile, old_email):
    """Sent to the former address once the new one is confirmed."""
    return _queue(
        "email_changed_notice", {"profile": profile}, to=old_email, purpose="directory-email-changed", profile=profile
    )


def yearly_confirmation(profile, url):
    return _queue(
        "yearly_confirmation",
        {"profile": profile, "url": url},
        to=profile.email,
        purpose="directory-yearly",
        profile=profile,
    )


def report_to_moderators(profile, reason, message, moderators_email, admin_url):
    return _queue(
        "report_to_moderators",
        {"profile": profile, "reason": reason, "message": message, "admin_url": admin_url},
        to=moderators_email,
        purpose="directory-report",
        profile=profile,
    )
