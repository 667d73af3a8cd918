"""Under the Content-Security-Policy, every public page type loads in
Chromium without a single `securitypolicyviolation` event (the demo content
gives one live page of each type, plus the routes of routable pages)."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def public_urls(live_server):
    from wagtail.models import Page

    from tools.demo import DEMO_SESSION_TOKEN

    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    one_per_type = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("depth", "path"):
        one_per_type.setdefault(type(page).__name__, page.url)
    assert len(one_per_type) >= 10, one_per_type
    extras = [
        "/recherche/?q=patient",
        "/projets/carte/",
        "/projets/proposer/",
        "/annuaire/inscription/",
        f"/fiches-outils/barometre/session/{DEMO_SESSION_TOKEN}/",
        "/page-inconnue/",
    ]
    return sorted(set(one_per_type.values())) + extras


def test_public_pages_record_no_csp_violation(page, live_server, public_urls):
    page.add_init_script(RECORD_VIOLATIONS)
    found = {}
    for path in public_urls:
        response = page.goto(live_server.url + path)
        assert response.status in (200, 404), (path, response.status)
        assert "content-security-policy" in response.headers, path  # Playwright lower-cases names
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__cspViolations")
        if violations:
            found[path] = violations
    assert found == {}, found
    assert page.third_party_requests == []
