"""Background rendering of PDFs (django-tasks).

The "pdf" task backend (settings.TASKS) is the database backend by default: a
publication only enqueues the page id; `manage.py db_worker --backend pdf`
(started by `make serve`) renders it. Without a "pdf" backend (the test
settings), nothing is enqueued and a PDF is rendered when first asked for.
"""

import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from resources import pdf

logger = logging.getLogger(__name__)

PDF_TASK_BACKEND = "pdf"


@task()
def render_page_pdf(page_id):
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or pdf.pdf_template(page) is None:
        return None
    return pdf.store_page_pdf(page)


def pdf_backend_configured():
    return PDF_TASK_BACKEND in getattr(settings, "TASKS", {})


def on_page_published(sender, instance, **kwargs):
    if pdf.pdf_template(instance) is None:
        return
    name = pdf.storage_name(instance)
    # The stored file is stale from now on: a request before the worker runs
    # renders a fresh one rather than serving the previous version.
    try:
        from django.core.files.storage import default_storage

        if default_storage.exists(name):
            default_storage.delete(name)
    except OSError:  # pragma: no cover (storage down: the fallback renders)
        logger.warning("Could not delete the stale PDF %s", name)
    if pdf_backend_configured():
        page_id = instance.pk
        transaction.on_commit(lambda: render_page_pdf.using(backend=PDF_TASK_BACKEND).enqueue(page_id))
