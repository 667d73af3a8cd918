"""The knowledge base in a real browser: axe-core finds no WCAG 2.1 A/AA
violation on the sheet index with filters applied, a sheet, the charter,
the lexicon, a term page and the competency comparison (also in its error
state); the pages work with the keyboard and print without navigation."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def kb(live_server):
    from home import demo as home_demo
    from resources import demo as resources_demo

    home_demo.load(None)
    resources_demo.load(None)
    return live_server.url


def test_index_with_filters_and_a_sheet(page, axe_check, kb):
    page.goto(kb + "/fiches-outils/?public=professionnels&niveau=meso")
    assert page.locator("h1").count() == 1
    axe_check(page)
    # Following a facet link narrows the list to the count shown beside it.
    option = page.locator(".facet a", has_text="Évaluer").first
    expected = int(option.locator(".facet__count").inner_text().strip("()").split()[0])
    with page.expect_navigation():
        option.click()
    assert "categorie=evaluer" in page.url and "public=professionnels" in page.url
    assert page.locator(".sheet-card").count() == expected
    with page.expect_navigation():
        page.locator(".sheet-card h3 a").first.click()
    assert page.locator(".sheet h1").is_visible()
    page.goto(kb + "/fiches-outils/engager-la-structure-en-quatre-etapes/")
    axe_check(page)
    assert page.locator(".lexicon-box dt").count() >= 1
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert page.locator(".print-only").is_visible()
    assert page.locator("#falc").is_visible()


def test_charter_and_lexicon(page, axe_check, kb):
    page.goto(kb + "/fiches-outils/charte-du-partenariat/")
    axe_check(page)
    page.locator(".charter__toc a").nth(1).click()
    assert page.url.endswith("#reconnaitre-les-savoirs")
    page.goto(kb + "/fiches-outils/lexique/")
    axe_check(page)
    page.fill("#filtre-lexique", "aidance")
    page.keyboard.press("Enter")
    page.wait_for_url("**/lexique/?q=aidance")
    assert page.locator(".lexicon-list dt").count() >= 1
    page.goto(kb + "/fiches-outils/lexique/patient-partenaire/")
    axe_check(page)


def test_competency_comparison_and_its_error_state(page, axe_check, kb):
    page.goto(kb + "/fiches-outils/referentiels/patient-partenaire/")
    axe_check(page)
    page.goto(kb + "/fiches-outils/referentiels/comparer/?a=patient-partenaire&b=professionnel-de-sante")
    axe_check(page)
    assert page.locator(".compare-table__missing").count() >= 2
    page.goto(kb + "/fiches-outils/referentiels/comparer/?a=inconnu")
    assert page.locator(".error-summary").is_visible()
    assert page.get_attribute("#comparer-a", "aria-describedby") == "comparer-a-erreur"
    axe_check(page)
