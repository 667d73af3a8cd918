"""Shared fixtures: a site with the home page, and query counting."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site


@pytest.fixture
def home_page(db):
    """The home page as the default site's root (the demo's home module)."""
    from home.demo import ensure_home

    return ensure_home()


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_site(db):
    """The complete demo content, as `make run` loads it."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()
