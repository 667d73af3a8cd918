"""Who validated a page, and which pages cite which reference.

`validation_for(obj)` reads the « Relecture croisée » review that published the
live revision of a page or snippet: the date of the last approval and the roles
of the approvers (their co-pilot group, never a name typed by hand). A live
revision that no review approved (published directly, as the demo loader does)
has no validation: the page says « non relu ».
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowState

from editorial import roles

ROLE_LABELS = {
    roles.COPILOTS_PATIENTS: _("les co-pilotes usagers"),
    roles.COPILOTS_PROFESSIONALS: _("les co-pilotes professionnels"),
}
FALLBACK_ROLE = _("l'équipe d'administration")


@dataclass
class Validation:
    date: datetime
    roles: list = field(default_factory=list)


def validation_for(obj):
    """A Validation, or None when the live revision was not approved by a review."""
    revision_id = getattr(obj, "live_revision_id", None)
    if not revision_id:
        return None
    states = list(
        TaskState.objects.filter(
            revision_id=revision_id,
            status=TaskState.STATUS_APPROVED,
            workflow_state__status=WorkflowState.STATUS_APPROVED,
        )
        .select_related("finished_by")
        .prefetch_related("finished_by__groups")
        .order_by("finished_at")
    )
    if not states:
        return None
    labels = []
    for state in states:
        user = state.finished_by
        groups = {group.name for group in user.groups.all()} if user else set()
        label = next((ROLE_LABELS[name] for name in roles.COPILOT_GROUPS if name in groups), FALLBACK_ROLE)
        if label not in labels:
            labels.append(label)
    return Validation(date=max(s.finished_at for s in states if s.finished_at), roles=labels)


def source_models():
    """Every concrete model with SourcesMixin (pages and the lexicon)."""
    from resources.models.mixins import SourcesMixin

    return [m for m in apps.get_models() if issubclass(m, SourcesMixin) and not m._meta.abstract]


def citations(request=None):
    """{reference id: [(title, url), …]} of the live, public pages and the
    published lexicon terms citing it; one query per model (plus the lexicon
    page and the site roots)."""
    from core.links import subpage_path
    from resources.models import GlossaryTerm, LexiconPage

    cited = {}
    for model in source_models():
        if issubclass(model, Page):
            objects = (
                model.objects.live().public().only("id", "title", "url_path", "path", "depth", "source_references")
            )
            rows = [(obj, obj.title, obj.get_url(request)) for obj in objects]
        elif model is GlossaryTerm:
            lexicon = LexiconPage.objects.live().first()
            rows = [
                (term, term.term, subpage_path(lexicon, "term", term.slug, request=request) if lexicon else None)
                for term in model.objects.filter(live=True).only("id", "term", "slug", "source_references")
            ]
        else:
            continue
        for obj, title, url in rows:
            for ref_id in obj.reference_ids():
                cited.setdefault(ref_id, []).append((title, url))
    for pages in cited.values():
        pages.sort(key=lambda row: row[0].lower())
    return cited


def run_cross_review(obj, editor, patient_copilot, professional_copilot):
    """Submit the latest version of `obj` (a page or a lexicon term) to its
    workflow as `editor`, then approve each step as the co-pilots: the
    « Relecture croisée » publishes it, so `validation_for` has data. Used by
    the demo and the tests."""
    draft = obj.get_latest_revision_as_object()
    draft.save_revision(user=editor)
    state = draft.get_workflow().start(draft, editor)
    for user in (patient_copilot, professional_copilot):
        state.refresh_from_db()
        task_state = state.current_task_state
        if task_state is None:
            break
        task_state.task.specific.on_action(task_state, user, "approve")
    state.refresh_from_db()
    return state
