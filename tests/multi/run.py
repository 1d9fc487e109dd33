#!/usr/bin/python3
"""Several instances on one PostgreSQL database, behind nginx: sessions shared between instances,
emails delivered exactly once while both run workers (and one is SIGKILLed), and a database outage
answered with quick 503s and recovered from. Run with Debian's python3 (stdlib, python3-aiosmtpd):

    /usr/bin/python3 tests/multi/run.py --binary .build/debug/hosterra

Everything it starts (a throwaway PostgreSQL cluster, an SMTP sink, two `hosterra serve`, nginx)
listens on loopback ports chosen at run time and is torn down however the run ends. Prints one line
per test and a closing "multi: N passed, N failed" line; exits 1 when anything failed."""
import argparse
import concurrent.futures
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse

from harness import LEASE_FLAG, LEASE_SECONDS, PG_BIN, ROOT, Client, Harness, as_postgres

PASSWORD = "quiet meadow lantern 51"
VERIFY_SUBJECT = "Confirm your email address"
UNAVAILABLE_TEXT = "briefly unavailable"

# Test 3's figures: how many sign-ups, after how many answers instance A is killed (as soon as it
# then holds claimed jobs), and how many duplicate deliveries are tolerated (only emails in flight on
# A when it died may go out twice).
SIGNUPS = 200
KILL_AFTER = SIGNUPS // 2
SIGNUP_THREADS = 8
MAX_DUPLICATES = 5
SIGNUP_LIMIT = 10   # IdentityService.requestLimit: sign-ups per client network per 15 minutes
DELIVERY_TIMEOUT = 60


def sign_up(client, name, address, attempts=1, pause=0.2):
    """GET /signup then POST it; with attempts > 1, a connection error, a 502 or a 503 is tried
    again (the instance that had the request may have died). Returns (reply, tries)."""
    tries = 0
    token = None
    while True:
        tries += 1
        try:
            if token is None:
                page = client.get("/signup")
                if page.status == 200:
                    token = page.csrf()
                elif page.status not in (502, 503):
                    return page, tries
            if token is not None:
                reply = client.post("/signup", {"_csrf": token, "name": name, "email": address, "password": PASSWORD})
                if reply.status not in (502, 503):
                    return reply, tries
        except (OSError, http.client.HTTPException):
            pass
        if tries >= attempts:
            return None, tries
        time.sleep(pause)


def log_in(client, address):
    token = client.get("/login").csrf()
    reply = client.post("/login", {"_csrf": token, "email": address, "password": PASSWORD})
    assert reply.status == 303, f"login answered {reply.status}: {reply.body[:300]!r}"
    return reply


# Tests


