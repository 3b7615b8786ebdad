"""Browser walk: headless Chromium visits every page reachable from the navigation, anonymous and as each
demo role, in every language; runs axe-core (WCAG 2.1 A + AA) on each page, fails on JavaScript console
errors, saves screenshots, and saves the exact HTML of each page (re-fetched over HTTP with the browser's
cookies) for the Nu validator. Then fills and submits the main forms, with invalid input too.

Usage: python browser_walk.py --base http://127.0.0.1:PORT --out e2e/out
Exit status: 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import importlib.util
import json
import os
import re
import sys
import time
import urllib.parse
import uuid
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import requests
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from common import (
    CITY_PATH,
    CSRF_FIELD,
    csrf_token,
    LANGUAGES,
    REQUEST_TIMEOUT,
    ROLES,
    RTL_LANGUAGES,
    SESSION_COOKIE,
    email_of,
    password_of,
    slug,
    with_lang,
)

def load_axe() -> tuple[str, str]:
    """The newest bundled axe-core: axe-playwright-python's copy (4.12) if installed, else axe-core-python's."""
    spec = importlib.util.find_spec("axe_playwright_python")  # locating only; its playwright import never runs
    if spec and spec.submodule_search_locations and os.environ.get("E2E_AXE") != "axe-core-python":
        path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
        if path.exists():
            return path.read_text(encoding="utf-8"), "axe-playwright-python"
    from axe_core_python.base import AXE_SCRIPT
    return AXE_SCRIPT, "axe-core-python"


AXE_SCRIPT, AXE_SOURCE = load_axe()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 412, "height": 915}
DESKTOP = {"width": 1366, "height": 900}
# Pages linked from page bodies rather than the navigation, and an unknown page for the 404 view.
EXTRA_ANONYMOUS = [("/account/password-reset", 200), ("/no-such-page", 404)]
# Navigation targets every identity's walk must reach even when the page bound stops it first.
NAV_REQUIRED = [CITY_PATH + "/activities"]
# Desktop-width pages: anonymous and as city admin (who sees the most navigation).
DESKTOP_PATHS = {None: ["/", CITY_PATH, CITY_PATH + "/areas", CITY_PATH + "/activities", "/account/sign-up"],
                 "city-admin": [CITY_PATH, CITY_PATH + "/admin/roles", "/account", "/account/tokens"]}
DESKTOP_LANGUAGES = ["en", "ar"]
# The page's width, the window's and the outermost elements sticking out, when the page scrolls sideways.
OVERFLOW_SCRIPT = r"""
const root = document.documentElement, vw = root.clientWidth;
if (root.scrollWidth <= vw) return null;
const out = e => { const r = e.getBoundingClientRect(), x = window.scrollX;  // document coordinates
  return r.width > 0 && (r.right + x > vw + 1 || r.left + x < -1); };
const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '')
  + ' (' + Math.round(e.getBoundingClientRect().width) + 'px)';
