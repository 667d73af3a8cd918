"""The demo's data files (TOML, under demo/ at the project's root) and what
turns them into field values.

`read("resources/charter.toml")` gives a file as a dict; `read_folder` gives
every file of a folder, in the order an index file lists. `model_fields(model,
data)` converts a table of a file into the values of a model's fields, looking
at the fields themselves: rich text is written in the markup of
`core.demo.markup`, a StreamField as a list of blocks (`type` names the block,
the other keys are its fields; a block that is a single text takes it as
`text`), a foreign key or a chooser block as the slug of what it points to.
Docs: docs/demo-content.md.
"""

import tomllib

from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from .markup import to_html


class DemoDataError(ImproperlyConfigured):
    """A data file that cannot be read or does not match the models."""


def data_dir():
    return settings.BASE_DIR / "demo"


def read(path):
    """The data file at `path` (relative to demo/) as a dict."""
    file = data_dir() / path
    try:
        with file.open("rb") as stream:
            return tomllib.load(stream)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DemoDataError(f"demo/{path}: {exc}") from exc


def read_folder(folder, order=()):
    """[(slug, data)] for every demo/<folder>/<slug>.toml: first the slugs of
    `order`, in that order, then the others alphabetically."""
    found = {file.stem: file for file in sorted((data_dir() / folder).glob("*.toml"))}
    missing = [slug for slug in order if slug not in found]
    if missing:
        raise DemoDataError(f"demo/{folder}: no file for {', '.join(missing)}")
    slugs = list(order) + [slug for slug in found if slug not in order]
    return [(slug, read(f"{folder}/{slug}.toml")) for slug in slugs]


def by_slug(model, slug, where):
    try:
        return model._default_manager.get(slug=slug)
    except model.DoesNotExist as exc:
        raise DemoDataError(f"{where}: no {model._meta.verbose_name} with the slug {slug!r}") from exc


def model_fields(model, data, where=""):
    """Field values of `model` from a table of a data file (see the module's docstring)."""
    where = where or model.__name__
    values = {}
    for name, value in data.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist as exc:
            raise DemoDataError(f"{where}: {model.__name__} has no field {name!r}") from exc
        if isinstance(field, RichTextField):
            value = to_html(value)
        elif isinstance(field, StreamField):
            value = stream(field.stream_block, value, f"{where}.{name}")
        elif isinstance(field, models.ForeignKey) and isinstance(value, str):
            value = by_slug(field.related_model, value, f"{where}.{name}")
        values[name] = value
    return values


def stream(stream_block, items, where="body"):
    """A StreamField's value, [(block type, value)], from a list of tables."""
    result = []
    for position, item in enumerate(items):
        item = dict(item)
        block_type = item.pop("type", None)
        child = stream_block.child_blocks.get(block_type)
        here = f"{where}[{position}]"
        if child is None:
            raise DemoDataError(f"{here}: unknown block type {block_type!r} ({', '.join(stream_block.child_blocks)})")
        if not isinstance(child, blocks.StructBlock) and set(item) - {"text"}:
            raise DemoDataError(f"{here}: a {block_type} block has only a text")
        raw = item if isinstance(child, blocks.StructBlock) else item.get("text", "")
        result.append((block_type, child.to_python(block_data(child, raw, f"{here}.{block_type}"))))
    return result


def block_data(block, value, where):
    """`value` from a data file in the JSON form Wagtail stores for `block`."""
    if isinstance(block, blocks.StructBlock):
        unknown = set(value) - set(block.child_blocks)
        if unknown:
            raise DemoDataError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        return {
            name: block_data(child, value[name], f"{where}.{name}") if name in value else empty_value(child)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [block_data(block.child_block, item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": block_type, "value": block.child_blocks[block_type].get_prep_value(native)}
            for block_type, native in stream(block, value, where)
        ]
    if isinstance(block, blocks.RichTextBlock):
        return to_html(value)
    if isinstance(block, blocks.ChooserBlock) and isinstance(value, str):
        return by_slug(block.model_class, value, where).pk
    return value


def empty_value(block):
    """What the admin saves for a field left empty: no items for a list
    (a ListBlock's default has one empty item), "" for text, else the default."""
    if isinstance(block, (blocks.ListBlock, blocks.StreamBlock)):
        return []
    default = block.get_prep_value(block.get_default())
    if default is None and isinstance(block, blocks.FieldBlock) and isinstance(block.field, forms.CharField):
        return ""
    return default
