"""The sheet listing: facets combine in the URL, every count is exact with
the other facets and the free text applied, unknown values are ignored."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/fiches-outils/"


def listed_titles(response):
    return [sheet.title for sheet in response.context["page_obj"].paginator.object_list]


def follow_every_option(client, query):
    """For every facet value offered on `URL + query`, following its link
    returns exactly the count shown. Returns the number of links checked."""
    response = client.get(URL + query)
    assert response.status_code == 200
    checked = 0
    for group in response.context["facets"].groups:
        for option in group.options:
            followed = client.get(URL + option.url)
            assert followed.status_code == 200
            assert followed.context["result_count"] == option.count, (query, group.facet.param, option.value)
            checked += 1
    return checked


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?public=patients",
        "?niveau=meso&domaine=soins",
        "?categorie=comprendre&theme=co-construction",
        "?q=co-construction",
        "?q=co%20construction&public=professionnels",
        "?public=directions&niveau=micro&theme=gouvernance&q=resume",
    ],
)
def test_every_facet_count_matches_what_its_link_returns(client, shared_sheets, query):
    assert follow_every_option(client, query) > 0


def test_counts_apply_the_other_facets_and_free_text(client, shared_sheets):
    varied_sheets = shared_sheets
    response = client.get(URL + "?public=patients&q=co-construction")
    expected = {
        s.pk
        for s in varied_sheets
        if "patients" in [a.audience for a in s.audiences.all()] and "co-construction" in s.summary
    }
    assert {s.pk for s in response.context["page_obj"].paginator.object_list} == expected
    # The scale facet counts what each value would give with both filters kept.
    scale_group = next(g for g in response.context["facets"].groups if g.facet.param == "niveau")
    assert scale_group.options
    for option in scale_group.options:
        wanted = {s.pk for s in varied_sheets if s.pk in expected and s.engagement_scale == option.value}
        assert option.count == len(wanted)


def test_filters_combine_and_narrow(client, shared_sheets):
    varied_sheets = shared_sheets
    everything = client.get(URL).context["result_count"]
    one = client.get(URL + "?niveau=meso").context["result_count"]
    two = client.get(URL + "?niveau=meso&domaine=soins").context["result_count"]
    assert everything == len(varied_sheets)
    assert everything > one >= two
    assert two == sum(
        1 for s in varied_sheets if s.engagement_scale == "meso" and s.domain and s.domain.slug == "soins"
    )


def test_unknown_values_are_ignored_with_a_french_message(client, shared_sheets):
    response = client.get(URL + "?categorie=inconnue&niveau=<script>&public=patients")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ont été ignorés" in html
    assert "<script>" not in html.split("<main", 1)[1]
    assert response.context["result_count"] == client.get(URL + "?public=patients").context["result_count"]
