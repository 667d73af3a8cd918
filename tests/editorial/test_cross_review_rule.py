"""Who may approve a step of the cross review: the pure rule, and the
laundering sequences of issue 14 through Wagtail's real admin views."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import Revision, TaskState

from editorial import rules
from editorial.roles import PATIENT_STEP, PROFESSIONAL_STEP
from editorial.workflows import check_cross_review
from home.factories import StandardPageFactory
from home.models import StandardPage
from tests.utils import refused_by_the_admin

from .conftest import edit_data, login, post_edit, submit, workflow_action

# --- The pure rule ---------------------------------------------------------


def test_contributors_are_everyone_who_changed_the_content():
    live = {"title": "T", "intro": "Publié", "live": True}
    revisions = [
        (1, {"title": "T", "intro": "Écrit par 1", "live": True}),
        (2, {"title": "T", "intro": "Écrit par 1.", "live": True}),  # one character
        (3, {"title": "T", "intro": "Écrit par 1.", "live": False}),  # bookkeeping only
        (None, {"title": "T", "intro": "Par le système"}),
    ]
    assert rules.contributors(live, revisions) == {1, 2}
    # Identical to the published version: not a change.
    assert rules.contributors(live, [(4, dict(live, latest_revision=9))]) == set()
    # Never published: the first draft is a change.
    assert rules.contributors(None, [(5, {"title": "T"}), (6, {"title": "T"})]) == {5}


def test_refusal_and_completeness():
    assert rules.refusal(None, set(), set()) == rules.NOT_APPROVED
    assert rules.refusal(1, {1}, set()) == rules.OWN_CHANGE
    assert rules.refusal(1, {2}, {1}) == rules.OTHER_STEP
    assert rules.refusal(1, {2}, {3}) is None
    assert rules.review_complete({10, 20}, {10: 1, 20: 2}, {3})
    assert not rules.review_complete({10, 20}, {10: 1}, set())  # a step missing
    assert not rules.review_complete({10, 20}, {10: 1, 20: 1}, set())  # the same person twice
    assert not rules.review_complete({10, 20}, {10: 1, 20: 2}, {2})  # a barred person
    assert not rules.review_complete({10, 20}, {10: 1, 20: None}, set())
    assert not rules.review_complete({10}, {10: 1, 20: 2}, set())  # an unknown step


# --- Through the admin -----------------------------------------------------


def refused(response):
    return refused_by_the_admin(response) and "autorisations" in str(list(response.wsgi_request._messages))


def current_step(page):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return state.task.name if state else None


def save_draft(client, page, **changes):
    """The edit form's "Save draft" button."""
    page.refresh_from_db()
    return post_edit(client, page.get_latest_revision_as_object(), **changes)


