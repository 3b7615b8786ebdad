"""Start and stop `arrival serve --demo` for the checks that need their own server (crash_safety.py,
hostile_clients.py): a free 127.0.0.1 port, the log in a file, SIGKILL on demand, nothing left running."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests

from common import wait_until_up

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def default_binary() -> str:
    """$ARRIVAL_BIN, else the debug build's executable (never builds anything)."""
    return os.environ.get("ARRIVAL_BIN") or str(HERE.parent / ".build" / "debug" / "arrival")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DemoServer:
    """One `arrival serve --demo` process; start() may be called again after kill() (same port and data)."""

    def __init__(self, binary: str, data_dir: str, log_path: Path, database_url: str | None = None):
        if not os.access(binary, os.X_OK):
            raise SystemExit(f"no server executable at {binary!r} (pass --binary or set ARRIVAL_BIN)")
        self.binary, self.data_dir, self.log_path = binary, data_dir, log_path
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(os.environ)
        self.env.pop("DATABASE_URL", None)
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.proc: subprocess.Popen | None = None
        log_path.parent.mkdir(parents=True, exist_ok=True)
        log_path.write_text("")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self, timeout: float = 60.0) -> float:
        """Starts the server and waits until /vantaa and /readyz answer 200; returns the seconds it took."""
        started = time.monotonic()
        with open(self.log_path, "a") as log:
            log.write(f"### {time.strftime('%H:%M:%S')} starting on {self.base}\n")
            log.flush()
            self.proc = subprocess.Popen(
                [self.binary, "serve", "--demo", "--data-dir", self.data_dir, "--host", "127.0.0.1",
                 "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, env=self.env, stdin=subprocess.DEVNULL)
        try:
            wait_until_up(self.base, timeout)
            ready = requests.get(self.base + "/readyz", timeout=5)
            if ready.status_code != 200:
                raise RuntimeError(f"/readyz answered {ready.status_code}")
        except Exception:
            self.stop()
            raise RuntimeError(f"the server did not start; see {self.log_path}:\n" + self.log_tail(20))
        return time.monotonic() - started

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill9(self) -> None:
        """SIGKILL: no graceful shutdown, nothing flushed by the process."""
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 10 s."""
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def rss_kb(self) -> int | None:
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            return None
        return None

    def open_sockets(self) -> int | None:
        """Sockets the server process holds (its listener, accepted connections, database connections)."""
        try:
            fds = os.listdir(f"/proc/{self.pid}/fd")
        except OSError:
            return None
        count = 0
        for fd in fds:
            try:
                count += os.readlink(f"/proc/{self.pid}/fd/{fd}").startswith("socket:")
            except OSError:
                pass
        return count

    def log_tail(self, lines: int) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def error_lines(self) -> list[str]:
        return [line for line in self.log_path.read_text(errors="replace").splitlines()
                if "level=error" in line or "level=critical" in line or "Fatal error" in line]
