"""Search backend settings for Elasticsearch 9 and OpenSearch.

The index gets a French analyzer (elision, lowercase, asciifolding, French
light stemmer) so that "education therapeutique" finds "éducation
thérapeutique" and "formateurs" finds "formateur".
"""

FRENCH_ELISION = {
    "type": "elision",
    "articles_case": True,
    "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
}

INDEX_SETTINGS = {
    "settings": {
        "index": {
            "analysis": {
                "filter": {
                    "french_elision": FRENCH_ELISION,
                    "french_light_stemmer": {"type": "stemmer", "language": "light_french"},
                    "french_stop": {"type": "stop", "stopwords": "_french_"},
                },
                "analyzer": {
                    "default": {
                        "tokenizer": "standard",
                        "filter": [
                            "french_elision",
                            "lowercase",
                            "asciifolding",
                            "french_stop",
                            "french_light_stemmer",
                        ],
                    },
                },
            }
        }
    }
}


def elasticsearch_settings(backend_name, url):
    return {
        "BACKEND": f"wagtail.search.backends.{backend_name}",
        "URLS": [url],
        "INDEX_PREFIX": "portal_",
        "TIMEOUT": 5,
        "OPTIONS": {},
        "INDEX_SETTINGS": INDEX_SETTINGS,
    }
