"""PostgreSQL text-search configuration `portal_simple` for autocomplete.

Wagtail's PostgreSQL backend indexes and queries autocomplete text with the
`simple` configuration (no stemming, so that prefixes stay prefixes), which
keeps accents: "educ" would not find "Éducation". `portal_simple` is `simple`
with `unaccent` chained first; search.database_backend points the backend's
autocomplete at it. No-op on any other database.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_simple (COPY = pg_catalog.simple);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION portal_simple
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""

DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_simple;"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_portal_french_text_search")]

    operations = [migrations.RunPython(create_configuration, drop_configuration, elidable=False)]
