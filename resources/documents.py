"""Fill the editable templates (resources/odt.py) from a page's fields."""

import logging

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Page

from core.links import page_url
from resources import odt
from resources.models.documents import DocumentKind, DocumentTemplate

logger = logging.getLogger(__name__)

PROJECT_KINDS = (DocumentKind.PROJECT, DocumentKind.MISSION, DocumentKind.COMPENSATION)


def _charter():
    from resources.models import CharterPage

    return CharterPage.objects.live().public().first()


def base_context(kind):
    charter = _charter()
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "template_title": str(DocumentKind(kind).label),
        "today": date_format(timezone.localdate(), "j F Y"),
        "charter_url": page_url(charter) if charter else "",
        "title": "",
        "summary": "",
        "structure": "",
        "place": "",
        "period": "",
        "engagement": "",
        "page_url": "",
        "version": "",
        "validation": "",
        "intro": "",
        "principles": [],
    }


def charter_context(charter):
    validation = charter.validation
    return {
        "title": charter.title,
        "intro": charter.intro,
        "version": charter.version,
        "validation": (
            f"validée le {date_format(validation.date, 'j F Y')} par {' et '.join(str(r) for r in validation.roles)}"
            if validation
            else "non relue"
        ),
        "page_url": page_url(charter) or "",
        "principles": [
            {
                "number": number,
                "title": value["title"],
                "commitments": [
                    *value.get("for_everyone", []),
                    *value.get("for_patients", []),
                    *value.get("for_professionals", []),
                ],
            }
            for number, _anchor, value in charter.numbered_principles()
        ],
    }


def project_context(project):
    """The public fields of a project page (never the contact's email)."""
    period = ""
    if project.start_year:
        period = f"depuis {project.start_year}" if not project.end_year else f"{project.start_year}–{project.end_year}"
    engagement = " / ".join(
        label for label in (project.get_engagement_scale_display(), project.get_engagement_degree_display()) if label
    )
    return {
        "title": project.title,
        "summary": project.summary,
        "structure": project.structure_name,
        "place": ", ".join(p for p in (project.town, project.get_department_code_display()) if p),
        "period": period,
        "engagement": engagement,
        "page_url": page_url(project) or "",
    }


def sample_context(kind):
    """Values used to check an uploaded template renders."""
    return {**base_context(kind), "title": "Titre", "principles": [{"number": 1, "title": "P", "commitments": ["x"]}]}


def source_page(kind, page_id):
    """The page a document is filled from, or None for a blank one; raises
    LookupError for a page that is not live, public and of the right type."""
    if kind == DocumentKind.CHARTER:
        charter = _charter()
        if charter is None:
            raise LookupError("no charter")
        return charter
    if page_id is None:
        return None
    try:
        model = apps.get_model("projects", "ProjectPage")
    except LookupError:
        raise LookupError("no projects app") from None
    page = model.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise LookupError(page_id)
    return page


def build(kind, page=None):
    """The filled .odt of `kind` (bytes): the editors' template when there is
    one and it renders, the built-in one otherwise."""
    context = base_context(kind)
    if isinstance(page, Page):
        page = page.specific
        context.update(charter_context(page) if kind == DocumentKind.CHARTER else project_context(page))
    row = DocumentTemplate.objects.filter(kind=kind).select_related("document").first()
    if row is not None and row.document is not None:
        try:
            return odt.render_odt(row.template_bytes(), context)
        except (odt.OdtRenderError, OSError) as error:
            logger.warning("Editable template %s failed, built-in one used: %s", kind, error)
    return odt.render_odt(odt.default_odt(kind), context)
