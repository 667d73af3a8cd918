"""The "Relecture croisée" workflow through Wagtail's admin views."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from editorial.models import CrossReviewTask
from editorial.roles import PATIENT_STEP, PROFESSIONAL_STEP, WORKFLOW_NAME
from home.models import StandardPage
from tests.utils import refused_by_the_admin

from .conftest import clear_outbox, login, outbox, post_edit, submit, workflow_action

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the
    dashboard and an error message."""
    return refused_by_the_admin(response) and "autorisations" in str(list(response.wsgi_request._messages))


def panel(html, heading):
    """The HTML of the dashboard panel titled `heading`."""
    start = html.index(heading)
    return html[start : html.index("</section>", start)]


def current_step(page):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return state.task.name if state else None


def test_the_workflow_covers_every_page_with_two_cross_review_steps(review_page):
    workflow = review_page.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    steps = [task.specific for task in workflow.tasks]
    assert [step.name for step in steps] == [PATIENT_STEP, PROFESSIONAL_STEP]
    assert all(isinstance(step, CrossReviewTask) for step in steps)
    assert Page.get_first_root_node().get_workflow() == workflow


def test_an_editor_cannot_publish_any_page(client, people, review_page, home_page):
    editor = people["editor"]
    assert not PagePermissionPolicy().user_has_permission(editor, "publish")
    for page in Page.objects.filter(depth__gte=2).specific():
        assert not page.permissions_for_user(editor).can_publish(), page
    # The real view: "publish" in the POST is ignored, a draft is saved instead.
    response = post_edit(login(client, editor), review_page, action="action-publish", intro="Tentative directe.")
    assert response.status_code == 302
    review_page.refresh_from_db()
    assert review_page.intro == "Version publiée."
    assert review_page.has_unpublished_changes
    html = client.get(reverse("wagtailadmin_pages:edit", args=[review_page.pk])).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


