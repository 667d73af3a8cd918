import pytest

from core.factories import domains
from directory.factories import DirectoryPageFactory


@pytest.fixture
def directory(site, home_page):
    domains()
    return DirectoryPageFactory(parent=home_page)
