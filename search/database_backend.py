"""Wagtail's database search backend, with a configurable autocomplete
text-search configuration on PostgreSQL.

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.database_backend",
        "SEARCH_CONFIG": "portal_french",        # unaccent + French stemmer
        "AUTOCOMPLETE_CONFIG": "portal_simple",  # unaccent, no stemming
    }}

Wagtail hard-codes `simple` for autocomplete on PostgreSQL, which keeps
accents; both configurations are created by this app's migrations. On SQLite
(FTS5 folds accents itself) and MySQL the backend is Wagtail's, unchanged.
"""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    backend = database_backend(params)
    config = params.get("AUTOCOMPLETE_CONFIG")
    if config and hasattr(backend, "autocomplete_config") and type(backend).__name__ == "PostgresSearchBackend":
        backend.autocomplete_config = config
    return backend
