"""Demo content for /fiches-outils/: sheets, the charter, the lexicon and two
competency frameworks.

The texts are in demo/resources/ (docs/demo-content.md). Idempotent: a
second run creates nothing and publishes nothing.
"""

from core.demo import ensure_domains, ensure_rows, upsert_page
from core.demo.data import model_fields, read, read_folder
from core.demo_utils import upsert_child
from home.demo import ensure_pillars, get_home
from resources.models import (
    CharterPage,
    Competency,
    CompetencyFrameworkIndexPage,
    CompetencyFrameworkPage,
    GlossaryTerm,
    LexiconPage,
    ToolSheetAudience,
    ToolSheetCategory,
    ToolSheetIndexPage,
    ToolSheetPage,
    ToolSheetRelatedSheet,
)

# A sheet without an easy-to-read version or references has them empty.
SHEET_DEFAULTS = {"references": [], "falc_body": [], "falc_reviewed_by": "", "falc_reviewed_on": None}


def ensure_sheets(index, order):
    """The sheets of demo/resources/sheets/; returns {slug: page}."""
    ensure_rows(ToolSheetCategory, read("resources/categories.toml")["categories"], "resources/categories.toml")
    pages, related = {}, {}
    for slug, data in read_folder("resources/sheets", order):
        where = f"resources/sheets/{slug}.toml"
        audiences, tags = data.pop("audiences"), data.pop("tags")
        related[slug] = data.pop("related_sheets", [])
        fields = {**SHEET_DEFAULTS, **model_fields(ToolSheetPage, data, where)}
        page, _ = upsert_child(index, ToolSheetPage, slug, **fields)
        if [a.audience for a in page.audiences.all()] != audiences or sorted(t.name for t in page.tags.all()) != sorted(
            tags
        ):
            # Sort orders set as the admin form would, so a first approval
            # from the edit page is not seen as a change.
            page.audiences = [ToolSheetAudience(audience=a, sort_order=i) for i, a in enumerate(audiences)]
            page.tags.set(sorted(tags), clear=True)
            page.save_revision().publish()
        pages[slug] = page
    for slug, related_slugs in related.items():
        page = ToolSheetPage.objects.get(pk=pages[slug].pk)
        if [link.sheet_id for link in page.related_sheet_links.all()] != [pages[s].pk for s in related_slugs]:
            page.related_sheet_links = [
                ToolSheetRelatedSheet(sheet=pages[s], sort_order=i) for i, s in enumerate(related_slugs)
            ]
            page.save_revision().publish()
    return pages


def ensure_terms(terms_data, sheets):
    """The lexicon's terms (snippets with revisions), then the links between
    them and to tool sheets; returns {slug: term}."""
    terms = {}
    for position, data in enumerate(terms_data):
        data = dict(data)
        slug = data.pop("slug")
        data.pop("related", None), data.pop("see_also", None)
        fields = model_fields(GlossaryTerm, data, f"resources/lexicon.toml terms[{position}]")
        fields["variants"] = "\n".join(fields["variants"])
        term = GlossaryTerm.objects.filter(slug=slug).first()
        if term is None:
            term = GlossaryTerm(slug=slug, live=False, **fields)
            term.save()
            term.save_revision().publish()
        elif any(getattr(term, k) != v for k, v in fields.items()) or not term.live:
            for k, v in fields.items():
                setattr(term, k, v)
            term.save_revision().publish()
        terms[slug] = term
    for data in terms_data:
        term = GlossaryTerm.objects.get(pk=terms[data["slug"]].pk)
        related = [terms[s] for s in data.get("related", [])]
        see_also = [ToolSheetPage.objects.get(pk=sheets[s].pk) for s in data.get("see_also", [])]
        if sorted(t.pk for t in term.related_terms.all()) != sorted(t.pk for t in related) or sorted(
            s.pk for s in term.see_also.all()
        ) != sorted(s.pk for s in see_also):
            term.related_terms = related
            term.see_also = see_also
            term.save_revision().publish()
    return terms


def ensure_frameworks(index):
    data = read("resources/frameworks.toml")
    ensure_rows(Competency, data.pop("competencies"), "resources/frameworks.toml")
    order = data.pop("frameworks")
    frameworks_index, _ = upsert_page(index, CompetencyFrameworkIndexPage, data, "resources/frameworks.toml")
    for slug, framework in read_folder("resources/frameworks", order):
        upsert_page(frameworks_index, CompetencyFrameworkPage, framework, f"resources/frameworks/{slug}.toml", slug)
    return frameworks_index


def load(command=None):
    ensure_domains()
    data = read("resources/index.toml")
    order = data.pop("sheets")
    index, _ = upsert_page(get_home(), ToolSheetIndexPage, data, "resources/index.toml")
    # The placeholder page the home pillar pointed at has just been replaced.
    ensure_pillars(get_home())
    sheets = ensure_sheets(index, order)
    upsert_page(index, CharterPage, read("resources/charter.toml"), "resources/charter.toml")
    lexicon = read("resources/lexicon.toml")
    terms_data = lexicon.pop("terms")
    upsert_page(index, LexiconPage, lexicon, "resources/lexicon.toml")
    terms = ensure_terms(terms_data, sheets)
    ensure_frameworks(index)
    if command is not None:
        command.stdout.write(f"Fiches outils : {len(sheets)} fiches, {len(terms)} termes du lexique.")
