"""Sources in a real browser: axe-core finds no WCAG 2.1 A/AA violation on the
bibliography page and on a sheet with its « À propos de cet outil » box."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sources(live_server):
    from resources.factories import ReferenceFactory, ToolSheetIndexPageFactory, ToolSheetPageFactory, reference_stream
    from resources.models import BibliographyPage

    index = ToolSheetIndexPageFactory()
    has = ReferenceFactory(
        authors="Haute Autorité de santé",
        year=2020,
        title="Soutenir et encourager l'engagement des usagers",
        url="https://www.has-sante.fr/",
        theme="Engagement des usagers",
    )
    pomey = ReferenceFactory(authors="Pomey M.-P.", year=2015, title="Le Montreal model", theme="Partenariat patient")
    sheet = ToolSheetPageFactory(parent=index, title="Freins et leviers", slug="freins-et-leviers")
    sheet.source_references = reference_stream(pomey, has)
    sheet.origin, sheet.origin_note = "adapte", "Adaptée pour la démonstration."
    sheet.save_revision().publish()
    bibliography = BibliographyPage(title="Bibliographie", slug="bibliographie", intro="Toutes les références.")
    index.add_child(instance=bibliography)
    bibliography.save_revision().publish()
    return live_server.url


def test_the_bibliography_and_a_sheet_with_its_about_box(page, axe_check, sources):
    page.goto(sources + "/fiches-outils/bibliographie/")
    assert page.locator("h1").count() == 1
    assert page.locator("#a-z").is_visible() and page.locator("#par-theme").is_visible()
    axe_check(page)
    page.goto(sources + "/fiches-outils/freins-et-leviers/")
    box = page.locator(".about-box")
    assert box.locator("h2").inner_text() == "À propos de cet outil"
    assert "Non relu" in box.inner_text()
    axe_check(page)
    assert not page.third_party_requests
