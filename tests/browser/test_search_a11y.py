"""The site search in a real browser: axe-core finds no WCAG 2.1 A/AA
violation (results, type filter, no-result state, autocomplete open), the
autocomplete combobox works with the keyboard alone, the plain form works
without JavaScript, and results read at 320 px."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def content(live_server):
    """The home page with its three pillars and a dozen pages to find."""
    from home.factories import HomePageFactory, StandardPageFactory, set_pillars

    home = HomePageFactory()
    sections = [
        StandardPageFactory(parent=home, title=title, intro="Cette rubrique est en préparation.", show_in_menus=True)
        for title in ("Fiches outils", "Projets accompagnés", "Annuaire des patients partenaires")
    ]
    set_pillars(home, sections)
    for i in range(12):
        StandardPageFactory(
            parent=home,
            title=f"Éducation thérapeutique, atelier {i}",
            slug=f"etp-atelier-{i}",
            intro="Des patients formateurs co-animent les séances d'éducation thérapeutique.",
        )
    return live_server.url


def test_results_filter_and_pagination_have_no_axe_violation(page, axe_check, content):
    page.goto(content + "/recherche/?q=education+therapeutique")
    assert page.locator(".search-result").count() == 10
    assert page.locator("mark").first.is_visible()
    axe_check(page)
    with page.expect_navigation():
        page.click("nav.pagination >> text=2")
    assert page.locator(".search-result").count() == 2
    with page.expect_navigation():
        page.click(".facets >> text=Page standard")
    assert "type=standardpage" in page.url
    axe_check(page)


def test_no_result_state_has_no_axe_violation(page, axe_check, content):
    page.goto(content + "/recherche/?q=zorglub")
    assert "Aucun résultat" in page.inner_text("main")
    assert page.locator(".search-empty .card").count() == 3  # the three pillars
    axe_check(page)
    page.goto(content + "/recherche/?q=" + "a" * 400)
    assert "200 premiers caractères" in page.inner_text("main")
    axe_check(page)


def test_autocomplete_is_a_keyboard_operable_combobox(page, axe_check, content):
    page.goto(content + "/recherche/")
    field = page.locator("#q")
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "false"
    field.focus()
    page.keyboard.type("educ")
    listbox = page.locator("#q-suggestions")
    listbox.wait_for(state="visible")
    assert field.get_attribute("aria-expanded") == "true"
    options = listbox.locator("[role=option]")
    assert 1 <= options.count() <= 8
    assert "suggestion" in page.locator("#q-suggestions ~ [role=status]").inner_text()
    axe_check(page)
    page.keyboard.press("ArrowDown")
    first = options.nth(0)
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowUp")  # wraps to the last
    assert options.nth(options.count() - 1).get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert field.input_value() == "educ"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(content + "/etp-atelier-")


def test_header_search_completes_on_every_page(page, content):
    page.goto(content + "/")
    page.focus("#site-search-q")
    page.keyboard.type("atelier 1")
    page.locator("#site-search-q-suggestions [role=option]").first.wait_for(state="visible")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # no option selected: the form is submitted
    assert "/recherche/?q=atelier+1" in page.url


def test_search_works_without_javascript_and_at_320_px(browser, content):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(content + "/recherche/")
    tab.fill("#q", "formateurs")
    with tab.expect_navigation():
        tab.click("form.search-form button[type=submit]")
    assert tab.locator(".search-result").count() == 10
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
