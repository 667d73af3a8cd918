"""Scan every text column of every table for some strings."""

from django.db import connection


def scan(needles, only=None):
    """[(table, column, needle)] where a text column holds a needle (case-insensitive).
    `only`: a predicate on table names."""
    hits = []
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            if only and not only(table):
                continue
            try:
                description = connection.introspection.get_table_description(cursor, table)
            except Exception:  # virtual FTS shadow tables and the like
                description = None
            if description is None:
                continue
            quoted = connection.ops.quote_name(table)
            for column in description:
                name = connection.ops.quote_name(column.name)
                for needle in needles:
                    try:
                        cursor.execute(
                            f"SELECT COUNT(*) FROM {quoted} WHERE LOWER(CAST({name} AS TEXT)) LIKE %s",  # noqa: S608
                            [f"%{needle.lower()}%"],
                        )
                    except Exception:
                        if connection.vendor == "postgresql":
                            raise
                        continue
                    if cursor.fetchone()[0]:
                        hits.append((table, column.name, needle))
    return hits
