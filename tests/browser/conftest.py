"""Browser tests: Debian's Chromium driven by Playwright, with axe-core.

Never `playwright install`: the browser is /usr/bin/chromium (apt-get install
chromium). Without it, tests/conftest.py skips these tests with a declared
reason, unless REQUIRE_BROWSER is set (.ci/run sets it): then they fail.
"""

import os

import pytest

from tests.utils import CHROMIUM, chromium_found

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe runs at a desktop and a phone width: scrollable regions, reflow and
# hidden-on-phone content only show their problems at 390 px.
AXE_WIDTHS = (1280, 390)

# Playwright's sync API runs an event loop in this thread; Django's ORM
# refuses to run in a thread with a loop unless told it is safe (it is: the
# tests are single-threaded apart from the live server).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not chromium_found():
        pytest.fail(f"Chromium not found at {CHROMIUM}, and REQUIRE_BROWSER is set (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab. Requests to any host but the live server are
    aborted and recorded: public pages must not call third parties."""
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    tab.third_party_requests = []
    allowed = live_server.url

    def guard(route):
        if route.request.url.startswith(allowed) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            tab.third_party_requests.append(route.request.url)
            route.abort()

    tab.route("**/*", guard)
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on a page for the WCAG 2.1 A/AA rules at 1280 and 390 px;
    fail on any violation, listing each one with its nodes."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(tab, context, width):
        results = axe.run(tab, context=context, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(n["html"][:200] for n in v["nodes"][:5])
            for v in violations
        )
        assert not violations, f"axe violations on {tab.url} at {width} px:\n{report}"
        return results

    def check(tab, context=None, widths=AXE_WIDTHS):
        """Run axe at each width (desktop, then phone), then restore the
        viewport. Same page, same state: only the layout changes."""
        original = tab.viewport_size
        results = None
        try:
            for width in widths:
                tab.set_viewport_size({"width": width, "height": original["height"] if original else 800})
                results = run(tab, context, width)
        finally:
            if original:
                tab.set_viewport_size(original)
        assert not tab.third_party_requests, f"third-party requests: {tab.third_party_requests}"
        return results

    return check
