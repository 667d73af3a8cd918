"""The custom workflow task of the "Relecture croisée" workflow.

Wagtail's GroupApprovalTask lets any member of the task's groups (and any
superuser) approve, including the author of the change and a person who
already approved the previous step. The working group's rule is stricter:
nothing is published without two distinct approvers, one per co-pilot group,
neither of them the author of the revision under review. CrossReviewTask keeps
Wagtail's machinery (task states, actions, locking, audit log) and narrows who
may act on a task state.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    AbstractGroupApprovalTask,
    ModelLogEntry,
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowState,
)

from editorial import rules

RESUME_ACTION = "wagtail.workflow.resume"


def content_signature(revision):
    return rules.content_signature(revision.content)


def identical_content(a, b):
    return content_signature(a) == content_signature(b)


def _live_revision_ids(keys):
    """{(base content type id, object id): live revision id or None}; one
    query per model."""
    by_type = {}
    for ct_id, object_id in keys:
        by_type.setdefault(ct_id, set()).add(object_id)
    live = {}
    for ct_id, object_ids in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None or not hasattr(model, "live_revision_id"):
            continue
        for pk, live_revision_id in model._default_manager.filter(pk__in=object_ids).values_list(
            "pk", "live_revision_id"
        ):
            live[(ct_id, str(pk))] = live_revision_id
    return live


def contributors_by_object(keys):
    """{(base content type id, object id): ids of the people who changed its
    content since it was last published}. Every revision after the live one
    counts, the latest included: a change saved during the review is part of
    what will be published. A fixed number of queries for any number of keys."""
    keys = {(ct_id, str(object_id)) for ct_id, object_id in keys}
    if not keys:
        return {}
    live = _live_revision_ids(keys)
    match = Q()
    for ct_id, object_id in keys:
        match |= Q(base_content_type_id=ct_id, object_id=object_id)
    revisions = {}
    for ct_id, object_id, pk, user_id, content in (
        Revision.objects.filter(match)
        .order_by("pk")
        .values_list("base_content_type_id", "object_id", "pk", "user_id", "content")
    ):
        revisions.setdefault((ct_id, object_id), []).append((pk, user_id, content))
    result = {}
    for key in keys:
        live_id = live.get(key)
        history = revisions.get(key, [])
        baseline = next((content for pk, _user, content in history if pk == live_id), None)
        later = [(user_id, content) for pk, user_id, content in history if live_id is None or pk > live_id]
        result[key] = rules.contributors(baseline, later)
    return result


def submitters_by_workflow_state(workflow_states):
    """{workflow state id: who asked for the review}: the person who started
    it and whoever resubmitted it after "changes requested"."""
    people = {state.pk: {state.requested_by_id} - {None} for state in workflow_states}
    page_states = {}
    other_states = {}
    for state in workflow_states:
        if state.base_content_type_id == ContentType.objects.get_for_model(Page).pk:
            page_states.setdefault(int(state.object_id), []).append(state)
        else:
            other_states.setdefault((state.content_type_id, str(state.object_id)), []).append(state)
    resumes = []
    if page_states:
        resumes += [
            ((page_id,), user_id, timestamp)
            for page_id, user_id, timestamp in PageLogEntry.objects.filter(
                action=RESUME_ACTION, page_id__in=page_states
            ).values_list("page_id", "user_id", "timestamp")
        ]
    if other_states:
        resumes += [
            ((ct_id, object_id), user_id, timestamp)
            for ct_id, object_id, user_id, timestamp in ModelLogEntry.objects.filter(
                action=RESUME_ACTION, object_id__in={object_id for _ct, object_id in other_states}
            ).values_list("content_type_id", "object_id", "user_id", "timestamp")
        ]
    for key, user_id, timestamp in resumes:
        states = page_states.get(key[0], []) if len(key) == 1 else other_states.get(key, [])
        for state in states:
            if user_id is not None and timestamp >= state.created_at:
                people[state.pk].add(user_id)
    return people


def barred_by_task_state(task_states):
    """{task state id: the people who may not approve it}: contributors since
    the last publication and the people who asked for the review."""
    task_states = list(task_states)
    contributors = contributors_by_object(
        (state.revision.base_content_type_id, state.revision.object_id) for state in task_states
    )
    submitters = submitters_by_workflow_state({state.workflow_state for state in task_states})
    return {
        state.pk: contributors[(state.revision.base_content_type_id, str(state.revision.object_id))]
        | submitters[state.workflow_state_id]
        for state in task_states
    }


def barred_ids(workflow_state, revision):
    """The people who may not approve any step of `workflow_state`."""
    key = (revision.base_content_type_id, str(revision.object_id))
    return contributors_by_object([key])[key] | submitters_by_workflow_state([workflow_state])[workflow_state.pk]


def _prior_approval(user):
    """Subquery: an approval by `user` of ANOTHER step of the same workflow
    state, on the same revision (with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT
    an edit creates a new revision, so approvals of older revisions no longer
    count, exactly as in Wagtail)."""
    return TaskState.objects.filter(
        workflow_state_id=OuterRef("workflow_state_id"),
        revision_id=OuterRef("revision_id"),
        status=TaskState.STATUS_APPROVED,
        finished_by=user,
    ).exclude(task_id=OuterRef("task_id"))


def reviewable_task_states(user):
    """One queryset of the in-progress cross-review task states `user` may act
    on: the task waits for one of their groups, they did not change the
    content since the last publication nor ask for the review, and they did
    not approve another step of it."""
    if not user.is_authenticated:
        return TaskState.objects.none()
    candidates = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__active=True,
            task__in=CrossReviewTask.objects.filter(groups__user=user).values("pk"),
        )
        .exclude(workflow_state__requested_by=user)
        .exclude(Exists(_prior_approval(user)))
        .select_related("revision", "workflow_state")
    )
    # Contributors are found by comparing revisions, which SQL cannot do:
    # the candidates are checked together, at a fixed number of queries.
    barred = barred_by_task_state(candidates)
    allowed = [pk for pk, people in barred.items() if user.pk not in people]
    return TaskState.objects.filter(pk__in=allowed)


class CrossReviewTask(AbstractGroupApprovalTask):
    """One step of the cross review: approval by a member of the chosen
    groups who is neither the author nor the approver of another step."""

    class Meta:
        verbose_name = _("étape de relecture croisée")
        verbose_name_plural = _("étapes de relecture croisée")

    @classmethod
    def get_description(cls):
        return gettext(
            "Un membre des groupes choisis approuve, à condition de ne pas être l'auteur de la version relue "
            "ni d'avoir déjà approuvé une autre étape de la même relecture."
        )

    def blocking_reason(self, task_state, user):
        """Why `user` may not act on `task_state`, in French, or None."""
        if not user.is_authenticated or not self._user_in_groups(user):
            return gettext("Cette étape attend un autre groupe de relecteurs.")
        if task_state.status != TaskState.STATUS_IN_PROGRESS or task_state.task_id != self.pk:
            return gettext("Cette étape n'est pas en cours.")
        other_step_approvers = set(
            TaskState.objects.filter(
                workflow_state_id=task_state.workflow_state_id,
                revision_id=task_state.revision_id,
                status=TaskState.STATUS_APPROVED,
            )
            .exclude(task_id=self.pk)
            .values_list("finished_by_id", flat=True)
        )
        reason = rules.refusal(
            user.pk, barred_ids(task_state.workflow_state, task_state.revision), other_step_approvers
        )
        if reason == rules.OWN_CHANGE:
            return gettext("On ne relit pas sa propre modification.")
        if reason == rules.OTHER_STEP:
            return gettext(
                "Vous avez déjà approuvé une autre étape : la seconde approbation revient à une autre personne."
            )
        return None

    def get_actions(self, obj, user):
        task_state = getattr(obj, "current_workflow_task_state", None)
        if task_state is None or self.blocking_reason(task_state, user):
            return []
        return [
            ("reject", gettext("Demander des modifications"), True),
            ("approve", gettext("Approuver"), False),
            ("approve", gettext("Approuver avec un commentaire"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin views already hide unavailable actions; this guards every
        # other caller (API, shell, a forged POST).
        if action_name in ("approve", "reject") and self.blocking_reason(task_state, user):
            raise PermissionDenied(self.blocking_reason(task_state, user))
        if action_name == "approve":
            self.follow_identical_revision(task_state)
        return super().on_action(task_state, user, action_name, **kwargs)

    def follow_identical_revision(self, task_state):
        """When approving from the edit page saved a revision identical to
        the one under review, the approvals follow it: re-approval on edit is
        for changed content, not for a renumbered form."""
        latest = task_state.workflow_state.content_object.get_latest_revision()
        if latest is None or latest.pk == task_state.revision_id or not identical_content(latest, task_state.revision):
            return
        for approved in TaskState.objects.filter(
            workflow_state_id=task_state.workflow_state_id,
            revision_id=task_state.revision_id,
            status=TaskState.STATUS_APPROVED,
        ):
            approved.copy(update_attrs={"revision": latest})
        TaskState.objects.filter(pk=task_state.pk).update(revision=latest)
        task_state.revision = latest

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return reviewable_task_states(user).filter(task_id=self.pk)


def remember_content_before_overwrite(sender, instance, update_fields=None, **kwargs):
    """pre_save of Revision: Wagtail's autosave overwrites the latest revision
    in place, keeping its id, while approvals point at revision ids."""
    instance._content_before_save = None
    if instance.pk is None or (update_fields is not None and "content" not in update_fields):
        return
    instance._content_before_save = Revision.objects.filter(pk=instance.pk).values_list("content", flat=True).first()


def void_approvals_of_overwritten_revision(sender, instance, created=False, **kwargs):
    """post_save of Revision: when the content of a revision that steps of an
    ongoing review approved changes in place, those approvals are cancelled,
    so the review starts again on what will really be published."""
    before = getattr(instance, "_content_before_save", None)
    instance._content_before_save = None
    if created or before is None or rules.content_signature(before) == content_signature(instance):
        return
    TaskState.objects.filter(
        revision=instance,
        status=TaskState.STATUS_APPROVED,
        workflow_state__status__in=(WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES),
    ).update(status=TaskState.STATUS_CANCELLED)
