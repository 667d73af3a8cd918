"""Every email of the calls for participation, through the shared outbox.

Texts: `participation/templates/participation/emails/<name>.txt` and
`<name>_subject.txt` (core.emails). Each email is linked to the call, answer
or subscription it is about, so that erasing them removes it.
"""

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings

from core.emails import render_email
from core.models.outbox import OutgoingEmail, queue_email


def _queue(name, context, *, to, purpose, about=(), headers=None):
    subject, body = render_email(f"participation/emails/{name}", context)
    email = queue_email(to=to, subject=subject, body=body, purpose=purpose, headers=headers)
    for obj in about:
        if obj is not None and obj.pk:
            obj.outgoing_emails.add(email)
    return email


def call_confirmation(call, url):
    return _queue(
        "call_confirmation",
        {"call": call, "url": url},
        to=call.contact_email,
        purpose="participation-confirm",
        about=[call],
    )


def call_to_moderators(call, to, admin_url):
    return _queue(
        "call_to_moderators",
        {"call": call, "admin_url": admin_url},
        to=to,
        purpose="participation-moderation",
        about=[call],
    )


def call_published(call, call_url, manage_url):
    return _queue(
        "call_published",
        {"call": call, "call_url": call_url, "manage_url": manage_url},
        to=call.contact_email,
        purpose="participation-published",
        about=[call],
    )


def call_refused(call, post_url):
    return _queue(
        "call_refused",
        {"call": call, "post_url": post_url},
        to=call.contact_email,
        purpose="participation-refused",
        about=[call],
    )


def answer_confirmation(answer, to, url):
    return _queue(
        "answer_confirmation",
        {"answer": answer, "call": answer.call, "url": url},
        to=to,
        purpose="participation-answer-confirm",
        about=[answer],
    )


def answer_to_structure(answer, accept_url, decline_url, manage_url):
    return _queue(
        "answer_to_structure",
        {
            "answer": answer,
            "call": answer.call,
            "accept_url": accept_url,
            "decline_url": decline_url,
            "manage_url": manage_url,
        },
        to=answer.call.contact_email,
        purpose="participation-answer",
        about=[answer],
    )


def acceptance_to_structure(answer):
    return _queue(
        "acceptance_to_structure",
        {"answer": answer, "call": answer.call},
        to=answer.call.contact_email,
        purpose="participation-accepted-structure",
        about=[answer],
    )


def acceptance_to_partner(answer):
    return _queue(
        "acceptance_to_partner",
        {"answer": answer, "call": answer.call},
        to=answer.contact_email,
        purpose="participation-accepted-partner",
        about=[answer],
    )


def decline_to_partner(answer, listing_url):
    return _queue(
        "decline_to_partner",
        {"answer": answer, "call": answer.call, "listing_url": listing_url},
        to=answer.contact_email,
        purpose="participation-declined",
        about=[answer],
    )


def subscription_confirmation(subscription, url):
    return _queue(
        "subscription_confirmation",
        {"subscription": subscription, "url": url},
        to=subscription.email,
        purpose="participation-alert-confirm",
        about=[subscription],
    )


def unsubscribe_headers(unsubscribe_url):
    """RFC 8058 one-click unsubscribe, and a Message-ID of the portal's domain."""
    domain = urlsplit(settings.BASE_URL).hostname or None
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": make_msgid(domain=domain),
    }


def digest_email(subscription, calls, unsubscribe_url, listing_url, alerts_url):
    """An unsaved OutgoingEmail (the digest command stores a batch at once)."""
    subject, body = render_email(
        "participation/emails/digest",
        {
            "subscription": subscription,
            "calls": calls,
            "unsubscribe_url": unsubscribe_url,
            "listing_url": listing_url,
            "alerts_url": alerts_url,
        },
    )
    return OutgoingEmail(
        to=subscription.email,
        subject=subject[:200],
        body=body,
        purpose="participation-digest",
        headers=unsubscribe_headers(unsubscribe_url),
    )
