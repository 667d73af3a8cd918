"""Workflow emails, through the portal's outbox (stored, sent after commit,
retried by `send_queued_emails`).

Wagtail sends its own workflow emails directly through the mail backend (lost
when SMTP is down) and only to the requester. They are replaced here:

- a step starts: the members of the step's groups who may act on it (not the
  author, not the approver of the other step);
- a step is approved, or changes are requested (with the comment): the author
  of the revision and the person who asked for the review;
- the content is published: the same people, unless they published it.

Publications are also checked against the cross review: a publication by a
person that no finished workflow approved is logged in Wagtail's audit log as
"editorial.unreviewed_publish" (listed on the administrators' dashboard).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, PageLogEntry, TaskState, WorkflowState
from wagtail.signals import task_approved, task_submitted, workflow_approved, workflow_rejected

from core.emails import render_email
from core.models.outbox import queue_email
from editorial.models import CrossReviewTask

UNREVIEWED_ACTION = "editorial.unreviewed_publish"
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled", "wagtail.publish.schedule")

# Wagtail's own workflow notifiers, replaced by ours (see apps.py).
WAGTAIL_NOTIFIER_UIDS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
]


def _wagtail_notifier_placeholder(sender, **kwargs):
    """Registered under the dispatch_uid of a Wagtail notifier so that its
    later registration is a no-op; does nothing."""


def admin_edit_url(base_content_type, object_id):
    """Absolute admin edit URL of a page or snippet, without a query."""
    model = base_content_type.model_class()
    if model is not None and issubclass(model, Page):
        path = reverse("wagtailadmin_pages:edit", args=[object_id])
    else:
        try:
            path = reverse(model.snippet_viewset.get_url_name("edit"), args=[object_id])
        except (AttributeError, NoReverseMatch):
            path = reverse("wagtailadmin_home")
    return settings.BASE_URL.rstrip("/") + path


def _name(user):
    if user is None:
        return gettext("le système")
    return user.get_full_name() or user.get_username()


def _recipients(users, exclude=()):
    excluded = {u.pk for u in exclude if u is not None}
    seen, emails = set(), []
    for user in users:
        if user is None or user.pk in excluded or user.pk in seen or not user.is_active or not user.email:
            continue
        seen.add(user.pk)
        emails.append(user.email)
    return emails


def _send(purpose, template, context, to):
    """One message per recipient (reviewers do not see each other's address).

    The texts are templates: editorial/templates/editorial/emails/<template>.txt
    and <template>_subject.txt (see core.emails)."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject, body = render_email(f"editorial/emails/{template}", context)
    return [queue_email(to=address, subject=subject, body=body, purpose=purpose) for address in to]


def _authors(workflow_state, revision):
    return [revision.user if revision else None, workflow_state.requested_by]


def on_task_submitted(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, CrossReviewTask):
        return
    reviewers = [
        member
        for member in get_user_model().objects.filter(groups__in=task.groups.all()).distinct().order_by("pk")
        if task.blocking_reason(instance, member) is None
    ]
    revision = instance.revision
    _send(
        "editorial.review_requested",
        "review_requested",
        {
            "title": revision.object_str,
            "task": task,
            "author": _name(revision.user),
            "url": admin_edit_url(instance.workflow_state.base_content_type, instance.workflow_state.object_id),
        },
        _recipients(reviewers, exclude=[user]),
    )


def on_task_approved(sender, instance, user=None, **kwargs):
    workflow_state = instance.workflow_state
    revision = instance.revision
    finished = workflow_state.status == WorkflowState.STATUS_APPROVED
    _send(
        "editorial.step_approved",
        "step_approved",
        {
            "title": revision.object_str,
            "task": instance.task,
            "approver": _name(user),
            "comment": instance.comment,
            "finished": finished,
            "url": admin_edit_url(workflow_state.base_content_type, workflow_state.object_id),
        },
        _recipients(_authors(workflow_state, revision), exclude=[user]),
    )


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    task_state = instance.current_task_state
    revision = task_state.revision
    _send(
        "editorial.changes_requested",
        "changes_requested",
        {
            "title": revision.object_str,
            "task": task_state.task,
            "reviewer": _name(user),
            "comment": task_state.comment,
            "url": admin_edit_url(instance.base_content_type, instance.object_id),
        },
        _recipients(_authors(instance, revision), exclude=[user]),
    )


def reviewed_workflow_exists(revision_id):
    """True when a finished workflow approved exactly this revision."""
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_APPROVED, current_task_state__revision_id=revision_id
    ).exists()


def on_log_entry_saved(sender, instance, created, **kwargs):
    """Publication email, and the audit of publications without review."""
    if not created or instance.action not in PUBLISH_ACTIONS or instance.revision_id is None:
        return
    revision = instance.revision
    obj = revision.content_object
    reviewed = reviewed_workflow_exists(revision.pk)
    if instance.user_id is not None and not reviewed and instance.action != "wagtail.publish.scheduled":
        log(
            instance=obj,
            action=UNREVIEWED_ACTION,
            user=instance.user,
            revision=revision,
            data={"published_action": instance.action},
        )
    if instance.action == "wagtail.publish.schedule":
        return
    workflow_state = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_APPROVED, current_task_state__revision_id=revision.pk)
        .select_related("requested_by")
        .first()
    )
    people = [revision.user, workflow_state.requested_by if workflow_state else None]
    _send(
        "editorial.published",
        "published",
        {
            "title": revision.object_str,
            "publisher": _name(instance.user) if instance.user else "",
            "reviewed": reviewed,
            "url": admin_edit_url(revision.base_content_type, revision.object_id),
        },
        _recipients(people, exclude=[instance.user]),
    )


def connect():
    for signal, sender, uid in WAGTAIL_NOTIFIER_UIDS:
        # Whichever app is ready first: drop Wagtail's receiver if it is there,
        # and hold its dispatch_uid so that a later registration is ignored.
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(_wagtail_notifier_placeholder, sender=sender, dispatch_uid=uid)
    # Wagtail's "approved" email is replaced by the step and publication emails.
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification")
    workflow_approved.connect(
        _wagtail_notifier_placeholder, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="editorial_task_submitted")
    task_approved.connect(on_task_approved, sender=TaskState, dispatch_uid="editorial_task_approved")
    workflow_rejected.connect(on_workflow_rejected, sender=WorkflowState, dispatch_uid="editorial_workflow_rejected")
    for model in (PageLogEntry, ModelLogEntry):
        post_save.connect(on_log_entry_saved, sender=model, dispatch_uid=f"editorial_publish_{model.__name__}")
