"""The course's own static server (hipdrop_tools.offline.serve, as `make serve` runs it), logging every
response it sends: the path, the body bytes as sent (compressed when the server sent a
precompressed file), the bytes of the file itself (raw) and the same file gzipped at level 6 (what
a plain static server with on-the-fly gzip, GitHub Pages or a university's, would send). The log
counts what the page and the service worker fetched alike, since both go through the server;
headers are left out, and a 304 counts as a request of 0 bytes."""

import functools
import gzip
import threading
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hipdrop_tools.offline import serve


@dataclass
class Sent:
    raw: int = 0  # the file's own bytes (what a browser ends up with)
    served: int = 0  # body bytes on the wire, as the server sent them
    responses: int = 0
    gzip: int = 0  # the body gzipped at level 6, as a plain static server sends it


class ByteLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sent: dict[str, Sent] = defaultdict(Sent)

    def add(self, path: str, raw: int, served: int, gzipped: int = 0) -> None:
        """``path`` is the URL path, prefixed with "precache:" for a service worker's precache."""
        with self._lock:
            entry = self._sent[path]
            entry.raw += raw
            entry.served += served
            entry.gzip += gzipped
            entry.responses += 1

    def count(self) -> int:
        """Responses logged since the last take."""
        with self._lock:
            return sum(s.responses for s in self._sent.values())

    def take(self) -> dict[str, Sent]:
        """What was sent per path since the last take; counting starts afresh."""
        with self._lock:
            taken, self._sent = dict(self._sent), defaultdict(Sent)
        return taken


class _CountingWriter:
    """Wraps the handler's output stream and counts the bytes written through it."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.count = 0

    def write(self, data) -> int:
        self.count += len(data)
        return self._stream.write(data)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class CountingHandler(serve.SiteHandler):
    byte_log: ByteLog

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def handle_one_request(self) -> None:
        self._encoding = None
        self._body_from = None
        super().handle_one_request()
        if self._body_from is None or self.command != "GET":
            return
        served = self.wfile.count - self._body_from
        self.byte_log.add(self._key(), self._raw_size(served), served, self._gzip_size(served))

    def send_header(self, keyword, value) -> None:
        if keyword.lower() == "content-encoding":
            self._encoding = value
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        super().end_headers()
        self.wfile.flush()
        self._body_from = self.wfile.count

    def _key(self) -> str:
        # The service worker fills its cache with cache: "no-cache" (Cache-Control: max-age=0) or
        # "reload" (no-cache); pages and the Python worker load with the normal cache mode.
        control = self.headers.get("Cache-Control") or ""
        precache = "no-cache" in control or "max-age=0" in control
        return ("precache:" if precache else "") + self.path.split("?", 1)[0]

    def _local_file(self) -> Path | None:
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        return local if local.is_file() else None

    def _gzip_size(self, served: int) -> int:
        """The file gzipped at level 6 (0 for an empty body: a 304); a body that is no file
        (the 404 page) counts as sent."""
        if not served:
            return 0
        local = self._local_file()
        if local is None or self.command != "GET":
            return served
        if self.headers.get("Range"):
            return served
        return len(gzip.compress(local.read_bytes(), compresslevel=6, mtime=0))

    def _raw_size(self, served: int) -> int:
        """The file's size when the body was sent compressed; the body's size otherwise."""
        if not self._encoding or self._encoding == "identity":
            return served
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        return local.stat().st_size if local.is_file() else served


def serve_counting(root: Path):
    """Serve ``root`` on a free port; returns (server, base URL, log)."""
    log = ByteLog()
    handler = functools.partial(type("Handler", (CountingHandler,), {"byte_log": log}), directory=str(root))
    server = serve.SiteServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", log
