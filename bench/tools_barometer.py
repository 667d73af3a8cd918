"""Server time and SQL queries of the interactive tools' pages.

Builds its own data in a throw-away SQLite database (the barometer's demo
dimensions, a session with 2 then 40 answers, the engagement matrix), then
requests each page through Django's test Client and prints p50/p95 server
time and the number of queries. Run: .venv/bin/python bench/tools_barometer.py
"""

import os

from benchlib import measure as measure_page  # noqa: E402  (sets Django up)
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

REQUESTS = 60


def measure(client, url):
    p50, p95, queries, _response = measure_page(client, url, REQUESTS)
    return p50, p95, queries


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    from core.demo_utils import upsert_child
    from home.demo import ensure_home
    from resources.models import ToolSheetIndexPage
    from tools import demo
    from tools.models import BarometerAnswer, BarometerDimension, BarometerSession

    home = ensure_home()
    upsert_child(home, ToolSheetIndexPage, "fiches-outils", title="Fiches outils")
    with open(os.devnull, "w") as devnull:
        demo.load(type("Cmd", (), {"stdout": devnull})())
    criteria = [c for d in BarometerDimension.objects.prefetch_related("criteria") for c in d.criteria.all()]
    session = BarometerSession.objects.create(label="Banc d'essai")

    def add(count):
        BarometerAnswer.objects.bulk_create(
            [
                BarometerAnswer(
                    session=session,
                    role=("professionnel", "patient", "ru", "autre")[n % 4],
                    scores={str(c.pk): (n + i) % 5 for i, c in enumerate(criteria)},
                    completed=True,
                )
                for n in range(count)
            ]
        )

    client = Client()
    base = "/fiches-outils/barometre/"
    add(2)
    answer = BarometerAnswer.objects.filter(session=session).first()
    rows = [("session, 2 answers", f"{base}session/{session.token}/")]
    results = [(label, *measure(client, url)) for label, url in rows]
    add(38)
    for label, url in [
        ("session, 40 answers", f"{base}session/{session.token}/"),
        ("demo session T0+T1", f"{base}session/{demo.DEMO_SESSION_TOKEN}/"),
        ("answer result", f"{base}reponse/{answer.token}/resultat/"),
        ("answer form (blank)", f"{base}repondre/"),
        ("barometer page", base),
        ("engagement matrix", "/fiches-outils/matrice-engagement/"),
    ]:
        results.append((label, *measure(client, url)))
    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}   ({REQUESTS} requests each, SQLite, test Client)")
    for label, p50, p95, queries in results:
        print(f"{label:<24} {p50:>8.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
