"""A domain with no project says so, without asking to remove a filter that
nobody set; with a filter set, the hint to remove it stays."""

import pytest

from tests.utils import plain

pytestmark = pytest.mark.django_db


def test_empty_domain_page_does_not_mention_filters(client, index, project_factory):
    project_factory(domain="soins")
    text = plain(client.get(index.url + "domaine/recherche/").content)
    assert "Aucun projet n'est encore publié dans ce domaine." in text
    assert "Retirez un filtre" not in text


def test_a_filter_without_results_says_how_to_widen(client, index, project_factory):
    project_factory(domain="soins", status="en-cours")
    text = plain(client.get(index.url + "domaine/soins/", {"statut": "termine"}).content)
    assert "Retirez un filtre" in text
