"""Helpers for idempotent demo content (used by every app's demo.py)."""

from wagtail.fields import StreamField
from wagtail.models import Page, Site


def without_block_ids(data):
    """Stored StreamField data without its block ids, at every depth (nested
    ListBlock items get fresh random ids each time a value is built)."""
    if isinstance(data, dict):
        return {k: without_block_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [without_block_ids(v) for v in data]
    return data


def comparable(model, name, value):
    """A field value as stored, StreamFields without block ids, so that
    unchanged demo content is recognised as unchanged."""
    field = model._meta.get_field(name)
    if isinstance(field, StreamField):
        if isinstance(value, (list, str)):
            value = field.to_python(value)
        raw = field.get_prep_value(value)
        return without_block_ids(raw if isinstance(raw, list) else [])
    return value


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
        if comparable(page, name, getattr(page, name)) != comparable(page, name, value):
            setattr(page, name, value)
            changed = True
    if changed or not page.live:
        page.save_revision().publish()
    return page, False


def default_site():
    return Site.objects.get(is_default_site=True)
