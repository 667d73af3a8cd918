"""Bench: server time (p50/p95) and SQL queries of /annuaire/ with three
filters at 1,000 and 10,000 partners, on a throw-away SQLite database.

    .venv/bin/python bench/directory.py [--runs 40]
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_fd, DB_PATH = tempfile.mkstemp(suffix=".sqlite3")
os.close(_fd)
os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = {
    "3 filtres": "/annuaire/?role=pair-aidant&departement=31&distance=oui",
    "3 filtres + texte": "/annuaire/?role=pair-aidant&departement=31&distance=oui&q=education",
    "sans filtre": "/annuaire/",
}


def measure(client, url, runs):
    client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    times.sort()
    p95 = times[min(len(times) - 1, round(len(times) * 0.95) - 1)]
    found = re.search(r'id="resultats-nombre">(\d+)', response.content.decode())
    return statistics.median(times), p95, len(ctx.captured_queries), int(found.group(1)) if found else -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    started = time.time()
    call_command("migrate", verbosity=0)
    from directory.demo import ensure_directory_page
    from directory.fake import bulk_seed
    from home.demo import ensure_domains, ensure_home

    home = ensure_home()
    ensure_domains()
    ensure_directory_page(home)
    client = Client()
    seeded = 0
    print(f"Base SQLite temporaire : {DB_PATH} (préparation {time.time() - started:.0f} s)")
    print(f"{'partenaires':>11}  {'requête':<18} {'p50 ms':>7} {'p95 ms':>7} {'SQL':>4} {'résultats':>9}")
    for size in (1_000, 10_000):
        t = time.time()
        seeded += bulk_seed(size - seeded, start=100_000 + seeded)
        print(f"  ({size} profils créés et indexés en {time.time() - t:.0f} s)")
        for label, url in URLS.items():
            runs = args.runs if "q=" not in url else max(5, args.runs // 4)
            p50, p95, queries, count = measure(client, url, runs)
            print(f"{size:>11}  {label:<18} {p50:7.1f} {p95:7.1f} {queries:>4} {count:>9}")
    os.unlink(DB_PATH)


if __name__ == "__main__":
    main()
