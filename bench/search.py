"""Server time and SQL queries of the site search (/recherche/) and of its
autocomplete (/recherche/suggestions/) on 10,000 partner profiles + 2,000
pages, and the time `update_index` takes for that data set.

Builds its own data in a throw-away database: a temporary SQLite file by
default, or PostgreSQL with `--postgres postgres://user@host:5432` (a scratch
database `portal_bench_search` is created there, then dropped). The home and
directory pages come from the factories; partners from the directory's bulk
seeder (what `seed_directory` runs); pages are standard pages with French
text drawn from a fixed vocabulary, written to the tree in bulk. Indexing is switched off
while building, then `update_index` builds the whole index (timed). Each URL
is requested through Django's test Client and p50/p95 server time and the
number of SQL queries are printed.

Run: .venv/bin/python bench/search.py [--partners 10000] [--pages 2000] [--postgres URL]
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser()
parser.add_argument("--partners", type=int, default=10_000)
parser.add_argument("--pages", type=int, default=2_000)
parser.add_argument("--requests", type=int, default=40)
parser.add_argument("--postgres", help="server URL without database name, e.g. postgres://postgres@127.0.0.1:5432")
ARGS = parser.parse_args()

PG_NAME = "portal_bench_search"
if ARGS.postgres:
    import psycopg

    with psycopg.connect(ARGS.postgres.rstrip("/") + "/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
        conn.execute(f"CREATE DATABASE {PG_NAME}")
    os.environ["DATABASE_URL"] = ARGS.postgres.rstrip("/") + "/" + PG_NAME
else:
    TEMP_DIR = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(TEMP_DIR) / 'bench.sqlite3'}"
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["BENCH_KEEP_DATABASE_URL"] = "1"

from benchlib import measure as measure_page  # noqa: E402  (sets Django up)
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.search import backends as search_backends  # noqa: E402

VOCABULARY = (
    "patient partenaire partenariat formation formateur éducation thérapeutique soins recherche gouvernance aidant "
    "proche pair-aidance accompagnement projet hôpital équipe ville territoire expérience savoirs maladie chronique "
    "diabète cancer santé mentale écoute parcours coordination charte éthique évaluation qualité enseignement "
    "université étudiant médecin infirmière pharmacien usagers représentant comité décision partagée confiance "
    "atelier consultation urgences maternité gériatrie réadaptation douleur handicap prévention"
).split()

SEARCHES = [
    ("one common word", "patient"),
    ("two words", "education therapeutique"),
    ("plural, no accent", "formateurs hopitaux"),
    ("phrase", '"sante mentale"'),
    ("rare word", "drepanocytose"),
    ("no result", "zorglub"),
    ("type filter", "partenaire&type=partenaire"),
    ("page 5", "projet&page=5"),
]
PREFIXES = ["pa", "educ", "form", "sant", "pair aid", "hop", "education th", "zz"]


def measure(client, url, requests):
    p50, p95, queries, _response = measure_page(client, url, requests)
    return p50, p95, queries


def sentence(rng, n):
    return " ".join(rng.choice(VOCABULARY) for _ in range(n))


def build_pages(home, count):
    """`count` live standard pages under `home`, written with their tree
    paths computed here (treebeard's add_child costs a query per sibling
    lookup; this is the same tree, built faster)."""
    from home.factories import StandardPageFactory
    from home.models import StandardPage

    rng = random.Random(7)
    last = home.get_last_child()
    step = StandardPage._str2int(last.path[-StandardPage.steplen :]) if last else 0
    depth = home.depth + 1
    for i in range(count):
        page = StandardPageFactory.build(
            parent=home,
            title=f"{sentence(rng, 4).capitalize()} {i}",
            slug=f"page-{i}",
            intro=sentence(rng, 25),
            body=[("paragraph", f"<p>{sentence(rng, 150)}</p>"), ("paragraph", f"<p>{sentence(rng, 150)}</p>")],
            live=True,
            depth=depth,
            path=StandardPage._get_path(home.path, depth, step + i + 1),
            numchild=0,
            url_path=f"{home.url_path}page-{i}/",
            locale_id=home.locale_id,
        )
        page.save(clean=False)
    home.numchild += count
    home.save(update_fields=["numchild"], clean=False)


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from modelsearch.signal_handlers import post_save_signal_handler

    from core.factories import domains
    from directory.factories import DirectoryPageFactory
    from directory.models import PartnerProfile
    from home.factories import HomePageFactory
    from home.models import StandardPage

    domains()
    home = HomePageFactory()
    DirectoryPageFactory(parent=home)

    # Build without indexing: update_index does it once, timed.
    post_save.disconnect(post_save_signal_handler, sender=StandardPage)
    PartnerProfile.sync_search_index = lambda self: None
    started = time.perf_counter()
    with transaction.atomic():
        build_pages(home, ARGS.pages)
    print(f"# {ARGS.pages} pages built in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    from directory.fake import bulk_seed

    indexing = search_backends.get_search_backends
    search_backends.get_search_backends = lambda *args, **kwargs: []  # update_index does it
    try:
        with transaction.atomic():
            bulk_seed(ARGS.partners, start=1000)
    finally:
        search_backends.get_search_backends = indexing
    print(f"# {PartnerProfile.objects.published().count()} partners built in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        call_command("update_index", stdout=devnull, stderr=devnull)
    print(f"# update_index: {time.perf_counter() - started:.1f} s  ({connection.vendor})")

    client = Client()
    print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'results':>8}")
    for label, query in SEARCHES:
        q, _, extra = query.partition("&")
        url = f"/recherche/?q={q}" + (f"&{extra}" if extra else "")
        total = client.get(url).context["outcome"].total
        p50, p95, queries = measure(client, url, ARGS.requests)
        print(f"{'search: ' + label:34} {p50:>8.1f} {p95:>8.1f} {queries:>8} {total:>8}")
    for prefix in PREFIXES:
        url = f"/recherche/suggestions/?q={prefix}"
        found = len(client.get(url).json()["results"])
        p50, p95, queries = measure(client, url, ARGS.requests)
        print(f"{'autocomplete: ' + prefix:34} {p50:>8.1f} {p95:>8.1f} {queries:>8} {found:>8}")

    connection.close()
    if not ARGS.postgres:
        shutil.rmtree(TEMP_DIR, ignore_errors=True)
    else:
        import psycopg

        with psycopg.connect(ARGS.postgres.rstrip("/") + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")


if __name__ == "__main__":
    main()