def test_instances_migrate_together_and_serve(h):
    """Both instances, started at the same moment on an empty database, migrate (one waits for the
    other's advisory lock) and answer /readyz, directly and through nginx."""
    for instance in h.instances:
        assert instance.alive, f"instance {instance.name} died: {instance.errors()}"
        assert Client(instance.port).get("/readyz").status == 200
    assert h.client().get("/healthz").status == 200
    tables = int(h.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")[0][0])
    assert tables > 5, f"only {tables} tables after migrating"
    # The lock holder applies every version; the other one finds nothing left to do.
    applied = {instance.name: [line.get("versions") for line in instance.lines() if line.get("msg") == "migrations applied"]
               for instance in h.instances}
    assert sum(len(versions) for versions in applied.values()) == 1, f"migrations applied: {applied}"
    migrator = next(name for name, versions in applied.items() if versions)
    return f"setup {h.timings['setup']:.1f}s, {tables} tables, versions {applied[migrator][0]} applied by {migrator.upper()} only, " \
        + (f"job lease {LEASE_SECONDS}s ({LEASE_FLAG})" if h.lease_flag else f"default job lease (no {LEASE_FLAG})")


def test_login_through_one_instance_valid_on_other(h):
    """A session created through nginx (served by either instance) is honoured by both: six
    dashboard loads through round-robin nginx are all 200, and both instances' logs show some."""
    client = h.client()
    address = f"shared-{int(time.time() * 1000)}@example.com"
    reply, _ = sign_up(client, "Ada Lovelace", address)
    assert reply is not None and reply.status == 303 and reply.location.startswith("/login"), \
        f"sign-up answered {reply and reply.status} {reply and reply.location}"

    body = h.maildir.wait_for(address, VERIFY_SUBJECT)
    link = re.search(r"(http://\S+/verify-email\?token=\S+)", body)
    assert link, f"no verification link in: {body[:300]!r}"
    parsed = urllib.parse.urlsplit(link.group(1))
    assert f"{parsed.hostname}:{parsed.port}" == f"127.0.0.1:{h.nginx_port}", f"link not on the public URL: {link.group(1)}"
    token = urllib.parse.parse_qs(parsed.query)["token"][0]
    page = client.get(f"{parsed.path}?{parsed.query}")
    assert page.status == 200, f"verify page answered {page.status}"
    reply = client.post("/verify-email", {"_csrf": page.csrf(), "token": token})
    assert reply.status == 303, f"verify answered {reply.status}: {reply.body[:300]!r}"

    before = {instance.name: dashboard_hits(instance) for instance in h.instances}
    log_in(client, address)
    for attempt in range(6):
        page = client.get("/")
        assert page.status == 200, f"dashboard load {attempt + 1} answered {page.status} -> {page.location}"
        assert "Welcome, Ada Lovelace." in page.body, f"dashboard load {attempt + 1} is not the dashboard"
    h.session_cookies = dict(client.cookies)
    served = {instance.name: dashboard_hits(instance) - before[instance.name] for instance in h.instances}
    assert all(count > 0 for count in served.values()), f"not both instances served the dashboard: {served}"
    return f"dashboard served by A {served['a']}x, B {served['b']}x"


def test_signup_limit_per_visitor_shared_by_instances(h):
    """One visitor's sign-ups are counted together whichever instance serves them: through round-robin
    nginx, 10 are accepted and the 11th is refused with 429 and Retry-After, while another visitor is
    unaffected. The instances log the visitor's own address, passed on by nginx."""
    client = h.client()
    stamp = int(time.time() * 1000)
    statuses = []
    for index in range(SIGNUP_LIMIT + 1):
        if index % 2:
            client.get("/readyz")   # shifts round robin by one, so the POSTs alternate between A and B
        reply, _ = sign_up(client, "Limit Tester", f"limit-{stamp}-{index:02d}@example.com", attempts=5)
        statuses.append(reply and reply.status)
        refused = reply
    other, _ = sign_up(h.client(), "Other Visitor", f"limit-{stamp}-other@example.com", attempts=5)
    assert statuses[:SIGNUP_LIMIT] == [303] * SIGNUP_LIMIT, f"sign-ups answered {statuses}"
    assert statuses[SIGNUP_LIMIT] == 429, f"sign-up {SIGNUP_LIMIT + 1} answered {statuses[SIGNUP_LIMIT]}"
    assert refused.headers.get("Retry-After"), "no Retry-After on the 429"
    assert other is not None and other.status == 303, f"another visitor's sign-up answered {other and other.status}"
    served = {instance.name: sum(1 for line in instance.lines()
                                 if line.get("route") == "signup.submit" and line.get("client") == client.address)
              for instance in h.instances}
    assert all(count > 0 for count in served.values()), f"not both instances took this visitor's sign-ups: {served}"
    return f"{SIGNUP_LIMIT} accepted then 429 for {client.address}: A took {served['a']}, B {served['b']}"


def dashboard_hits(instance):
    return sum(1 for line in instance.lines() if line.get("route") == "dashboard" and line.get("status") == 200)


def test_emails_delivered_exactly_once_despite_sigkill(h):
    """200 sign-ups through nginx with both instances delivering email; A is SIGKILLed halfway,
    while it holds claimed jobs. Every sign-up answered 303 gets its verification email, duplicates are at most the few that
    were in flight on A, and the outbox and job queue end clean."""
    run = f"{int(time.time() * 1000)}"
    addresses = [f"multi-{run}-{index:03d}@example.com" for index in range(SIGNUPS)]
    lock = threading.Lock()
    state = {"answered": 0, "killed_at": None, "answered_at_kill": None}
    committed, unanswered, retried = [], [], []

    def one(address):
        reply, tries = sign_up(Client(h.nginx_port), "Load Tester", address, attempts=40, pause=0.25)
        with lock:
            if reply is not None and reply.status == 303:
                committed.append(address)
            else:
                unanswered.append((address, reply and reply.status))
            if tries > 1:
                retried.append(address)
            state["answered"] += 1
            if state["answered"] == KILL_AFTER:
                killer.start()

    def kill_a():
        # Mid-delivery when possible: wait (briefly) until A holds claimed jobs, then SIGKILL it.
        claimed = f"SELECT count(*) FROM jobs WHERE status = 'running' AND locked_by LIKE '%:{h.a.process.pid}:%'"
        until = time.monotonic() + 3
        while jobs_table and time.monotonic() < until and int(h.query(claimed)[0][0]) == 0:
            time.sleep(0.02)
        os.kill(h.a.process.pid, signal.SIGKILL)
        with lock:
            state["killed_at"] = time.monotonic()
            state["answered_at_kill"] = state["answered"]

    jobs_table = h.table_exists("jobs")
    killer = threading.Thread(target=kill_a)

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=SIGNUP_THREADS) as pool:
        list(pool.map(one, addresses))
    signup_seconds = time.monotonic() - started
    killer.join()
    h.a.process.wait(timeout=5)
    assert state["killed_at"] is not None, "instance A was never killed"
    assert h.b.alive, f"instance B died: {h.b.errors()}"
    held_by_a = 0
    if jobs_table:
        held_by_a = int(h.query(f"SELECT count(*) FROM jobs WHERE status = 'running' AND locked_by LIKE '%:{h.a.process.pid}:%'")[0][0])

    # Every committed sign-up's verification email, within the deadline.
    wanted = set(committed)
    deadline = time.monotonic() + DELIVERY_TIMEOUT
    fast_forwarded = None
    while time.monotonic() < deadline:
        got = {m["to"] for m in h.maildir.messages() if VERIFY_SUBJECT in m["subject"]}
        if wanted <= got:
            break
        if held_by_a and not h.lease_flag and fast_forwarded is None:
            fast_forwarded = fast_forward_dead_leases(h)
        time.sleep(0.2)
    delivered_all = time.monotonic()
    # Let the queue settle (nothing pending), plus a moment for any late duplicate to land.
    while time.monotonic() < deadline and h.status_counts("outbox_emails").get("pending", 0) > 0:
        time.sleep(0.2)
    time.sleep(1.5)

    ours = [m for m in h.maildir.messages() if m["to"].startswith(f"multi-{run}-")]
    verification = [m for m in ours if VERIFY_SUBJECT in m["subject"]]
    notices = [m for m in ours if VERIFY_SUBJECT not in m["subject"]]
    missing = sorted(wanted - {m["to"] for m in verification})
    ids = {}
    for message in ours:
        ids.setdefault(message["message_id"], []).append(message)
    duplicates = sum(len(group) - 1 for group in ids.values())
    verification_ids = {m["message_id"] for m in verification if m["to"] in wanted}
    h.figures = {
        "signups_per_second": SIGNUPS / signup_seconds,
        "delivery_seconds": delivered_all - started,
        "delivery_after_signups": delivered_all - started - signup_seconds,
    }
    summary = (f"{len(committed)} committed / {SIGNUPS} in {signup_seconds:.1f}s ({SIGNUPS / signup_seconds:.0f}/s), "
               f"{len(retried)} retried, A killed after {state['answered_at_kill']} answers; all delivered "
               f"{h.figures['delivery_seconds']:.1f}s after start ({h.figures['delivery_after_signups']:.1f}s after the last sign-up); "
               f"{len(ours)} messages, {len(ids)} distinct Message-IDs, duplicates={duplicates}, "
               f"already-registered notices={len(notices)}, jobs held by A when killed={held_by_a}"
               + (f" (their lease fast-forwarded by SQL: the binary has no {LEASE_FLAG})" if fast_forwarded else ""))
    print("  " + summary)

    assert not unanswered, f"{len(unanswered)} sign-ups never answered 303: {unanswered[:5]}"
    if missing and h.table_exists("jobs"):
        stuck = h.query("SELECT count(*), coalesce(max(locked_until), 0) - (extract(epoch from now()) * 1000)::bigint FROM jobs "
                        f"WHERE status = 'running' AND locked_by LIKE '%:{h.a.process.pid}:%'")[0]
        print(f"  {stuck[0]} jobs still claimed by the killed instance A; their lease ends in {int(stuck[1]) / 1000:.0f}s")
    assert not missing, f"{len(missing)} committed sign-ups got no verification email within {DELIVERY_TIMEOUT}s: {missing[:5]}"
    assert len(verification_ids) == len(committed), \
        f"{len(verification_ids)} distinct verification Message-IDs for {len(committed)} committed sign-ups"
    # An "already registered" notice is only expected for a sign-up that was retried after a lost answer.
    unexpected = [m["to"] for m in notices if m["to"] not in retried]
    assert not unexpected, f"unexpected non-verification emails to: {unexpected[:5]}"
    assert duplicates <= MAX_DUPLICATES, f"{duplicates} duplicate deliveries (more than {MAX_DUPLICATES})"

    outbox = h.status_counts("outbox_emails")
    assert set(outbox) == {"sent"}, f"outbox_emails not all sent: {outbox}"
    if h.table_exists("jobs"):
        jobs = h.status_counts("jobs")
        assert jobs.get("queued", 0) == 0 and jobs.get("running", 0) == 0, f"jobs left queued/running: {jobs}"
        assert jobs.get("dead", 0) == 0, f"dead jobs: {jobs}"
        print(f"  jobs: {jobs}")
    else:
        print("  note: no jobs table yet (job queue not merged): job checks skipped")

    metrics = Client(h.b.port, forwarded=False).get("/metrics")
    assert metrics.status == 200, f"/metrics on B answered {metrics.status}"
    sent = re.search(r'^hosterra_outbox_emails\{status="sent"\} (\d+)$', metrics.body, re.M)
    assert sent, "no hosterra_outbox_emails{status=\"sent\"} in /metrics"
    assert int(sent.group(1)) == outbox["sent"], f"/metrics says {sent.group(1)} sent, the database {outbox['sent']}"
    if h.table_exists("jobs"):
        for status in ["queued", "running", "done", "dead"]:
            assert re.search(rf'^hosterra_jobs\{{status="{status}"\}} \d+$', metrics.body, re.M), \
                f"no hosterra_jobs{{status=\"{status}\"}} in /metrics"
        dead = re.search(r'^hosterra_jobs\{status="dead"\} (\d+)$', metrics.body, re.M)
        assert int(dead.group(1)) == 0, f"/metrics shows {dead.group(1)} dead jobs"
    return f"duplicates={duplicates}"


