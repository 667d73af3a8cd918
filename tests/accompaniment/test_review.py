"""The review of applications in the admin: statuses, one opinion per
reviewer, the decision by two reviewers from the two co-pilot groups (the
cross-review rule of editorial.rules), the email to the applicant and the
draft project of a retained application."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from accompaniment.factories import ApplicationFactory, ApplicationReviewFactory
from accompaniment.models import Application, ApplicationReview
from accompaniment.review import change_status, review_refusal, transition_refusal
from core.models import OutgoingEmail
from editorial import rules
from editorial.factories import UserFactory
from editorial.roles import COPILOTS_PATIENTS, COPILOTS_PROFESSIONALS, EDITORS
from projects.models import ProjectPage
from tests.utils import plain


@pytest.fixture
def application(open_call, projects_index):
    return ApplicationFactory(call=open_call, status="recevable", contact_email="equipe@example.org")


@pytest.fixture
def patient():
    return UserFactory(groups=[COPILOTS_PATIENTS])


@pytest.fixture
def professional():
    return UserFactory(groups=[COPILOTS_PROFESSIONALS])


def review(application, user, opinion="retenir", message=""):
    return ApplicationReviewFactory(application=application, reviewer=user, opinion=opinion, public_message=message)


# --- The pure rule --------------------------------------------------------------


def test_pick_approvers_needs_one_distinct_person_per_step():
    steps = {"patients": {1, 3}, "pros": {2, 3}}
    assert rules.pick_approvers(steps, [1, 2], set()) == {"patients": 1, "pros": 2}
    assert rules.pick_approvers(steps, [3], set()) is None  # one person in both groups
    assert rules.pick_approvers(steps, [3, 3], set()) is None  # same person twice
    assert rules.pick_approvers(steps, [1, 3], set()) == {"patients": 1, "pros": 3}
    assert rules.pick_approvers(steps, [1, 2], {2}) is None  # barred (the applicant)
    assert rules.pick_approvers({"patients": {1, 4}, "pros": set()}, [1, 4], set()) is None  # one group only


# --- The statuses --------------------------------------------------------------


@pytest.mark.django_db
def test_eligibility_before_decision(open_call, projects_index):
    application = ApplicationFactory(call=open_call)
    assert transition_refusal(application, "retenue")  # reçue cannot be decided
    assert transition_refusal(application, "recevable") is None
    change_status(application, "irrecevable")
    assert Application.objects.get().status == "irrecevable"
    assert not OutgoingEmail.objects.filter(purpose="accompaniment-decision").exists()


@pytest.mark.django_db
def test_same_person_twice_is_refused(application, patient):
    review(application, patient)
    assert "déjà donné votre avis" in review_refusal(application, patient)
    assert transition_refusal(application, "retenue")


@pytest.mark.django_db
def test_a_reviewer_in_both_groups_does_not_make_two(application):
    both = UserFactory(groups=[COPILOTS_PATIENTS, COPILOTS_PROFESSIONALS])
    review(application, both)
    assert transition_refusal(application, "retenue")


@pytest.mark.django_db
def test_the_applicant_reviewing_is_refused(application, professional):
    applicant = UserFactory(groups=[COPILOTS_PATIENTS], email="EQUIPE@example.org")
    assert "propre candidature" in review_refusal(application, applicant)
    # Even if the opinion were stored (a shell, an older row), it does not count.
    review(application, applicant)
    review(application, professional)
    assert transition_refusal(application, "retenue")


@pytest.mark.django_db
def test_one_group_only_is_refused(application, patient):
    review(application, patient)
    review(application, UserFactory(groups=[COPILOTS_PATIENTS]))
    assert transition_refusal(application, "retenue")
    editor = UserFactory(groups=[EDITORS])
    assert "co-pilotes" in review_refusal(application, editor)


@pytest.mark.django_db
def test_disagreeing_opinions_decide_nothing(application, patient, professional):
    review(application, patient, "retenir")
    review(application, professional, "ne-pas-retenir")
    assert transition_refusal(application, "retenue")
    assert transition_refusal(application, "non-retenue")


@pytest.mark.django_db
def test_happy_path_retained_becomes_a_draft_project_and_the_applicant_is_told(
    application, patient, professional, projects_index, django_capture_on_commit_callbacks
):
    review(application, patient, message="Un projet qui part des personnes concernées.")
    review(application, professional, message="Pensez à prévoir le temps des partenaires.")
    assert transition_refusal(application, "retenue") is None
    with django_capture_on_commit_callbacks(execute=True):
        change_status(application, "retenue")
    application.refresh_from_db()
    assert application.status == "retenue" and application.decided_at
    page = ProjectPage.objects.get(pk=application.project_page_id)
    assert not page.live and page.call_id == application.call_id
    assert page.get_parent().pk == projects_index.pk
    assert "equipe@example.org" not in str(page.body) and "Dominique" not in str(page.body)
    email = OutgoingEmail.objects.get(purpose="accompaniment-decision")
    assert email.to == "equipe@example.org" and "projet retenu" in email.subject
    assert "Un projet qui part des personnes concernées." in plain(email.body)
    assert "Pensez à prévoir le temps des partenaires." in plain(email.body)
    assert [m.to for m in mail.outbox] == [["equipe@example.org"]]
    # Decided: no more opinions, no going back.
    assert review_refusal(application, UserFactory(groups=[COPILOTS_PATIENTS]))
    assert transition_refusal(application, "non-retenue")


# --- Through the admin -----------------------------------------------------------


@pytest.mark.django_db
def test_admin_review_form_takes_the_logged_in_reviewer_and_refuses_the_second(client, application, patient):
    client.force_login(patient)
    url = "/admin/application_reviews/new/"
    data = {"application": application.pk, "opinion": "retenir", "comment": "Bien.", "public_message": ""}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ApplicationReview.objects.get().reviewer == patient
    response = client.post(url, data)
    assert response.status_code == 200
    assert "déjà donné votre avis" in plain(response.content)
    assert ApplicationReview.objects.count() == 1


@pytest.mark.django_db
def test_admin_decision_is_refused_without_two_groups_then_accepted(
    client, application, patient, professional, django_capture_on_commit_callbacks
):
    editor = UserFactory(groups=[EDITORS])
    client.force_login(editor)
    url = f"/admin/applications/edit/{application.pk}/"
    assert client.get(url).status_code == 200
    review(application, patient)
    response = client.post(url, {"status": "retenue"})
    assert response.status_code == 200
    assert "deux avis concordants" in plain(response.content)
    assert Application.objects.get().status == "recevable"
    review(application, professional)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"status": "retenue"})
    assert response.status_code == 302
    assert Application.objects.get().status == "retenue"
    assert OutgoingEmail.objects.filter(purpose="accompaniment-decision").count() == 1


@pytest.mark.django_db
def test_people_outside_the_working_group_do_not_see_applications(client, application):
    outsider = UserFactory(groups=[])
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get("/admin/applications/")
    assert response.status_code in (302, 403)
    assert "equipe@example.org" not in response.content.decode()


@pytest.mark.django_db
def test_the_working_group_reads_an_application_with_its_team_and_opinions(client, application, patient):
    from accompaniment.models import TeamMember

    TeamMember.objects.create(application=application, role="Patiente partenaire", is_partner=True)
    review(application, patient)
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(f"/admin/applications/inspect/{application.pk}/")
    assert response.status_code == 200
    html = plain(response.content)
    assert "Patiente partenaire (partenaire)" in html and "equipe@example.org" in html
    assert "Retenir le projet" in html
