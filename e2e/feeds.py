"""Feeds: the calendar and map feeds of a running demo server, read with parsers this project did not write
(icalendar, recurring_ical_events) the way calendar and map applications read them.

A canary first: a weekly event pinned to UTC must fail the local-time check. Then: /vantaa/activities.ics
parses as iCalendar (VERSION 2.0, PRODID, a VTIMEZONE Europe/Helsinki with STANDARD and DAYLIGHT observances
that agree with the tz database), every VEVENT has a unique UID, DTSTAMP, DTSTART in Europe/Helsinki and
SUMMARY, and at least one recurs (RRULE); the weekly "Kielikahvila Tikkurilassa" expanded over the change from
summer to winter time on 25 October 2026 starts at 17:30 local time on both sides (14:30 UTC, then 15:30 UTC);
one activity's own calendar.ics holds exactly that one VEVENT; the feeds and an API list answer 304 to
If-None-Match with their ETag; /api/v1/cities/vantaa/places.geojson is an RFC 7946 FeatureCollection of
Points at [longitude, latitude] inside Vantaa.

Usage: python feeds.py --base http://127.0.0.1:PORT
Exit status: 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import sys
import time
from collections import Counter
from zoneinfo import ZoneInfo

import icalendar
import requests

try:  # expands RRULE, RDATE and EXDATE as calendar applications do; dateutil's rrule is the fallback
    import recurring_ical_events
except ImportError:  # pragma: no cover - the pinned tools include it
    recurring_ical_events = None

from common import CITY_PATH, REQUEST_TIMEOUT

TZID = "Europe/Helsinki"
HELSINKI = ZoneInfo(TZID)
CALENDAR_TYPE = "text/calendar; charset=utf-8"
GEOJSON_TYPE = "application/geo+json"
# The demo's weekly language café on Tuesdays at 17:30, looked up by its Finnish title.
WEEKLY_SUMMARY = "Kielikahvila Tikkurilassa"
WEEKLY_LOCAL_START = dt.time(17, 30)
DST_END = dt.datetime(2026, 10, 25, 4, 0, tzinfo=HELSINKI)  # 04:00 summer time becomes 03:00 winter time
WINDOW = (dt.date(2026, 10, 19), dt.date(2026, 11, 2))
EXPECTED_UTC = {dt.date(2026, 10, 20): dt.time(14, 30), dt.date(2026, 10, 27): dt.time(15, 30)}
# A box around Vantaa: longitude first, as RFC 7946 orders positions.
LON_RANGE = (24.0, 26.0)
LAT_RANGE = (60.0, 61.0)


CANARY_CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//canary//EN\r\nBEGIN:VEVENT\r\nUID:canary@e2e\r\n"
    "DTSTAMP:20260101T000000Z\r\nDTSTART:20260113T143000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\n"
    "SUMMARY:canary\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def occurrences(cal: icalendar.Calendar, event: icalendar.Event) -> tuple[list[dt.datetime], str]:
    """The starts of one event between the WINDOW dates, and what expanded them."""
    if recurring_ical_events is not None:
        uid = str(event["UID"])
        starts = sorted(o["DTSTART"].dt for o in recurring_ical_events.of(cal).between(*WINDOW)
                        if str(o.get("UID")) == uid)
        return starts, "recurring_ical_events " + importlib.metadata.version("recurring_ical_events")
    from dateutil.rrule import rrulestr  # icalendar's own dependency
    first = event["DTSTART"].dt
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=first.replace(tzinfo=None))
    low, high = (dt.datetime.combine(day, dt.time()) for day in WINDOW)
    return [s.replace(tzinfo=first.tzinfo) for s in rule.between(low, high, inc=True)], "dateutil.rrule"


def shown(starts: list[dt.datetime]) -> str:
    return ", ".join(f"{s.isoformat()} (UTC {s.astimezone(dt.timezone.utc):%H:%M})" for s in starts) or "none"


def dst_findings(starts: list[dt.datetime]) -> list[tuple[bool, str]]:
    """(passed, message) for: occurrences on both sides of the change, each at 17:30 local = the expected UTC."""
    findings = [(any(s < DST_END for s in starts) and any(s > DST_END for s in starts),
                 f"{WEEKLY_SUMMARY} occurs before and after the change to winter time on {DST_END:%Y-%m-%d}"
                 f" (occurrences: {shown(starts)})")]
    by_day = {s.astimezone(HELSINKI).date(): s for s in starts}
    for day, want_utc in EXPECTED_UTC.items():
        s = by_day.get(day)
        if s is None:
            findings.append((False, f"{WEEKLY_SUMMARY} has no occurrence on {day} (occurrences: {shown(starts)})"))
            continue
        local, utc = s.astimezone(HELSINKI), s.astimezone(dt.timezone.utc)
        findings.append((local.time() == WEEKLY_LOCAL_START and utc.time() == want_utc,
                         f"{WEEKLY_SUMMARY} on {day} starts {local:%H:%M} {TZID} = {utc:%H:%M} UTC"
                         f" (expected {WEEKLY_LOCAL_START:%H:%M} = {want_utc:%H:%M} UTC)"))
    return findings


class Checks:
    def __init__(self) -> None:
        self.passed = 0
        self.failures: list[str] = []

    def ok(self, message: str) -> None:
        self.passed += 1
        print("ok   " + message, flush=True)

    def fail(self, message: str) -> None:
        self.failures.append(message)
        print("FAIL " + message, flush=True)

    def expect(self, condition: bool, message: str, failure: str | None = None) -> bool:
        if condition:
            self.ok(message)
        else:
            self.fail(failure or message)
        return condition


class Feeds:
    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.checks = Checks()
        # Conditional GETs: the city feed, a page of an API list, and (added on the way) one activity's feed.
        self.etag_paths = [CITY_PATH + "/activities.ics?lang=fi", "/api/v1/cities/vantaa/activities?limit=5"]

    def get(self, path: str, **headers: str) -> requests.Response:
        """A GET without cookies, as a calendar or map application subscribing to the feed sends it."""
        return requests.get(self.base + path, headers=headers, timeout=REQUEST_TIMEOUT, allow_redirects=False)

    def fetch(self, path: str, content_type: str) -> requests.Response | None:
        """GET that must answer 200 with the given media type (parameters compared without case or spaces)."""
        r = self.get(path)
        if r.status_code != 200:
            self.checks.fail(f"GET {path}: HTTP {r.status_code}, expected 200: {r.text[:300]}")
            return None
        got = r.headers.get("Content-Type", "")
        normal = lambda v: v.replace(" ", "").lower()  # noqa: E731
        self.checks.expect(normal(got) == normal(content_type), f"GET {path}: 200, Content-Type {got}",
                           f"GET {path}: Content-Type {got!r}, expected {content_type!r}")
        return r

    def parse_calendar(self, path: str, r: requests.Response) -> icalendar.Calendar | None:
        try:
            cal = icalendar.Calendar.from_ical(r.content)
        except ValueError as e:
            self.checks.fail(f"GET {path}: icalendar cannot parse the feed: {e}")
            return None
        self.checks.ok(f"GET {path}: parsed by icalendar ({len(r.content)} bytes)")
        return cal

    # --- the city's calendar ------------------------------------------------------------------------------

    def calendar(self) -> None:
        c = self.checks
        path = CITY_PATH + "/activities.ics"
        r = self.fetch(path, CALENDAR_TYPE)
        cal = r and self.parse_calendar(path, r)
        if cal is None:
            return
        c.expect(cal.name == "VCALENDAR", f"{path}: a VCALENDAR", f"{path}: the top component is {cal.name}")
        c.expect(str(cal.get("VERSION", "")) == "2.0", f"{path}: VERSION 2.0",
                 f"{path}: VERSION is {cal.get('VERSION')!r}, expected 2.0")
        c.expect(bool(str(cal.get("PRODID", "")).strip()), f"{path}: PRODID {cal.get('PRODID')}",
                 f"{path}: no PRODID")
        self.timezone(path, cal)

        events = list(cal.walk("VEVENT"))
        if not c.expect(len(events) > 0, f"{path}: {len(events)} VEVENTs", f"{path}: no VEVENT"):
            return
        uids = Counter(str(e.get("UID", "")) for e in events)
        problems = []
        for e in events:
            name = f"VEVENT {e.get('UID', '(no UID)')} {str(e.get('SUMMARY', ''))!r}"
            for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
                if prop not in e:
                    problems.append(f"{name}: no {prop}")
            start = e.get("DTSTART")
            if start is not None:
                tzid = start.params.get("TZID")
                if tzid != TZID or not isinstance(start.dt, dt.datetime):
                    problems.append(f"{name}: DTSTART {start.to_ical().decode()} with TZID {tzid!r}, expected a"
                                    f" date-time with TZID {TZID}")
                end = e.get("DTEND")
                if end is not None and isinstance(start.dt, dt.datetime) and not end.dt > start.dt:
                    problems.append(f"{name}: DTEND {end.dt} is not after DTSTART {start.dt}")
            if e.get("UID") and uids[str(e["UID"])] > 1:
                problems.append(f"{name}: UID used by {uids[str(e['UID'])]} VEVENTs")
        for p in problems:
            c.fail(f"{path}: {p}")
        if not problems:
            c.ok(f"{path}: every VEVENT has a unique UID, DTSTAMP, DTSTART;TZID={TZID} and SUMMARY")
        recurring = [e for e in events if "RRULE" in e]
        c.expect(len(recurring) > 0, f"{path}: {len(recurring)} VEVENTs recur (RRULE)",
                 f"{path}: no VEVENT has an RRULE")
        self.weekly_across_dst()

    def timezone(self, path: str, cal: icalendar.Calendar) -> None:
        """The embedded VTIMEZONE, which clients without a tz database use, against the tz database."""
        c = self.checks
        zones = [z for z in cal.walk("VTIMEZONE") if str(z.get("TZID")) == TZID]
        if not c.expect(len(zones) == 1, f"{path}: a VTIMEZONE {TZID}",
                        f"{path}: {len(zones)} VTIMEZONE components with TZID {TZID}, expected 1"):
            return
        kinds = Counter(sub.name for sub in zones[0].subcomponents)
        c.expect(kinds["STANDARD"] > 0 and kinds["DAYLIGHT"] > 0,
                 f"{path}: VTIMEZONE {TZID} has {kinds['STANDARD']} STANDARD and {kinds['DAYLIGHT']} DAYLIGHT",
                 f"{path}: VTIMEZONE {TZID} sub-components {dict(kinds)}, expected STANDARD and DAYLIGHT")
        wrong = []
        for sub in zones[0].subcomponents:
            if sub.name not in ("STANDARD", "DAYLIGHT"):
                continue
            onset = sub["DTSTART"].dt  # local time in the offset that ends at the onset
            before, after = sub["TZOFFSETFROM"].td, sub["TZOFFSETTO"].td
            instant = onset.replace(tzinfo=dt.timezone(before))
            db_before = (instant - dt.timedelta(seconds=1)).astimezone(HELSINKI).utcoffset()
            db_after = instant.astimezone(HELSINKI).utcoffset()
            want_after = dt.timedelta(hours=3 if sub.name == "DAYLIGHT" else 2)
            if (db_before, db_after) != (before, after) or after != want_after:
                wrong.append(f"{sub.name} {onset}: {before}→{after}, tz database {db_before}→{db_after}")
        c.expect(not wrong, f"{path}: every VTIMEZONE observance matches the tz database",
                 f"{path}: VTIMEZONE observances differ from the tz database: {wrong}")

    def weekly_across_dst(self) -> None:
        """The weekly café keeps its local 17:30 start across the 25 October 2026 change to winter time."""
        c = self.checks
        path = CITY_PATH + "/activities.ics?lang=fi"
        r = self.fetch(path, CALENDAR_TYPE)
        cal = r and self.parse_calendar(path, r)
        if cal is None:
            return
        matches = [e for e in cal.walk("VEVENT") if str(e.get("SUMMARY", "")) == WEEKLY_SUMMARY]
        if not c.expect(len(matches) == 1, f"{path}: one VEVENT {WEEKLY_SUMMARY!r}",
                        f"{path}: {len(matches)} VEVENTs with SUMMARY {WEEKLY_SUMMARY!r}, expected 1"):
            return
        event = matches[0]
        starts, how = occurrences(cal, event)
        print(f"     {WEEKLY_SUMMARY} {event['RRULE'].to_ical().decode()} between {WINDOW[0]} and {WINDOW[1]}"
              f" ({how}): {shown(starts)}", flush=True)
        for passed, message in dst_findings(starts):
            c.expect(passed, f"{path}: {message}")

    def canary(self) -> None:
        """Proves the expansion check can fail: a weekly event pinned to 14:30 UTC drifts to 16:30 local time."""
        cal = icalendar.Calendar.from_ical(CANARY_CALENDAR)
        starts, how = occurrences(cal, next(iter(cal.walk("VEVENT"))))
        caught = [message for passed, message in dst_findings(starts) if not passed]
        self.checks.expect(bool(caught), f"canary: a weekly event in UTC fails the 17:30 check: {caught[:1]}",
                           f"canary: a weekly event pinned to UTC passed the 17:30 check ({how}: {shown(starts)})")

    # --- one activity's calendar and the ETags ------------------------------------------------------------

    def one_activity(self) -> None:
        c = self.checks
        api = "/api/v1/cities/vantaa/activities?q=kahvila"
        r = self.fetch(api, "application/json; charset=utf-8")
        if r is None:
            return
        items = r.json().get("items", [])
        if not c.expect(len(items) > 0, f"{api}: {len(items)} activities", f"{api}: no activity found"):
            return
        activity_id = items[0]["id"]
        path = f"{CITY_PATH}/activities/{activity_id}/calendar.ics"
        self.etag_paths.append(path)
        r = self.fetch(path, CALENDAR_TYPE)
        cal = r and self.parse_calendar(path, r)
        if cal is None:
            return
        events = list(cal.walk("VEVENT"))
        c.expect(len(events) == 1, f"{path}: exactly one VEVENT", f"{path}: {len(events)} VEVENTs, expected 1")
        if events:
            uid = str(events[0].get("UID", ""))
            c.expect(activity_id in uid, f"{path}: its UID {uid} names the activity",
                     f"{path}: UID {uid!r} does not contain the activity id {activity_id}")
        c.expect(any(str(z.get("TZID")) == TZID for z in cal.walk("VTIMEZONE")), f"{path}: a VTIMEZONE {TZID}",
                 f"{path}: no VTIMEZONE {TZID}")

    def etags(self) -> None:
        c = self.checks
        for path in self.etag_paths:
            first = self.get(path)
            etag = first.headers.get("ETag")
            if not c.expect(first.status_code == 200 and bool(etag), f"GET {path}: ETag {etag}",
                            f"GET {path}: HTTP {first.status_code}, ETag {etag!r}: expected 200 with an ETag"):
                continue
            again = self.get(path, **{"If-None-Match": etag})
            c.expect(again.status_code == 304 and not again.content and again.headers.get("ETag") == etag,
                     f"GET {path} If-None-Match {etag}: 304, empty body, same ETag",
                     f"GET {path} If-None-Match {etag}: HTTP {again.status_code}, {len(again.content)} body bytes,"
                     f" ETag {again.headers.get('ETag')!r}; expected 304, no body, ETag {etag}")
            other = self.get(path, **{"If-None-Match": '"e2e-not-the-etag"'})
            c.expect(other.status_code == 200 and other.content == first.content,
                     f"GET {path} If-None-Match another tag: 200 with the full body",
                     f"GET {path} If-None-Match another tag: HTTP {other.status_code}, expected 200 and the same body")
        # Another language is another representation: another body, so another strong tag.
        path = CITY_PATH + "/activities.ics"
        fi, en = self.get(path + "?lang=fi"), self.get(path + "?lang=en")
        if fi.content != en.content:
            c.expect(fi.headers.get("ETag") != en.headers.get("ETag"),
                     f"GET {path}: the fi and en feeds differ and so do their ETags",
                     f"GET {path}: the fi and en feeds differ but share the ETag {fi.headers.get('ETag')}")

    # --- places on a map ----------------------------------------------------------------------------------

    def geojson(self) -> None:
        c = self.checks
        path = "/api/v1/cities/vantaa/places.geojson"
        r = self.fetch(path, GEOJSON_TYPE)
        if r is None:
            return
        try:
            doc = r.json()
        except ValueError as e:
            c.fail(f"{path}: not JSON: {e}")
            return
        c.expect(doc.get("type") == "FeatureCollection" and isinstance(doc.get("features"), list),
                 f"{path}: a FeatureCollection", f"{path}: type {doc.get('type')!r}, features"
                 f" {type(doc.get('features')).__name__}: expected a FeatureCollection with a features array")
        c.expect("crs" not in doc, f"{path}: no crs member (RFC 7946 positions are WGS 84)",
                 f"{path}: a crs member, which RFC 7946 removed")
        features = doc.get("features") or []
        c.expect(len(features) > 0, f"{path}: {len(features)} features", f"{path}: no feature")
        problems = []
        for i, f in enumerate(features if isinstance(features, list) else []):
            name = f"feature {i} ({f.get('id', 'no id') if isinstance(f, dict) else f!r})"
            if not isinstance(f, dict) or f.get("type") != "Feature":
                problems.append(f"{name}: not a Feature")
                continue
            if "properties" not in f or not isinstance(f["properties"], (dict, type(None))):
                problems.append(f"{name}: properties must be an object or null")
            if "id" in f and not isinstance(f["id"], (str, int, float)):
                problems.append(f"{name}: id {f['id']!r} is neither a string nor a number")
            geometry = f.get("geometry") or {}
            position = geometry.get("coordinates")
            if geometry.get("type") != "Point":
                problems.append(f"{name}: geometry {geometry.get('type')!r}, expected Point")
            elif not (isinstance(position, list) and len(position) in (2, 3)
                      and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in position)):
                problems.append(f"{name}: coordinates {position!r}, expected [longitude, latitude]")
            else:
                lon, lat = position[0], position[1]
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    problems.append(f"{name}: [{lon}, {lat}] is outside the WGS 84 ranges")
                elif not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
                    problems.append(f"{name}: [{lon}, {lat}] is not in Vantaa (longitude {LON_RANGE},"
                                    f" latitude {LAT_RANGE}; swapped?)")
        for p in problems:
            c.fail(f"{path}: {p}")
        if not problems and features:
            c.ok(f"{path}: every feature is a Point at [longitude, latitude] inside Vantaa")

    # --- entry --------------------------------------------------------------------------------------------

    def run(self) -> int:
        started = time.monotonic()
        expander = ("recurring_ical_events " + importlib.metadata.version("recurring_ical_events")
                    if recurring_ical_events else "dateutil.rrule")
        print(f"icalendar {importlib.metadata.version('icalendar')}; recurrences expanded with {expander}",
              flush=True)
        for step in (self.canary, self.calendar, self.one_activity, self.geojson, self.etags):
            try:
                step()
            except Exception as e:  # keep checking the other feeds; report the crash
                self.checks.fail(f"{step.__name__} aborted: {type(e).__name__}: {e}")
        c = self.checks
        print()
        print(f"feeds: {c.passed} checks passed, {len(c.failures)} failed, {time.monotonic() - started:.0f}s")
        if c.failures:
            print(f"\n{len(c.failures)} failures:")
            for f in c.failures:
                print("  " + f)
        return 1 if c.failures else 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, help="server origin, e.g. http://127.0.0.1:8080")
    return Feeds(p.parse_args().base).run()


if __name__ == "__main__":
    sys.exit(main())
