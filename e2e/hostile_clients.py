#!/usr/bin/env -S sh -c 'p="$(dirname "$0")/.venv/bin/python"; [ -x "$p" ] || p=python3; exec "$p" "$0" "$@"'
"""Hostile clients: a server on the open internet meets clients that are slow or greedy on purpose. Each must
be cut off or refused without the server crashing, growing without bound, or keeping normal clients waiting.

Starts `arrival serve --demo` on SQLite (a fresh data directory, a free 127.0.0.1 port) and, while a normal
client asks for /vantaa and /api/v1/cities every 0.5 s on a new connection (every answer must be 200 within
10 s; latency is reported per check), runs:

a. slow headers (slowloris): one header line every 2 s, never the blank line; when does the server close it?
b. slow body: POST /account/sign-in with Content-Length 100000, 10 bytes every 2 s; when is it cut off?
c. 100 MB bodies: with Content-Length to the sign-in form and to POST /api/v1/cities/vantaa/organisations
   (signed in as coordinator, so the body limit and not the permission check answers), and chunked to both;
   each must be answered 413 (or closed) within 5 s, before all of it was sent; the script then sends the
   rest and reports whether the server closes the connection or reads on;
d. 10,000 idle TCP connections (opened in batches, RLIMIT_NOFILE raised as needed): how many the server
   accepted (sockets in /proc/PID/fd), whether and when it closes idle ones, the normal client's p50/p99
   meanwhile, and the server's VmRSS before, at the peak and after (--idle-rounds repeats it).

Usage: e2e/hostile_clients.py [--binary PATH] [--slow-limit 45] [--connections 10000] [--idle-seconds 30]
                              [--idle-rounds 1]
Exit status: 1 when the server crashed, a normal request failed, or a 100 MB body was not refused; else 0.
Reported, not failed (NOTE lines and the server-log summary): slow clients still open after --slow-limit,
idle connections never closed, a server that reads on after refusing a body, requests the server logged
with a 5xx status or at level error, and its http_server_active_requests gauges at the end.
"""

from __future__ import annotations

import argparse
import resource
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import requests

from common import SESSION_COOKIE, sign_in_http
from demo_server import OUT, DemoServer, default_binary

MB = 1024 * 1024
BIG = 100 * MB


class Prober(threading.Thread):
    """The normal client: GET /vantaa and /api/v1/cities every 0.5 s, each on a new connection."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base, self.phase, self.stop = base, "start", threading.Event()
        self.samples: list[tuple[str, bool, float, str]] = []   # (phase, ok, seconds, detail)

    def run(self) -> None:
        while not self.stop.is_set():
            for path in ("/vantaa", "/api/v1/cities"):
                phase, t0 = self.phase, time.monotonic()
                try:
                    r = requests.get(self.base + path, timeout=10)
                    ok, detail = r.status_code == 200, f"{path} HTTP {r.status_code}"
                except requests.RequestException as e:
                    ok, detail = False, f"{path} {type(e).__name__}: {e}"
                self.samples.append((phase, ok, time.monotonic() - t0, detail))
            self.stop.wait(max(0.0, 0.5 - (time.monotonic() - t0)))

    def summary(self, phase: str) -> tuple[str, list[str]]:
        mine = [s for s in self.samples if s[0] == phase]
        times = sorted(s[2] * 1000 for s in mine)
        failed = [s[3] for s in mine if not s[1]]
        if not times:
            return "no samples", failed
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        return (f"{len(mine) - len(failed)}/{len(mine)} ok, p50 {statistics.median(times):.0f} ms, "
                f"p99 {p99:.0f} ms, max {times[-1]:.0f} ms"), failed


def wait_readable(sock: socket.socket, seconds: float) -> tuple[bool, bytes]:
    """Waits up to `seconds` for data; returns (closed by the peer, bytes read)."""
    if not select.select([sock], [], [], seconds)[0]:
        return False, b""
    try:
        data = sock.recv(65536)
    except OSError:
        return True, b""
    return not data, data


def status_of(answer: bytes) -> str:
    return answer.split(b"\r\n", 1)[0].decode(errors="replace") if answer else "no answer"


def trickle(port: int, head: bytes, pieces, limit: float) -> str:
    """Sends `head`, then one piece of `pieces` every 2 s until the server closes (or `limit` seconds)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(head)
    started, answer, sent = time.monotonic(), b"", 0
    try:
        while time.monotonic() - started < limit:
            closed, data = wait_readable(sock, 2.0)
            answer += data
            if closed:
                return (f"closed by the server after {time.monotonic() - started:.1f} s ({sent} pieces sent, "
                        f"{status_of(answer)})")
            try:
                sock.sendall(next(pieces))
                sent += 1
            except OSError as e:
                return f"cut off after {time.monotonic() - started:.1f} s ({sent} pieces sent, {e.strerror})"
        return f"STILL OPEN after {limit:.0f} s ({sent} pieces sent, {status_of(answer)})"
    finally:
        sock.close()


