"""The about pages: who we are (co-pilots and members from snippets, demo
placeholders marked), becoming a patient partner (roles from the shared
vocabulary), the legal notice and the accessibility statement (nothing "to be
completed" shown to the public), and the charter asked at registration."""

import html
import re

import pytest
from wagtail.test.utils import WagtailPageTestCase

from about.factories import (
    AboutPageFactory,
    AccessibilityStatementPageFactory,
    ContributorFactory,
    CoPilotFactory,
    LegalNoticePageFactory,
    PartnerGuidePageFactory,
)
from about.models import AboutPage, AccessibilityStatementPage, KeyFiguresPage, LegalNoticePage, PartnerGuidePage
from core.vocabulary import PartnerRole
from home.models import HomePage
from tests.utils import plain

pytestmark = pytest.mark.django_db


class TestPageTypes(WagtailPageTestCase):
    def test_created_under_the_home_page_only(self):
        for page_class in (AboutPage, PartnerGuidePage, KeyFiguresPage, LegalNoticePage, AccessibilityStatementPage):
            self.assertAllowedParentPageTypes(page_class, {HomePage})


def test_about_page_lists_the_pair_and_marks_placeholders(client, home_page):
    page = AboutPageFactory(parent=home_page)
    CoPilotFactory(name="Camille Exemple", side="patient", is_placeholder=True)
    CoPilotFactory(name="Dominique Réel", side="professionnel")
    ContributorFactory(name="Association fictive", college="structures")
    text = " ".join(re.sub(r"<[^>]+>", " ", plain(client.get(page.url).content)).split())
    assert "Camille Exemple (exemple à remplacer)" in text
    assert "Dominique Réel —" in text and "Dominique Réel (exemple" not in text
    assert "Structures et institutions" in text and "Association fictive" in text


def test_partner_guide_lists_every_directory_role(client, home_page):
    page = PartnerGuidePageFactory(parent=home_page)
    text = html.unescape(plain(client.get(page.url).content))
    for _value, label in PartnerRole.choices:
        assert str(label) in text


def test_legal_notice_shows_only_what_is_filled(client, home_page, django_user_model):
    page = LegalNoticePageFactory(parent=home_page, host="")
    text = plain(client.get(page.url).content)
    assert "Association exemple (fictive)" in text
    assert "Hébergement" not in text and "compléter" not in text and "renseigner" not in text
    editor = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    client.force_login(editor)
    assert "à renseigner avant la mise en production" in plain(client.get(page.url).content)


def test_accessibility_statement_has_the_rgaa_structure(client, home_page):
    page = AccessibilityStatementPageFactory(parent=home_page)
    text = plain(client.get(page.url).content)
    for heading in (
        "État de conformité",
        "partiellement conforme",
        "Contenus non accessibles",
        "Dérogations pour charge disproportionnée",
        "Aucune dérogation n'est invoquée.",
        "Retour d'information et contact",
        "Voies de recours",
        "Défenseur des droits",
    ):
        assert heading in text
    assert "compléter" not in text
