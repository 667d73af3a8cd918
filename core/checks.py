"""System checks of the shared layer.

`manage.py migrate` (and `check --database default`) warns when a database
cache table is missing: without `portal_ratelimit`, every public form would
fail when it counts a submission (core/antiabuse.py)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.database)
def cache_tables_exist(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    from django.core.cache import caches
    from django.core.cache.backends.db import BaseDatabaseCache
    from django.db import connections, router

    warnings = []
    for alias in settings.CACHES:
        cache = caches[alias]
        if not isinstance(cache, BaseDatabaseCache):
            continue
        database = router.db_for_write(cache.cache_model_class)
        if database in databases and cache._table not in connections[database].introspection.table_names():
            warnings.append(
                Warning(
                    f"The table {cache._table!r} of the {alias!r} cache does not exist.",
                    hint="Run `manage.py createcachetable`.",
                    id="core.W001",
                )
            )
    return warnings
