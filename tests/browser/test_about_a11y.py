"""The about pages in a real browser: axe-core finds no WCAG 2.1 A/AA
violation on "Qui sommes-nous", "Devenir patient partenaire", the key figures
(map, bar charts and tables), the legal notice and the accessibility
statement, at desktop and phone widths."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PATHS = [
    "/qui-sommes-nous/",
    "/devenir-patient-partenaire/",
    "/chiffres-cles/",
    "/mentions-legales/",
    "/accessibilite/",
]


@pytest.fixture
def about_site(live_server):
    from about.factories import (
        AboutPageFactory,
        AccessibilityStatementPageFactory,
        ContributorFactory,
        CoPilotFactory,
        KeyFiguresPageFactory,
        LegalNoticePageFactory,
        PartnerGuidePageFactory,
    )
    from core.factories import PortalSettingsFactory
    from core.factories import domains as make_domains
    from core.models import Domain
    from directory.factories import ContactRequestFactory, PartnerProfileFactory
    from home.factories import HomePageFactory
    from projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    home = HomePageFactory()
    make_domains()
    AboutPageFactory(parent=home)
    CoPilotFactory(name="Prénom Nom", is_placeholder=True)
    CoPilotFactory(name="Prénom Nom", side="professionnel", is_placeholder=True)
    ContributorFactory(name="Association exemple", college="structures", is_placeholder=True)
    PartnerGuidePageFactory(parent=home)
    KeyFiguresPageFactory(parent=home)
    legal = LegalNoticePageFactory(parent=home, host="Hébergeur exemple (fictif)")
    accessibility = AccessibilityStatementPageFactory(parent=home)
    PortalSettingsFactory(site=home.get_site(), legal_page=legal, accessibility_page=accessibility)
    index = ProjectIndexPageFactory(parent=home)
    soins = Domain.objects.get(slug="soins")
    for _ in range(2):
        ProjectPageFactory(parent=index, domain=soins)
    profile = PartnerProfileFactory(department="34", roles=["patient-formateur", "pair-aidant"])
    for _ in range(5):
        ContactRequestFactory(profile=profile)
    return live_server.url


@pytest.mark.parametrize("width", [1280, 390])
def test_about_pages_have_no_axe_violation(page, axe_check, about_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PATHS:
        page.goto(about_site + path)
        assert page.locator("h1").count() == 1, path
        axe_check(page)
