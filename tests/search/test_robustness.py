"""Any query string is safe: 200 with a message (or 400/405), never a 500,
on the search page and the autocomplete, whatever `q` and `page` hold."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

URL = "/recherche/"
SUGGEST = "/recherche/suggestions/"

NASTY = [
    "",
    " ",
    '"',
    '""',
    '"pair aidance',
    "\x00",
    "pair\x00aidance",
    "*",
    "-",
    "NEAR",
    "NEAR(a b, 2)",
    "AND OR NOT",
    "(((",
    ")",
    "title:charte",
    "{title body}: x",
    "^x",
    "😀🤝",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u202eetrahc\u202c",
    "'",
    "l'",
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "a" * 10_000,
    "mot " * 2_500,
    '"' * 999,
]
PAGES = ["-1", "abc", str(10**30), "0", "1.5", "", "１", "NaN"]

words = st.sampled_from(
    ["pair", "aidance", "éducation", "AND", "OR", "NOT", "NEAR", '"', "*", "-", "(", ")", "l'", "œ"]
)
queries = st.one_of(
    st.text(max_size=300),
    st.lists(words, max_size=12).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
)
pages = st.one_of(
    st.sampled_from(PAGES), st.integers(min_value=-(10**40), max_value=10**40).map(str), st.text(max_size=5)
)


def ok(response):
    return response.status_code in (200, 400)


@pytest.mark.parametrize("q", NASTY)
def test_known_traps_never_fail(client, demo, q):
    for page in ("1", "-1", "abc", str(10**30)):
        response = client.get(URL, {"q": q, "page": page})
        assert ok(response), (q[:50], page, response.status_code)
    assert client.get(SUGGEST, {"q": q}).status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=queries, page=pages, type_key=st.one_of(st.none(), st.sampled_from(["lexique", "projectpage", "zzz", ""])))
def test_any_query_string_is_answered_without_error(client, demo, q, page, type_key):
    params = {"q": q, "page": page}
    if type_key is not None:
        params["type"] = type_key
    response = client.get(URL, params)
    assert ok(response), (q, page, response.status_code)
    if response.status_code == 200:
        html = response.content.decode()
        assert "<script>alert" not in html
    assert client.get(SUGGEST, {"q": q}).status_code == 200


def test_raw_query_strings_with_invalid_encoding_are_answered(client, demo):
    for raw in ["q=%00", "q=%FF%FE", "q=%22&page=%00", "q=a&q=b", "page=2", "q=" + "%C3" * 500]:
        response = client.get(f"{URL}?{raw}")
        assert ok(response), raw
        assert client.get(f"{SUGGEST}?{raw}").status_code == 200