def fast_forward_dead_leases(h):
    """Without a way to shorten the job lease, the jobs the killed instance had claimed would wait
    out the default lease (minutes). Once everything else is delivered, their lease is ended in the
    database, as the passing of time would: the survivor must then pick them up and send them once.
    Returns how many were fast-forwarded, or None while other jobs are still to be done."""
    dead = f"status = 'running' AND locked_by LIKE '%:{h.a.process.pid}:%'"
    others = int(h.query(f"SELECT count(*) FROM jobs WHERE status IN ('queued', 'running') AND NOT ({dead})")[0][0])
    if others:
        return None
    return int(h.query(f"UPDATE jobs SET locked_until = (extract(epoch from now()) * 1000)::bigint - 1 WHERE {dead} "
                       "RETURNING id").__len__())


def test_database_outage_gives_503_then_recovers(h):
    """With PostgreSQL stopped, the survivor answers /readyz and a signed-in page with 503 quickly
    and a clear message; once PostgreSQL is back, the same requests succeed again (same session)."""
    survivor = h.b
    client = Client(survivor.port, timeout=20)
    client.cookies = dict(getattr(h, "session_cookies", {}))
    assert client.cookies, "no session from the login test"
    assert client.get("/").status == 200, "the session does not work on B before the outage"

    stop = subprocess.run(as_postgres([f"{PG_BIN}/pg_ctl", "-D", h.pg_dir, "stop", "-m", "fast", "-w"]),
                          capture_output=True, text=True, timeout=30)
    assert stop.returncode == 0, f"pg_ctl stop failed: {stop.stderr}"
    try:
        latencies = []
        ready = client.get("/readyz")
        latencies.append(ready.seconds)
        assert ready.status == 503, f"/readyz answered {ready.status} with the database down"
        page = client.get("/")
        latencies.append(page.seconds)
        assert page.status == 503, f"GET / answered {page.status} with the database down: {page.body[:200]!r}"
        assert UNAVAILABLE_TEXT in page.body, f"the 503 page does not say so: {page.body[:400]!r}"
        assert page.headers.get("Retry-After"), "no Retry-After on the 503"
        # Twice: the pool's connections are all broken by now, not just the first one.
        again = client.get("/")
        latencies.append(again.seconds)
        assert again.status == 503, f"second GET / answered {again.status}"
        assert max(latencies) < 5, f"503s took {', '.join(f'{s:.2f}s' for s in latencies)}"
    finally:
        start = subprocess.run([os.path.join(ROOT, "scripts/pg-test-cluster.sh"), "start-existing"], env=h.env,
                               capture_output=True, text=True, timeout=60)
    assert start.returncode == 0, f"start-existing failed: {start.stderr}"
    back = time.monotonic()
    deadline = back + 15
    last = None
    while time.monotonic() < deadline:
        try:
            ready, page = client.get("/readyz"), client.get("/")
            last = (ready.status, page.status)
            if ready.status == 200 and page.status == 200:
                break
        except OSError as error:
            last = error
        time.sleep(0.1)
    recovery = time.monotonic() - back
    assert last == (200, 200), f"not recovered 15s after PostgreSQL came back: {last}"
    assert "Welcome, Ada Lovelace." in page.body, "after recovery the page is not the dashboard"
    assert survivor.alive, "instance B died during the outage"
    # The background worker came back too: a sign-up made now gets its email.
    address = f"after-outage-{int(time.time() * 1000)}@example.com"
    reply, _ = sign_up(Client(survivor.port), "After Outage", address)
    assert reply is not None and reply.status == 303, f"sign-up after the outage answered {reply and reply.status}"
    h.maildir.wait_for(address, VERIFY_SUBJECT, timeout=20)
    mailed = time.monotonic() - back
    h.figures["outage_503_seconds"] = max(latencies)
    h.figures["recovery_seconds"] = recovery
    return f"503 in {max(latencies) * 1000:.0f} ms max ({', '.join(f'{s * 1000:.0f}' for s in latencies)} ms), recovered {recovery:.2f}s after PostgreSQL was back, email sent {mailed:.1f}s after"