def test_approval_by_both_groups_publishes_with_two_emails_per_step(client, people, review_page):
    response = submit(login(client, people["editor"]), review_page, intro="Nouvelle version relue.")
    assert response.status_code == 302
    assert current_step(review_page) == PATIENT_STEP
    assert review_page.intro == "Version publiée."
    # The patient co-pilots (not the pro ones) are told a review waits for them.
    assert sorted(to for to, _, _ in outbox()) == ["double@example.org", "usager@example.org", "usagere2@example.org"]
    clear_outbox()

    assert workflow_action(login(client, people["patient"]), review_page, "approve").status_code == 302
    assert current_step(review_page) == PROFESSIONAL_STEP
    recipients = sorted(to for to, _, _ in outbox())
    assert "redactrice@example.org" in recipients  # the author: step approved
    assert "soignant@example.org" in recipients and "double@example.org" in recipients  # next reviewers
    assert "usager@example.org" not in recipients
    clear_outbox()

    assert workflow_action(login(client, people["pro"]), review_page, "approve", "Très bien.").status_code == 302
    review_page.refresh_from_db()
    assert review_page.live and review_page.intro == "Nouvelle version relue."
    assert not review_page.has_unpublished_changes
    assert client.get(review_page.url).content.decode().count("Nouvelle version relue.") >= 1
    subjects = [subject for to, subject, _ in outbox() if to == "redactrice@example.org"]
    assert any("Étape approuvée" in s for s in subjects) and any("Publié" in s for s in subjects)
    state = WorkflowState.objects.get(object_id=str(review_page.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    approvers = set(state.task_states.filter(status="approved").values_list("finished_by__username", flat=True))
    assert approvers == {"usager", "soignant"}


def test_a_rejection_sends_it_back_to_the_author_with_the_comment(client, people, review_page):
    submit(login(client, people["editor"]), review_page, intro="Brouillon à revoir.")
    clear_outbox()
    response = workflow_action(login(client, people["patient"]), review_page, "reject", "Trop de jargon médical.")
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(review_page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    review_page.refresh_from_db()
    assert review_page.intro == "Version publiée."
    [(to, subject, body)] = outbox()
    assert to == "redactrice@example.org"
    assert "Trop de jargon médical." in body
    assert "Modifications demandées" in subject


def test_an_edit_during_review_restarts_approval(client, people, review_page):
    submit(login(client, people["editor"]), review_page, intro="Première proposition.")
    workflow_action(login(client, people["patient"]), review_page, "approve")
    assert current_step(review_page) == PROFESSIONAL_STEP
    # The professional co-pilot edits the text while reviewing, then approves:
    # the patient side must review the new text again.
    review_page.refresh_from_db()
    draft = review_page.get_latest_revision_as_object()
    response = post_edit(
        login(client, people["pro"]),
        draft,
        action="action-workflow-action",
        intro="Proposition corrigée par la co-pilote.",
    )
    # Without the action's name, the edit is saved as a draft and nothing is approved.
    assert response.status_code == 302
    assert current_step(review_page) == PROFESSIONAL_STEP
    # The footer's approve button posts the edit form with the action name;
    # having changed the text, the professional may not approve it.
    client.post(
        reverse("wagtailadmin_pages:edit", args=[review_page.pk]),
        {
            **post_edit_data(draft, intro="Proposition corrigée par la co-pilote."),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )
    review_page.refresh_from_db()
    assert review_page.live and review_page.intro == "Version publiée."
    assert current_step(review_page) == PROFESSIONAL_STEP
    assert refused(workflow_action(login(client, people["pro"]), review_page, "approve"))
    # Another professional approves: the patient side must review the new text again.
    assert workflow_action(login(client, people["both"]), review_page, "approve").status_code == 302
    assert current_step(review_page) == PATIENT_STEP
    workflow_action(login(client, people["patient"]), review_page, "approve")
    assert current_step(review_page) == PROFESSIONAL_STEP
    # The professional wrote the last revision: they still cannot approve it.
    assert refused(workflow_action(login(client, people["pro"]), review_page, "approve"))
    assert workflow_action(login(client, people["both"]), review_page, "approve").status_code == 302
    review_page.refresh_from_db()
    assert review_page.intro == "Proposition corrigée par la co-pilote."


def post_edit_data(page, **changes):
    from .conftest import edit_data

    return edit_data(page, **changes)


def test_a_copilot_cannot_approve_the_other_groups_step(client, people, review_page):
    submit(login(client, people["editor"]), review_page, intro="Texte proposé.")
    assert refused(workflow_action(login(client, people["pro"]), review_page, "approve"))
    assert current_step(review_page) == PATIENT_STEP
    workflow_action(login(client, people["patient"]), review_page, "approve")
    assert refused(workflow_action(login(client, people["patient2"]), review_page, "approve"))
    assert current_step(review_page) == PROFESSIONAL_STEP


def test_a_person_in_both_groups_cannot_approve_both_steps(client, people, review_page):
    submit(login(client, people["editor"]), review_page, intro="Texte proposé.")
    both = login(client, people["both"])
    assert workflow_action(both, review_page, "approve").status_code == 302
    assert current_step(review_page) == PROFESSIONAL_STEP
    assert refused(workflow_action(both, review_page, "approve"))
    review_page.refresh_from_db()
    assert review_page.intro == "Version publiée."
    # Nor through the edit form's approve button.
    draft = review_page.get_latest_revision_as_object()
    both.post(
        reverse("wagtailadmin_pages:edit", args=[review_page.pk]),
        {**post_edit_data(draft), "action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    review_page.refresh_from_db()
    assert review_page.intro == "Version publiée."
    assert current_step(review_page) == PROFESSIONAL_STEP


def test_the_author_cannot_approve_their_own_change(client, people, review_page):
    # A patient co-pilot writes and submits: neither step is theirs to approve.
    author = login(client, people["patient"])
    submit(author, review_page, intro="Texte écrit par un co-pilote.")
    assert refused(workflow_action(author, review_page, "approve"))
    assert current_step(review_page) == PATIENT_STEP
    html = author.get(reverse("wagtailadmin_home")).content.decode()
    assert "Rien n&#x27;attend votre relecture." in panel(html, "À relire par moi")


def test_task_states_listed_for_review_follow_the_same_rules(people, review_page, client):
    submit(login(client, people["editor"]), review_page, intro="Texte proposé.")
    state = TaskState.objects.get(status="in_progress")
    task = state.task.specific
    assert set(task.get_task_states_user_can_moderate(people["patient"])) == {state}
    assert not task.get_task_states_user_can_moderate(people["pro"]).exists()
    assert not task.get_task_states_user_can_moderate(people["editor"]).exists()
    assert not task.get_task_states_user_can_moderate(people["superuser"]).exists()


def test_a_superusers_direct_publish_is_logged_and_listed(client, people, review_page):
    post_edit(login(client, people["superuser"]), review_page, action="action-publish", intro="Urgence : correctif.")
    review_page.refresh_from_db()
    assert review_page.intro == "Urgence : correctif."
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(action="editorial.unreviewed_publish")
    assert entry.user == people["superuser"] and entry.page_id == review_page.pk
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Publié sans relecture croisée" in html
    assert "Préparer une réunion en binôme" in html
    # A reviewed publication is not listed.
    submit(login(client, people["editor"]), review_page, intro="Version relue.")
    workflow_action(login(client, people["patient"]), review_page, "approve")
    workflow_action(login(client, people["pro"]), review_page, "approve")
    assert PageLogEntry.objects.filter(action="editorial.unreviewed_publish").count() == 1
    assert PageLogEntry.objects.filter(action="wagtail.publish", page=review_page).count() >= 2


def test_scheduled_publication_after_review(client, people, review_page):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    go_live = timezone.now() + timedelta(hours=1)
    submit(
        login(client, people["editor"]),
        review_page,
        intro="Version programmée.",
        go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    )
    workflow_action(login(client, people["patient"]), review_page, "approve")
    workflow_action(login(client, people["pro"]), review_page, "approve")
    review_page.refresh_from_db()
    assert review_page.intro == "Version publiée."
    from wagtail.models import Revision

    [scheduled] = Revision.objects.filter(object_id=str(review_page.pk)).exclude(approved_go_live_at=None)
    # Travel to the publication date: the revision's date is now past.
    past = timezone.now() - timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    clear_outbox()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    review_page.refresh_from_db()
    assert review_page.intro == "Version programmée."
    assert any(to == "redactrice@example.org" and "Publié" in subject for to, subject, _ in outbox())
    from wagtail.models import PageLogEntry

    assert not PageLogEntry.objects.filter(action="editorial.unreviewed_publish").exists()


def test_approving_from_the_edit_page_without_changes_moves_on(client, people, review_page):
    """The footer's approve button posts the whole edit form; a revision
    with identical content must not restart the review, and the approver
    still may not approve the next step."""
    submit(login(client, people["editor"]), review_page, intro="Texte proposé.")
    review_page.refresh_from_db()
    draft = review_page.get_latest_revision_as_object()
    both = login(client, people["both"])
    response = both.post(
        reverse("wagtailadmin_pages:edit", args=[review_page.pk]),
        # A comment added while approving: the form changed, the content did not.
        {
            **post_edit_data(
                draft,
                comments=inline_formset(
                    [{"contentpath": "intro", "text": "Très clair.", "position": "", "replies": inline_formset([])}]
                ),
            ),
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
        },
    )
    assert response.status_code == 302
    assert current_step(review_page) == PROFESSIONAL_STEP
    from wagtail.models import Revision

    assert Revision.objects.filter(object_id=str(review_page.pk), user=people["both"]).exists()
    assert refused(workflow_action(both, review_page, "approve"))
    assert workflow_action(login(client, people["pro"]), review_page, "approve").status_code == 302
    review_page.refresh_from_db()
    assert review_page.intro == "Texte proposé."


def test_the_finish_action_refuses_an_incomplete_cross_review(people, review_page):
    """Last line of defence: even if a step were approved by the wrong
    person outside the admin, publication is refused."""
    from django.core.exceptions import PermissionDenied

    from editorial.workflows import check_cross_review

    review_page.intro = "Texte proposé."
    revision = review_page.save_revision(user=people["editor"])
    state = review_page.get_workflow().start(review_page, people["editor"])
    first = state.current_task_state
    TaskState.objects.filter(pk=first.pk).update(status="approved", finished_by=people["both"])
    with pytest.raises(PermissionDenied):
        check_cross_review(state, revision)


def test_a_lexicon_term_goes_through_the_cross_review(client, people):
    """The same circuit for a workflow snippet, through the snippet views."""
    from django.apps import apps
    from wagtail.test.utils.form_data import rich_text, streamfield

    term_model = apps.get_model("resources", "GlossaryTerm")
    viewset = term_model.snippet_viewset
    data = nested_form_data(
        {
            "term": "Pair-aidance",
            "variants": "",
            "short_definition": "Soutien apporté par une personne qui a vécu une situation proche.",
            "definition": rich_text("<p>Une définition rédigée par le groupe de travail.</p>"),
            "sources": streamfield([]),
            "source_references": streamfield([]),
            "version": "1.0",
            "slug": "pair-aidance",
            "inline_linking": "on",
        }
    )
    editor = login(client, people["editor"])
    response = editor.post(reverse(viewset.get_url_name("add")), {**data, "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:300]
    term = term_model.objects.get(slug="pair-aidance")
    assert not term.live
    assert term.current_workflow_task.name == PATIENT_STEP
    assert sorted(to for to, _, _ in outbox()) == ["double@example.org", "usager@example.org", "usagere2@example.org"]

    def act(who, action):
        term.refresh_from_db()
        url = reverse(
            viewset.get_url_name("workflow_action"), args=[term.pk, action, term.current_workflow_task_state.pk]
        )
        return login(client, people[who]).post(url, {"comment": ""})

    assert refused(act("pro", "approve"))
    act("patient", "approve")
    term.refresh_from_db()
    assert term.current_workflow_task.name == PROFESSIONAL_STEP
    assert refused(act("patient", "approve"))
    act("pro", "approve")
    term.refresh_from_db()
    assert term.live
    assert term.current_workflow_task is None


def test_a_superusers_direct_publish_of_a_lexicon_term_is_listed(client, people):
    from django.apps import apps
    from wagtail.models import ModelLogEntry

    term_model = apps.get_model("resources", "GlossaryTerm")
    term = term_model(term="Savoirs expérientiels", short_definition="Ce que l'on apprend en vivant la maladie.")
    term.definition = "<p>Définition.</p>"
    term.save()
    term.save_revision().publish()
    assert not ModelLogEntry.objects.filter(action="editorial.unreviewed_publish").exists()  # no person: the demo
    term.short_definition = "Nouvelle définition courte publiée en urgence."
    term.save_revision(user=people["superuser"]).publish(user=people["superuser"])
    entry = ModelLogEntry.objects.get(action="editorial.unreviewed_publish")
    assert entry.user == people["superuser"] and entry.object_id == str(term.pk)
    client.force_login(people["admin"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Savoirs expérientiels" in panel(html, "Publié sans relecture croisée")


def test_expiry_set_in_review_unpublishes_the_page(client, people, review_page):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    expire = timezone.localtime(timezone.now() + timedelta(days=30))
    submit(
        login(client, people["editor"]),
        review_page,
        intro="Version à durée limitée.",
        expire_at=expire.strftime("%Y-%m-%d %H:%M"),
    )
    workflow_action(login(client, people["patient"]), review_page, "approve")
    workflow_action(login(client, people["pro"]), review_page, "approve")
    review_page.refresh_from_db()
    assert review_page.live and review_page.intro == "Version à durée limitée."
    assert review_page.expire_at is not None
    # Thirty days later, the cron job withdraws it.
    StandardPage.objects.filter(pk=review_page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    review_page.refresh_from_db()
    assert not review_page.live and review_page.expired
