"""The course's own static server, counting the body bytes it sends for each path, so the
benchmark knows exactly what Chromium transferred (the server does not compress; headers, a few
hundred bytes per response, are left out)."""

import functools
import http.server
import threading
from collections import defaultdict
from pathlib import Path

from hipdrop_tools.serve import SiteHandler


class ByteLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bytes: dict[str, int] = defaultdict(int)

    def add(self, path: str, size: int) -> None:
        """``path`` is the URL path, prefixed with "precache:" for a service worker's precache."""
        with self._lock:
            self._bytes[path] += size

    def take(self) -> dict[str, int]:
        """The bytes per path since the last take, and start counting afresh."""
        with self._lock:
            taken, self._bytes = dict(self._bytes), defaultdict(int)
        return taken


class CountingHandler(SiteHandler):
    byte_log: ByteLog

    def _key(self) -> str:
        # The service worker fills its cache with cache: "reload", which sends Cache-Control:
        # no-cache; pages and the Python worker load with the normal cache mode.
        precache = "no-cache" in (self.headers.get("Cache-Control") or "")
        return ("precache:" if precache else "") + self.path.split("?", 1)[0]

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        self.byte_log.add(self._key(), source.tell() - start)


def serve_counting(root: Path) -> tuple[http.server.ThreadingHTTPServer, str, ByteLog]:
    log = ByteLog()
    handler = functools.partial(type("Handler", (CountingHandler,), {"byte_log": log}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", log
