#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh: `deploy/restore.sh FOLDER [--force]`
# into the database of DATABASE_URL (refused when it already holds tables,
# unless --force) and MEDIA_ROOT, then check that the portal reads it.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is required (postgres://…)}"
FOLDER="${1:?usage: restore.sh FOLDER [--force]}"
FORCE="${2:-}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$FOLDER" && sha256sum --check --quiet SHA256SUMS)
tables="$(psql "$DATABASE_URL" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema='public'")"
if [ "$tables" != 0 ] && [ "$FORCE" != "--force" ]; then
    echo "The database already has $tables tables: restore into an empty one, or pass --force." >&2
    exit 1
fi
pg_restore --clean --if-exists --no-owner --exit-on-error --dbname "$DATABASE_URL" "$FOLDER/database.dump"
if [ -f "$FOLDER/media.tar.gz" ] && [ -n "${MEDIA_ROOT:-}" ]; then
    mkdir -p "$MEDIA_ROOT"
    tar -C "$MEDIA_ROOT" -xzf "$FOLDER/media.tar.gz"
fi
cd "$ROOT"
.venv/bin/python manage.py check --database default
.venv/bin/python manage.py shell -c "from wagtail.models import Page; print(Page.objects.live().count(), 'live pages restored')"
