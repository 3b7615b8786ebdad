#!/usr/bin/env -S sh -c 'p="$(dirname "$0")/.venv/bin/python"; [ -x "$p" ] || p=python3; exec "$p" "$0" "$@"'
"""Crash safety: no acknowledged write is lost when the server is killed (DESIGN.md, quality budgets).

Starts `arrival serve --demo` on a fresh database, runs a bounded concurrent load of real writes, and SIGKILLs
the server in the middle of it:

- JSON API: the coordinator POSTs organisations and networks, the organisation editor POSTs partner calls for
  Nicehearts ry, and every writer PUTs a changed version of a record it created earlier;
- HTML forms (crash_forms.py): made-up people register (anonymously, each with their own name and email) for
  the future demo events that take registrations, half of them for the one with the fewest places so that
  its waiting list fills; the organisation editor requests bookings of the bookable places for Nicehearts ry,
  each in its own half hour 60–170 days on, and the place's owner (Nicehearts' editor for its own place) or
  the coordinator confirms some of them; the demo volunteer logs half hours on past days for her active
  engagement (crash_hours.py).

Then it starts the server again on the same database and checks, over HTTP only (and the registrants' emails,
which without SMTP the server prints to its log):

- every create answered 2xx is there, by its id, with exactly the acknowledged content; every update answered
  2xx is there, or a later update of the same record that was in flight at the kill;
- every acknowledged registration is on its event's attendance page with its name and its acknowledged state
  (registered or on the waiting list), and the link emailed for it opens it with that state; per event, the
  registered never exceed the capacity and nobody waits while places are free;
- every acknowledged hours entry is in the volunteer's data export once, with its day and minutes;
- every acknowledged booking request is on its place's page with its time range, organisation and status
  (confirmed when a confirmation was acknowledged); no two confirmed bookings of a place overlap;
- nothing is half-written: /readyz answers 200, every list answers and every listed record is complete and
  readable by its id, and what this run wrote is the acknowledged writes plus at most those that were in
  flight (sent, no answer) at the kill, each complete and there once.

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
from crash_forms import (CITY, CSRF_COOKIE, NICEHEARTS, Booking, Findings, Registration, Slot, SlotPool, Targets,
                         answered_with, booking_form, booking_rows, booking_slots, find_targets, registration_form,
                         registration_outcome, verify_bookings, verify_registrations)
from crash_hours import HoursDays, HoursWrite, active_engagement, hours_acknowledged, hours_form, verify_hours
from demo_server import OUT, DemoServer, default_binary

API = "/api/v1/cities/vantaa"
TIMEOUT = 10
KINDS = {"organisations": "coordinator", "networks": "coordinator", "partner-calls": "organisation-editor"}
# How often each kind of new write is chosen (updates and confirmations of one's own come on top).
OPERATIONS = {"organisations": 1, "networks": 1, "partner-calls": 1, "registrations": 2, "bookings": 2, "hours": 2}
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

    def __init__(self, slots: list[Slot], time_zone: str) -> None:
        self.lock = threading.Lock()
        self.hours: dict[str, HoursWrite] = {}             # note → hours entry, acknowledged or in flight
        self.hours_days = HoursDays(time_zone)
        self.records: dict[str, Record] = {}
        self.in_flight_creates: dict[str, dict] = {}       # name → content
        self.acked_creates = self.acked_updates = self.in_flight_updates = 0
        self.registrations: dict[str, Registration] = {}   # email → registration, acknowledged or in flight
        self.bookings: dict[Slot, Booking] = {}            # acknowledged or in-flight booking requests
        self.slots = SlotPool(slots)
        self.errors: list[str] = []                        # unexpected answers before the kill

    def tally(self) -> dict[str, tuple[int, int]]:
        """Per kind of write: (acknowledged, in flight at the kill)."""
        registrations = self.registrations.values()
        bookings = self.bookings.values()
        return {
            "records created": (self.acked_creates, len(self.in_flight_creates)),
            "records updated": (self.acked_updates, self.in_flight_updates),
            "registrations": (sum(r.acked is not None for r in registrations),
                              sum(r.acked is None for r in registrations)),
            "booking requests": (sum(b.acked for b in bookings), sum(not b.acked for b in bookings)),
            "confirmations": (sum(b.confirmation == "acked" for b in bookings),
                              sum(b.confirmation == "in flight" for b in bookings)),
            "volunteer hours": (sum(h.acked for h in self.hours.values()),
                                sum(not h.acked for h in self.hours.values())),
        }


def is_refused(error: Exception) -> bool:
    """A connection that was never made (the server was already gone): the request was not sent."""
    return "Connection refused" in str(error) or "NewConnectionError" in str(error)


@dataclass
class Load:
    """What every writer shares: where, as whom (role → cookies; "anonymous" has only the CSRF cookie), at
    what, for how long."""
    base: str
    cookies: dict[str, dict[str, str]]
    targets: Targets
    engagement: str | None                                 # the volunteer's active engagement, for hours
    run_tag: str
    ledger: Ledger
    killed: threading.Event
    deadline: float
    max_ops: int


class Writer:
    """One thread of the load: new records, registrations and booking requests, updates of its own records
    and confirmations of its own bookings, one at a time, until the kill, the deadline or max_ops."""

    def __init__(self, index: int, load: Load) -> None:
        self.index, self.load, self.ledger = index, load, load.ledger
        self.sessions = {}
        for role, cookies in load.cookies.items():
            self.sessions[role] = requests.Session()
            for name, value in cookies.items():
                self.sessions[role].cookies.set(name, value)
        self.rng = random.Random(f"{load.run_tag}-{index}")
        self.mine: list[tuple[str, str, int]] = []         # (kind, id, last version) of this writer's records
        self.unconfirmed: list[Booking] = []               # this writer's acknowledged booking requests

    def run(self) -> None:
        for n in range(self.load.max_ops):
            if self.load.killed.is_set() or time.monotonic() > self.load.deadline:
                return
            if not self.step(n):
                return

    def step(self, n: int) -> bool:
        """One write; False when it got no answer (the server is gone)."""
        if self.mine and self.rng.random() < 0.35:         # an update of one of my records, sequential per record
            return self.update_record()
        if self.unconfirmed and self.rng.random() < 0.25:
            return self.confirm_booking()
        kind = self.rng.choices(list(OPERATIONS), weights=list(OPERATIONS.values()))[0]
        if kind == "registrations" and self.load.targets.events:
            return self.register(n)
        if kind == "bookings":
            slot = self.ledger.slots.take()
            if slot:
                return self.request_booking(slot)
        if kind == "hours" and self.load.engagement:
            return self.log_hours(n)
        if kind not in KINDS:                              # no event or no free slot left: a record instead
            kind = self.rng.choice(list(KINDS))
        return self.create_record(kind, n)

    def send(self, role: str, method: str, url: str, in_flight, **kwargs) -> requests.Response | None:
        """The answer, or None when there was none; then `in_flight()` records the write if it was sent after
        the kill, and an answer missing before the kill is an error."""
        try:
            return self.sessions[role].request(method, url, timeout=TIMEOUT, allow_redirects=False, **kwargs)
        except requests.RequestException as e:
            with self.ledger.lock:
                if not self.load.killed.is_set():
                    self.ledger.errors.append(f"{method} {url}: no answer before the kill: {e}")
                elif not is_refused(e):                    # sent; it may or may not have been committed
                    in_flight()
            return None

    def error(self, message: str) -> None:
        with self.ledger.lock:
            self.ledger.errors.append(message)

    def csrf(self, role: str) -> str:
        return self.sessions[role].cookies[CSRF_COOKIE]

    def create_record(self, kind: str, n: int) -> bool:
        name = f"{self.load.run_tag}-w{self.index}-{n}"
        body = payload(kind, name, 0, self.load.targets.nicehearts)
        sent = sent_content(kind, body)
        url = f"{self.load.base}{API}/{kind}"
        r = self.send(KINDS[kind], "POST", url, lambda: self.ledger.in_flight_creates.update({name: sent}),
                      json=body)
        if r is None:
            return False
        answer = json_or_empty(r)
        with self.ledger.lock:
            if r.status_code not in (200, 201) or "id" not in answer:
                self.ledger.errors.append(f"POST {url}: HTTP {r.status_code} {r.text[:200]}")
                return True
            self.ledger.records[answer["id"]] = Record(kind, name, sent)
            self.ledger.acked_creates += 1
            self.mine.append((kind, answer["id"], 0))
            if content(kind, answer) != sent:
                self.ledger.errors.append(f"POST {url}: the 2xx answer differs from what was sent: {r.text[:300]}")
        return True

    def update_record(self) -> bool:
        slot = self.rng.randrange(len(self.mine))
        kind, rid, version = self.mine[slot]
        record = self.ledger.records[rid]
        body = payload(kind, record.name, version + 1, self.load.targets.nicehearts)
        sent = sent_content(kind, body)
        url = f"{self.load.base}{API}/{kind}/{rid}"

        def in_flight() -> None:
            record.in_flight.append(sent)
            self.ledger.in_flight_updates += 1

        r = self.send(KINDS[kind], "PUT", url, in_flight, json=body)
        if r is None:
            return False
        answer = json_or_empty(r)
        with self.ledger.lock:
            if r.status_code not in (200, 201) or "id" not in answer:
                self.ledger.errors.append(f"PUT {url}: HTTP {r.status_code} {r.text[:200]}")
                return True
            record.acked = sent
            self.ledger.acked_updates += 1
            self.mine[slot] = (kind, rid, version + 1)
            if content(kind, answer) != sent:
                self.ledger.errors.append(f"PUT {url}: the 2xx answer differs from what was sent: {r.text[:300]}")
        return True

    def register(self, n: int) -> bool:
        """A made-up person registers for an event, anonymously, through the event page's form."""
        event = self.pick_event()
        person = f"{self.load.run_tag}-w{self.index}-{n}"
        registration = Registration(event, name=f"{person} Åsa Öberg سارة", email=f"{person}@example.org")
        url = f"{self.load.base}{CITY}/events/{event}/registrations"
        r = self.send("anonymous", "POST", url,
                      lambda: self.ledger.registrations.update({registration.email: registration}),
                      data=registration_form(registration, self.csrf("anonymous")))
        if r is None:
            return False
        outcome = registration_outcome(r, event)
        if outcome is None:
            self.error(f"POST {url}: HTTP {r.status_code} {r.headers.get('location')} {r.text[:200]}")
            return True
        with self.ledger.lock:
            registration.acked = outcome
            self.ledger.registrations[registration.email] = registration
        return True

    def log_hours(self, n: int) -> bool:
        """The demo volunteer logs half an hour on a past day for her active engagement, through her page's form."""
        write = HoursWrite(note=f"{self.load.run_tag}-w{self.index}-{n}", day=self.ledger.hours_days.take())
        url = f"{self.load.base}{CITY}/volunteer/applications/{self.load.engagement}/hours"
        r = self.send("volunteer", "POST", url, lambda: self.ledger.hours.update({write.note: write}),
                      data=hours_form(write, self.csrf("volunteer")))
        if r is None:
            return False
        if not hours_acknowledged(r):
            self.error(f"POST {url} {write.day}: HTTP {r.status_code} {r.headers.get('location')} {r.text[:200]}")
            return True
        with self.ledger.lock:
            write.acked = True
            self.ledger.hours[write.note] = write
        return True

    def pick_event(self) -> str:
        """Half of the registrations go to the event with the fewest places, so that it fills during the load
        and its waiting list is used."""
        events = self.load.targets.events
        if self.rng.random() < 0.5:
            return min(events, key=lambda e: events[e] if events[e] is not None else sys.maxsize)
        return self.rng.choice(list(events))

    def request_booking(self, slot: Slot) -> bool:
        """The organisation editor requests the slot for Nicehearts ry through the place page's form."""
        booking = Booking(slot, NICEHEARTS)
        url = f"{self.load.base}{CITY}/places/{slot.place}/bookings"
        form = booking_form(slot, self.load.targets.nicehearts, self.csrf("organisation-editor"),
                            purpose=f"{self.load.run_tag} {slot.period}")
        r = self.send("organisation-editor", "POST", url, lambda: self.ledger.bookings.update({slot: booking}),
                      data=form)
        if r is None:
            return False
        if not answered_with(r, slot.place, "directory.bookings.flash.requested"):
            self.error(f"POST {url} {slot.period}: HTTP {r.status_code} {r.headers.get('location')} {r.text[:200]}")
            return True
        with self.ledger.lock:
            booking.acked = True
            self.ledger.bookings[slot] = booking
        self.unconfirmed.append(booking)
        return True

    def confirm_booking(self) -> bool:
        """The place's owner (Nicehearts' editor for its own place) or else the coordinator finds one of this
        writer's requests on the place page and confirms it."""
        booking = self.unconfirmed.pop(self.rng.randrange(len(self.unconfirmed)))
        slot = booking.slot
        role = "organisation-editor" if self.load.targets.places[slot.place] == self.load.targets.nicehearts \
            else "coordinator"
        page = self.send(role, "GET", f"{self.load.base}{CITY}/places/{slot.place}?lang=en", lambda: None)
        if page is None:
            return False
        row = next((row for row in booking_rows(page.text) if row.period == slot.period), None)
        if row is None or row.status != "requested" or row.id is None:
            self.error(f"GET place {slot.place} as {role}: acknowledged request {slot.period} shown as {row}")
            return True

        def in_flight() -> None:
            booking.confirmation = "in flight"

        url = f"{self.load.base}{CITY}/bookings/{row.id}/confirm"
        r = self.send(role, "POST", url, in_flight, data={"_csrf": self.csrf(role)})
        if r is None:
            return False
        if not answered_with(r, slot.place, "directory.bookings.flash.confirmed"):
            self.error(f"POST {url} {slot.period}: HTTP {r.status_code} {r.headers.get('location')} {r.text[:200]}")
            return True
        with self.ledger.lock:
            booking.confirmation = "acked"
        return True


