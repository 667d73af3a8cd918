"""Fixtures for the projects showcase: the five domains, the index page under
the home page, and projects built by factories (real pages in the real tree)."""

import pytest

from core.factories import domains as make_domains
from core.models import Domain
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory


@pytest.fixture
def domains(db):
    return make_domains()


@pytest.fixture
def index(home_page, domains):
    return ProjectIndexPageFactory(parent=home_page)


def make_project(index, domain="soins", **fields):
    """A project under `index`; `domain` may be given by its slug."""
    if isinstance(domain, str):
        domain = Domain.objects.get(slug=domain)
    return ProjectPageFactory(parent=index, domain=domain, **fields)


@pytest.fixture
def project_factory(index):
    def factory(**fields):
        return make_project(index, **fields)

    return factory
