"""Shared helpers for the outside-in checks: demo accounts, languages, sign-in over plain HTTP."""

from __future__ import annotations

import re
import time
import urllib.parse

import requests

LANGUAGES = ["fi", "sv", "en", "ar"]
RTL_LANGUAGES = {"ar"}
ROLES = [
    "platform-admin",
    "city-admin",
    "coordinator",
    "organisation-editor",
    "caseworker",
    "volunteer",
    "resident",
]
CITY_PATH = "/vantaa"
SESSION_COOKIE = "arrival_session"
CSRF_FIELD = "_csrf"
REQUEST_TIMEOUT = 15


def email_of(role: str) -> str:
    return f"{role}@demo.arrival.example"


def password_of(role: str) -> str:
    return f"vantaa-demo-{role}"


def csrf_token(html: str) -> str:
    match = re.search(r'name="_csrf" value="([^"]+)"', html)
    if not match:
        raise RuntimeError("no _csrf field in the form page")
    return match.group(1)


def wait_until_up(base: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            r = requests.get(base + CITY_PATH, timeout=2)
            if r.status_code == 200:
                return
            last = f"HTTP {r.status_code}"
        except requests.RequestException as e:  # not listening yet
            last = str(e)
        time.sleep(0.25)
    raise RuntimeError(f"server at {base} did not answer within {timeout}s ({last})")


def sign_in_http(base: str, role: str) -> requests.Session:
    """Sign in through the HTML form (GET form, POST with the CSRF token) and return the session."""
    s = requests.Session()
    r = s.get(base + "/account/sign-in", timeout=REQUEST_TIMEOUT)
    r.raise_for_status()
    r = s.post(
        base + "/account/sign-in",
        data={CSRF_FIELD: csrf_token(r.text), "email": email_of(role), "password": password_of(role)},
        allow_redirects=False,
        timeout=REQUEST_TIMEOUT,
    )
    if r.status_code not in (302, 303) or SESSION_COOKIE not in s.cookies:
        raise RuntimeError(f"sign-in as {role} failed: HTTP {r.status_code}")
    return s


def with_lang(url: str, lang: str) -> str:
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "lang"]
    query.append(("lang", lang))
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def slug(path: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_")
    return s or "root"
