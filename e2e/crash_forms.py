"""The HTML form writes of crash_safety.py: registrations for events and bookings of places.

Neither has a JSON API, so they go through the same forms a browser posts (the `_csrf` field equal to the
`arrival_csrf` cookie that any page sets), and their answers are redirects with a flash key in the
`arrival_flash` cookie. What the server keeps is read back through the pages that show it:

- a registration answers 303 to its event with the flash `…registered` or `…waitlisted`, and nothing that
  names it; its own page (`/:city/registrations/:token`) is behind the link emailed to the registrant. Without
  SMTP the server "delivers" that email by printing it to its log, so the log is the registrants' mailbox
  here. The registrant's name and email are on the event's attendance page (organisers, e.g. coordinators);
- a booking request answers 303 to its place with the flash `…requested`, no id either; the place's page shows
  its coming bookings (the next 180 days), with the booking id in the confirm form, to the place's deciders
  (the owner's editors, coordinators).
"""

from __future__ import annotations

import datetime
import html
import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import requests

from demo_server import HERE

CITY = "/vantaa"
CSRF_COOKIE = "arrival_csrf"
FLASH_COOKIE = "arrival_flash"
NICEHEARTS = "Nicehearts ry"        # the organisation the demo's organisation editor edits, and books for
TEXTS = json.loads((HERE.parent / "Sources/Web/Resources/locales/en.json").read_text())  # pages read with lang=en
# Booking days: after the demo's own bookings (up to 30 days on), before the place page's horizon (180 days on).
BOOKING_DAYS = range(60, 171)
SLOT_MINUTES = 30
DAY_CODES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
TOKEN = re.compile(r"/registrations/([A-Za-z0-9_-]{43})")


@dataclass(frozen=True)
class Slot:
    """A time range of one place, in the city's time zone, that no other slot of the run overlaps."""
    place: str
    day: str       # YYYY-MM-DD
    start: str     # HH:MM
    end: str

    @property
    def period(self) -> str:
        """How the place page writes it."""
        return f"{self.day} {self.start}–{self.end}"


@dataclass
class Registration:
    event: str
    name: str
    email: str
    acked: str | None = None        # "registered" or "waitlisted" as answered; None: in flight at the kill


@dataclass
class Booking:
    slot: Slot
    organisation: str               # the name the place page shows for the booking organisation
    acked: bool = False             # the request was answered; False: in flight at the kill
    confirmation: str = ""          # "acked", "in flight", or "" when none was sent


@dataclass
class Targets:
    """What the form writes aim at, read from the API before the load."""
    events: dict[str, int | None]   # event id → capacity: future published demo events taking registrations
    places: dict[str, str | None]   # bookable place id → owner id
    nicehearts: str                 # the organisation the organisation editor books for
    time_zone: str                  # the city's, in which bookings are typed and shown


@dataclass
class Findings:
    """What one kind's check after the restart found."""
    kind: str
    found: int = 0
    expected: int = 0
    missing: int = 0
    corrupt: int = 0
    in_flight_committed: int = 0
    problems: list[str] = field(default_factory=list)
    detail: str = ""                # what else the summary says about this kind

    def lost(self, message: str) -> None:
        self.missing += 1
        self.problems.append(f"MISSING {self.kind}: {message}")

    def bad(self, message: str) -> None:
        self.corrupt += 1
        self.problems.append(f"CORRUPT {self.kind}: {message}")


def find_targets(base: str, api: str, timeout: float) -> Targets:
    """The events, places and organisation of the demo city the form writes use, from its JSON API."""
    orgs = requests.get(f"{base}{api}/organisations?lang=fi&limit=500", timeout=timeout).json()["items"]
    events = requests.get(f"{base}{api}/events?lang=fi&limit=100", timeout=timeout).json()["items"]
    places = requests.get(f"{base}{api}/places?lang=fi&limit=100", timeout=timeout).json()["items"]
    city = requests.get(f"{base}{api}", timeout=timeout).json()
    soon = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
    return Targets(
        events={e["id"]: e.get("capacity") for e in events if e["registration"] and e["status"] == "published"
                and datetime.datetime.fromisoformat(e["start"].replace("Z", "+00:00")) > soon},
        places={p["id"]: p.get("owner") for p in places if p["bookable"]},
        nicehearts=next(o["id"] for o in orgs if o["name"] == NICEHEARTS), time_zone=city["timeZone"])


