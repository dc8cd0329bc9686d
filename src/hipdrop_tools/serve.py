"""Serve a built site on localhost with the right types for Pyodide (standard library only).

Used by ``make serve``, the tests and the classroom bundle's launcher, so it imports nothing
outside the standard library and nothing from this project.
"""

import argparse
import functools
import http.server
import sys
import threading
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


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

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
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