const outermost = Array.from(document.body.querySelectorAll('*')).filter(e => out(e) && !out(e.parentElement));
return [root.scrollWidth, vw, outermost.slice(0, 5).map(name)];
"""


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    visits: int = 0
    pages: set[str] = field(default_factory=set)
    violations: int = 0
    console_errors: int = 0
    forms: int = 0
    html_index: dict[str, str] = field(default_factory=dict)

    def fail(self, message: str) -> None:
        self.failures.append(message)
        print("FAIL " + message, flush=True)


class Browser:
    """One headless Chromium with its own cookie jar, at phone or desktop size."""

    axe_version = "?"
    last_status: int | None = None

    def __init__(self, base: str, size: dict, chromedriver: str, chromium: str) -> None:
        self.base = base
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-extensions", "--no-first-run", "--lang=en"):
            options.add_argument(arg)
        if size is PHONE:
            options.add_experimental_option(
                "mobileEmulation", {"deviceMetrics": {**size, "pixelRatio": 1.0, "touch": True}})
        else:
            options.add_argument(f"--window-size={size['width']},{size['height']}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        self.size_name = "phone" if size is PHONE else "desktop"

    def quit(self) -> None:
        try:
            self.driver.quit()
        except WebDriverException:
            pass

    def click_and_wait(self, button) -> None:
        """Clicks a submit button and waits until the next document has loaded."""
        # A marker on the old window object disappears with the old document; checking it avoids touching
        # stale element handles, which chromedriver sometimes reports as an inspector error.
        self.driver.execute_script("window.__e2eOldDocument = true;")
        button.click()
        try:
            WebDriverWait(self.driver, 30, poll_frequency=0.05, ignored_exceptions=(WebDriverException,)).until(
                lambda d: d.execute_script("return !window.__e2eOldDocument && document.readyState === 'complete';"))
        except TimeoutException:
            page, screen = self.driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
            raise RuntimeError(f"a click on the submit button of {self.driver.current_url} loaded no new page within"
                               f" 30 s (the page is {page}px wide on a {screen}px wide screen)") from None

    def overflow(self) -> tuple[int, int, list[str]] | None:
        """When the page is wider than the window (it scrolls sideways): its width, the window's, and the
        outermost elements that stick out."""
        return self.driver.execute_script(OVERFLOW_SCRIPT)

    def drain_logs(self, console: bool = True) -> None:
        """Forgets logged network events (and console messages unless console=False)."""
        if console:
            self.driver.get_log("browser")
        self.driver.get_log("performance")
        self.last_status = None

    def document_status(self) -> int | None:
        """Status of the last top-level document response since the last drain, from the network log."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.responseReceived" and message["params"].get("type") == "Document":
                self.last_status = message["params"]["response"]["status"]
        return self.last_status

    def console_errors(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]

    def http_session(self) -> requests.Session:
        """A requests session holding the browser's cookies (HttpOnly ones included)."""
        s = requests.Session()
        for c in self.driver.get_cookies():
            s.cookies.set(c["name"], c["value"], path=c.get("path", "/"))
        return s

    def axe(self) -> dict:
        self.driver.execute_script(AXE_SCRIPT)
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, %s).then(r => done(r), e => done({error: String(e)}));" % json.dumps(options))
        if result.get("error"):
            raise RuntimeError("axe-core failed: " + result["error"])
        Browser.axe_version = result["testEngine"]["version"]
        return result

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        shot = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        path.write_bytes(base64.b64decode(shot["data"]))


