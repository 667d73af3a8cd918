"""Demo sources and versions: the references of demo/resources/sources.toml
(real works named in the seeds), attached to the demo's sheets, charter,
frameworks, tools and a few lexicon terms; the bibliography page; then, where
demo users exist (editorial/demo.py), every demo page without a validation goes
through the « Relecture croisée » so that « Validé le … par … » has data.

Runs after editorial.demo (DEMO_MODULES), which leaves two sheets in review:
those are skipped here. Idempotent: a second run changes nothing.
"""

from django.apps import apps
from wagtail.models import Page

from core.demo import upsert_page
from core.demo.data import DemoDataError, read
from resources.models import BibliographyPage, GlossaryTerm, Reference, ToolSheetIndexPage
from resources.sources import run_cross_review, source_models

SOURCES_FILE = "resources/sources.toml"
REFERENCE_FIELDS = ("authors", "title", "publisher", "year", "url", "theme")


def ensure_references(rows):
    """{key: Reference}; matched on (authors, title), refreshed when changed."""
    references = {}
    for row in rows:
        values = {name: row.get(name, "") for name in REFERENCE_FIELDS}
        values["year"] = row.get("year")
        reference = Reference.objects.filter(authors=values["authors"], title=values["title"]).first()
        if reference is None:
            reference = Reference.objects.create(**values)
        elif any(getattr(reference, k) != v for k, v in values.items()):
            Reference.objects.filter(pk=reference.pk).update(**values)
        references[row["key"]] = reference
    return references


def _target(model_label, slug):
    model = apps.get_model(model_label)
    if model is GlossaryTerm:
        return GlossaryTerm.objects.filter(slug=slug).first()
    page = model.objects.filter(slug=slug).first()
    return page.specific if page is not None else None


def attach(rows, references):
    """Set each target's sources; publish only what changed. Returns the targets."""
    targets = []
    for position, row in enumerate(rows):
        target = _target(row["model"], row["slug"])
        if target is None:
            continue  # the app's demo did not create it (a placeholder, a trimmed demo)
        try:
            wanted_ids = [references[key].pk for key in row["references"]]
        except KeyError as error:
            raise DemoDataError(f"demo/{SOURCES_FILE} attach[{position}]: unknown reference {error}") from None
        wanted = {"origin": row.get("origin", ""), "origin_note": row.get("origin_note", "")}
        if row.get("version"):
            wanted["version"] = row["version"]
        current = target.get_latest_revision_as_object() if target.live else target
        changed = current.reference_ids() != wanted_ids or any(getattr(current, k) != v for k, v in wanted.items())
        if changed and not getattr(target, "workflow_in_progress", False):
            current.source_references = [("reference", references_by_pk(references)[pk]) for pk in wanted_ids]
            for name, value in wanted.items():
                setattr(current, name, value)
            current.save_revision().publish()
        targets.append(target)
    return targets


def references_by_pk(references):
    return {reference.pk: reference for reference in references.values()}


def review_demo_pages(command=None):
    """Cross-review every live page with sources (and lexicon term citing a
    reference) that has no validation yet, with the demo accounts."""
    from editorial import roles
    from editorial.demo import demo_users_allowed, ensure_demo_users

    if not demo_users_allowed():
        return 0
    users = ensure_demo_users()
    editor = users.get(roles.EDITORS)
    patient = users.get(roles.COPILOTS_PATIENTS)
    professional = users.get(roles.COPILOTS_PROFESSIONALS)
    if not (editor and patient and professional):
        return 0
    count = 0
    for model in source_models():
        if issubclass(model, Page):
            objects = list(model.objects.live())
        else:
            objects = [term for term in model.objects.filter(live=True) if term.reference_ids()]
        for obj in objects:
            if obj.workflow_in_progress or obj.validation is not None or obj.get_workflow() is None:
                continue
            run_cross_review(obj, editor, patient, professional)
            count += 1
    return count


def load(command=None):
    data = read(SOURCES_FILE)
    references = ensure_references(data["references"])
    targets = attach(data["attach"], references)
    index = ToolSheetIndexPage.objects.first()
    if index is not None:
        upsert_page(index, BibliographyPage, data["bibliography"], SOURCES_FILE)
    reviewed = review_demo_pages(command)
    if command is not None:
        command.stdout.write(
            f"Sources : {len(references)} références sur {len(targets)} pages et termes ; {reviewed} relus."
        )
