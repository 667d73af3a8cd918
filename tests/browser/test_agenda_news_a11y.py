"""The agenda and the news in a real browser: axe-core finds no WCAG 2.1
A/AA violation on the agenda with a filter, an event with its registration
form in error state, a full event, the news index and a news item, at
1280 px and 390 px; no third-party request."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    from agenda.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory, in_days
    from news.factories import NewsIndexPageFactory, NewsPageFactory

    agenda = EventIndexPageFactory()
    body = [("paragraph", "<p>Une journée d'échanges entre patients partenaires et soignants.</p>")]
    EventPageFactory(
        parent=agenda,
        title="Webinaire partenariat",
        slug="webinaire",
        audiences=["professionnels"],
        capacity=30,
        body=body,
    )
    full = EventPageFactory(
        parent=agenda,
        title="Formation-action complète",
        slug="formation-complete",
        kind="formation-action",
        venue="Salle fictive, Valfleuri (fictif)",
        online_url="",
        capacity=1,
        audiences=["patients", "professionnels"],
        body=body,
    )
    RegistrationFactory(event=full)
    EventPageFactory(
        parent=agenda,
        title="Journée régionale passée",
        kind="journee-regionale",
        start=in_days(-20, 9),
        end=in_days(-20, 17),
        body=body,
    )
    news = NewsIndexPageFactory()
    for n in range(3):
        NewsPageFactory(parent=news, title=f"Actualité du réseau {n}", slug=f"actualite-{n}", body=body)
    return live_server.url


@pytest.mark.parametrize("width", [1280, 390])
def test_agenda_and_news_pages_have_no_axe_violation(browser, axe_check, site, width):
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.third_party_requests = []
    tab.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(site)
            else (tab.third_party_requests.append(route.request.url), route.abort())
        ),
    )
    try:
        for path in [
            "/agenda/?type=webinaire",
            "/agenda/formation-complete/",
            "/actualites/",
            "/actualites/actualite-1/",
        ]:
            tab.goto(site + path)
            axe_check(tab)
        # The registration form in its error state.
        tab.goto(site + "/agenda/webinaire/")
        axe_check(tab)
        tab.fill("#id_name", "Dominique (fictif)")
        tab.fill("#id_email", "pas-une-adresse")
        tab.click("form.form button[type=submit]")
        assert tab.locator(".error-summary").is_visible()
        assert tab.input_value("#id_name") == "Dominique (fictif)"
        assert "id_email-erreur" in (tab.get_attribute("#id_email", "aria-describedby") or "")
        axe_check(tab)
        if width == 390:
            assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_a_full_event_says_so_without_a_form(page, site):
    page.goto(site + "/agenda/formation-complete/")
    assert "Cet événement est complet" in page.inner_text("main").replace("\u202f", " ").replace("\u2019", "'")
    assert page.locator("form.form").count() == 0
