"""Email texts: every email the portal sends is written in two plain-text
templates, `<app>/emails/<name>_subject.txt` and `<app>/emails/<name>.txt`,
rendered here, with French typography (core/typography.py; URLs and
addresses untouched).

Django autoescapes every template, `.txt` included: each email template wraps
its text in `{% autoescape off %}` so that an apostrophe or an ampersand in a
title, a name or a URL reaches the reader as it was typed.
"""

import re

from django.template.loader import render_to_string

from core.typography import typographize_plain

# ASCII whitespace only: a narrow no-break space (before « : » or « ? ») stays.
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


def render_email(template_name, context=None):
    """Render `<template_name>_subject.txt` and `<template_name>.txt`.

    `template_name` has no extension, e.g. "directory/emails/manage_link".
    Returns (subject, body): the subject on a single line, the body without
    leading or trailing blank lines and ending with one newline.
    """
    context = context or {}
    subject = render_to_string(f"{template_name}_subject.txt", context)
    body = render_to_string(f"{template_name}.txt", context)
    subject = typographize_plain(_LINE_BREAKS.sub(" ", subject.strip(" \t\r\n")))
    return subject, typographize_plain(body.strip(" \t\r\n")) + "\n"
