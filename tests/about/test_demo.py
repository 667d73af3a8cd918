"""The about demo: idempotent, the footer's legal pages are the about app's,
placeholders marked, nothing "to be completed" shown to the public."""

import pytest
from wagtail.models import Page, Revision, Site

from about import demo
from about.models import AccessibilityStatementPage, Contributor, CoPilot, LegalNoticePage
from core import demo as core_demo
from core.models import PortalSettings
from home import demo as home_demo
from tests.utils import plain

# The demo loads on PostgreSQL in tests/core/test_demo.py and tests/search/test_demo.py; this app's
# checks of it run in the SQLite pass only (CI time).
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_only]


def test_demo_loads_twice_and_reads_well(client):
    core_demo.load(None)
    home_demo.load(None)
    demo.load(None)
    counts = (Page.objects.count(), Revision.objects.count(), CoPilot.objects.count(), Contributor.objects.count())
    demo.load(None)
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        CoPilot.objects.count(),
        Contributor.objects.count(),
    ) == counts
    assert CoPilot.objects.filter(is_placeholder=True).count() == 2

    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert isinstance(settings.legal_page.specific, LegalNoticePage)
    assert isinstance(settings.accessibility_page.specific, AccessibilityStatementPage)
    for url in (
        "/qui-sommes-nous/",
        "/devenir-patient-partenaire/",
        "/chiffres-cles/",
        "/mentions-legales/",
        "/accessibilite/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        text = plain(response.content).lower()
        assert "compléter" not in text and "à renseigner" not in text, url
    about = plain(client.get("/qui-sommes-nous/").content)
    assert "Comité Régional d'Impulsion et d'Analyse du Partenariat en Santé" in about
    assert "(exemple à remplacer)" in about
