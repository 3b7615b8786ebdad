"""API fuzzing: schemathesis against /api/v1/openapi.json, anonymous and signed in (the arrival_session cookie
from signing in through the HTML form), with a bounded number of examples per operation.

Checks that fail the run: no 5xx (not_a_server_error), every status code, content type, header and body is
the one the document declares (status_code_conformance, content_type_conformance, response_headers_conformance,
response_schema_conformance). With --strict every schemathesis check runs (it also expects 4xx for requests
that violate the document and 405 for undeclared methods).

Usage: python api_fuzz.py --base http://127.0.0.1:PORT [--max-examples 20] [--identities anonymous,city-admin]
Exit status: 0 when every run passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from common import REQUEST_TIMEOUT, SESSION_COOKIE, sign_in_http

HERE = Path(__file__).resolve().parent
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
]


def run_one(args: argparse.Namespace, who: str, cookie: str | None) -> tuple[int, str]:
    schemathesis = Path(sys.executable).parent / "schemathesis"
    report_dir = Path(args.out) / "schemathesis" / who
    report_dir.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(schemathesis), "--config-file", str(HERE / "schemathesis.toml"),
        "run", args.base.rstrip("/") + "/api/v1/openapi.json",
        "--checks", "all" if args.strict else ",".join(CHECKS),
        "--max-examples", str(args.max_examples),
        "--request-timeout", "10",
        # One worker: CPython 3.11 raises "AST constructor recursion depth mismatch" when hypothesis parses
        # sources in two threads at once.
        "--workers", "1",
        "--generation-database", "none",
        "--no-color",
        "--report", "junit", "--report-dir", str(report_dir),
    ]
    if args.seed:
        cmd += ["--seed", str(args.seed)]
    if cookie:
        cmd += ["--header", f"Cookie: {SESSION_COOKIE}={cookie}"]
    printable = [c if not c.startswith("Cookie:") else f"Cookie: {SESSION_COOKIE}=…" for c in cmd]
    print(f"\n== schemathesis as {who} ==\n$ {' '.join(printable)}", flush=True)
    started = time.monotonic()
    # Run inside out/ so schemathesis' and hypothesis' caches stay out of the source tree.
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.max_time, cwd=report_dir,
                          env={**os.environ, "NO_COLOR": "1"})
    output = proc.stdout + proc.stderr
    print(output, flush=True)
    cases = re.search(r"Test cases:\s*\n\s*(.+)", output)
    summary = cases.group(1).strip() if cases else "no test-case summary"
    line = f"{who}: exit {proc.returncode}, {summary}, {time.monotonic() - started:.0f}s"
    return proc.returncode, line


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base", required=True)
    p.add_argument("--out", default=str(HERE / "out"))
    p.add_argument("--max-examples", type=int, default=20, help="test cases per operation and phase")
    p.add_argument("--max-time", type=int, default=120, help="seconds before a schemathesis run is killed"
                   " (schemathesis' own --max-time would repeat fuzzing until the time is spent)")
    p.add_argument("--identities", default="anonymous,resident,city-admin,platform-admin")
    p.add_argument("--seed", type=int, default=0, help="fixed seed (0: random, printed by schemathesis)")
    p.add_argument("--strict", action="store_true", help="run every schemathesis check")
    args = p.parse_args()

    results = []
    for who in args.identities.split(","):
        cookie = None
        if who != "anonymous":
            session = sign_in_http(args.base.rstrip("/"), who)
            # The cookie must really be a signed-in session, or the "signed in" run would test nothing new.
            check = session.get(args.base.rstrip("/") + "/account", allow_redirects=False, timeout=REQUEST_TIMEOUT)
            if check.status_code != 200:
                print(f"FAIL signed in as {who}, but /account answered {check.status_code}")
                results.append((1, f"{who}: session not usable"))
                continue
            cookie = session.cookies[SESSION_COOKIE]
        results.append(run_one(args, who, cookie))

    print("\nAPI fuzzing summary (checks: " + ("all" if args.strict else ", ".join(CHECKS)) + ")")
    for _, line in results:
        print("  " + line)
    failed = [line for code, line in results if code != 0]
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
