#!/usr/bin/env -S sh -c 'p="$(dirname "$0")/.venv/bin/python"; [ -x "$p" ] || p=python3; exec "$p" "$0" "$@"'
"""Crash safety: no acknowledged write is lost when the server is killed (DESIGN.md, quality budgets).

Starts `arrival serve --demo` on a fresh database, runs a bounded concurrent load of real JSON API writes
(coordinator: POST organisations and networks; organisation editor: POST partner calls for Nicehearts ry; all
writers: PUT a changed version of a record they created earlier), and SIGKILLs the server in the middle of it.
Then it starts the server again on the same database and checks, through the API only:

- every create answered 2xx is there, by its id, with exactly the acknowledged content;
- every update answered 2xx is there, or a later update of the same record that was in flight at the kill;
- nothing is half-written: /readyz answers 200, every list answers and every listed record is complete and
  readable by its id, and the records of this run in the lists are the acknowledged creates plus at most
  the creates that were in flight (sent, no answer) at the kill.

Usage: e2e/crash_safety.py [--binary PATH] [--engine sqlite|postgres|both] [--writers N] [--seconds S]
PostgreSQL: --postgres-url (or $ARRIVAL_TEST_POSTGRES_URL) names a server on which a fresh database
`e2e_crash_<random>` is created with psql for each run and dropped afterwards. Without a URL the default
engine is sqlite, with one it is both. Exit status: 0 when nothing was lost or corrupted, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

import requests

from common import SESSION_COOKIE, sign_in_http
from demo_server import OUT, DemoServer, default_binary

API = "/api/v1/cities/vantaa"
TIMEOUT = 10
KINDS = {"organisations": "coordinator", "networks": "coordinator", "partner-calls": "organisation-editor"}
REQUIRED = {  # required properties of each record in /api/v1/openapi.json
    "organisations": {"id", "kind", "migrantLed", "name", "names", "description", "descriptions", "languages",
                      "areas", "status"},
    "networks": {"id", "kind", "name", "names", "description", "descriptions", "members"},
    "partner-calls": {"id", "organisation", "title", "needs", "offers", "translations", "areas", "status"},
}


def payload(kind: str, name: str, version: int, nicehearts: str) -> dict:
    """The body of a create (version 0) or of an update; every text is unique to the record and version."""
    text = f"{name} v{version}: kuvaus – beskrivning – وصف"
    if kind == "organisations":
        return {"kind": "ngo", "names": {"fi": name, "ar": f"{name} منظمة"}, "descriptions": {"fi": text}}
    if kind == "networks":
        return {"kind": "thematic", "names": {"fi": name, "sv": f"{name} nätverk"}, "descriptions": {"fi": text}}
    return {"organisation": nicehearts, "titles": {"fi": name}, "needs": {"fi": text},
            "offers": {"fi": f"tarjous v{version}"}}


def content(kind: str, record: dict) -> dict:
    """What of a record the API returns must equal what was sent (a payload() in the response's shape)."""
    if kind == "partner-calls":
        t = record.get("translations") or {}
        return {"organisation": record.get("organisation"), "titles": t.get("title"), "needs": t.get("needs"),
                "offers": t.get("offers")}
    return {"kind": record.get("kind"), "names": record.get("names"), "descriptions": record.get("descriptions")}


def sent_content(kind: str, body: dict) -> dict:
    """content() of a request body: what the server must return for it."""
    if kind == "partner-calls":
        return {"organisation": body["organisation"], "titles": body["titles"], "needs": body["needs"],
                "offers": body.get("offers", {})}
    return content(kind, body)


@dataclass
class Record:
    kind: str
    name: str
    acked: dict                                            # the last acknowledged content
    in_flight: list[dict] = field(default_factory=list)    # updates sent but not answered when the server died


class Ledger:
    """What the server acknowledged, and what was in flight (sent, no answer) when it was killed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.records: dict[str, Record] = {}
        self.in_flight_creates: dict[str, dict] = {}       # name → content
        self.acked_creates = self.acked_updates = self.in_flight_updates = 0
        self.errors: list[str] = []                        # unexpected answers before the kill


def is_refused(error: Exception) -> bool:
    """A connection that was never made (the server was already gone): the request was not sent."""
    return "Connection refused" in str(error) or "NewConnectionError" in str(error)


def writer(index: int, base: str, cookies: dict, nicehearts: str, run_tag: str, ledger: Ledger,
           killed: threading.Event, deadline: float, max_ops: int) -> None:
    sessions = {}
    for role, cookie in cookies.items():
        sessions[role] = requests.Session()
        sessions[role].cookies.set(SESSION_COOKIE, cookie)
    rng = random.Random(f"{run_tag}-{index}")
    mine: list[tuple[str, str, int]] = []                  # (kind, id, last version) of this writer's records
    for n in range(max_ops):
        if killed.is_set() or time.monotonic() > deadline:
            return
        if mine and rng.random() < 0.35:                   # an update of one of my records, sequential per record
            slot = rng.randrange(len(mine))
            kind, rid, version = mine[slot]
            name = ledger.records[rid].name
            body = payload(kind, name, version + 1, nicehearts)
            method, url = "PUT", f"{base}{API}/{kind}/{rid}"
        else:
            kind = rng.choice(list(KINDS))
            name = f"{run_tag}-w{index}-{n}"
            body = payload(kind, name, 0, nicehearts)
            method, url, rid = "POST", f"{base}{API}/{kind}", None
        try:
            r = sessions[KINDS[kind]].request(method, url, json=body, timeout=TIMEOUT)
        except requests.RequestException as e:
            with ledger.lock:
                if not killed.is_set():
                    ledger.errors.append(f"{method} {url}: no answer before the kill: {e}")
                elif not is_refused(e):                    # sent; it may or may not have been committed
                    if rid:
                        ledger.records[rid].in_flight.append(sent_content(kind, body))
                        ledger.in_flight_updates += 1
                    else:
                        ledger.in_flight_creates[name] = sent_content(kind, body)
            return
        try:
            answer = r.json()
        except ValueError:
            answer = {}
        with ledger.lock:
            if r.status_code not in (200, 201) or "id" not in answer:
                ledger.errors.append(f"{method} {url}: HTTP {r.status_code} {r.text[:200]}")
                continue
            sent = sent_content(kind, body)
            if rid:
                ledger.records[rid].acked = sent
                ledger.acked_updates += 1
                mine[slot] = (kind, rid, version + 1)
            else:
                rid = answer["id"]
                ledger.records[rid] = Record(kind, name, sent)
                ledger.acked_creates += 1
                mine.append((kind, rid, 0))
            if content(kind, answer) != sent:
                ledger.errors.append(f"{method} {url}: the 2xx answer differs from what was sent: {r.text[:300]}")


def verify(base: str, ledger: Ledger, run_tag: str) -> dict:
    """After the restart: every acknowledged write is there, complete; nothing extra or half-written."""
    found = missing = corrupt = in_flight_committed = in_flight_applied = 0
    problems: list[str] = []
    s = requests.Session()
    for rid, rec in ledger.records.items():
        r = s.get(f"{base}{API}/{rec.kind}/{rid}?lang=fi", timeout=TIMEOUT)
        if r.status_code == 404:
            missing += 1
            problems.append(f"MISSING {rec.kind} {rid} ({rec.name}): acknowledged, 404 after the restart")
            continue
        try:
            got = content(rec.kind, r.json()) if r.status_code == 200 else None
        except ValueError:
            got = None
        if got == rec.acked or got in rec.in_flight:
            found += 1
            in_flight_applied += got != rec.acked
        else:
            corrupt += 1
            problems.append(f"CORRUPT {rec.kind} {rid}: HTTP {r.status_code}, acknowledged {rec.acked}, "
                            f"in flight {rec.in_flight}, got {got if got else r.text[:300]}")
    listed_of_run = 0
    for kind, required in REQUIRED.items():
        r = s.get(f"{base}{API}/{kind}?lang=fi", timeout=TIMEOUT)
        try:
            data = r.json()
            items = data["items"]
            assert r.status_code == 200 and data["count"] == len(items)
        except (ValueError, KeyError, TypeError, AssertionError):
            corrupt += 1
            problems.append(f"CORRUPT list {kind}: HTTP {r.status_code} {r.text[:300]}")
            continue
        for item in items:
            name = (item.get("names") or item.get("translations", {}).get("title") or {}).get("fi", "")
            if not required <= item.keys():
                corrupt += 1
                problems.append(f"CORRUPT listed {kind} {item.get('id')}: lacks {sorted(required - item.keys())}")
            elif s.get(f"{base}{API}/{kind}/{item['id']}?lang=fi", timeout=TIMEOUT).status_code != 200:
                corrupt += 1
                problems.append(f"CORRUPT listed {kind} {item['id']} cannot be read by its id")
            if not name.startswith(run_tag):
                continue
            listed_of_run += 1
            if item.get("id") in ledger.records:
                continue
            if ledger.in_flight_creates.get(name) == content(kind, item):
                in_flight_committed += 1
            else:
                corrupt += 1
                problems.append(f"CORRUPT listed {kind} {item.get('id')} {name!r}: neither acknowledged nor "
                                f"a complete in-flight create: {content(kind, item)}")
    expected_low = ledger.acked_creates
    expected_high = ledger.acked_creates + len(ledger.in_flight_creates)
    if not expected_low <= listed_of_run <= expected_high:
        problems.append(f"COUNT of this run's records listed: {listed_of_run}, "
                        f"expected {expected_low}…{expected_high}")
        corrupt += 1
    return {"found": found, "missing": missing, "corrupt": corrupt, "listed": listed_of_run,
            "in_flight_committed": in_flight_committed, "in_flight_applied": in_flight_applied,
            "problems": problems}


def psql(admin_url: str, sql: str) -> None:
    subprocess.run(["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], check=True, timeout=60,
                   capture_output=True, text=True)


def run_engine(args: argparse.Namespace, engine: str) -> bool:
    run_tag = f"crash-{uuid.uuid4().hex[:8]}"
    database_url = db_name = None
    if engine == "postgres":
        db_name = f"e2e_crash_{uuid.uuid4().hex[:10]}"
        psql(args.postgres_url, f"CREATE DATABASE {db_name}")
        parts = urllib.parse.urlsplit(args.postgres_url)
        database_url = urllib.parse.urlunsplit(parts._replace(path="/" + db_name))
    data_dir = tempfile.mkdtemp(prefix="arrival-crash-")
    server = DemoServer(args.binary, data_dir, OUT / f"crash-{engine}.server.log", database_url)
    print(f"\n== crash safety on {engine}: {server.base}, "
          f"{'database ' + db_name if db_name else 'data in ' + data_dir}, log {server.log_path} ==", flush=True)
    try:
        server.start()
        cookies = {role: sign_in_http(server.base, role).cookies[SESSION_COOKIE] for role in set(KINDS.values())}
        orgs = requests.get(f"{server.base}{API}/organisations?lang=fi", timeout=TIMEOUT).json()["items"]
        nicehearts = next(o["id"] for o in orgs if o["name"] == "Nicehearts ry")
        ledger, killed = Ledger(), threading.Event()
        started = time.monotonic()
        kill_at = args.seconds * random.uniform(0.4, 0.6)
        threads = [threading.Thread(target=writer, daemon=True, args=(
            i, server.base, cookies, nicehearts, run_tag, ledger, killed, started + args.seconds,
            args.max_writes // args.writers)) for i in range(args.writers)]
        for t in threads:
            t.start()
        time.sleep(kill_at)
        with ledger.lock:
            killed.set()
            before_kill = ledger.acked_creates + ledger.acked_updates
        server.kill9()
        kill_at = time.monotonic() - started
        print(f"SIGKILL after {kill_at:.1f} s of load; {before_kill} writes acknowledged so far", flush=True)
        for t in threads:
            t.join(TIMEOUT + 5)
        restart = server.start()
        ready = requests.get(server.base + "/readyz", timeout=5).status_code
        result = verify(server.base, ledger, run_tag)
        alive = server.alive()
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
        if db_name:
            psql(args.postgres_url, f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
    for line in result["problems"][:30] + ledger.errors[:30]:
        print("  " + line)
    for line in server.error_lines()[:10]:
        print("  server log: " + line)
    acked = ledger.acked_creates + ledger.acked_updates
    in_flight = len(ledger.in_flight_creates) + ledger.in_flight_updates
    ok = result["missing"] == 0 and result["corrupt"] == 0 and not ledger.errors and ready == 200 and alive
    print(f"crash safety [{engine}]: {'ok' if ok else 'FAILED'}\n"
          f"  {args.writers} writers, SIGKILL after {kill_at:.1f} s, restart {restart:.1f} s, /readyz {ready}\n"
          f"  writes acknowledged    {acked} ({ledger.acked_creates} creates, {ledger.acked_updates} updates)\n"
          f"  in flight at the kill  {in_flight} ({len(ledger.in_flight_creates)} creates, "
          f"{ledger.in_flight_updates} updates)\n"
          f"  found after restart    {result['found']}/{len(ledger.records)} records as acknowledged "
          f"({result['in_flight_applied']} with an in-flight update applied); {result['listed']} of this run "
          f"listed ({result['in_flight_committed']} in-flight creates committed)\n"
          f"  missing {result['missing']}, corrupt {result['corrupt']}, errors before the kill {len(ledger.errors)}",
          flush=True)
    return ok


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", default=default_binary(), help="server executable (default $ARRIVAL_BIN or "
                   ".build/debug/arrival)")
    p.add_argument("--postgres-url", default=os.environ.get("ARRIVAL_TEST_POSTGRES_URL"),
                   help="a PostgreSQL server URL on which to create and drop a database per run")
    p.add_argument("--engine", choices=["sqlite", "postgres", "both"])
    p.add_argument("--writers", type=int, default=8, help="concurrent writer threads (default 8)")
    p.add_argument("--seconds", type=float, default=6.0, help="planned load; the kill comes at 40–60%% of it")
    p.add_argument("--max-writes", type=int, default=20000, help="upper bound on the writes of a run")
    args = p.parse_args()
    args.engine = args.engine or ("both" if args.postgres_url else "sqlite")
    if args.engine != "sqlite" and not args.postgres_url:
        p.error("--engine postgres needs --postgres-url or ARRIVAL_TEST_POSTGRES_URL")
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    results = {}
    for engine in engines:
        try:
            results[engine] = run_engine(args, engine)
        except Exception as e:  # the server did not come back, a sign-in failed, psql failed…
            print(f"crash safety [{engine}]: FAILED: {type(e).__name__}: {e}", flush=True)
            results[engine] = False
    print("\ncrash safety: " + ", ".join(f"{e} {'ok' if ok else 'FAILED'}" for e, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