class Walk:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.base = args.base.rstrip("/")
        self.out = Path(args.out)
        self.report = Report()

    # --- one page -----------------------------------------------------------------------------------------

    def check_page(self, browser: Browser, who: str, url: str, lang: str | None, expected_status: int,
                   label: str, html_fetch=None) -> None:
        """Checks the page the browser shows now: status, lang/dir, console errors, axe; saves shot + HTML."""
        r = self.report
        driver = browser.driver
        status = browser.document_status()
        where = f"[{who} {browser.size_name}] {url}"
        if status != expected_status:
            r.fail(f"{where}: HTTP status {status}, expected {expected_status}")
        html_lang = driver.execute_script("return document.documentElement.getAttribute('lang')")
        html_dir = driver.execute_script("return document.documentElement.getAttribute('dir')")
        if lang is not None:
            if html_lang != lang:
                r.fail(f'{where}: <html lang="{html_lang}">, expected "{lang}"')
            want_dir = "rtl" if lang in RTL_LANGUAGES else "ltr"
            if html_dir != want_dir:
                r.fail(f'{where}: <html dir="{html_dir}">, expected "{want_dir}"')
        wide = browser.overflow()
        if wide:
            r.fail(f"{where}: the page is {wide[0]}px wide in a {wide[1]}px wide window and scrolls sideways"
                   f" (WCAG 1.4.10 Reflow); sticking out: {', '.join(wide[2])}")
        result = browser.axe()
        for v in result["violations"]:
            r.violations += 1
            nodes = "".join(f"\n      target {' '.join(map(str, n['target']))}: {n.get('html', '')}"
                            for n in v["nodes"][:5])
            more = f"\n      … and {len(v['nodes']) - 5} more" if len(v["nodes"]) > 5 else ""
            r.fail(f"{where}: axe {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]{nodes}{more}")
        errors = browser.console_errors()
        if expected_status >= 400:
            # Chromium logs the document's own 4xx as a console error; that one is the expected outcome.
            errors = [e for e in errors if not (e.startswith(url.split("?")[0]) and
                                                f"status of {expected_status}" in e)]
        for e in errors:
            r.console_errors += 1
            r.fail(f"{where}: JavaScript console error: {e}")
        name = f"{slug(who)}/{browser.size_name}/{lang or 'default'}/{label}"
        browser.screenshot(self.out / "screenshots" / f"{name}.png")
        html = html_fetch() if html_fetch else self.refetch(browser, url, expected_status, where)
        if html is not None:
            path = self.out / "html" / f"{name}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
            self.report.html_index[str(path.resolve())] = f"{who} {url}"
        r.visits += 1
        r.pages.add(urllib.parse.urlsplit(url).path)
        print(f"page {where} status={status} violations={len(result['violations'])} console_errors={len(errors)}",
              flush=True)

    def refetch(self, browser: Browser, url: str, expected_status: int, where: str) -> str | None:
        resp = browser.http_session().get(url, timeout=REQUEST_TIMEOUT, allow_redirects=False)
        if resp.status_code != expected_status:
            self.report.fail(f"{where}: re-fetch over HTTP gave {resp.status_code}, expected {expected_status}")
        return resp.text

    def visit(self, browser: Browser, who: str, path: str, lang: str | None, expected_status: int = 200) -> None:
        url = self.base + path
        if lang is not None:
            url = with_lang(url, lang)
        browser.drain_logs()
        browser.driver.get(url)
        self.check_page(browser, who, url, lang, expected_status, slug(path))

    def nav_links(self, browser: Browser) -> list[str]:
        """Same-origin GET links inside <nav> elements, as paths without query or fragment."""
        hrefs = browser.driver.execute_script(
            "return Array.from(document.querySelectorAll('nav a[href]')).map(a => a.href)")
        origin = urllib.parse.urlsplit(self.base)
        paths = []
        for href in hrefs:
            parts = urllib.parse.urlsplit(href)
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                continue
            if parts.path not in paths:
                paths.append(parts.path or "/")
        return paths

    # --- walking ------------------------------------------------------------------------------------------

    def sign_in(self, browser: Browser, role: str) -> None:
        d = browser.driver
        browser.drain_logs()
        d.get(with_lang(self.base + "/account/sign-in", "en"))
        d.find_element(By.NAME, "email").send_keys(email_of(role))
        d.find_element(By.NAME, "password").send_keys(password_of(role))
        browser.drain_logs(console=False)
        browser.click_and_wait(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        status = browser.document_status()
        cookies = {c["name"] for c in d.get_cookies()}
        if SESSION_COOKIE not in cookies or status != 200:
            raise RuntimeError(f"sign-in as {role} through the browser failed (status {status})")
        if not d.find_elements(By.CSS_SELECTOR, "nav form[action='/account/sign-out']"):
            raise RuntimeError(f"signed in as {role} but the navigation has no sign-out button")
        for e in browser.console_errors():
            self.report.console_errors += 1
            self.report.fail(f"[{role} {browser.size_name}] signing in: JavaScript console error: {e}")

    def canary(self) -> None:
        """Proves the checks can fail: an image without alt text and a console error must both be caught."""
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            browser.driver.get(with_lang(self.base + CITY_PATH, "en"))
            browser.drain_logs()
            browser.driver.execute_script(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"data:,\">');"
                "console.error('e2e canary: this console error is expected');")
            rules = {v["id"] for v in browser.axe()["violations"]}
            errors = browser.console_errors()
            if "image-alt" not in rules:
                self.report.fail(f"canary: axe-core missed an <img> without alt (found {sorted(rules)})")
            if not any("e2e canary" in e for e in errors):
                self.report.fail(f"canary: the console error was not captured (got {errors})")
            print(f"ok   canary: axe found {sorted(rules)}; console errors captured: {len(errors)}", flush=True)
        finally:
            browser.quit()

    def walk(self, who: str, role: str | None) -> None:
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            if role:
                self.sign_in(browser, role)
            seen: list[str] = []
            linked: set[str] = set()
            queue = deque([CITY_PATH])
            while queue and len(seen) < self.args.max_pages:
                path = queue.popleft()
                if path in seen:
                    continue
                seen.append(path)
                for lang in LANGUAGES:
                    self.visit(browser, who, path, lang)
                    for link in self.nav_links(browser):
                        linked.add(link)
                        if link not in seen and link not in queue:
                            queue.append(link)
            if queue:
                print(f"note [{who}] page bound {self.args.max_pages} reached; not visited: {list(queue)}")
            for path in NAV_REQUIRED:
                if path not in linked:
                    self.report.fail(f"[{who} {browser.size_name}] the navigation has no link to {path}")
                if path not in seen:
                    print(f"note [{who}] {path} is beyond the page bound; visiting it anyway")
                    seen.append(path)
                    for lang in LANGUAGES:
                        self.visit(browser, who, path, lang)
            if role is None:
                for path, status in EXTRA_ANONYMOUS:
                    for lang in LANGUAGES:
                        self.visit(browser, who, path, lang, status)
            print(f"walk [{who}]: {len(seen)} pages from the navigation: {seen}", flush=True)
        finally:
            browser.quit()

    def desktop(self) -> None:
        for role, paths in DESKTOP_PATHS.items():
            who = role or "anonymous"
            browser = Browser(self.base, DESKTOP, self.args.chromedriver, self.args.chromium)
            try:
                if role:
                    self.sign_in(browser, role)
                for path in paths:
                    for lang in DESKTOP_LANGUAGES:
                        self.visit(browser, who, path, lang)
            finally:
                browser.quit()

    # --- forms --------------------------------------------------------------------------------------------

    def expect_field_error(self, browser: Browser, where: str, field_name: str) -> None:
        """The field is marked invalid and described by a non-empty error message placed next to it: in the
        field's own box, or, for a group of fields (such as one input per language), directly in its fieldset."""
        d = browser.driver
        inputs = d.find_elements(By.NAME, field_name)
        if not inputs:
            self.report.fail(f"{where}: no field named {field_name} on the error page")
            return
        el = inputs[0]
        if el.get_attribute("aria-invalid") != "true":
            self.report.fail(f'{where}: field {field_name} lacks aria-invalid="true"')
        described = (el.get_attribute("aria-describedby") or "").split()
        messages = d.execute_script(
            "const input = arguments[0];"
            "const box = input.closest('.field') || input.parentElement;"
            "const group = input.closest('fieldset');"
            "return arguments[1].map(id => document.getElementById(id))"
            "  .filter(e => e && (box.contains(e) || (group && e.parentElement === group)))"
            "  .map(e => e.innerText.trim()).filter(t => t.length > 0);",
            el, described)
        if not messages:
            self.report.fail(f"{where}: no error message next to field {field_name} (aria-describedby={described})")
        else:
            print(f"ok   {where}: error next to {field_name}: {messages}")

    def submit_form(self, browser: Browser, form_css: str, values: dict[str, str]) -> list[tuple[str, str]]:
        """Fills the form's fields by name (text, select, checkbox, date) and submits it with its button.

        A single checkbox is ticked by "yes"; for a group of checkboxes sharing the name, the value lists the
        values to tick, comma-separated. Date fields get their value set directly (YYYY-MM-DD): typing into the
        date widget depends on the browser's locale. Returns the form data set as sent, without the CSRF token.
        """
        d = browser.driver
        form = d.find_element(By.CSS_SELECTOR, form_css)
        for name, value in values.items():
            el = form.find_element(By.NAME, name)
            tag = el.tag_name.lower()
            if tag == "select":
                Select(el).select_by_value(value)
            elif el.get_attribute("type") == "checkbox":
                boxes = form.find_elements(By.NAME, name)
                wanted = set(value.split(",")) if len(boxes) > 1 else None
                for box in boxes:
                    tick = box.get_attribute("value") in wanted if wanted is not None else value == "yes"
                    if box.is_selected() != tick:
                        box.click()
            elif el.get_attribute("type") == "date":
                d.execute_script("arguments[0].value = arguments[1];"
                                 "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", el, value)
            else:
                el.clear()
                el.send_keys(value)
        sent = [(k, v) for k, v in d.execute_script(
            "return Array.from(new FormData(arguments[0]).entries()).map(([k, v]) => [k, String(v)]);", form)
            if k != CSRF_FIELD]
        browser.drain_logs(console=False)
        browser.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        self.report.forms += 1
        return sent

    def replay_post(self, browser: Browser, form_path: str, action: str,
                    data: dict[str, str] | list[tuple[str, str]], session: requests.Session | None = None) -> str:
        """Re-posts the same form over HTTP with a fresh CSRF token so the validator sees the exact bytes."""
        s = session or browser.http_session()
        page = s.get(self.base + form_path, timeout=REQUEST_TIMEOUT)
        fields = list(data.items()) if isinstance(data, dict) else list(data)
        resp = s.post(self.base + action, data=[(CSRF_FIELD, csrf_token(page.text)), *fields],
                      allow_redirects=False, timeout=REQUEST_TIMEOUT)
        return resp.text

    def forms(self) -> None:
        suffix = uuid.uuid4().hex[:8]
        # 1. Sign-up with a bad email, in every language: 422, error next to the email field.
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            for lang in LANGUAGES:
                path = with_lang("/account/sign-up", lang)
                browser.driver.get(self.base + path)
                data = {"email": "not-an-email", "display_name": "Testi Käyttäjä",
                        "password": "long-enough-password", "accepts_terms": "yes"}
                self.submit_form(browser, "main form[action='/account/sign-up']", data)
                where = f"[anonymous phone] POST /account/sign-up (bad email, {lang})"
                self.check_page(browser, "anonymous", self.base + "/account/sign-up", lang, 422,
                                "form_sign_up_bad_email",
                                html_fetch=lambda: self.replay_post(browser, path, "/account/sign-up",
                                                                    {**data, "language": lang}))
                self.expect_field_error(browser, where, "email")
            # 2. Sign-in with a wrong password: 422, error shown, still signed out.
            browser.driver.get(self.base + with_lang("/account/sign-in", "en"))
            data = {"email": email_of("volunteer"), "password": "not-the-password"}
            self.submit_form(browser, "main form[action='/account/sign-in']", data)
            where = "[anonymous phone] POST /account/sign-in (wrong password)"
            self.check_page(browser, "anonymous", self.base + "/account/sign-in", "en", 422,
                            "form_sign_in_wrong_password",
                            html_fetch=lambda: self.replay_post(browser, "/account/sign-in?lang=en",
                                                                "/account/sign-in", data))
            self.expect_field_error(browser, where, "email")
            if SESSION_COOKIE in {c["name"] for c in browser.driver.get_cookies()}:
                self.report.fail(f"{where}: a session cookie was set after a wrong password")
            # 3. Password reset with an empty email: 422.
            browser.driver.get(self.base + with_lang("/account/password-reset", "ar"))
            self.submit_form(browser, "main form[action='/account/password-reset']", {"email": ""})
            where = "[anonymous phone] POST /account/password-reset (empty email)"
            self.check_page(browser, "anonymous", self.base + "/account/password-reset", "ar", 422,
                            "form_password_reset_empty",
                            html_fetch=lambda: self.replay_post(browser, "/account/password-reset?lang=ar",
                                                                "/account/password-reset", {"email": ""}))
            self.expect_field_error(browser, where, "email")
            # 4. A valid sign-up: redirected and signed in.
            browser.driver.delete_all_cookies()
            browser.driver.get(self.base + with_lang("/account/sign-up", "sv"))
            new_email = f"e2e-{suffix}@example.org"
            self.submit_form(browser, "main form[action='/account/sign-up']",
                             {"email": new_email, "display_name": "E2E Tester",
                              "password": "e2e-password-" + suffix, "language": "sv", "accepts_terms": "yes"})
            status = browser.document_status()
            where = "[anonymous phone] POST /account/sign-up (valid)"
            if status != 200 or SESSION_COOKIE not in {c["name"] for c in browser.driver.get_cookies()}:
                self.report.fail(f"{where}: not signed in after a valid sign-up (final status {status},"
                                 f" url {browser.driver.current_url})")
            else:
                print(f"ok   {where}: signed in, now at {browser.driver.current_url}")
            self.check_page(browser, "new-account", browser.driver.current_url, None, 200, "after_sign_up")
        finally:
            browser.quit()

        # 5. Role grant as city admin: empty email → 422 next to the field; then a valid grant.
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            self.sign_in(browser, "city-admin")
            for lang in ("en", "ar"):
                path = with_lang(CITY_PATH + "/admin/roles", lang)
                browser.driver.get(self.base + path)
                data = {"email": "", "kind": "volunteer"}
                self.submit_form(browser, f"main form[action='{CITY_PATH}/admin/roles']", data)
                where = f"[city-admin phone] POST {CITY_PATH}/admin/roles (empty email, {lang})"
                self.check_page(browser, "city-admin", self.base + CITY_PATH + "/admin/roles", lang, 422,
                                "form_role_grant_empty_email",
                                html_fetch=lambda: self.replay_post(browser, path, CITY_PATH + "/admin/roles",
                                                                    {**data, "organisation_id": ""}))
                self.expect_field_error(browser, where, "email")
            browser.driver.get(self.base + with_lang(CITY_PATH + "/admin/roles", "en"))
            self.submit_form(browser, f"main form[action='{CITY_PATH}/admin/roles']",
                             {"email": new_email, "kind": "volunteer"})
            status = browser.document_status()
            where = f"[city-admin phone] POST {CITY_PATH}/admin/roles (grant volunteer to {new_email})"
            page = browser.driver.page_source
            if status != 200 or new_email not in page:
                self.report.fail(f"{where}: grant not shown (final status {status}, url {browser.driver.current_url})")
            else:
                print(f"ok   {where}: granted, listed at {browser.driver.current_url}")
            self.check_page(browser, "city-admin", browser.driver.current_url, None, 200, "after_role_grant")
        finally:
            browser.quit()

        # 6. Partner call as an organisation editor: a deadline in the past → 422 next to it; then a valid call.
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            self.sign_in(browser, "organisation-editor")
            path = with_lang(CITY_PATH + "/partner-calls/new", "fi")
            action = CITY_PATH + "/partner-calls/new"
            browser.driver.get(self.base + path)
            data = {"title_fi": "E2E-kumppanihaku " + suffix, "needs_fi": "Tila", "deadline": "2000-01-01"}
            self.submit_form(browser, f"main form[action='{action}']", data)
            where = f"[organisation-editor phone] POST {action} (deadline in the past)"
            self.check_page(browser, "organisation-editor", self.base + action, "fi", 422, "form_partner_call_past",
                            html_fetch=lambda: self.replay_post(browser, path, action, data))
            self.expect_field_error(browser, where, "deadline")
            browser.driver.get(self.base + path)
            self.submit_form(browser, f"main form[action='{action}']", {**data, "deadline": ""})
            where = f"[organisation-editor phone] POST {action} (valid)"
            if browser.document_status() != 200 or "/partner-calls/" not in browser.driver.current_url \
                    or suffix not in browser.driver.page_source:
                self.report.fail(f"{where}: the new call is not shown (url {browser.driver.current_url})")
            else:
                print(f"ok   {where}: posted, shown at {browser.driver.current_url}")
            self.check_page(browser, "organisation-editor", browser.driver.current_url, None, 200,
                            "after_partner_call")
        finally:
            browser.quit()

        # 6b. A place of encounter: its page as the editor sees it (with the booking form), and a booking request
        #     left empty → 422 next to the purpose (date and time widgets are not typed into: their typing
        #     depends on the browser's locale).
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            self.sign_in(browser, "organisation-editor")
            browser.driver.get(self.base + with_lang(CITY_PATH + "/places?bookable=yes", "ar"))
            link = browser.driver.find_element(By.CSS_SELECTOR, "main .card h3 a").get_attribute("href")
            place_path = urllib.parse.urlsplit(link).path
            for lang in LANGUAGES:
                self.visit(browser, "organisation-editor", place_path, lang)
            action = place_path + "/bookings"
            path = with_lang(place_path, "en")
            browser.driver.get(self.base + path)
            data = {"purpose": ""}
            self.submit_form(browser, f"main form[action='{action}']", data)
            where = f"[organisation-editor phone] POST {action} (empty request)"
            self.check_page(browser, "organisation-editor", self.base + action, "en", 422, "form_booking_empty",
                            html_fetch=lambda: self.replay_post(browser, path, action, data))
            self.expect_field_error(browser, where, "purpose")
        finally:
            browser.quit()

        # 6c. An activity as an organisation editor: the empty form in every language; no title and a repeat rule
        #     that is not RFC 5545 → 422 next to the title and the rule; then a weekly activity on Wednesdays from
        #     a future date, 18:00–20:00. A failure here is reported and the later steps still run.
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            self.sign_in(browser, "organisation-editor")
            action = CITY_PATH + "/activities/new"
            for lang in LANGUAGES:
                self.visit(browser, "organisation-editor", action, lang)
            path = with_lang(action, "fi")
            form_css = f"main form[action='{action}']"
            browser.driver.get(self.base + path)
            data = {"title_fi": "", "title_sv": "", "title_en": "", "title_ar": "", "repeats": "custom",
                    "rule": "FREQ=SOMETIMES"}
            sent = self.submit_form(browser, form_css, data)
            where = f"[organisation-editor phone] POST {action} (no title, rule FREQ=SOMETIMES)"
            self.check_page(browser, "organisation-editor", self.base + action, "fi", 422, "form_activity_invalid",
                            html_fetch=lambda: self.replay_post(browser, path, action, sent))
            self.expect_field_error(browser, where, "title_fi")
            self.expect_field_error(browser, where, "rule")
            today = datetime.date.today()
            wednesday = today + datetime.timedelta(days=7 + (2 - today.weekday()) % 7)
            title = "E2E-toiminta " + suffix
            browser.driver.get(self.base + path)
            self.submit_form(browser, form_css, {"title_fi": title, "first_day": wednesday.isoformat(),
                                                 "from": "18:00", "until": "20:00", "repeats": "weekly",
                                                 "weekdays": "3"})
            where = f"[organisation-editor phone] POST {action} (weekly on Wednesdays from {wednesday}, 18:00–20:00)"
            landed = urllib.parse.urlsplit(browser.driver.current_url).path
            page = browser.driver.page_source
            if browser.document_status() != 200 or not re.fullmatch(CITY_PATH + r"/activities/[0-9a-f-]{36}", landed) \
                    or title not in page or "18:00" not in page:
                self.report.fail(f"{where}: the new activity is not shown with its title and time"
                                 f" (status {browser.last_status}, url {browser.driver.current_url})")
            else:
                print(f"ok   {where}: saved, shown at {browser.driver.current_url}")
            self.check_page(browser, "organisation-editor", browser.driver.current_url, None, 200, "after_activity")
        except Exception as e:
            self.report.fail(f"[organisation-editor phone] activity form step aborted: {type(e).__name__}: {e}")
        finally:
            browser.quit()

        # 6d. What's on, anonymous: a search in Arabic lists activities (the first one is shown in every language);
        #     a filter date that is not YYYY-MM-DD → 422 next to that filter.
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            path = CITY_PATH + "/activities?q=kahvila"
            self.visit(browser, "anonymous", path, "ar")
            links = [a.get_attribute("href") for a in browser.driver.find_elements(By.CSS_SELECTOR, "main .card h3 a")]
            where = f"[anonymous phone] GET {with_lang(path, 'ar')}"
            if not links:
                self.report.fail(f"{where}: no activity listed")
            else:
                print(f"ok   {where}: {len(links)} activities listed")
                for lang in LANGUAGES:
                    self.visit(browser, "anonymous", urllib.parse.urlsplit(links[0]).path, lang)
            path = CITY_PATH + "/activities?from=10.2.2027"
            self.visit(browser, "anonymous", path, "en", 422)
            self.expect_field_error(browser, f"[anonymous phone] GET {with_lang(path, 'en')}", "from")
        finally:
            browser.quit()

        # 7. Yearly confirmation: a coordinator opens a round; the one-time link (read from the server log, where
        #    the outbox prints mail without SMTP) opens without an account and confirms once.
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            self.sign_in(browser, "coordinator")
            browser.driver.get(self.base + with_lang(CITY_PATH + "/dashboard", "en"))
            self.submit_form(browser, f"main form[action='{CITY_PATH}/dashboard/confirmation-rounds']", {})
            self.check_page(browser, "coordinator", browser.driver.current_url, None, 200, "after_round_opened")
        finally:
            browser.quit()
        link = self.confirmation_link()
        if link is None:
            self.report.fail("confirmation: no one-time link appeared in the server log within 15 s")
            return
        browser = Browser(self.base, PHONE, self.args.chromedriver, self.args.chromium)
        try:
            for lang in LANGUAGES:
                self.visit(browser, "link-holder", link, lang)
            browser.driver.get(self.base + with_lang(link, "sv"))
            form = browser.driver.find_element(By.XPATH, "//main//form[input[@name='decision'][@value='confirm']]")
            browser.drain_logs(console=False)
            browser.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
            self.report.forms += 1
            # The link is used up now, so the validator gets the page as the browser holds it.
            self.check_page(browser, "link-holder", self.base + link, "sv", 200, "confirmation_thanks",
                            html_fetch=lambda: "<!DOCTYPE html>\n" + browser.driver.execute_script(
                                "return document.documentElement.outerHTML"))
            browser.driver.get(self.base + with_lang(link, "en"))
            self.check_page(browser, "link-holder", self.base + link, "en", 410, "confirmation_used")
        finally:
            browser.quit()

    def confirmation_link(self) -> str | None:
        """The path of a one-time confirmation link from the server log, waiting for the outbox to print it."""
        log = self.out / "server.log"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            text = log.read_text(errors="replace") if log.exists() else ""
            match = re.search(r"(/[a-z][a-z0-9-]+/confirm/[A-Za-z0-9_-]{43})", text)
            if match:
                return match.group(1)
            time.sleep(0.5)
        return None

    # --- entry --------------------------------------------------------------------------------------------

    def run(self) -> int:
        started = time.monotonic()
        print(f"axe-core from {AXE_SOURCE}; rules tagged {', '.join(AXE_TAGS)}", flush=True)
        self.canary()
        identities = [("anonymous", None)] + [(role, role) for role in ROLES]
        if self.args.roles:
            wanted = set(self.args.roles.split(","))
            identities = [(w, r) for w, r in identities if w in wanted]
        for who, role in identities:
            try:
                self.walk(who, role)
            except Exception as e:  # keep walking the other identities; report the crash
                self.report.fail(f"[{who}] walk aborted: {type(e).__name__}: {e}")
        if not self.args.roles:
            for step in (self.desktop, self.forms):
                try:
                    step()
                except Exception as e:
                    self.report.fail(f"{step.__name__} aborted: {type(e).__name__}: {e}")
        index = self.out / "html" / "index.json"
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(json.dumps(self.report.html_index, indent=1, ensure_ascii=False), encoding="utf-8")
        r = self.report
        print()
        print(f"browser walk: {r.visits} page visits, {len(r.pages)} distinct pages, {r.forms} form submissions,"
              f" {r.violations} axe violations, {r.console_errors} console errors,"
              f" {len(r.failures)} failures, {time.monotonic() - started:.0f}s")
        print(f"axe-core {Browser.axe_version}")
        print(f"distinct pages: {sorted(r.pages)}")
        print(f"screenshots: {self.out / 'screenshots'}  html: {self.out / 'html'}")
        if r.failures:
            print(f"\n{len(r.failures)} failures:")
            for f in r.failures:
                print("  " + f)
        return 1 if r.failures else 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True, help="server origin, e.g. http://127.0.0.1:8080")
    p.add_argument("--out", default=str(Path(__file__).parent / "out"))
    p.add_argument("--max-pages", type=int, default=25, help="pages per identity (each in every language)")
    p.add_argument("--roles", default="", help="comma list of identities (anonymous, city-admin, ...): walk only")
    p.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    p.add_argument("--chromium", default="/usr/bin/chromium")
    return Walk(p.parse_args()).run()


if __name__ == "__main__":
    sys.exit(main())
