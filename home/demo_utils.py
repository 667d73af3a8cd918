"""Helpers for idempotent demo content (used by every app's demo.py)."""

from wagtail.fields import StreamField
from wagtail.models import Page, Site


def _comparable(page, name, value):
    """A value as stored, without the random block ids of StreamFields, so
    that unchanged demo content is recognised as unchanged."""
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        raw = field.get_prep_value(field.to_python(value) if isinstance(value, (list, str)) else value)
        raw = raw if isinstance(raw, list) else []
        return [(block["type"], block["value"]) for block in raw]
    return value


def get_home():
    from home.models import HomePage

    return HomePage.objects.first()


def upsert_child(parent, page_class, slug, **fields):
    """Create `slug` under `parent` as `page_class`, or update it in place.

    A placeholder of another type at the same slug (for instance the
    StandardPage a pillar had before its app existed) is replaced. Returns
    (page, created). The page is published with a revision either way, so a
    second run changes nothing visible and duplicates nothing.
    """
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None and existing.specific_class is not page_class:
        existing.delete()
        existing = None
    if existing is None:
        page = page_class(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, True
    page = existing.specific
    changed = False
    for name, value in fields.items():
        if _comparable(page, name, getattr(page, name)) != _comparable(page, name, value):
            setattr(page, name, value)
            changed = True
    if changed or not page.live:
        page.save_revision().publish()
    return page, False


def default_site():
    return Site.objects.get(is_default_site=True)
