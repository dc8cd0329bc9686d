"""A plain static server, as GitHub Pages or a university's web server gives one: the files as they
are, gzip on the fly (level 6) for text, JavaScript, JSON, SVG and WebAssembly when the browser
takes it, no precompressed copies (a ``.br`` or ``.gz`` beside a file is never sent in its place),
no byte ranges and no headers of ours: the standard library's ``SimpleHTTPRequestHandler`` with its
``Last-Modified``/``If-Modified-Since``, plus the types every web server knows (``.mjs`` and
``.wasm``, which a browser needs for module workers and WebAssembly streaming). Zip archives are
sent as they are, as such servers do. Standard library only; loopback only.

    serve_plain(folder) -> (server, "http://127.0.0.1:<port>/")
"""

import email.utils
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
         ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json"}
GZIPPED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/wasm",
           "application/manifest+json")
GZIP_LEVEL = 6


class PlainHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012

    def log_message(self, format, *args):  # quiet: the benchmark prints its own lines
        pass

    def send_head(self):
        """As the standard library answers, except that a compressible file goes out gzipped,
        compressed for this request, when the browser takes gzip."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        takes_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not path.is_file() or not takes_gzip or not kind.startswith(GZIPPED):
            return super().send_head()
        mtime = path.stat().st_mtime
        if self._unchanged_since(mtime):
            self.send_response(304)
            self.end_headers()
            return None
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(mtime))
        self.end_headers()
        return io.BytesIO(body)

    def _unchanged_since(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        try:
            return since is not None and int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False


def serve_plain(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PlainHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
