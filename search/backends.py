"""Search backend settings for Elasticsearch 9 and OpenSearch 2/3.

The index gets a French analyzer (elision, lowercase, asciifolding, French
stop words, French light stemmer) as the default analyzer of every text
field, so that "education therapeutique" finds "éducation thérapeutique" and
"formateurs" finds "formateur". The autocomplete field (Wagtail's edge
n-grams) also drops elided articles, so "l'éducation" completes from "educ".

Queries reach these servers already cleaned and normalised by search.text
(the same French normalisation as the `search_text` field every indexed model
declares), so the results agree with the database backends.

This module is imported by the settings: it must not import Django models.
"""

FRENCH_ELISION = {
    "type": "elision",
    "articles_case": True,
    "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
}

FRENCH_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["french_elision", "lowercase", "asciifolding", "french_stop", "french_light_stemmer"],
}

# Merged (deep update) into the settings Wagtail's Elasticsearch/OpenSearch
# backends create their indexes with ({"settings": {"analysis": …}}).
INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": FRENCH_ELISION,
                "french_light_stemmer": {"type": "stemmer", "language": "light_french"},
                "french_stop": {"type": "stop", "stopwords": "_french_"},
            },
            "analyzer": {
                # The analyzer of every text field that names none.
                "default": FRENCH_ANALYZER,
                "french_folded": FRENCH_ANALYZER,
                # Wagtail's autocomplete analyzer, with elided articles removed.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "asciifolding", "lowercase", "edgengram"],
                },
            },
        }
    }
}


def elasticsearch_settings(backend_name, url, index_prefix="portal"):
    """WAGTAILSEARCH_BACKENDS entry for `backend_name` ("elasticsearch9",
    "opensearch2", "opensearch3") at `url`; index names start with
    `index_prefix` and an underscore (SEARCH_INDEX_PREFIX)."""
    return {
        "BACKEND": f"wagtail.search.backends.{backend_name}",
        "URLS": [url],
        "INDEX_PREFIX": f"{index_prefix}_",
        "TIMEOUT": 5,
        "OPTIONS": {},
        "INDEX_SETTINGS": INDEX_SETTINGS,
    }
