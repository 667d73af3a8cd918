"""Server time and SQL queries of the interactive tools' pages.

Builds its own data with the factories in a throw-away SQLite database (four
dimensions, a session with 2 then 40 answers, a session answered at two
rounds, the engagement matrix), then
requests each page through Django's test Client and prints p50/p95 server
time and the number of queries. Run: .venv/bin/python bench/tools_barometer.py
"""

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
    from tools.factories import (
        BarometerAnswerFactory,
        BarometerSessionFactory,
        EngagementMatrixPageFactory,
        SelfAssessmentPageFactory,
        dimensions,
        two_round_session,
    )
    from tools.models import BarometerAnswer

    criteria = [c for d in dimensions() for c in d.criteria.all()]
    SelfAssessmentPageFactory()
    EngagementMatrixPageFactory()
    two_rounds = two_round_session(criteria)
    session = BarometerSessionFactory(label="Banc d'essai")

    def add(count):
        BarometerAnswer.objects.bulk_create(
            [
                BarometerAnswerFactory.build(
                    session=session,
                    role=("professionnel", "patient", "ru", "autre")[n % 4],
                    scores={str(c.pk): (n + i) % 5 for i, c in enumerate(criteria)},
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
        ("session T0+T1", f"{base}session/{two_rounds.token}/"),
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
