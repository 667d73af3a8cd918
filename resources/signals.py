"""Refresh the inline lexicon when what it shows changes on the site."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, published, unpublished

from resources.lexicon import invalidate
from resources.models import GlossaryTerm, LexiconPage
from resources.tasks import on_page_published


def _on_term_change(sender, **kwargs):
    invalidate()


def connect():
    published.connect(_on_term_change, sender=GlossaryTerm, dispatch_uid="resources-lexicon-published")
    unpublished.connect(_on_term_change, sender=GlossaryTerm, dispatch_uid="resources-lexicon-unpublished")
    post_delete.connect(_on_term_change, sender=GlossaryTerm, dispatch_uid="resources-lexicon-deleted")
    # The term URLs depend on where the lexicon page lives.
    page_published.connect(_on_term_change, sender=LexiconPage, dispatch_uid="resources-lexicon-page-published")
    page_unpublished.connect(_on_term_change, sender=LexiconPage, dispatch_uid="resources-lexicon-page-unpublished")
    # PDFs of the printable pages (resources/tasks.py): any page type, filtered there.
    page_published.connect(on_page_published, dispatch_uid="resources-pdf-page-published")
