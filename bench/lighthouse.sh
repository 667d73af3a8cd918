#!/usr/bin/env bash
# Lighthouse scores of five public pages on mobile settings (not part of CI).
#   bash bench/lighthouse.sh [BASE_URL]     (default https://localhost:8443, `make prod-local`)
# lighthouse 12.2.3 (13 needs Node >= 22) is installed with npm into
# bench/.lighthouse, never globally; the browser is Debian's chromium
# (apt-get install chromium), never a downloaded one. Prints the four scores
# (performance, accessibility, best practices, SEO) of each page. Loopback only.
set -euo pipefail
BENCH="$(cd "$(dirname "$0")" && pwd)"
BASE="${1:-https://localhost:8443}"
LH="$BENCH/.lighthouse"
CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export CHROME_PATH PUPPETEER_SKIP_DOWNLOAD=1
if [ ! -x "$LH/node_modules/.bin/lighthouse" ]; then
    mkdir -p "$LH"
    npm install --prefix "$LH" --no-audit --no-fund --silent lighthouse@12.2.3
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
sheet="$(curl -ks "$BASE/fiches-outils/" | grep -o 'href="/fiches-outils/[a-z0-9-]*/"' | grep -v lexique | head -1 | cut -d'"' -f2)"
printf '%-28s %5s %5s %5s %5s\n' page perf a11y bp seo
for path in / "${sheet:-/fiches-outils/}" /projets/ /annuaire/ /fiches-outils/barometre/; do
    "$LH/node_modules/.bin/lighthouse" "$BASE$path" --quiet --output=json --output-path="$OUT/report.json" \
        --chrome-flags="--headless=new --no-sandbox --ignore-certificate-errors" --form-factor=mobile \
        --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1 || { echo "$path: lighthouse failed"; continue; }
    node -e '
        const r = require(process.argv[1]); const c = r.categories;
        const s = k => Math.round(c[k].score * 100);
        console.log(process.argv[2].padEnd(28), ...["performance","accessibility","best-practices","seo"].map(k => String(s(k)).padStart(5)));
    ' "$OUT/report.json" "$path"
done