def slow(result: str) -> tuple[bool, str, str | None]:
    """A slow client never fails the run; one still open at the end is noted."""
    return True, result, result if result.startswith("STILL OPEN") else None


def slow_headers(port: int, limit: float) -> str:
    head = b"GET /vantaa HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    return trickle(port, head, (f"X-Slow-{i}: {i}\r\n".encode() for i in range(10**6)), limit)


def slow_body(port: int, limit: float) -> str:
    head = (b"POST /account/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n")
    return trickle(port, head, (b"email=aaaa" if i == 0 else b"aaaaaaaaaa" for i in range(10**6)), limit)


def big_body(port: int, path: str, chunked: bool, headers: str) -> tuple[bool, str, str | None]:
    """Sends 100 MB as fast as the server takes it, reading at the same time, until the answer. Then sends the
    rest (for at most 3 s) to see whether the server closes the connection or reads on and discards it.
    Returns (refused in time, result, a note when the server read on after refusing)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {BIG}"
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}{framing}\r\n\r\n".encode())
    sock.setblocking(False)
    piece = b"x" * 65536
    if chunked:
        piece = b"10000\r\n" + piece + b"\r\n"
    started, answer, sent, pending, answered_at, sent_at_answer = time.monotonic(), b"", 0, b"", None, 0
    closed = False
    try:
        while not closed and time.monotonic() - started < 30:
            if answered_at and time.monotonic() - answered_at > (3 if sent < BIG else 5):
                break                                           # read on for 3 s; after all of it, wait 2 s more
            readable, writable, _ = select.select([sock], [sock] if sent < BIG else [], [], 0.5)
            if readable:
                try:
                    data = sock.recv(65536)
                except OSError:
                    data = b""
                closed = not data
                answer += data
                if answered_at is None and b"\r\n\r\n" in answer:
                    answered_at, sent_at_answer = time.monotonic(), sent
            if writable and not closed:
                pending = pending or piece
                try:
                    n = sock.send(pending)
                    pending, sent = pending[n:], sent + n
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    closed = True
    finally:
        sock.close()
    status = status_of(answer)
    if answered_at is None:
        sent_at_answer, answered_at = sent, time.monotonic()
    elapsed = answered_at - started
    refused = (status.split()[1:2] == ["413"] or (closed and not answer)) and sent_at_answer < BIG and elapsed < 5
    more = (sent - sent_at_answer) / MB
    if not answer:
        end = "closed without an answer" if closed else "no answer"
    elif more < 1:
        end = "then closed" if closed else "then idle"
    else:
        end = (f"then it read on: {more:.1f} MB more{' (the whole body)' if sent >= BIG else ''}, "
               f"{'then closed' if closed else 'connection still open'}")
    note = f"{path}: after refusing with {status} the server read {more:.0f} MB more" if more >= 1 else None
    return refused, f"{status} after {elapsed:.2f} s, {sent_at_answer / MB:.1f} MB sent before it; {end}", note


def listen_backlog(port: int) -> str:
    try:
        out = subprocess.run(["ss", "-ltnH", "sport", "=", f":{port}"], capture_output=True, text=True, timeout=5)
        return out.stdout.split()[2]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


def idle_connections(server: DemoServer, count: int, hold: float) -> tuple[str, str | None]:
    """Opens `count` connections that never send anything, holds them `hold` seconds, watches who closes them."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < count + 500:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 500), hard))
    server_limit = next((line.split()[3] for line in open(f"/proc/{server.pid}/limits")
                         if line.startswith("Max open files")), "?")
    base_sockets, rss_before = server.open_sockets() or 0, server.rss_kb() or 0
    poller, socks, failed, started = select.poll(), {}, 0, time.monotonic()
    for batch in range(0, count, 500):                         # non-blocking connects, 500 at a time
        opening = {}
        for _ in range(min(500, count - batch)):
            try:
                s = socket.socket()
            except OSError:
                failed += 1
                continue
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", server.port))
            opening[s.fileno()] = s
        waiter = select.poll()
        for fd in opening:
            waiter.register(fd, select.POLLOUT)
        deadline = time.monotonic() + 10
        while opening and time.monotonic() < deadline:
            for fd, _ in waiter.poll(500):
                s = opening.pop(fd)
                waiter.unregister(fd)
                if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                    socks[fd] = (s, time.monotonic())
                    poller.register(fd, select.POLLIN)
                else:
                    failed += 1
                    s.close()
        for s in opening.values():
            failed += 1
            s.close()
        time.sleep(0.05)
    connected, opened_in = len(socks), time.monotonic() - started
    peak_rss, peak_sockets, closes, held = 0, 0, [], 0
    hold_start = time.monotonic()
    while time.monotonic() - hold_start < hold:
        for fd, _ in poller.poll(1000):                        # readable: closed by the server (or data)
            s, opened_at = socks.pop(fd)
            poller.unregister(fd)
            try:
                data = s.recv(1024)
            except OSError:
                data = b""
            closes.append((time.monotonic() - opened_at, status_of(data) if data else "closed"))
            s.close()
        peak_rss = max(peak_rss, server.rss_kb() or 0)
        held = (server.open_sockets() or 0) - base_sockets
        peak_sockets = max(peak_sockets, held)
    accepted = len(closes) + max(0, held)
    for s, _ in socks.values():
        s.close()
    time.sleep(3)
    rss_after = server.rss_kb() or 0
    # The server hands freed memory back every 30 s (MemoryTrim); look again once that has had its turn.
    time.sleep(35)
    rss_settled = server.rss_kb() or 0
    closed_text = "none closed by the server"
    if closes:
        ages = sorted(c[0] for c in closes)
        closed_text = (f"{len(closes)} closed by the server after {ages[0]:.1f}–{ages[-1]:.1f} s idle (median "
                       f"{statistics.median(ages):.1f} s, {closes[0][1]})")
    ghosts = connected - accepted
    note = None
    if ghosts > 0:
        note = (f"{ghosts} of {connected} connections completed the TCP handshake but were never accepted by the "
                f"server (listen backlog {listen_backlog(server.port)} overflowed; the kernel dropped them)")
    return (f"{connected}/{count} connected in {opened_in:.1f} s ({failed} failed); the server accepted about "
            f"{accepted}, held at most {peak_sockets} at once (fd limit {server_limit}); within {hold:.0f} s: "
            f"{closed_text}; VmRSS {rss_before / 1024:.0f} MB before, {peak_rss / 1024:.0f} MB peak, "
            f"{rss_after / 1024:.0f} MB 3 s and {rss_settled / 1024:.0f} MB 38 s after closing"), note


