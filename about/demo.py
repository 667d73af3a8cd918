"""Demo content of the about pages, the co-piloting pair and the members
(demo/about/, docs/demo-content.md). People's names are placeholders marked
as such; the footer's legal notice and accessibility statement point here."""

from wagtail.models import Site

from about.models import (
    AboutPage,
    AccessibilityStatementPage,
    Contributor,
    CoPilot,
    KeyFiguresPage,
    LegalNoticePage,
    PartnerGuidePage,
)
from core.demo import upsert_page
from core.demo.data import model_fields, read
from core.models import PortalSettings
from home.demo import get_home

PAGE_TYPES = {
    "qui-sommes-nous": AboutPage,
    "devenir-patient-partenaire": PartnerGuidePage,
    "chiffres-cles": KeyFiguresPage,
    "mentions-legales": LegalNoticePage,
    "accessibilite": AccessibilityStatementPage,
}
FOOTER = {"legal_page": "mentions-legales", "accessibility_page": "accessibilite"}


def ensure_people(model, rows):
    """Created once, while the table is empty: editors replace the placeholders."""
    if model.objects.exists():
        return
    for order, row in enumerate(rows):
        model.objects.create(sort_order=order, **model_fields(model, row, f"about/people.toml[{order}]"))


def load(command):
    data = read("about/about.toml")
    home = get_home()
    pages = {}
    for slug in data["pages"]:
        pages[slug], _ = upsert_page(home, PAGE_TYPES[slug], data[slug], "about/about.toml", slug)
    people = read("about/people.toml")
    ensure_people(CoPilot, people["copilots"])
    ensure_people(Contributor, people["contributors"])
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    changed = [name for name, slug in FOOTER.items() if getattr(settings, f"{name}_id") != pages[slug].pk]
    for name in changed:
        setattr(settings, name, pages[FOOTER[name]])
    if changed:
        settings.save()