TESTS = [
    test_instances_migrate_together_and_serve,
    test_login_through_one_instance_valid_on_other,
    test_signup_limit_per_visitor_shared_by_instances,
    test_emails_delivered_exactly_once_despite_sigkill,
    test_database_outage_gives_503_then_recovers,
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--keep", action="store_true", help="leave the temp directory (logs, Maildir) behind")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"multi: no executable at {binary}")
        return 1
    # A SIGTERM (CI timeout) unwinds like an exception, so that the teardown still runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    passed = failed = 0
    total = time.monotonic()
    harness = Harness(binary)
    try:
        try:
            harness.start()
            setup_error = None
        except Exception as error:
            setup_error = error
            traceback.print_exc()
        for test in TESTS:
            started = time.monotonic()
            if setup_error is not None:
                failed += 1
                print(f"multi: FAIL {test.__name__} (setup failed: {setup_error})")
                continue
            try:
                note = test(harness)
                passed += 1
                print(f"multi: ok   {test.__name__} ({time.monotonic() - started:.1f}s){': ' + note if note else ''}")
            except Exception:
                failed += 1
                print(f"multi: FAIL {test.__name__} ({time.monotonic() - started:.1f}s)")
                traceback.print_exc(file=sys.stdout)
                for instance in harness.instances:
                    for line in instance.errors():
                        print(f"  {instance.name} log: {json.dumps(line)[:300]}")
            sys.stdout.flush()
    finally:
        harness.close(keep=args.keep)
        if args.keep:
            print(f"multi: kept {harness.tmp}")
    print(f"multi: total {time.monotonic() - total:.1f}s")
    print(f"multi: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