def booking_slots(base: str, api: str, targets: Targets, timeout: float) -> list[Slot]:
    """Every SLOT_MINUTES slot in the opening hours of the bookable places on BOOKING_DAYS (the days on which the
    city's clocks change included: a booking's time is the clock on its day)."""
    zone = ZoneInfo(targets.time_zone)
    today = datetime.datetime.now(zone).date()
    slots = []
    for place in targets.places:
        hours = requests.get(f"{base}{api}/places/{place}", timeout=timeout).json()["hours"]
        weekly = weekly_spans(hours["weekly"])
        if hours["appointmentOnly"] or not (weekly or hours["exceptions"]):
            weekly = {day: [(9 * 60, 17 * 60)] for day in range(1, 8)}    # always bookable: office hours
        exceptions = {rule.split()[0] for rule in hours["exceptions"].split(";") if rule.strip()}
        for offset in BOOKING_DAYS:
            day = today + datetime.timedelta(days=offset)
            if day.isoformat() in exceptions:
                continue
            for start, end in weekly.get(day.isoweekday(), []):
                # Away from midnight, which a place page writes as 00:00 of the next day.
                minute = max(start, 6 * 60)
                while minute + SLOT_MINUTES <= min(end, 23 * 60):
                    slots.append(Slot(place, day.isoformat(), clock(minute), clock(minute + SLOT_MINUTES)))
                    minute += SLOT_MINUTES
    return slots


def weekly_spans(text: str) -> dict[int, list[tuple[int, int]]]:
    """OpeningHours.weeklyText ("Mo-Fr 10:00-21:00; Su 12:00-18:00") as ISO weekday → [(from, until)] minutes."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for rule in filter(None, (r.strip() for r in text.split(";"))):
        days, _, times = rule.partition(" ")
        for group in days.split(","):
            first, _, last = group.partition("-")
            for day in range(DAY_CODES.index(first) + 1, DAY_CODES.index(last or first) + 2):
                for span in times.replace(" ", "").split(","):
                    start, end = span.split("-")
                    spans.setdefault(day, []).append((minutes(start), minutes(end)))
    return spans


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


def clock(value: int) -> str:
    return f"{value // 60:02d}:{value % 60:02d}"


def flash(response: requests.Response) -> str:
    """The flash key a redirect sets ("" when none)."""
    return response.cookies.get(FLASH_COOKIE) or ""


def registration_form(registration: Registration, csrf: str) -> dict:
    return {"_csrf": csrf, "name": registration.name, "email": registration.email, "consent": "yes"}


def registration_outcome(response: requests.Response, event: str) -> str | None:
    """"registered" or "waitlisted" when the answer is the success redirect to the event, else None."""
    outcome = flash(response).removeprefix("directory.events.flash.")
    if response.status_code == 303 and response.headers.get("location") == f"{CITY}/events/{event}" \
            and outcome in ("registered", "waitlisted"):
        return outcome
    return None


def booking_form(slot: Slot, organisation: str, csrf: str, purpose: str) -> dict:
    return {"_csrf": csrf, "organisation": organisation, "day": slot.day, "from": slot.start, "until": slot.end,
            "purpose": purpose}


def answered_with(response: requests.Response, place: str, flash_key: str) -> bool:
    """Whether a booking form was answered with the success redirect to its place."""
    return response.status_code == 303 and response.headers.get("location") == f"{CITY}/places/{place}" \
        and flash(response) == flash_key


# Reading back, through the pages ---------------------------------------------------------------------------

@dataclass
class BookingRow:
    period: str
    organisation: str
    status: str                     # requested, confirmed (the statuses a place page shows)
    id: str | None                  # from the row's forms, when the reader may decide or cancel


STATUS_OF_TEXT = {TEXTS[f"directory.bookings.status.{s}"]: s for s in ("requested", "confirmed", "declined",
                                                                         "cancelled")}
ROW = re.compile(r"<tr><td>([^<]*)</td><td>(.*?)</td><td>([^<]*)(.*?)</td></tr>", re.S)


def booking_rows(page: str) -> list[BookingRow]:
    """The "Coming bookings" table of a place page read with lang=en."""
    section = page.partition('id="bookings-heading"')[2].partition("</section>")[0]
    rows = []
    for period, who, status, forms in ROW.findall(section):
        booking = re.search(r"/bookings/([0-9a-fA-F-]{36})/", forms)
        rows.append(BookingRow(html.unescape(period), html.unescape(re.sub(r"<[^>]+>", "", who)),
                               STATUS_OF_TEXT.get(html.unescape(status).strip(), f"?{status}"),
                               booking.group(1) if booking else None))
    return rows


def row_interval(period: str) -> tuple[datetime.datetime, datetime.datetime]:
    """"2027-03-01 12:00–13:00" as (start, end); an end at or before the start is on the next day."""
    day_and_start, _, end = period.partition("–")
    start = datetime.datetime.strptime(day_and_start, "%Y-%m-%d %H:%M")
    finish = datetime.datetime.combine(start.date(), datetime.datetime.strptime(end, "%H:%M").time())
    return start, finish if finish > start else finish + datetime.timedelta(days=1)


def registrants(page: str) -> list[tuple[str, str, str]]:
    """(name, email, status) of the active registrations an event's attendance page (lang=en) lists."""
    waiting = " – " + TEXTS["directory.events.waitlisted"]
    found = []
    for label in re.findall(r'<label for="field-attended-\d+">(.*?)</label>', page, re.S):
        text = html.unescape(label)
        status = "waitlisted" if text.endswith(waiting) else "registered"
        match = re.fullmatch(r"(.*) <([^<>]*)>", text.removesuffix(waiting), re.S)
        found.append((match.group(1), match.group(2), status) if match else (text, "", "?"))
    return found


