"""Serve a built site on localhost with the right types for Pyodide (standard library only).

Used by ``make serve``, the tests and the classroom bundle's launcher, so it imports nothing
outside the standard library and nothing from this project.

Compression costs nothing per request: the build writes ``<file>.br`` and ``<file>.gz`` next to
each file worth it (``hipdrop_tools.offline.precompress``), and the server sends one of them, as the
browser's ``Accept-Encoding`` allows (Brotli first, then gzip), with ``Content-Encoding`` and
``Vary: Accept-Encoding``. It never compresses on the fly. A copy older than its file (a page
changed after the build) is not used. Single byte ranges, HEAD and conditional requests are
answered for whichever bytes are sent.
"""

import argparse
import contextlib
import email.utils
import functools
import http.server
import re
import sys
import threading
import urllib.parse
from http import HTTPStatus
from pathlib import Path

NOT_FOUND_PAGE = "404.html"  # the course's own "page not found", written by MkDocs

TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".webmanifest": "application/manifest+json",
}
# Content-Coding -> the suffix of its precompressed copy, in order of preference on a tie.
ENCODINGS = {"br": ".br", "gzip": ".gz"}
_ALIASES = {"x-gzip": "gzip"}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def accepted_encoding(accept_encoding: str | None, available) -> str | None:
    """The content-coding to send, of ``available`` (``ENCODINGS`` keys), for an
    ``Accept-Encoding`` header: the highest q-value wins, Brotli before gzip on a tie; ``*``
    stands for any coding not named; q=0 refuses. None: send the file as it is."""
    if not accept_encoding:
        return None
    weights: dict[str, float] = {}
    for item in accept_encoding.split(","):
        name, _, params = item.strip().partition(";")
        name = _ALIASES.get(name.strip().lower(), name.strip().lower())
        q = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                q = float(match.group(1))
            except ValueError:
                q = 0.0
        if name:
            weights[name] = max(q, weights.get(name, 0.0))
    best, best_q = None, 0.0
    for coding in ENCODINGS:
        if coding not in available:
            continue
        q = weights.get(coding, weights.get("*", 0.0))
        if q > best_q:
            best, best_q = coding, q
    return best


def byte_range(header: str | None, size: int):
    """(start, end inclusive) for a single ``Range: bytes=`` header; None: send it all (no header,
    several ranges, another unit); "unsatisfiable": answer 416."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length and size else "unsatisfiable"
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return "unsatisfiable"
    return start, end


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012 -- an instance attribute in the base class
    _remaining: int | None = None  # bytes left to send of a byte range

    def guess_type(self, path):
        kind = super().guess_type(path)
        return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind

    def send_head(self):
        """A file (or a folder's index.html) with its precompressed copy, if the browser takes it;
        anything else (a redirect to the folder's address, a listing, a 404) as the standard
        library answers it."""
        self._remaining = None  # a HEAD before, on this kept-alive connection, sent no body
        url_path = urllib.parse.urlsplit(self.path).path
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()
            path = path / "index.html"
        elif url_path.endswith("/"):
            return super().send_head()
        if not path.is_file():
            return super().send_head()
        return self._send_file(path)

    def _variants(self, path: Path) -> dict[str, Path]:
        """The precompressed copies of ``path`` that are at least as new as it."""
        mtime = path.stat().st_mtime
        found = {}
        for coding, suffix in ENCODINGS.items():
            copy = path.with_name(path.name + suffix)
            if copy.is_file() and copy.stat().st_mtime >= mtime:
                found[coding] = copy
        return found

    def _send_file(self, path: Path):
        variants = self._variants(path)
        coding = accepted_encoding(self.headers.get("Accept-Encoding"), variants)
        body = variants[coding] if coding else path
        stat = path.stat()
        size = body.stat().st_size
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-" + coding if coding else ""}"'
        last_modified = self.date_time_string(stat.st_mtime)
        if self._not_modified(etag, stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._common_headers(etag, last_modified, bool(variants))
            self.end_headers()
            return None
        wanted = byte_range(self.headers.get("Range"), size)
        if_range = self.headers.get("If-Range")
        if wanted is not None and if_range is not None and if_range not in (etag, last_modified):
            wanted = None  # the browser's partial copy is of another version: send it all
        if wanted == "unsatisfiable":
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self._common_headers(etag, last_modified, bool(variants))
            self.end_headers()
            return None
        file = open(body, "rb")  # noqa: SIM115 -- returned to do_GET, which copies it out and closes it
        try:
            if wanted is None:
                self.send_response(HTTPStatus.OK)
                length = size
            else:
                start, end = wanted
                file.seek(start)
                length = end - start + 1
                self.send_response(HTTPStatus.PARTIAL_CONTENT)
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            self._remaining = length
            self.send_header("Content-Type", self.guess_type(str(path)))
            if coding:
                self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(length))
            self._common_headers(etag, last_modified, bool(variants))
            self.end_headers()
            return file
        except BaseException:
            file.close()
            raise

    def _common_headers(self, etag: str, last_modified: str, varies: bool) -> None:
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", last_modified)
        if varies:
            self.send_header("Vary", "Accept-Encoding")

    def _not_modified(self, etag: str, mtime: float) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in (tag.strip() for tag in if_none_match.split(",")) or if_none_match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            when = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(mtime) <= when

    def copyfile(self, source, outputfile):
        """Send the whole file, or only the bytes of the range asked for."""
        remaining, self._remaining = self._remaining, None
        if remaining is None:
            super().copyfile(source, outputfile)
            return
        while remaining > 0:
            chunk = source.read(min(remaining, 64 * 1024))
            if not chunk:
                break
            outputfile.write(chunk)
            remaining -= len(chunk)

    def send_error(self, code, message=None, explain=None):
        """A missing page gets the course's own 404 page (status 404), when the site has one."""
        page = Path(self.directory) / NOT_FOUND_PAGE
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.log_error("code %d, message %s", code, message or "not found")
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        """Pages are checked with the server on every visit (an unchanged page is a short 304):
        without this the browser may show a page from its cache for minutes (heuristic
        freshness from Last-Modified), even after the course was rebuilt or `mkdocs serve`
        took over the port."""
        if self.path.split("?", 1)[0].endswith(("/", ".html")):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):  # quiet by default; errors still go to stderr
        if args and str(args[1] if len(args) > 1 else "").startswith(("4", "5")):
            super().log_message(format, *args)


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that stops a download (a closed tab, a cancelled request) is no error: no
        traceback in the teacher's window. Anything else is still reported."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000) -> SiteServer:
    handler = functools.partial(SiteHandler, directory=str(root))
    return SiteServer((host, port), handler)


def serve_in_thread(root: Path, host: str = "127.0.0.1", port: int = 0):
    """Start a server on a free port in a daemon thread; returns (server, base_url)."""
    server = make_server(root, host, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the built course on localhost.")
    parser.add_argument("root", nargs="?", default="site", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    args = parser.parse_args(argv)
    server = make_server(args.root, args.host, args.port)
    print(f"Serving {args.root} on http://{args.host}:{args.port}/ (Ctrl+C to stop)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
