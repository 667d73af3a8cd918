"""The projects showcase in a real browser: axe-core finds no WCAG 2.1 A/AA
violation on the list with filters, a project, a domain landing page, the
map and the proposal form (empty and with errors); no third-party request."""

import pytest

from tests.utils import plain

pytestmark = pytest.mark.django_db(transaction=True)

BODY = [
    ("objectives", {"title": "Objectifs", "items": ["Réduire l'attente", "Mieux informer les patients"]}),
    ("team", {"title": "L'équipe", "members": [{"kind": "patient", "role": "patiente partenaire", "count": 2}]}),
    ("steps", {"title": "Étapes", "steps": [{"title": "Diagnostic partagé", "period": "2023", "text": ""}]}),
    (
        "indicators",
        {"title": "Résultats", "indicators": [{"label": "Patients associés", "value": "12", "unit": ""}], "note": ""},
    ),
    ("callout", {"kind": "vigilance", "title": "", "text": "<p>Prévoir du temps pour se former ensemble.</p>"}),
]
# (slug, domain, department, status, degree, scale, tags, roles)
PROJECTS = [
    ("consultation-anesthesie", "soins", "31", "en-cours", "partenariat", "micro", ["parcours"], ["patient-ressource"]),
    ("binome-diabetologie", "soins", "31", "en-cours", "collaboration", "micro", ["ETP"], ["patient-formateur"]),
    ("pairs-cancerologie", "soins", "34", "termine", "partenariat", "micro", ["pair-aidance"], ["pair-aidant"]),
    ("accueil-des-proches", "organisation-des-soins", "12", "en-cours", "consultation", "meso", [], ["proche-aidant"]),
    ("module-infirmier", "enseignement", "30", "termine", "partenariat", "meso", ["formation"], []),
    ("question-de-recherche", "recherche", "34", "en-projet", "collaboration", "macro", [], ["patient-chercheur"]),
    ("residents-au-comite", "gouvernance", "46", "en-cours", "collaboration", "meso", ["gouvernance"], []),
    ("former-les-representants", "gouvernance", "75", "termine", "information", "macro", [], []),
]


@pytest.fixture
def showcase(live_server):
    """The showcase: projects over domains, statuses and departments (one
    outside the region), each with a full body."""
    from core.factories import domains
    from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    by_slug = domains()
    index = ProjectIndexPageFactory()
    for slug, domain, department, status, degree, scale, tags, roles in PROJECTS:
        ProjectPageFactory(
            parent=index,
            title=f"Projet {slug.replace('-', ' ')} avec des patients",
            slug=slug,
            domain=by_slug[domain],
            department_code=department,
            status=status,
            engagement_degree=degree,
            engagement_scale=scale,
            tags=tags,
            roles=roles,
            body=BODY,
            is_illustrative=True,
        )
    return live_server.url


PAGES = [
    "/projets/?domaine=soins&statut=en-cours&q=patients",
    "/projets/consultation-anesthesie/",
    "/projets/domaine/gouvernance/",
    "/projets/carte/",
]


def test_showcase_pages_have_no_axe_violation_and_the_map_works_with_the_keyboard(page, axe_check, showcase):
    """One data set for several pages."""
    for path in PAGES:
        page.goto(showcase + path)
        axe_check(page)
    # The map: each department is a link whose accessible name gives its count.
    link = page.locator('svg a[aria-label^="Haute-Garonne (31)"]')
    count = int(link.get_attribute("aria-label").split(": ")[1].split()[0])
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "departement=31" in page.url
    assert f"{count} projet" in plain(page.inner_text("#resultats-titre"))


def test_proposal_form_errors_are_accessible_and_keep_input(page, axe_check, showcase):
    page.goto(showcase + "/projets/proposer/")
    axe_check(page)
    page.fill("#id_title", "Un projet écrit au clavier")
    page.fill("#id_submitter_email", "pas-une-adresse")
    page.click("form.form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_title") == "Un projet écrit au clavier"
    described = page.get_attribute("#id_submitter_email", "aria-describedby") or ""
    assert "id_submitter_email-erreur" in described
    axe_check(page)
    # At 320 px wide, nothing scrolls horizontally.
    context = page.context.browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path in ("/projets/", "/projets/carte/", "/projets/consultation-anesthesie/"):
        tab.goto(showcase + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
