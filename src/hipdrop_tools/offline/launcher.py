"""The classroom launcher: serves the course on this computer and opens it in the browser.

Needs only Python 3. Double-click this file (Windows), or run `python3 serve.py` in this folder
(macOS, Linux). Keep the window open while you teach; close it, or press Ctrl+C, to stop.

Options: --port N (first port to try, default 8000), --no-browser, --root FOLDER.
"""

# In the classroom bundle this file is appended to a copy of hipdrop_tools/serve.py, so the
# whole launcher is one file that needs the standard library only (hipdrop_tools.offline.bundle).

import argparse
import errno
import sys
import webbrowser
from pathlib import Path

from hipdrop_tools.offline.serve import make_server  # bundle: defined above in serve.py

PORT_TRIES = 20


def default_root() -> Path:
    return Path(__file__).resolve().parent / "site"


def start_server(root: Path, host: str, port: int):
    """A server on the first free port from ``port`` on (port 0: any free port)."""
    ports = [0] if port == 0 else range(port, port + PORT_TRIES)
    last_error = None
    for candidate in ports:
        try:
            return make_server(root, host, candidate)
        except OSError as error:
            if error.errno not in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                raise
            last_error = error
    raise OSError(f"no free port between {port} and {port + PORT_TRIES - 1}: {last_error}")


def _fail(message: str) -> int:
    print(message, file=sys.stderr, flush=True)
    if sys.stdin is not None and sys.stdin.isatty():
        input("Press Enter to close this window.")
    return 1


def launch(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Serve the course on this computer.")
    parser.add_argument("--root", type=Path, default=default_root(), help="the course folder (default: site/ here)")
    parser.add_argument("--port", type=int, default=8000, help="first port to try (default: 8000)")
    parser.add_argument("--no-browser", action="store_true", help="do not open the browser")
    args = parser.parse_args(argv)
    if not (args.root / "index.html").is_file():
        return _fail(f"The course was not found in {args.root}. Keep serve.py next to the 'site' folder.")
    host = "127.0.0.1"
    try:
        server = start_server(args.root, host, args.port)
    except OSError as error:
        return _fail(f"The course could not start: {error}")
    url = f"http://{host}:{server.server_address[1]}/"
    print(f"The course is running at {url}", flush=True)
    print("Keep this window open while you teach. Close it, or press Ctrl+C, to stop.", flush=True)
    if not args.no_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(launch())