def to_review_panel(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index("À relire par moi")
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_one_character_added_by_an_editor_does_not_launder_a_copilots_text(client, people, review_page):
    # The professional co-pilot writes; an editor adds one character and submits.
    save_draft(login(client, people["pro"]), review_page, intro="Texte du co-pilote professionnel")
    response = submit(
        login(client, people["editor"]),
        review_page.get_latest_revision_as_object(),
        intro="Texte du co-pilote professionnel.",
    )
    assert response.status_code == 302
    assert workflow_action(login(client, people["patient"]), review_page, "approve").status_code == 302
    assert current_step(review_page) == PROFESSIONAL_STEP
    # The co-pilot may not approve their own text, and the review is not listed for them.
    pro = login(client, people["pro"])
    assert "Préparer une réunion en binôme" not in to_review_panel(pro)
    assert refused(workflow_action(pro, review_page, "approve"))
    assert current_step(review_page) == PROFESSIONAL_STEP
    review_page.refresh_from_db()
    assert review_page.intro == "Version publiée."
    # Another professional may.
    both = login(client, people["both"])
    assert "Préparer une réunion en binôme" in to_review_panel(both)
    assert workflow_action(both, review_page, "approve").status_code == 302
    review_page.refresh_from_db()
    assert review_page.intro == "Texte du co-pilote professionnel."
    # Published in the last approver's name.
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(action="wagtail.publish", page=review_page).latest("pk").user == people["both"]


@pytest.mark.django_db
def test_a_first_draft_never_published_is_not_laundered_either(client, people, home_page):
    page = StandardPageFactory(parent=home_page, title="Brouillon", slug="brouillon", intro="Premier jet.", live=False)
    page = StandardPage.objects.get(pk=page.pk)
    assert not page.live and page.live_revision is None
    page.intro = "Texte d'une co-pilote usagère"
    page.save_revision(user=people["patient"])
    submit(
        login(client, people["editor"]), page.get_latest_revision_as_object(), intro="Texte d'une co-pilote usagère."
    )
    assert current_step(page) == PATIENT_STEP
    assert refused(workflow_action(login(client, people["patient"]), page, "approve"))
    assert current_step(page) == PATIENT_STEP
    assert workflow_action(login(client, people["patient2"]), page, "approve").status_code == 302
    assert current_step(page) == PROFESSIONAL_STEP


@pytest.mark.django_db
def test_a_submitter_who_did_not_write_the_text_cannot_approve(client, people, review_page):
    save_draft(login(client, people["editor"]), review_page, intro="Texte de la rédactrice.")
    # The patient co-pilot submits it unchanged: the revision they save is identical.
    review_page.refresh_from_db()
    submit(login(client, people["patient"]), review_page.get_latest_revision_as_object())
    latest, previous = Revision.objects.filter(object_id=str(review_page.pk)).order_by("-pk")[:2]
    assert latest.user == people["patient"] and latest.content["intro"] == previous.content["intro"]
    assert current_step(review_page) == PATIENT_STEP
    assert refused(workflow_action(login(client, people["patient"]), review_page, "approve"))
    assert current_step(review_page) == PATIENT_STEP
    assert workflow_action(login(client, people["patient2"]), review_page, "approve").status_code == 302
    assert current_step(review_page) == PROFESSIONAL_STEP


@pytest.mark.django_db
def test_resubmission_after_changes_requested(client, people, review_page):
    submit(login(client, people["editor"]), review_page, intro="Première version.")
    assert workflow_action(login(client, people["patient"]), review_page, "reject", "Trop long.").status_code == 302
    review_page.refresh_from_db()
    assert review_page.current_workflow_state.status == "needs_changes"
    # The professional co-pilot resubmits it unchanged: they asked for the review.
    review_page.refresh_from_db()
    submit(login(client, people["pro"]), review_page.get_latest_revision_as_object())
    assert current_step(review_page) == PATIENT_STEP
    assert refused(workflow_action(login(client, people["editor"]), review_page, "approve"))
    assert workflow_action(login(client, people["patient"]), review_page, "approve").status_code == 302
    assert current_step(review_page) == PROFESSIONAL_STEP
    assert refused(workflow_action(login(client, people["pro"]), review_page, "approve"))
    assert workflow_action(login(client, people["both"]), review_page, "approve").status_code == 302
    review_page.refresh_from_db()
    assert review_page.intro == "Première version."
    assert review_page.current_workflow_state is None


@pytest.mark.django_db
def test_an_author_autosaving_over_an_approved_revision_voids_the_approval(client, people, review_page):
    submit(login(client, people["editor"]), review_page, intro="Texte de la rédactrice.")
    workflow_action(login(client, people["patient"]), review_page, "approve")
    # During the professionals' step (the page is locked for everyone else),
    # a professional co-pilot edits the text; another professional approves,
    # so the patients review the professional's version and approve it.
    save_draft(login(client, people["pro"]), review_page, intro="Texte corrigé par le co-pilote.")
    workflow_action(login(client, people["both"]), review_page, "approve")
    assert current_step(review_page) == PATIENT_STEP
    workflow_action(login(client, people["patient"]), review_page, "approve")
    assert current_step(review_page) == PROFESSIONAL_STEP
    review_page.refresh_from_db()
    approved = review_page.get_latest_revision()
    assert approved.user == people["pro"]
    assert TaskState.objects.filter(revision=approved, status="approved").count() == 1
    # Wagtail's autosave: the co-pilot's revision, approved by the patients,
    # is overwritten in place and keeps its id.
    data = edit_data(review_page.get_latest_revision_as_object(), intro="Texte que personne n'a relu.")
    data["overwrite_revision_id"] = str(approved.pk)
    response = login(client, people["pro"]).post(
        reverse("wagtailadmin_pages:edit", args=[review_page.pk]), data, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200, response.content.decode()
    assert response.json()["revision_id"] == approved.pk
    assert Revision.objects.get(pk=approved.pk).content["intro"] == "Texte que personne n'a relu."
    assert not TaskState.objects.filter(revision=approved, status="approved").exists()
    # The other professional approves what they see: the patients must review it again.
    assert workflow_action(login(client, people["both"]), review_page, "approve").status_code == 302
    review_page.refresh_from_db()
    assert review_page.intro == "Version publiée."
    assert current_step(review_page) == PATIENT_STEP


def approve_directly(state, person):
    TaskState.objects.filter(pk=state.pk).update(status="approved", finished_by=person)


def start_review(page, author, submitter=None):
    page.intro = "Texte proposé."
    revision = page.save_revision(user=author)
    workflow_state = page.get_workflow().start(page, submitter or author)
    first = workflow_state.current_task_state
    second_task = page.get_workflow().tasks[1]
    second = TaskState.objects.create(workflow_state=workflow_state, revision=revision, task=second_task)
    return workflow_state, revision, first, second


@pytest.mark.django_db
@pytest.mark.parametrize(
    "first, second, allowed",
    [
        ("patient", "pro", True),
        ("both", "both", False),  # the same person twice
        ("editor", "pro", False),  # the author
        ("patient", "admin", False),  # the submitter, who did not write it
        ("patient", None, False),
    ],
)
def test_the_finish_action_checks_every_part_of_the_rule(people, review_page, first, second, allowed):
    workflow_state, revision, first_state, second_state = start_review(
        review_page, people["editor"], submitter=people["admin"]
    )
    approve_directly(first_state, people[first])
    if second:
        approve_directly(second_state, people[second])
    if allowed:
        check_cross_review(workflow_state, revision)
    else:
        with pytest.raises(PermissionDenied, match="^La relecture croisée n'est pas complète : publication refusée.$"):
            check_cross_review(workflow_state, revision)


@pytest.mark.django_db
def test_only_approvals_of_this_review_on_this_revision_count(people, review_page):
    workflow_state, revision, first_state, second_state = start_review(review_page, people["editor"])
    approve_directly(first_state, people["patient"])
    approve_directly(second_state, people["pro"])
    check_cross_review(workflow_state, revision)
    # A step rejected, not approved.
    TaskState.objects.filter(pk=second_state.pk).update(status="rejected")
    with pytest.raises(PermissionDenied):
        check_cross_review(workflow_state, revision)
    TaskState.objects.filter(pk=second_state.pk).update(status="approved")
    # A newer revision: the approvals were given to the older one.
    review_page.intro = "Texte modifié après les approbations."
    newer = review_page.save_revision(user=people["editor"])
    with pytest.raises(PermissionDenied):
        check_cross_review(workflow_state, newer)
    # Another review of the same revision: approvals of a cancelled review do not carry over.
    TaskState.objects.filter(workflow_state=workflow_state).update(revision=newer)
    type(workflow_state).objects.filter(pk=workflow_state.pk).update(status="cancelled")
    other = review_page.get_workflow().start(review_page, people["editor"])
    assert other.pk != workflow_state.pk
    with pytest.raises(PermissionDenied):
        check_cross_review(other, newer)