def active_requests(base: str) -> str:
    """The server's own http_server_active_requests gauges from /metrics (this request counts as one GET)."""
    try:
        text = requests.get(base + "/metrics", timeout=10).text
    except requests.RequestException as e:
        return f"/metrics: {e}"
    return ", ".join(line.split("{", 1)[1].replace('http_request_method="', "").replace('"}', "")
                     for line in text.splitlines() if line.startswith("http_server_active_requests{"))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--binary", default=default_binary(), help="server executable (default $ARRIVAL_BIN or "
                   ".build/debug/arrival)")
    p.add_argument("--slow-limit", type=float, default=45, help="seconds a slow client is kept going at most")
    p.add_argument("--connections", type=int, default=10000, help="idle connections to open in check d")
    p.add_argument("--idle-seconds", type=float, default=30, help="how long check d holds them open")
    p.add_argument("--idle-rounds", type=int, default=1, help="repeat check d (does the memory come back?)")
    args = p.parse_args()

    data_dir = tempfile.TemporaryDirectory(prefix="arrival-hostile-")
    server = DemoServer(args.binary, data_dir.name, OUT / "hostile.server.log")
    print(f"== hostile clients against {server.base} (log {server.log_path}) ==", flush=True)
    rows: list[tuple[str, str, str]] = []
    failures: list[str] = []
    notes: list[str] = []
    prober, gauges = None, "?"
    try:
        server.start()
        cookie = sign_in_http(server.base, "coordinator").cookies[SESSION_COOKIE]
        api = f"Cookie: {SESSION_COOKIE}={cookie}\r\nContent-Type: application/json\r\n"
        form = "Content-Type: application/x-www-form-urlencoded\r\n"
        orgs = "/api/v1/cities/vantaa/organisations"
        checks = [
            ("a slow headers", lambda: slow(slow_headers(server.port, args.slow_limit))),
            ("b slow body", lambda: slow(slow_body(server.port, args.slow_limit))),
            ("c 100 MB form, Content-Length", lambda: big_body(server.port, "/account/sign-in", False, form)),
            ("c 100 MB API, Content-Length", lambda: big_body(server.port, orgs, False, api)),
            ("c 100 MB API, chunked", lambda: big_body(server.port, orgs, True, api)),
            ("c 100 MB form, chunked", lambda: big_body(server.port, "/account/sign-in", True, form)),
        ] + [(f"d {args.connections} idle connections" + (f" #{n + 1}" if args.idle_rounds > 1 else ""),
              lambda: (True, *idle_connections(server, args.connections, args.idle_seconds)))
             for n in range(args.idle_rounds)]
        prober = Prober(server.base)
        prober.start()
        for name, check in checks:
            prober.phase = name
            print(f"-- {name} (VmRSS {(server.rss_kb() or 0) / 1024:.0f} MB)", flush=True)
            time.sleep(1)                                       # a few normal requests in every phase
            ok, result, note = check()
            time.sleep(1)
            normal, failed = prober.summary(name)
            print(f"   {result}\n   normal client: {normal}", flush=True)
            rows.append((name, ("" if ok else "FAIL ") + result, normal))
            if note:
                notes.append(f"{name}: {note}")
            if not ok:
                failures.append(f"{name}: not refused in time: {result}")
            if failed:
                failures.append(f"{name}: the normal client failed {len(failed)}×, e.g. {failed[0]}")
            if not server.alive():
                failures.append(f"{name}: the server exited (status {server.proc.returncode})")
                break
        gauges = active_requests(server.base)
    except Exception as e:
        failures.append(f"{type(e).__name__}: {e}")
    finally:
        if prober:
            prober.stop.set()
            prober.join(15)
        alive = server.alive()
        server.stop()
        data_dir.cleanup()
    print("\n| check | result | normal client meanwhile |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    log = server.log_path.read_text(errors="replace").splitlines()
    errors = server.error_lines()
    server_5xx = [line for line in log if " status=5" in line]
    print(f"\nserver log: {server.log_path}: {len(errors)} error lines, {len(server_5xx)} requests logged with a "
          f"5xx status; server alive at the end: {alive}; active-request gauges at the end: {gauges}")
    for line in (errors + server_5xx)[:12]:
        print("  " + line)
    for line in notes:
        print("NOTE " + line)
    for line in failures:
        print("FAIL " + line)
    print(f"hostile clients: {len(rows)} checks run, " + (f"FAILED ({len(failures)} problems)" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
