"""PostgreSQL text-search configuration `portal_french`.

A copy of PostgreSQL's `french` configuration where words go through
`unaccent` before the French Snowball stemmer, so "education therapeutique"
matches "éducation thérapeutique". portal/settings/base.py points the database
search backend at it when DATABASE_URL is PostgreSQL. On any other database
this migration does nothing.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_french') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_french (COPY = pg_catalog.french);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION portal_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
"""

DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_french;"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The unaccent extension stays: other objects may depend on it.
    schema_editor.execute(DROP)


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [migrations.RunPython(create_configuration, drop_configuration, elidable=False)]
