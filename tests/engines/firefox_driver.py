"""Runs plans in Firefox through tests/engines/firefox.mjs, one node process and one browser for the
whole suite: each plan goes in as a line on its standard input, in a browser context of its own,
and its report comes back as a line. A plan that does not report in time, or a process that ends,
fails that test; the next plan starts a new process."""

import json
import queue
import subprocess
import threading
from pathlib import Path

SCRIPT = Path(__file__).with_name("firefox.mjs")


class FirefoxDriver:
    def __init__(self, cwd: Path, timeout_s: float):
        self._cwd = cwd
        self._timeout_s = timeout_s
        self._process: subprocess.Popen | None = None
        self._lines: queue.Queue = queue.Queue()
        self._stderr: list[str] = []

    def _start(self) -> subprocess.Popen:
        process = subprocess.Popen(["node", str(SCRIPT)], cwd=self._cwd, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        lines: queue.Queue = queue.Queue()
        self._lines, self._stderr = lines, []
        threading.Thread(target=_pump, args=(process.stdout, lines.put), daemon=True).start()
        threading.Thread(target=_pump, args=(process.stderr, self._stderr.append, False), daemon=True).start()
        return process

    def run(self, plan: dict) -> dict:
        """The plan's report; AssertionError with the driver's output when there is none."""
        if self._process is None or self._process.poll() is not None:
            self._process = self._start()
        self._process.stdin.write(json.dumps(plan) + "\n")
        self._process.stdin.flush()
        try:
            line = self._lines.get(timeout=self._timeout_s)
        except queue.Empty:
            line = None
        if not line:  # no report in time, or the process ended (None at the end of its output)
            self.close()
            raise AssertionError(f"the Firefox driver gave no report:\n{''.join(self._stderr)}")
        return json.loads(line)

    def close(self) -> None:
        if self._process is None:
            return
        process, self._process = self._process, None
        if process.poll() is None:
            process.stdin.close()  # the driver closes its browser and ends
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _pump(stream, put, mark_the_end=True) -> None:
    for line in stream:
        put(line)
    if mark_the_end:
        put(None)
