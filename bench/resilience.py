"""Faults survived: a bounded load against `make prod-local` while processes die.

Not part of CI. Start the shape first, with rate limits raised (every client
posts from 127.0.0.1):

    PORTAL_RATE_LIMIT_PER_HOUR=100000 make prod-local
    .venv/bin/python bench/resilience.py            # 30 clients, 60 s
    make prod-local-stop

Clients browse (home, lists, pages), search the directory and send contact
requests to partners (each marked with a unique reference). Meanwhile, on a
fixed schedule: app1 is killed (SIGKILL) then restarted, Redis (port 6390) is
restarted, the worker is stopped then restarted. Afterwards the bench waits
for the outbox to drain and prints: requests served, client-visible errors
(GET and POST), p95 per phase, contact requests lost or duplicated (checked in
the database), emails lost or duplicated at the SMTP sink (by Message-ID), and
whether a page published during the run is visible at once through the proxy
and on instance B. Only loopback addresses are contacted.
"""

import argparse
import http.cookiejar
import json
import random
import re
import ssl
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROD_LOCAL = ROOT / "deploy" / "prod-local.sh"
SINK = ROOT / "deploy" / ".run" / "smtp-sink.jsonl"
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # the self-signed certificate of prod-local, on loopback
BROWSE = ["/", "/annuaire/", "/projets/", "/fiches-outils/", "/fiches-outils/lexique/", "/projets/carte/"]
SEARCHES = ["/annuaire/?q=diabete", "/annuaire/?role=pair-aidant", "/annuaire/?departement=31", "/recherche/?q=patient"]
# (start second, action, argument, phase name while it lasts)
SCHEDULE = [
    (10, "kill", "app1", "app1 down"),
    (18, "restart", "app1", "app1 restarting"),
    (28, "restart", "redis", "redis restart"),
    (40, "kill", "worker", "worker stopped"),
    (48, "restart", "worker", "worker restarting"),
]


def prod_local(*args, capture=False):
    command = ["/bin/bash", str(PROD_LOCAL), *args]
    return subprocess.run(command, check=True, capture_output=capture, text=True, cwd=ROOT).stdout  # noqa: S603


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.phase = "baseline"
        self.rows = []  # (phase, method, status, seconds)
        self.posts = {}  # reference -> status

    def add(self, method, status, seconds, reference=None):
        with self.lock:
            self.rows.append((self.phase, method, status, seconds))
            if reference:
                self.posts[reference] = status


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=TLS), urllib.request.HTTPCookieProcessor(jar)
    ), jar


def fetch(client, url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 (loopback https)
    started = time.perf_counter()
    try:
        with client.open(request, timeout=15) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    except (urllib.error.URLError, OSError):
        body, status = b"", 0
    return status, body, time.perf_counter() - started


def contact(client, jar, base, profile_id, recorder):
    url = f"{base}/annuaire/profil/{profile_id}/contact/"
    status, body, seconds = fetch(client, url)
    recorder.add("GET", status, seconds)
    if status != 200:
        return
    text = body.decode("utf-8", "replace")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
    stamp = re.search(r'name="jeton_formulaire" value="([^"]+)"', text)
    if not (csrf and stamp):
        return
    time.sleep(3.2)  # PORTAL_FORM_MIN_SECONDS
    reference = f"bench-{uuid.uuid4().hex}"
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf.group(1),
            "jeton_formulaire": stamp.group(1),
            "site_web": "",
            "requester_name": "Banc de mesure (fictif)",
            "structure_name": "Structure fictive de mesure",
            "structure_type": "cpts",
            "requester_email": f"{reference}@example.org",
            "requester_phone": "",
            "project": f"Demande de mesure {reference} : un programme fictif d'éducation thérapeutique.",
            "expected_role": "Participer à trois ateliers fictifs.",
            "dates": "De mars à juin 2027",
            "place": "Valfleuri (fictif)",
            "remote": "on",
            "compensation": "defraiement",
        }
    ).encode()
    status, _body, seconds = fetch(client, url, data=data, headers={"Referer": url})
    recorder.add("POST", status, seconds, reference=reference)


def client_loop(base, profiles, recorder, deadline, seed):
    rng = random.Random(seed)
    client, jar = opener()
    while time.monotonic() < deadline:
        roll = rng.random()
        if roll < 0.05 and profiles:
            contact(client, jar, base, rng.choice(profiles), recorder)
        elif roll < 0.3:
            status, _body, seconds = fetch(client, base + rng.choice(SEARCHES))
            recorder.add("GET", status, seconds)
        else:
            status, _body, seconds = fetch(client, base + rng.choice(BROWSE))
            recorder.add("GET", status, seconds)


def database_counts(references):
    code = (
        "import json, sys\n"
        "from directory.models import ContactRequest\n"
        f"refs = {json.dumps(sorted(references))}\n"
        "rows = {}\n"
        "for r in ContactRequest.objects.filter(requester_email__startswith='bench-'):\n"
        "    ref = r.requester_email.split('@')[0]\n"
        "    entry = rows.setdefault(ref, {'n': 0, 'emails': []})\n"
        "    entry['n'] += 1\n"
        "    entry['emails'] += [(e.pk, e.message_id, e.status) for e in r.outgoing_emails.all()]\n"
        "print(json.dumps(rows))\n"
    )
    return json.loads(prod_local("manage", "shell", "-c", code, capture=True).strip().splitlines()[-1])


