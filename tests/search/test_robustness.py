"""Any query string is safe: 200 with a message, never a 500, on the search
page and the autocomplete, whatever `q` and `page` hold."""

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


@pytest.mark.parametrize("q", NASTY)
def test_known_traps_never_fail(client, corpus, q):
    for page in ("1", "-1", "abc", str(10**30)):
        response = client.get(URL, {"q": q, "page": page})
        assert response.status_code == 200, (q[:50], page, response.status_code)
    assert client.get(SUGGEST, {"q": q}).status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=queries, page=pages, type_key=st.one_of(st.none(), st.sampled_from(["lexique", "projectpage", "zzz", ""])))
def test_any_query_string_is_answered_without_error(client, corpus, q, page, type_key):
    params = {"q": q, "page": page}
    if type_key is not None:
        params["type"] = type_key
    response = client.get(URL, params)
    assert response.status_code == 200, (q, page, response.status_code)
    assert "<script>alert" not in response.content.decode()
    assert client.get(SUGGEST, {"q": q}).status_code == 200


def test_raw_query_strings_with_invalid_encoding_are_answered(client, corpus):
    for raw in ["q=%00", "q=%FF%FE", "q=%22&page=%00", "q=a&q=b", "page=2", "q=" + "%C3" * 500]:
        response = client.get(f"{URL}?{raw}")
        assert response.status_code == 200, raw
        assert client.get(f"{SUGGEST}?{raw}").status_code == 200