def json_or_empty(response: requests.Response) -> dict:
    try:
        return response.json()
    except ValueError:
        return {}


def verify_records(base: str, ledger: Ledger, run_tag: str) -> Findings:
    """After the restart: every acknowledged write is there, complete; nothing extra or half-written."""
    f = Findings("records", expected=len(ledger.records))
    in_flight_applied = 0
    s = requests.Session()
    for rid, rec in ledger.records.items():
        r = s.get(f"{base}{API}/{rec.kind}/{rid}?lang=fi", timeout=TIMEOUT)
        if r.status_code == 404:
            f.lost(f"{rec.kind} {rid} ({rec.name}): acknowledged, 404 after the restart")
            continue
        try:
            got = content(rec.kind, r.json()) if r.status_code == 200 else None
        except ValueError:
            got = None
        if got == rec.acked or got in rec.in_flight:
            f.found += 1
            in_flight_applied += got != rec.acked
        else:
            f.bad(f"{rec.kind} {rid}: HTTP {r.status_code}, acknowledged {rec.acked}, in flight {rec.in_flight}, "
                  f"got {got if got else r.text[:300]}")
    listed_of_run = 0
    for kind, required in REQUIRED.items():
        r = s.get(f"{base}{API}/{kind}?lang=fi", timeout=TIMEOUT)
        try:
            data = r.json()
            items = data["items"]
            assert r.status_code == 200 and data["count"] == len(items)
        except (ValueError, KeyError, TypeError, AssertionError):
            f.bad(f"list {kind}: HTTP {r.status_code} {r.text[:300]}")
            continue
        for item in items:
            name = (item.get("names") or item.get("translations", {}).get("title") or {}).get("fi", "")
            if not required <= item.keys():
                f.bad(f"listed {kind} {item.get('id')}: lacks {sorted(required - item.keys())}")
            elif s.get(f"{base}{API}/{kind}/{item['id']}?lang=fi", timeout=TIMEOUT).status_code != 200:
                f.bad(f"listed {kind} {item['id']} cannot be read by its id")
            if not name.startswith(run_tag):
                continue
            listed_of_run += 1
            if item.get("id") in ledger.records:
                continue
            if ledger.in_flight_creates.get(name) == content(kind, item):
                f.in_flight_committed += 1
            else:
                f.bad(f"listed {kind} {item.get('id')} {name!r}: neither acknowledged nor a complete in-flight "
                      f"create: {content(kind, item)}")
    expected_low = ledger.acked_creates
    expected_high = ledger.acked_creates + len(ledger.in_flight_creates)
    if not expected_low <= listed_of_run <= expected_high:
        f.bad(f"COUNT of this run's records listed: {listed_of_run}, expected {expected_low}…{expected_high}")
    f.detail = f"{in_flight_applied} with an in-flight update applied, {listed_of_run} of this run listed"
    return f


