"""The site skeleton in a real browser: axe-core finds no WCAG 2.1 A/AA
violation, the skip link works, and the contact form is usable with the
keyboard and shows its errors accessibly."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


CONTINUUM = [
    ("stage", {"label": "Vers le patient", "model_name": "paternalisme", "text": "Le soignant décide seul."}),
    ("stage", {"label": "Pour le patient", "model_name": "approche centrée", "text": "Ses préférences comptent."}),
    ("stage", {"label": "Avec le patient", "model_name": "partenariat", "text": "On décide ensemble."}),
]


@pytest.fixture
def skeleton(live_server):
    """The site skeleton: the home page (continuum, pillars), a text page
    using every shared text block, the accessibility statement, the contact
    page, and the site settings that link them in the footer."""
    from core.factories import PortalSettingsFactory
    from home.factories import ContactPageFactory, HomePageFactory, StandardPageFactory, set_pillars

    home = HomePageFactory(continuum=CONTINUUM)
    about = StandardPageFactory(
        parent=home,
        title="Le partenariat en santé",
        show_in_menus=True,
        body__0__heading__text="Un engagement réciproque",
        body__1__paragraph__value="<p>Une relation de travail fondée sur des savoirs <em>complémentaires</em>.</p>",
        body__2="callout",
        body__3="testimony",
        body__4="key_figure",
    )
    accessibility = StandardPageFactory(parent=home, title="Déclaration d'accessibilité", slug="accessibilite")
    contact = ContactPageFactory(parent=home)
    set_pillars(home, [about, accessibility, contact])
    PortalSettingsFactory(site=home.get_site(), accessibility_page=accessibility, contact_page=contact)
    return live_server.url


@pytest.mark.parametrize("path", ["/", "/le-partenariat-en-sante/", "/accessibilite/", "/page-inconnue/"])
def test_pages_have_no_axe_violation(page, axe_check, skeleton, path):
    page.goto(skeleton + path)
    axe_check(page)


def test_skip_link_is_the_first_focus_and_moves_to_main(page, skeleton):
    page.goto(skeleton + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_contact_form_errors_are_accessible_and_keep_input(page, axe_check, skeleton):
    page.goto(skeleton + "/contact/")
    axe_check(page)
    page.fill("#id_votre_nom", "Dominique (fictif)")
    page.click("form.form button[type=submit]")
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_votre_nom") == "Dominique (fictif)"
    described = page.get_attribute("#id_votre_message", "aria-describedby") or ""
    assert "id_votre_message-erreur" in described
    axe_check(page)


def test_contact_form_can_be_sent_with_the_keyboard(page, skeleton):
    page.goto(skeleton + "/contact/")
    page.focus("#id_votre_nom")
    page.keyboard.type("Dominique (fictif)")
    page.keyboard.press("Tab")
    page.keyboard.type("dominique@example.org")
    page.fill("#id_votre_message", "Un message écrit au clavier.")
    page.focus("form.form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Merci" in page.inner_text("h1")


def test_home_reads_at_320_px_without_horizontal_scroll(browser, skeleton):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(skeleton + "/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
