"""The working group's review of applications, and what a decision does.

The decision (retenue / non retenue) follows the cross-review rule of
publication (editorial.rules): two distinct reviewers, one from each co-pilot
group, neither of them the applicant (a reviewer whose address is the
applicant's counts as the applicant), both of the opinion decided. The facts
are gathered here; `editorial.rules.pick_approvers` says what they mean.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext

from accompaniment.models import Application, ApplicationReview, ApplicationStatus
from accompaniment.models.applications import DECISIONS, OPINION_FOR_DECISION, TRANSITIONS
from core.emails import render_email
from core.links import page_url
from core.models import Domain
from core.models.outbox import queue_email
from editorial import rules
from editorial.roles import COPILOT_GROUPS


def copilot_members(user_ids):
    """{co-pilot group name: ids among `user_ids` who belong to it}."""
    members = {name: set() for name in COPILOT_GROUPS}
    for name, user_id in Group.objects.filter(name__in=COPILOT_GROUPS, user__in=user_ids).values_list("name", "user"):
        members[name].add(user_id)
    return members


def is_applicant(application, user):
    email = (getattr(user, "email", "") or "").strip().lower()
    return bool(email) and email == application.contact_email.strip().lower()


def review_refusal(application, user):
    """Why `user` may not give an opinion on `application`, in French, or None."""
    if application.personal_data_erased_at or application.is_decided:
        return gettext("Cette candidature est close : plus d'avis possible.")
    if is_applicant(application, user):
        return gettext("On ne relit pas sa propre candidature.")
    if not any(copilot_members([user.pk]).values()):
        return gettext("Seuls les co-pilotes usagers et professionnels donnent un avis sur les candidatures.")
    if ApplicationReview.objects.filter(application=application, reviewer=user).exists():
        return gettext(
            "Vous avez déjà donné votre avis sur cette candidature : la seconde relecture revient à une autre personne."
        )
    return None


def decision_approvers(application, status):
    """The reviewers whose agreeing opinions allow `status`, {group: user id},
    or None when the rule is not met."""
    reviews = list(
        application.reviews.filter(opinion=OPINION_FOR_DECISION[status]).select_related("reviewer").order_by("pk")
    )
    reviewer_ids = [review.reviewer_id for review in reviews]
    barred = {review.reviewer_id for review in reviews if is_applicant(application, review.reviewer)}
    return rules.pick_approvers(copilot_members(reviewer_ids), reviewer_ids, barred)


def transition_refusal(application, status):
    """Why `application` may not move to `status`, in French, or None."""
    current = ApplicationStatus(application.status)
    if status == current:
        return None
    if status not in TRANSITIONS[current]:
        return gettext("Une candidature « %(current)s » ne peut pas passer à « %(new)s ».") % {
            "current": current.label,
            "new": ApplicationStatus(status).label,
        }
    if status in DECISIONS and decision_approvers(application, status) is None:
        return gettext(
            "La décision demande deux avis concordants de deux personnes différentes : une co-pilote ou un "
            "co-pilote usager et une ou un co-pilote professionnel, aucune des deux n'étant la personne candidate."
        )
    return None


def _paragraphs(text):
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n") if part.strip())


def draft_project(application):
    """The retained application as an unpublished project page under the
    projects' index, linked to its call; None without an index."""
    from projects.models import ProjectIndexPage, ProjectPage, ProjectStatus

    index = ProjectIndexPage.objects.first()
    if index is None:
        return None
    summary = " ".join(application.summary.split())
    page = ProjectPage(
        title=application.project_title,
        slug=f"{slugify(application.project_title)[:60].strip('-') or 'projet'}-candidature-{application.pk}",
        summary=summary[:252] + "…" if len(summary) > 255 else summary,
        # The form requires a domain; it is null only if an administrator deleted it since.
        domain=application.domain or Domain.objects.first(),
        structure_name=application.structure_name,
        structure_type=application.structure_type,
        department_code=application.department_code,
        start_year=timezone.localdate().year,
        status=ProjectStatus.PLANNED,
        engagement_degree=application.engagement_degree,
        engagement_scale=application.engagement_scale,
        call=application.call,
        body=[("paragraph", _paragraphs(application.summary))],
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision()
    return page


@transaction.atomic
def change_status(application, status):
    """Move `application` to `status` (the caller checked `transition_refusal`);
    a decision is dated, told to the applicant through the outbox, and a
    retained application becomes a draft project page."""
    previous = application.status
    application.status = status
    fields = ["status"]
    if status in DECISIONS and previous != status:
        application.decided_at = timezone.now()
        fields.append("decided_at")
        if status == ApplicationStatus.RETAINED and application.project_page_id is None:
            application.project_page = draft_project(application)
            fields.append("project_page")
        application.save(update_fields=fields)
        notify_decision(application)
    else:
        application.save(update_fields=fields)
    return application


def notify_decision(application):
    messages = [
        review.public_message.strip()
        for review in application.reviews.filter(opinion=OPINION_FOR_DECISION[application.status])
        if review.public_message.strip()
    ]
    context = {"application": application, "messages": messages, "call_url": page_url(application.call)}
    subject, body = render_email("accompaniment/emails/decision", context)
    queue_email(to=application.contact_email, subject=subject, body=body, purpose="accompaniment-decision")


def acknowledge(application):
    context = {"application": application, "call_url": page_url(application.call)}
    subject, body = render_email("accompaniment/emails/application_ack", context)
    queue_email(to=application.contact_email, subject=subject, body=body, purpose="accompaniment-ack")


__all__ = ["Application", "change_status", "decision_approvers", "review_refusal", "transition_refusal"]
