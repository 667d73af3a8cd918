"""Dashboard panels: who sees which, and a fixed number of queries."""

import pytest
from django.urls import reverse

from home.factories import StandardPageFactory
from tests.utils import count_queries

from .conftest import make_user

pytestmark = pytest.mark.django_db

HEADINGS = {
    "review": "À relire par moi",
    "latest": "Dernières publications",
    "unreviewed": "Publié sans relecture croisée",
}


def put_in_review(parent, editor, n, start=0):
    """n published pages, each with a draft submitted to the workflow."""
    for i in range(start, start + n):
        page = StandardPageFactory(
            parent=parent, title=f"Fiche {i}", slug=f"fiche-{i}", intro="Version publiée.", published_by=editor
        )
        page.intro = f"Intro-en-relecture-{i}"
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)


def dashboard(client, user):
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))  # warm the per-process caches
    response, queries = count_queries(client, reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode(), queries


@pytest.mark.parametrize("who", ["patient", "admin", "editor"])
def test_dashboard_queries_do_not_grow_with_items(client, people, home_page, who):
    put_in_review(home_page, people["editor"], 2)
    html, small = dashboard(client, people[who])
    put_in_review(home_page, people["editor"], 8, start=2)
    html, large = dashboard(client, people[who])
    assert small == large, (small, large)
    if who == "patient":
        assert "Intro-en-relecture" not in html  # titles come from revisions: the draft title
        assert html.count("Fiche ") >= 10


def test_each_role_sees_its_panels(client, people, home_page):
    put_in_review(home_page, people["editor"], 1)
    for who, expected in {
        "editor": {"latest"},
        "patient": {"latest", "review"},
        "pro": {"latest", "review"},
        "admin": {"latest", "unreviewed"},
        "superuser": {"latest", "unreviewed"},
    }.items():
        html, _ = dashboard(client, people[who])
        shown = {key for key, heading in HEADINGS.items() if heading in html}
        assert shown == expected, who


def test_to_review_lists_only_what_i_may_approve(client, people, home_page):
    put_in_review(home_page, people["editor"], 1)
    patient_html, _ = dashboard(client, people["patient"])
    assert "Fiche 0" in patient_html.split(HEADINGS["review"])[1]
    pro_html, _ = dashboard(client, people["pro"])
    assert "Rien n&#x27;attend votre relecture." in pro_html


def test_directory_queues_are_shown_to_moderators_and_admins_only(client, people, db):
    from editorial.roles import MODERATORS

    moderator = make_user("moderatrice", MODERATORS)
    for user, visible in ((moderator, True), (people["admin"], True), (people["editor"], False)):
        html, _ = dashboard(client, user)
        assert ("Inscriptions à modérer" in html) is visible
        assert ("Demandes de contact sans réponse depuis plus de 7 jours" in html) is visible


def test_moderation_queues_cost_the_same_with_more_registrations(client, people, home_page):
    from directory.factories import PartnerProfileFactory
    from directory.models import PartnerProfile
    from editorial.roles import MODERATORS

    def pending(count):
        PartnerProfileFactory.create_batch(count, status=PartnerProfile.Status.PENDING)

    moderator = make_user("moderatrice", MODERATORS)
    pending(2)
    html, small = dashboard(client, moderator)
    pending(12)
    html, large = dashboard(client, moderator)
    assert small == large, (small, large)
    section = html.split("Inscriptions à modérer")[1].split("</section>")[0]
    assert section.count("Profil n°") == 10  # the first ten, linked to the moderation admin
    assert "/admin/directory/partnerprofile/inspect/" in section


def test_latest_publications_list_each_page_once_with_its_state_now(client, people, home_page):
    import re

    editor = people["admin"]
    again = StandardPageFactory(parent=home_page, title="Republiée", slug="republiee", published_by=editor)
    again.save_revision(user=editor).publish(user=editor)
    gone = StandardPageFactory(parent=home_page, title="Retirée", slug="retiree", published_by=editor)
    gone.unpublish(user=editor)
    edited = StandardPageFactory(parent=home_page, title="Modifiée", slug="modifiee", published_by=editor)
    edited.intro = "Brouillon"
    edited.save_revision(user=editor)
    html, _ = dashboard(client, editor)
    panel = re.search(r'id="editorial-latest-publications-section".*?</section>', html, re.S).group(0)
    assert panel.count(">Republiée</a>") == 1
    assert re.search(r">Republiée</a>\s*<small>— en ligne —", panel)
    assert re.search(r">Retirée</a>\s*<small>— dépubliée —", panel)
    assert re.search(r">Modifiée</a>\s*<small>— en ligne, modifications en brouillon —", panel)