def emailed_tokens(log_path: Path) -> dict[str, set[str]]:
    """Email address → the registration tokens sent to it, from the outbox messages the server printed."""
    tokens: dict[str, set[str]] = {}
    for line in log_path.read_text(errors="replace").splitlines():
        if 'msg="outbox message"' not in line:
            continue
        token, to = TOKEN.search(line), re.search(r'\sto="?([^"\s]+)"?\s*$', line)
        if token and to:
            tokens.setdefault(to.group(1), set()).add(token.group(1))
    return tokens


def wait_for_emails(log_path: Path, emails: set[str], quiet: float = 8.0, cap: float = 120.0) -> dict[str, set[str]]:
    """The delivery loop prints at most 50 queued messages every 2 s: wait until all of `emails` have theirs,
    or no new one came for `quiet` seconds, or `cap` seconds have passed."""
    started = last_progress = time.monotonic()
    seen = -1
    while True:
        tokens = emailed_tokens(log_path)
        have = len(emails & tokens.keys())
        if have == len(emails):
            return tokens
        if have != seen:
            seen, last_progress = have, time.monotonic()
        if time.monotonic() - last_progress > quiet or time.monotonic() - started > cap:
            return tokens
        time.sleep(0.5)


def verify_registrations(base: str, registrations: dict[str, Registration], targets: Targets, run_tag: str,
                         coordinator: requests.Session, log_path: Path, timeout: float) -> Findings:
    """Every acknowledged registration is on its event's attendance page with its name and acknowledged
    status, and its emailed link opens it with that status; this run's registrations listed are acknowledged
    or in flight; per event, the registered never exceed the capacity and nobody waits while places are free."""
    f = Findings("registrations", expected=sum(r.acked is not None for r in registrations.values()))
    listed: dict[str, tuple[str, str, str]] = {}           # email → (event, name, status)
    fill: list[str] = []                                   # per event: registered/capacity (+waiting)
    for event, capacity in targets.events.items():
        r = coordinator.get(f"{base}{CITY}/events/{event}/attendance?lang=en", timeout=timeout)
        if r.status_code != 200:
            f.bad(f"attendance page of event {event}: HTTP {r.status_code}")
            continue
        entries = registrants(r.text)
        for name, email, status in entries:
            if email in listed:
                f.bad(f"{email} listed twice")
            listed[email] = (event, name, status)
            if email.startswith(run_tag) and email not in registrations:
                f.bad(f"{email} ({status}) at event {event}: neither acknowledged nor in flight")
        held = sum(status == "registered" for _, _, status in entries)
        waiting = sum(status == "waitlisted" for _, _, status in entries)
        if any(status == "?" for _, _, status in entries):
            f.bad(f"event {event}: unreadable attendance entries")
        fill.append(f"{held}/{capacity if capacity is not None else '∞'}" + (f" (+{waiting})" if waiting else ""))
        if capacity is not None and held > capacity:
            f.bad(f"event {event}: {held} registered, capacity {capacity}")
        if capacity is not None and waiting and held < capacity:
            f.bad(f"event {event}: {waiting} on the waiting list while {capacity - held} places are free")
        if capacity is None and waiting:
            f.bad(f"event {event}: {waiting} on the waiting list of an event without a capacity")
    committed = {email for email, reg in registrations.items() if reg.acked is None and email in listed}
    tokens = wait_for_emails(log_path, {e for e, reg in registrations.items() if reg.acked} | committed)
    for email, reg in registrations.items():
        entry = listed.get(email)
        if reg.acked is None and entry is None:
            continue                                       # in flight and not committed: fine
        if entry is None:
            f.lost(f"{email} ({reg.acked}) is not on the attendance page of event {reg.event}")
            continue
        if entry[:2] != (reg.event, reg.name) or (reg.acked and entry[2] != reg.acked):
            f.bad(f"{email}: acknowledged {(reg.event, reg.name, reg.acked)}, listed {entry}")
            continue
        sent = tokens.get(email, set())
        if not sent and reg.acked:
            f.lost(f"{email} ({reg.acked}): acknowledged, listed, but no link was ever emailed for it")
            continue
        if not sent:
            # The registration and its email are written one after the other, not in one transaction.
            f.bad(f"half-written: {email} was in flight at the kill and is now {entry[2]} at event {reg.event}, "
                  f"but no link was ever emailed for it (and registering again is refused as a duplicate)")
            continue
        if len(sent) > 1:
            f.bad(f"{email} ({entry[2]}): {len(sent)} different registration links emailed")
            continue
        r = requests.get(f"{base}{CITY}/registrations/{next(iter(sent))}?lang=en", timeout=timeout)
        if r.status_code == 404:
            f.lost(f"{email}: its emailed link answers 404")
            continue
        text = html.unescape(r.text)
        if r.status_code != 200 or f'href="{CITY}/events/{reg.event}"' not in r.text \
                or TEXTS[f"directory.events.registration_status.{entry[2]}"] not in text:
            f.bad(f"{email}: its registration page (HTTP {r.status_code}) does not show event {reg.event} "
                  f"and status {entry[2]}")
            continue
        if reg.acked:
            f.found += 1
        else:
            f.in_flight_committed += 1
    f.detail = "registered/capacity (+waiting) per event: " + ", ".join(fill)
    return f


