"""Public pages served by gunicorn (2 workers, production settings), cold and cached.

Not part of CI. Builds a throw-away SQLite database at a realistic size (the
demo, then `seed_directory` to 1,000 partners, `seed_projects` 300,
`seed_sheets` 100, `seed_terms` 150), starts gunicorn on loopback twice (page
cache off: cold; page cache on: cached) and prints, per public page type:
p50/p95 cold and cached (ms, over HTTP), SQL queries of one uncached request
(in process), HTML bytes; then requests/s of the cached home with 20
concurrent clients (a bounded loop), and the ratio of the cached home to a
static file of the same size served by the same server (WhiteNoise).

    .venv/bin/python bench/pages.py [--runs 30] [--bakerydemo http://127.0.0.1:8200]

With --bakerydemo (a bakerydemo served the same way, started by you), each
page type's cold p50 is also measured there, interleaved request by request,
and the ratios printed: list ↔ /blog/, detail ↔ a blog post, search ↔
/search/?q=bread. Only loopback addresses are contacted.
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(tmp):
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="bench-only-" + "x" * 50,
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        LOG_LEVEL="ERROR",
        PORTAL_REQUIRE_2FA="0",
    )
    return env


def manage(env, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def build(env):
    started = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo_content", "--i-know-this-is-production", "-v", "0")
    manage(env, "seed_directory", "--partners", "1000")
    manage(env, "seed_projects", "--projects", "300")
    manage(env, "seed_sheets", "--sheets", "100")
    manage(env, "seed_terms", "--terms", "150")
    print(f"database built in {time.monotonic() - started:.0f} s", file=sys.stderr)


def urls_and_queries(env):
    """Page URLs per type, SQL queries and bytes of one uncached request (in process)."""
    code = r"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from directory.models import PartnerProfile
from projects.models import ProjectPage
from resources.models import ToolSheetPage
sheet = ToolSheetPage.objects.live().filter(title__startswith="Fiche fictive").first()
project = ProjectPage.objects.live().filter(title__startswith="Projet fictif").first()
profile = PartnerProfile.objects.published().first()
pages = {
    "home": "/",
    "sheet list": "/fiches-outils/",
    "sheet": sheet.url,
    "project list": "/projets/",
    "project": project.url,
    "project map": "/projets/carte/",
    "directory": "/annuaire/",
    "directory, 3 filters": "/annuaire/?role=pair-aidant&departement=31&distance=oui",
    "profile": profile.get_absolute_url(),
    "lexicon": "/fiches-outils/lexique/",
    "search": "/recherche/?q=patient",
}
client = Client(HTTP_HOST="127.0.0.1")
out = {}
for name, url in pages.items():
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    out[name] = [url, response.status_code, len(ctx.captured_queries), len(response.content)]
print("RESULT" + json.dumps(out))
"""
    env = dict(env, PORTAL_PAGE_CACHE_SECONDS="0")
    result = subprocess.run(  # noqa: S603
        [PY, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    import json

    return json.loads(result.stdout.split("RESULT", 1)[1])


class Server:
    def __init__(self, env, cache_seconds):
        self.port = free_port()
        env = dict(env, PORTAL_PAGE_CACHE_SECONDS=str(cache_seconds))
        self.process = subprocess.Popen(  # noqa: S603
            [GUNICORN, "portal.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", "2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def get(host, port, path, connection=None):
    """(seconds, status, bytes) of one GET, on `connection` if given (keep-alive)."""
    own = connection is None
    connection = connection or http.client.HTTPConnection(host, port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if own:
        connection.close()
    return elapsed, response.status, len(body)


def p(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(len(values) * fraction) - 1))] * 1000


def timings(port, path, runs, host="127.0.0.1"):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    get(host, port, path, connection)  # warm (and, cached, store)
    times = [get(host, port, path, connection)[0] for _ in range(runs)]
    connection.close()
    return statistics.median(times) * 1000, p(times, 0.95)


def throughput(port, path, clients=20, seconds=10):
    count = [0] * clients
    errors = [0] * clients
    deadline = time.monotonic() + seconds

    def loop(n):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            _t, status, _b = get("127.0.0.1", port, path, connection)
            count[n] += 1
            errors[n] += status != 200

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(count) / seconds, sum(errors)


def bakerydemo_ratios(base, ours_port, pages, runs):
    parsed = urllib.parse.urlsplit(base)
    host, port = parsed.hostname, parsed.port or 80
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", "/blog/", headers={"Host": host})
    listing = connection.getresponse().read().decode("utf-8", "replace")
    post = re.search(r'href="(/blog/[^"/]+/)"', listing)
    pairs = {"list": ("project list", "/blog/"), "search": ("search", "/search/?q=bread")}
    if post:
        pairs["detail"] = ("project", post.group(1))
    print("\nbakerydemo, cold p50 interleaved request by request (ours / bakerydemo):")
    for kind, (ours, theirs) in pairs.items():
        a, b = [], []
        for _ in range(runs):
            a.append(get("127.0.0.1", ours_port, pages[ours][0])[0])
            b.append(get(host, port, theirs)[0])
        ratio = statistics.median(a) / statistics.median(b)
        print(
            f"  {kind:<7} {ours:<14} {statistics.median(a) * 1000:7.1f} ms  {theirs:<22} "
            f"{statistics.median(b) * 1000:7.1f} ms  ratio {ratio:.2f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=10, help="length of the 20-client loop")
    parser.add_argument("--bakerydemo", help="URL of a bakerydemo served the same way (loopback)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="portal-bench-pages-"))
    try:
        env = base_env(tmp)
        build(env)
        pages = urls_and_queries(env)
        # A static file the size of the home page, served by WhiteNoise from the same server.
        home_bytes = pages["home"][3]
        (tmp / "static" / "bench-home-size.html").write_bytes(b"x" * home_bytes)

        cold = Server(env, 0)
        try:
            cold_times = {name: timings(cold.port, url, args.runs) for name, (url, *_rest) in pages.items()}
            if args.bakerydemo:
                bakerydemo_ratios(args.bakerydemo, cold.port, pages, args.runs)
        finally:
            cold.stop()
        cached = Server(env, 600)
        try:
            cached_times = {name: timings(cached.port, url, args.runs) for name, (url, *_rest) in pages.items()}
            static = timings(cached.port, "/static/bench-home-size.html", args.runs)
            rps, errors = throughput(cached.port, "/", seconds=args.seconds)
            static_rps, _e = throughput(cached.port, "/static/bench-home-size.html", seconds=args.seconds)
        finally:
            cached.stop()

        print(f"\ngunicorn 2 workers, production settings, SQLite; {args.runs} requests per figure (keep-alive)")
        print(
            f"{'page':<22} {'status':>6} {'cold p50':>9} {'cold p95':>9} {'hit p50':>8} {'hit p95':>8} "
            f"{'queries':>7} {'bytes':>7}"
        )
        for name, (_url, status, queries, size) in pages.items():
            c50, c95 = cold_times[name]
            h50, h95 = cached_times[name]
            print(f"{name:<22} {status:>6} {c50:9.1f} {c95:9.1f} {h50:8.1f} {h95:8.1f} {queries:>7} {size:>7}")
        print(f"\nstatic file of {home_bytes} bytes: p50 {static[0]:.1f} ms, p95 {static[1]:.1f} ms")
        print(f"cached home / static file (p50): {cached_times['home'][0] / static[0]:.2f}")
        print(
            f"cached home, 20 clients, {args.seconds} s: {rps:.0f} req/s ({errors} errors); "
            f"static file: {static_rps:.0f} req/s"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
