"""Volunteer hours for the crash-safety load (crash_safety.py): the demo volunteer logs hours for her active
engagement through the form of her page, and after the restart every acknowledged entry must be in her data
export (`/vantaa/volunteer/export.json`) once, with its day and minutes."""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass

import requests

from crash_forms import CITY, Findings, flash

MINUTES = 30
PER_DAY = 20                        # entries of one day: 20 × 30 minutes stays well under the 24-hour limit


@dataclass
class HoursWrite:
    note: str
    day: str
    acked: bool = False


class HoursDays:
    """Past days for the entries, PER_DAY of them per day, from yesterday backwards."""

    def __init__(self, time_zone: str) -> None:
        from zoneinfo import ZoneInfo
        self.today = datetime.datetime.now(ZoneInfo(time_zone)).date()
        self.count = 0
        self.lock = threading.Lock()

    def take(self) -> str:
        with self.lock:
            offset = 1 + self.count // PER_DAY
            self.count += 1
        return (self.today - datetime.timedelta(days=offset)).isoformat()


def active_engagement(base: str, session: requests.Session, timeout: float) -> str | None:
    """The id of the volunteer's active engagement, from her data export."""
    data = session.get(f"{base}{CITY}/volunteer/export.json", timeout=timeout).json()
    return next((a["id"] for a in data["applications"] if a["status"] == "active"), None)


def hours_form(write: HoursWrite, csrf: str) -> dict[str, str]:
    return {"day": write.day, "hours": f"0:{MINUTES:02d}", "note": write.note, "_csrf": csrf}


def hours_acknowledged(response: requests.Response) -> bool:
    """Whether the form was answered with the success redirect to the volunteer's page."""
    return response.status_code == 303 and response.headers.get("location") == f"{CITY}/volunteer" \
        and flash(response) == "volunteering.flash.hours"


def verify_hours(base: str, session: requests.Session, writes: dict[str, HoursWrite], run_tag: str,
                 timeout: float) -> Findings:
    """Every acknowledged entry is in the export once with its day and minutes; entries of this run that were
    not acknowledged were in flight at the kill, and are there at most once and complete."""
    acked = {note: w for note, w in writes.items() if w.acked}
    f = Findings("volunteer hours", expected=len(acked))
    r = session.get(f"{base}{CITY}/volunteer/export.json", timeout=timeout)
    try:
        entries = r.json()["hours"]
    except (ValueError, KeyError):
        f.bad(f"export: HTTP {r.status_code} {r.text[:300]}")
        return f
    of_run: dict[str, list[dict]] = {}
    for entry in entries:
        if entry.get("note", "").startswith(run_tag):
            of_run.setdefault(entry["note"], []).append(entry)
    for note, write in acked.items():
        found = of_run.get(note, [])
        if not found:
            f.lost(f"{note} on {write.day}: acknowledged, not in the export after the restart")
        elif len(found) > 1 or found[0]["day"] != write.day or found[0]["minutes"] != MINUTES:
            f.bad(f"{note}: acknowledged once for {write.day}, {MINUTES} min; the export has {found}")
        else:
            f.found += 1
    for note, found in of_run.items():
        if note in acked:
            continue
        write = writes.get(note)
        if write is None or len(found) > 1 or found[0]["day"] != write.day or found[0]["minutes"] != MINUTES:
            f.bad(f"{note}: neither acknowledged nor a complete in-flight entry: {found}")
        else:
            f.in_flight_committed += 1
    return f