def publish_check(base):
    """Publish a new title on a page (this process: as instance A would) and
    read it through the proxy and from instance B directly."""
    marker = f"Publication de mesure {uuid.uuid4().hex[:8]}"
    code = (
        "from home.models import StandardPage\n"
        "page = StandardPage.objects.live().order_by('pk').first()\n"
        f"page.title = {marker!r}\n"
        "page.save_revision().publish()\n"
        "print(page.url)\n"
    )
    path = prod_local("manage", "shell", "-c", code, capture=True).strip().splitlines()[-1]
    client, _jar = opener()
    _s, proxy_body, _t = fetch(client, base + path)
    direct = urllib.request.Request(
        f"http://127.0.0.1:8102{path}", headers={"Host": "localhost:8443", "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(direct, timeout=10) as response:  # noqa: S310 (loopback)
            b_body = response.read()
    except urllib.error.URLError:
        b_body = b""
    return marker.encode() in proxy_body, marker.encode() in b_body


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="https://localhost:8443")
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--drain", type=int, default=90, help="seconds to wait for the outbox afterwards")
    args = parser.parse_args()

    client, _jar = opener()
    status, body, _t = fetch(client, args.base + "/annuaire/")
    if status != 200:
        sys.exit(f"{args.base}/annuaire/ answered {status}: is `make prod-local` running?")
    profiles = sorted({int(pk) for pk in re.findall(rb"/annuaire/profil/(\d+)/", body)})
    sink_before = len(SINK.read_text().splitlines()) if SINK.exists() else 0

    recorder = Recorder()
    start = time.monotonic()
    deadline = start + args.seconds
    threads = [
        threading.Thread(target=client_loop, args=(args.base, profiles, recorder, deadline, n), daemon=True)
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for at, action, name, phase in SCHEDULE:
        if at >= args.seconds:
            break
        time.sleep(max(0, start + at - time.monotonic()))
        recorder.phase = phase
        prod_local(action, name, capture=True)
        print(f"t={time.monotonic() - start:5.1f}s {action} {name}", flush=True)
    time.sleep(max(0, start + SCHEDULE[-1][0] + 5 - time.monotonic()))
    recorder.phase = "after faults"
    for thread in threads:
        thread.join()

    # Drain: the worker sends what is queued; the sweeper sends what a killed worker left.
    references = set(recorder.posts)
    accepted = {ref for ref, status in recorder.posts.items() if status == 200}
    drain_until = time.monotonic() + args.drain
    while True:
        rows = database_counts(references)
        pending = [e for entry in rows.values() for e in entry["emails"] if e[2] == "pending"]
        if not pending or time.monotonic() > drain_until:
            break
        prod_local("manage", "send_queued_emails", capture=True)
        time.sleep(5)

    sink_lines = [json.loads(line) for line in SINK.read_text().splitlines()[sink_before:]] if SINK.exists() else []
    sink_ids = {}
    for line in sink_lines:
        sink_ids[line["message_id"]] = sink_ids.get(line["message_id"], 0) + 1
    expected_ids = {e[1] for ref in accepted for e in rows.get(ref, {}).get("emails", [])}

    print(f"\n{args.clients} clients, {args.seconds} s, against {args.base}")
    print(f"{'phase':<20} {'requests':>8} {'GET err':>8} {'POST':>5} {'POST err':>8} {'p95 ms':>8}")
    phases = ["baseline"] + [phase for *_x, phase in SCHEDULE] + ["after faults"]
    for phase in phases:
        rows_ = [r for r in recorder.rows if r[0] == phase]
        if not rows_:
            continue
        get_errors = sum(1 for r in rows_ if r[1] == "GET" and r[2] != 200)
        posts = [r for r in rows_ if r[1] == "POST"]
        post_errors = sum(1 for r in posts if r[2] != 200)
        p95 = percentile([r[3] for r in rows_], 95) * 1000
        print(f"{phase:<20} {len(rows_):>8} {get_errors:>8} {len(posts):>5} {post_errors:>8} {p95:>8.0f}")
    total = len(recorder.rows)
    print(f"requests: {total}, GET errors: {sum(1 for r in recorder.rows if r[1] == 'GET' and r[2] != 200)}")
    statuses = {}
    for status in recorder.posts.values():
        statuses[status] = statuses.get(status, 0) + 1
    print(f"contact POSTs: {len(references)} (by status: {statuses}); 0 = connection error, 502/503 = retry page")
    lost = [ref for ref in accepted if rows.get(ref, {}).get("n", 0) == 0]
    duplicated = [ref for ref in references if rows.get(ref, {}).get("n", 0) > 1]
    print(f"contact requests accepted: {len(accepted)}, lost: {len(lost)}, duplicated: {len(duplicated)}")
    emails_lost = [mid for mid in expected_ids if mid not in sink_ids]
    emails_dup = {mid: n for mid, n in sink_ids.items() if mid in expected_ids and n > 1}
    print(
        f"emails expected: {len(expected_ids)}, at the sink: {len(expected_ids) - len(emails_lost)}, "
        f"lost: {len(emails_lost)}, duplicated: {len(emails_dup)}"
    )
    through_proxy, on_b = publish_check(args.base)
    print(f"published page visible at once: through the proxy {through_proxy}, on instance B {on_b}")


if __name__ == "__main__":
    main()
