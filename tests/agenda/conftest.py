"""Fixtures of the agenda: the index under the home page, events built by factories."""

import pytest

from agenda.factories import EventIndexPageFactory


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)
