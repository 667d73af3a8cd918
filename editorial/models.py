"""The custom workflow task of the "Relecture croisée" workflow.

Wagtail's GroupApprovalTask lets any member of the task's groups (and any
superuser) approve, including the author of the change and a person who
already approved the previous step. The working group's rule is stricter:
nothing is published without two distinct approvers, one per co-pilot group,
neither of them the author of the revision under review. CrossReviewTask keeps
Wagtail's machinery (task states, actions, locking, audit log) and narrows who
may act on a task state.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState

# Revision keys that describe bookkeeping, not content.
VOLATILE_KEYS = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "live",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "locked",
    "locked_at",
    "locked_by",
    "expired",
    "numchild",
    "wagtail_admin_comments",
    "comments",
}
# How far back a chain of identical revisions is followed.
MAX_IDENTICAL_REVISIONS = 20


def content_signature(revision):
    return {key: value for key, value in revision.content.items() if key not in VOLATILE_KEYS}


def identical_content(a, b):
    return content_signature(a) == content_signature(b)


def effective_author_id(revision):
    """Who wrote the content of `revision`.

    Wagtail's edit form saves a new revision whenever the form reports a
    change, even when the content is identical (a comment added, an inline
    panel renumbered) — for instance when a reviewer approves from the edit
    page. Such a revision does not make the reviewer an author: the author is
    the user of the earliest revision of the run of identical ones.
    """
    signature = content_signature(revision)
    author_id = revision.user_id
    previous = (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id, object_id=revision.object_id, pk__lt=revision.pk
        )
        .only("content", "user_id")
        .order_by("-pk")[:MAX_IDENTICAL_REVISIONS]
    )
    for earlier in previous:
        if content_signature(earlier) != signature:
            break
        author_id = earlier.user_id
    return author_id


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
    on: the task waits for one of their groups, they did not write the revision
    nor request the review, and they did not approve another step of it."""
    if not user.is_authenticated:
        return TaskState.objects.none()
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__active=True,
            task__in=CrossReviewTask.objects.filter(groups__user=user).values("pk"),
        )
        .exclude(Q(revision__user=user) | Q(workflow_state__requested_by=user))
        .exclude(Exists(_prior_approval(user)))
    )


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
        if user.pk in (effective_author_id(task_state.revision), task_state.workflow_state.requested_by_id):
            return gettext("On ne relit pas sa propre modification.")
        prior = (
            TaskState.objects.filter(
                workflow_state_id=task_state.workflow_state_id,
                revision_id=task_state.revision_id,
                status=TaskState.STATUS_APPROVED,
                finished_by=user,
            )
            .exclude(task_id=self.pk)
            .exists()
        )
        if prior:
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
