"""The built course served for one engine test, with what the engines' own clients cannot show.

- Every request's path and status is recorded (pages, workers and the service worker alike), so a
  failed request is seen even where the browser's client reports none.
- ``refuse_pyodide``: the Pyodide runtime answers 404 until the driver asks
  ``/__engines__/allow-pyodide`` (the failure path, then Retry).
- ``/__engines__/stop``: the server goes away, as the network does (the offline path).
- ``watch``: each HTML page gets one same-origin classic script first in its head
  (``watch.js``) that records uncaught errors, rejected promises, console errors, resources that
  failed to load and CSP violations in ``window.__hdProblems``; for WebKitWebDriver, which
  reports none of them.
"""

import functools
import http.server
import threading
from collections.abc import Callable  # noqa: F401 (annotation)
from dataclasses import dataclass, field
from pathlib import Path

from hipdrop_tools.offline.serve import SiteHandler

CONTROL = "/__engines__/"
WATCH_PATH = CONTROL + "watch.js"
WATCH_SCRIPT = (Path(__file__).parent / "watch.js").read_bytes()
PYODIDE = "/assets/pyodide/"


@dataclass
class ServerState:
    refuse_pyodide: bool = False
    watch: bool = False
    requests: list[tuple[str, int]] = field(default_factory=list)

    def failures(self) -> list[str]:
        return [f"{path} (HTTP {status})" for path, status in self.requests if status >= 400]


class EngineHandler(SiteHandler):
    state: ServerState
    stop: "Callable[[], None]"  # closes the server (set per server)

    def log_request(self, code="-", size="-"):
        self.state.requests.append((self.path, int(code) if str(code).isdigit() else 0))

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == CONTROL + "allow-pyodide":
            self.state.refuse_pyodide = False
            return self._send(200, b"allowed", "text/plain")
        if path == CONTROL + "stop":
            self._send(200, b"stopping", "text/plain")
            threading.Thread(target=self.stop, daemon=True).start()
            return None
        if path == WATCH_PATH:
            return self._send(200, WATCH_SCRIPT, "text/javascript")
        if self.state.refuse_pyodide and path.startswith(PYODIDE):
            return self._send(404, b"refused by the test server", "text/plain")
        if self.state.watch and (path.endswith("/") or path.endswith(".html")):
            return self._html_with_watch(path)
        return super().do_GET()

    def _html_with_watch(self, path):
        target = Path(self.translate_path(path))
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            return super().do_GET()
        html = target.read_bytes().replace(b"<head>", b'<head><script src="' + WATCH_PATH.encode() + b'"></script>', 1)
        return self._send(200, html, "text/html; charset=utf-8")

    def _send(self, status, body, kind):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class EngineServer:
    def __init__(self, root: Path, **state):
        self.state = ServerState(**state)
        handler = type("Handler", (EngineHandler,), {"state": self.state, "stop": self.close})
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._closed = False

    def close(self):
        if not self._closed:
            self._closed = True
            self._server.shutdown()
            self._server.server_close()
