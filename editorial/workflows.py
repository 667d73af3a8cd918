"""What happens when a cross review finishes, and how publications are
checked against it.

Wagtail's default finish action publishes the latest revision *as the last
approver*, which fails with a permission error when, as here, reviewers may
not publish on their own. `publish_workflow_state` (WAGTAIL_FINISH_WORKFLOW_ACTION)
first re-checks the working group's rule on the revision about to go live,
then publishes it in the last approver's name without the publish-permission
check: the two approvals are the permission.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

# This module is imported by wagtail.models itself (WAGTAIL_FINISH_WORKFLOW_ACTION
# is resolved when WorkflowState is defined): model imports stay inside functions,
# and only what the finish action needs lives here.


def approvals_of(workflow_state, revision_id):
    """Approved task states of `workflow_state` on the given revision."""
    # Imported here because wagtail.models imports this module (see above).
    from wagtail.models import TaskState

    return TaskState.objects.filter(
        workflow_state=workflow_state, revision_id=revision_id, status=TaskState.STATUS_APPROVED
    ).select_related("revision")


def check_cross_review(workflow_state, revision):
    """Raise PermissionDenied unless every cross-review step of the workflow
    was approved on `revision` by distinct people, none of whom changed the
    content since the last publication or asked for the review."""
    # Imported here because wagtail.models imports this module (see above).
    from editorial.models import CrossReviewTask, barred_ids
    from editorial.rules import review_complete

    steps = set(
        CrossReviewTask.objects.filter(workflow_tasks__workflow_id=workflow_state.workflow_id, active=True).values_list(
            "pk", flat=True
        )
    )
    if not steps:
        return
    approvers = {}
    for state in approvals_of(workflow_state, revision.pk):
        if state.task_id in steps:
            approvers[state.task_id] = state.finished_by_id
    if not review_complete(steps, approvers, barred_ids(workflow_state, revision)):
        raise PermissionDenied(gettext("La relecture croisée n'est pas complète : publication refusée."))


def publish_workflow_state(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    check_cross_review(workflow_state, revision)
    revision.publish(user=user, skip_permission_checks=True)
