"""Fixtures of the calls for projects: domains, the calls index and the
projects index (a retained application becomes a draft project there)."""

import datetime

import pytest
from django.utils import timezone

from accompaniment.factories import CallForProjectsIndexPageFactory, CallForProjectsPageFactory
from core.factories import domains as make_domains
from projects.factories import ProjectIndexPageFactory


@pytest.fixture
def domains(db):
    return make_domains()


@pytest.fixture
def calls_index(home_page, domains):
    return CallForProjectsIndexPageFactory(parent=home_page)


@pytest.fixture
def projects_index(home_page, domains):
    return ProjectIndexPageFactory(parent=home_page)


@pytest.fixture
def open_call(calls_index):
    return CallForProjectsPageFactory(parent=calls_index, title="Appel ouvert (fictif)", slug="appel-ouvert")


@pytest.fixture
def closed_call(calls_index):
    today = timezone.localdate()
    return CallForProjectsPageFactory(
        parent=calls_index,
        title="Appel clos (fictif)",
        slug="appel-clos",
        opens_on=today - datetime.timedelta(days=400),
        closes_on=today - datetime.timedelta(days=300),
    )
