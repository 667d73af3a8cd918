"""Shared by the bench scripts: Django on a throw-away SQLite database, and
the timing of a page through Django's test Client.

Import it before anything from Django (`import benchlib` sets Django up):

    from benchlib import measure
    p50, p95, queries, response = measure(client, "/projets/?domaine=soins", runs=30)

Figures are server time as the test Client sees it (no network, no
WSGI server): compare them between runs of the same script, interleaved,
not with figures taken on another machine.
"""

import atexit
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if "DATABASE_URL" not in os.environ or os.environ.get("BENCH_KEEP_DATABASE_URL") != "1":
    TEMP_DIR = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    DB_PATH = TEMP_DIR / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    atexit.register(shutil.rmtree, TEMP_DIR, ignore_errors=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def percentile(sorted_times, fraction):
    index = min(len(sorted_times) - 1, max(0, round(len(sorted_times) * fraction) - 1))
    return sorted_times[index]


def measure(client, url, runs=30):
    """GET `url` once to warm up, then `runs` times: (p50 ms, p95 ms, SQL
    queries of one request, the last response)."""
    client.get(url)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    times.sort()
    return statistics.median(times), percentile(times, 0.95), len(ctx.captured_queries), response
