"""Bench: server time (p50/p95) and SQL queries of the admin dashboard for a
patient co-pilot, an administrator and an editor, with 20 and 200 pages in
review (and as many publications in the audit log), on a throw-away SQLite
database.

    .venv/bin/python bench/editorial.py [--runs 30]
"""

import argparse
import time

from benchlib import DB_PATH  # noqa: E402  (sets Django up)
from benchlib import measure as measure_page
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def user(username, group):
    from editorial.factories import UserFactory

    return UserFactory(username=username, groups=[group])


def put_in_review(parent, editor, n, start):
    from home.factories import StandardPageFactory

    for i in range(start, start + n):
        page = StandardPageFactory(
            parent=parent, title=f"Fiche {i}", slug=f"fiche-{i}", intro="Version publiée.", published_by=editor
        )
        page.intro = f"Proposition {i}"
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)


def measure(client, runs):
    p50, p95, queries, _response = measure_page(client, "/admin/", runs)
    return p50, p95, queries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    started = time.time()
    call_command("migrate", verbosity=0)
    from editorial import roles
    from home.factories import HomePageFactory

    home = HomePageFactory()
    roles.ensure_roles()
    people = {
        "co-pilote usager": user("usager", roles.COPILOTS_PATIENTS),
        "administrateur": user("admin", roles.ADMINS),
        "rédacteur": user("redaction", roles.EDITORS),
    }
    print(f"Base SQLite temporaire : {DB_PATH} (préparation {time.time() - started:.0f} s)")
    print(f"{'en relecture':>12}  {'tableau de bord de':<18} {'p50 ms':>7} {'p95 ms':>7} {'SQL':>4}")
    done = 0
    for size in (20, 200):
        put_in_review(home, people["rédacteur"], size - done, done)
        done = size
        for label, person in people.items():
            client = Client()
            client.force_login(person)
            p50, p95, queries = measure(client, args.runs)
            print(f"{size:>12}  {label:<18} {p50:7.1f} {p95:7.1f} {queries:>4}")


if __name__ == "__main__":
    main()
