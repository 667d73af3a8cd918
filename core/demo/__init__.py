"""Demo content: the data files under demo/ and what loads them.

`core.demo.data` reads the files and turns them into field values;
`core.demo_utils.upsert_child` creates or refreshes pages. This module also
loads the shared layer's own content: the Domain taxonomy (`load` runs first,
before any app's demo needs a domain) and the site settings
(`ensure_settings`, called by the home demo once the legal and contact pages
exist). How to edit the content: docs/demo-content.md.
"""

from core.demo_utils import upsert_child
from core.models import Domain, PortalSettings

from .data import model_fields, read


def load(command):
    ensure_domains()


def ensure_rows(model, rows, where):
    """Create or update `rows` (tables of a data file) by slug, with
    `sort_order` following their order in the file; returns {slug: row}."""
    result = {}
    for order, row in enumerate(rows):
        fields = model_fields(model, row, f"{where}[{order}]")
        slug = fields.pop("slug")
        result[slug], _ = model.objects.update_or_create(slug=slug, defaults={**fields, "sort_order": order})
    return result


def upsert_page(parent, page_class, data, where, slug=None):
    """Create or refresh the page a table of a data file describes (its
    slug given, or its `slug` key); returns (page, created)."""
    data = dict(data)
    slug = slug or data.pop("slug")
    return upsert_child(parent, page_class, slug, **model_fields(page_class, data, where))


def ensure_domains():
    return ensure_rows(Domain, read("core/domains.toml")["domains"], "core/domains.toml")


def ensure_settings(site, pages, contact):
    """The site settings, linking the legal pages (`pages`: {slug: page})
    and the contact page."""
    data = read("core/settings.toml")
    settings = PortalSettings.for_site(site)
    for name, slug in data.pop("pages").items():
        if slug in pages:  # the others belong to a later demo (about/ links its own)
            setattr(settings, name, pages[slug])
    for name, value in model_fields(PortalSettings, data, "core/settings.toml").items():
        setattr(settings, name, value)
    settings.contact_page = contact
    settings.save()