def session_with(cookies: dict[str, str]) -> requests.Session:
    session = requests.Session()
    for name, value in cookies.items():
        session.cookies.set(name, value)
    return session


def psql(admin_url: str, sql: str) -> None:
    subprocess.run(["psql", admin_url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], check=True, timeout=60,
                   capture_output=True, text=True)


def role_cookies(base: str) -> dict[str, dict[str, str]]:
    """The session and CSRF cookies of each signing-in role, and a CSRF cookie (set by any page) for
    anonymous registrants."""
    cookies = {}
    for role in ("coordinator", "organisation-editor", "volunteer"):
        jar = sign_in_http(base, role).cookies
        cookies[role] = {SESSION_COOKIE: jar[SESSION_COOKIE], CSRF_COOKIE: jar[CSRF_COOKIE]}
    cookies["anonymous"] = {CSRF_COOKIE: requests.get(base + CITY, timeout=TIMEOUT).cookies[CSRF_COOKIE]}
    return cookies


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
        targets = find_targets(server.base, API, TIMEOUT)
        slots = booking_slots(server.base, API, targets, TIMEOUT)
        random.Random(run_tag).shuffle(slots)
        print(f"registrations for {len(targets.events)} events (capacities "
              f"{', '.join(str(c) for c in targets.events.values())}); {len(slots)} booking slots at "
              f"{len(targets.places)} bookable places", flush=True)
        ledger, killed = Ledger(slots, targets.time_zone), threading.Event()
        cookies = role_cookies(server.base)
        engagement = active_engagement(server.base, session_with(cookies["volunteer"]), TIMEOUT)
        started = time.monotonic()
        load = Load(server.base, cookies, targets, engagement, run_tag, ledger, killed,
                    started + args.seconds, args.max_writes // args.writers)
        kill_at = args.seconds * random.uniform(0.4, 0.6)
        threads = [threading.Thread(target=Writer(i, load).run, daemon=True) for i in range(args.writers)]
        for t in threads:
            t.start()
        time.sleep(kill_at)
        with ledger.lock:
            killed.set()
            before_kill = sum(acked for acked, _ in ledger.tally().values())
        server.kill9()
        kill_at = time.monotonic() - started
        print(f"SIGKILL after {kill_at:.1f} s of load; {before_kill} writes acknowledged so far", flush=True)
        for t in threads:
            t.join(TIMEOUT + 5)
        restart = server.start()
        ready = requests.get(server.base + "/readyz", timeout=5).status_code
        coordinator = sign_in_http(server.base, "coordinator")
        findings = [
            verify_records(server.base, ledger, run_tag),
            verify_registrations(server.base, ledger.registrations, targets, run_tag, coordinator,
                                 server.log_path, TIMEOUT),
            verify_bookings(server.base, ledger.bookings, targets, coordinator, TIMEOUT),
            verify_hours(server.base, sign_in_http(server.base, "volunteer"), ledger.hours, run_tag, TIMEOUT),
        ]
        alive = server.alive()
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
        if db_name:
            psql(args.postgres_url, f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
    problems = [line for f in findings for line in f.problems]
    for line in problems[:30] + ledger.errors[:30]:
        print("  " + line)
    for line in server.error_lines()[:10]:
        print("  server log: " + line)
    ok = not problems and not ledger.errors and ready == 200 and alive
    print(summary(engine, ok, args.writers, kill_at, restart, ready, ledger, findings), flush=True)
    return ok


def summary(engine: str, ok: bool, writers: int, kill_at: float, restart: float, ready: int, ledger: Ledger,
            findings: list[Findings]) -> str:
    waiting = sum(r.acked == "waitlisted" for r in ledger.registrations.values())
    lines = [f"crash safety [{engine}]: {'ok' if ok else 'FAILED'}",
             f"  {writers} writers, SIGKILL after {kill_at:.1f} s, restart {restart:.1f} s, /readyz {ready}",
             f"  {'writes':<18}{'acknowledged':>14}{'in flight at the kill':>24}"]
    for kind, (acked, in_flight) in ledger.tally().items():
        note = f" ({waiting} waiting)" if kind == "registrations" else ""
        lines.append(f"  {kind:<18}{str(acked) + note:>14}{in_flight:>24}")
    lines.append(f"  {'after restart':<18}{'found':>14}{'in flight committed':>24}{'missing':>9}{'corrupt':>9}")
    for f in findings:
        lines.append(f"  {f.kind:<18}{f'{f.found}/{f.expected}':>14}{f.in_flight_committed:>24}{f.missing:>9}"
                     f"{f.corrupt:>9}" + (f"  ({f.detail})" if f.detail else ""))
    lines.append(f"  missing {sum(f.missing for f in findings)}, corrupt {sum(f.corrupt for f in findings)}, "
                 f"errors before the kill {len(ledger.errors)}")
    return "\n".join(lines)


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