def verify_bookings(base: str, bookings: dict[Slot, Booking], targets: Targets, coordinator: requests.Session,
                    timeout: float) -> Findings:
    """Every acknowledged request is on its place page (read by a coordinator, who sees all requests) with its
    time range, organisation and status (confirmed when a confirmation was acknowledged); the run's bookings
    shown are acknowledged or in flight, each once; no two confirmed bookings of a place overlap."""
    f = Findings("bookings", expected=sum(b.acked for b in bookings.values()))
    today = datetime.datetime.now(ZoneInfo(targets.time_zone)).date()
    first_day = (today + datetime.timedelta(days=BOOKING_DAYS[0])).isoformat()
    shown_confirmed = confirmed_in_flight = 0
    for place in targets.places:
        r = coordinator.get(f"{base}{CITY}/places/{place}?lang=en", timeout=timeout)
        if r.status_code != 200:
            f.bad(f"place page {place}: HTTP {r.status_code}")
            continue
        rows = booking_rows(r.text)
        shown: dict[str, list[BookingRow]] = {}
        for row in rows:
            shown.setdefault(row.period, []).append(row)
            if row.status.startswith("?"):
                f.bad(f"place {place} {row.period}: unreadable status {row.status[1:]!r}")
        mine = {slot.period: booking for slot, booking in bookings.items() if slot.place == place}
        for period, same in shown.items():
            if period >= first_day and period not in mine:
                f.bad(f"place {place} {period}: shown, neither acknowledged nor in flight ({same[0].status})")
            elif len(same) > 1 and period in mine:
                f.bad(f"place {place} {period}: shown {len(same)} times")
        for period, booking in mine.items():
            row = shown.get(period, [None])[0]
            if row is None:
                if booking.acked:
                    f.lost(f"place {place} {period}: acknowledged request not shown")
                continue
            allowed = {"acked": {"confirmed"}, "in flight": {"requested", "confirmed"}}.get(
                booking.confirmation, {"requested"})
            if row.organisation != booking.organisation or row.status not in allowed:
                f.bad(f"place {place} {period}: expected {booking.organisation}, {' or '.join(sorted(allowed))}; "
                      f"shown {row.organisation}, {row.status}")
            elif booking.acked:
                f.found += 1
                confirmed_in_flight += booking.confirmation == "in flight" and row.status == "confirmed"
            else:
                f.in_flight_committed += 1
        confirmed = sorted(row_interval(row.period) for row in rows if row.status == "confirmed")
        for (_, end), (start, _) in zip(confirmed, confirmed[1:]):
            if start < end:
                f.bad(f"place {place}: confirmed bookings overlap at {start:%Y-%m-%d %H:%M}")
        shown_confirmed += len(confirmed)
    f.detail = (f"{confirmed_in_flight} in-flight confirmations applied; {shown_confirmed} confirmed bookings shown "
                f"at {len(targets.places)} places, none may overlap")
    return f


class SlotPool:
    """Hands out the run's booking slots, each once, to the writers."""

    def __init__(self, slots: list[Slot]) -> None:
        self.lock = threading.Lock()
        self.slots = slots

    def take(self) -> Slot | None:
        with self.lock:
            return self.slots.pop() if self.slots else None
