"""Bench: server time (p50/p95) and SQL queries of /annuaire/ with three
filters at 1,000 and 10,000 partners, on a throw-away SQLite database.

The page and the domains come from the factories; the partners from the
directory's bulk seeder (what `manage.py seed_directory` runs: bulk inserts,
one indexing pass), since creating 10,000 profiles one by one would take
minutes.

    .venv/bin/python bench/directory.py [--runs 40]
"""

import argparse
import re
import time

from benchlib import DB_PATH  # noqa: E402  (sets Django up)
from benchlib import measure as measure_page
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

URLS = {
    "3 filtres": "/annuaire/?role=pair-aidant&departement=31&distance=oui",
    "3 filtres + texte": "/annuaire/?role=pair-aidant&departement=31&distance=oui&q=education",
    "sans filtre": "/annuaire/",
}


def measure(client, url, runs):
    p50, p95, queries, response = measure_page(client, url, runs)
    found = re.search(r'id="resultats-nombre">(\d+)', response.content.decode())
    return p50, p95, queries, int(found.group(1)) if found else -1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    started = time.time()
    call_command("migrate", verbosity=0)
    from core.factories import domains
    from directory.factories import DirectoryPageFactory
    from directory.fake import bulk_seed

    domains()
    DirectoryPageFactory()
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


if __name__ == "__main__":
    main()
