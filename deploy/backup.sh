#!/usr/bin/env bash
# Back up the portal: `deploy/backup.sh [DEST]` writes DEST/portal-YYYYmmdd-HHMMSS/
# with the database (pg_dump custom format) and MEDIA_ROOT (tar, when local).
# Reads DATABASE_URL and MEDIA_ROOT from the environment (the portal's).
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is required (postgres://…)}"
DEST="${1:-${BACKUP_DIR:-./backups}}"
OUT="$DEST/portal-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
pg_dump --format=custom --no-owner --file "$OUT/database.dump" "$DATABASE_URL"
if [ -n "${MEDIA_ROOT:-}" ] && [ -d "$MEDIA_ROOT" ]; then
    tar -C "$MEDIA_ROOT" -czf "$OUT/media.tar.gz" .
fi
(cd "$OUT" && sha256sum ./* >SHA256SUMS)
echo "$OUT"
