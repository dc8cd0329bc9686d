"""The static server (`make serve`, the tests, the bundle's launcher) answers a missing page with
the course's own 404 page and status 404, and still serves what exists."""

import gzip
import os
import urllib.error
import urllib.request

import brotli
import pytest

from hipdrop_tools.offline.precompress import precompress_site
from hipdrop_tools.offline.serve import serve_in_thread


@pytest.fixture
def served(built_site):
    server, url = serve_in_thread(built_site)
    yield url
    server.shutdown()
    server.server_close()


def fetch(url: str, method: str = "GET") -> tuple[int, bytes, str]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def test_a_missing_page_gets_the_course_404_page_with_status_404(served, built_site):
    status, body, kind = fetch(served + "lessons/no-such-lesson/")
    assert status == 404
    assert kind.startswith("text/html")
    assert body == (built_site / "404.html").read_bytes()
    assert b"Hip Drop" in body  # the course's page (its title and navigation), not Python's


def test_a_missing_file_anywhere_and_a_head_request_get_404(served):
    assert fetch(served + "assets/nothing.js")[0] == 404
    status, body, _ = fetch(served + "nothing.html", method="HEAD")
    assert status == 404 and body == b""


def test_pages_that_exist_are_served_as_before(served, built_site):
    status, body, _ = fetch(served + "lessons/dosing/")
    assert status == 200 and body == (built_site / "lessons" / "dosing" / "index.html").read_bytes()


def test_pages_are_checked_with_the_server_on_every_visit_and_files_are_not(tmp_path):
    """A browser shows no page from its cache after the course changed (or `mkdocs serve` took
    over the port); the runtime and scripts may come from the cache as before."""
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "index.html").write_text("<h1>Glossary</h1>")
    (tmp_path / "app.js").write_text("1")
    server, url = serve_in_thread(tmp_path)
    try:
        def cache_control(path):
            with urllib.request.urlopen(url + path, timeout=10) as response:
                return response.headers.get("Cache-Control")

        assert cache_control("glossary/") == "no-cache"
        assert cache_control("glossary/index.html") == "no-cache"
        assert cache_control("glossary/?present=1") == "no-cache"
        assert cache_control("app.js") is None
    finally:
        server.shutdown()
        server.server_close()


def test_a_site_without_a_404_page_gets_the_plain_answer(tmp_path):
    (tmp_path / "index.html").write_text("<h1>home</h1>")
    server, url = serve_in_thread(tmp_path)
    try:
        status, body, _ = fetch(url + "missing/")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 404 and b"Error response" in body


def test_a_browser_that_stops_a_download_leaves_no_traceback(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<h1>home</h1>")
    server, _ = serve_in_thread(tmp_path)
    try:
        for gone in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "Connection reset by peer")):
            try:
                raise gone
            except ConnectionError:
                server.handle_error(None, ("127.0.0.1", 50000))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real fault")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
        assert "ValueError: a real fault" in capsys.readouterr().err
    finally:
        server.shutdown()
        server.server_close()


# --- Served compressed: the build's precompressed copies, chosen by Accept-Encoding. ---

LESSON = ("<!doctype html><title>Dosing</title>" + "<p>Stand on one leg and keep the pelvis level.</p>" * 200).encode()
SCRIPT = b"export function attach(root) { return root; }\n" * 300
WASM = b"\0asm\1\0\0\0" + bytes(range(256)) * 40
MANIFEST = b'{"name": "Hip Drop", "icons": []}' + b" " * 400
SVG = b'<svg xmlns="http://www.w3.org/2000/svg">' + b'<circle r="1"/>' * 100 + b"</svg>"
NOISE = os.urandom(20_000)  # does not shrink: served as it is, with no copies


@pytest.fixture
def small_site(tmp_path):
    files = {
        "index.html": LESSON,
        "lessons/dosing/index.html": LESSON,
        "assets/hipdrop/js/widget.js": SCRIPT,
        "assets/pyodide/pyodide.asm.mjs": SCRIPT,
        "assets/pyodide/pyodide.asm.wasm": WASM,
        "assets/pyodide/pyodide-lock.json": MANIFEST,
        "manifest.webmanifest": MANIFEST,
        "assets/hipdrop/icons/icon.svg": SVG,
        "assets/noise.js": NOISE,
        "404.html": b"<!doctype html><title>Hip Drop: not found</title>",
    }
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    precompress_site(tmp_path)
    server, url = serve_in_thread(tmp_path)
    yield tmp_path, url
    server.shutdown()
    server.server_close()


def get(url: str, method: str = "GET", **headers):
    request = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def test_a_browser_that_takes_brotli_gets_the_brotli_copy(small_site):
    site, url = small_site
    status, body, headers = get(url + "lessons/dosing/", **{"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert headers["Vary"] == "Accept-Encoding"
    assert int(headers["Content-Length"]) == len(body) < len(LESSON) / 5
    assert brotli.decompress(body) == LESSON
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_gzip_when_the_browser_takes_only_gzip_or_prefers_it(small_site):
    _, url = small_site
    for accept in ("gzip", "gzip, deflate", "br;q=0.5, gzip", "br;q=0, *", "x-gzip"):
        status, body, headers = get(url + "assets/hipdrop/js/widget.js", **{"Accept-Encoding": accept})
        assert (status, headers["Content-Encoding"]) == (200, "gzip"), accept
        assert gzip.decompress(body) == SCRIPT
        assert int(headers["Content-Length"]) == len(body)


def test_the_file_as_it_is_without_accept_encoding_or_when_every_copy_is_refused(small_site):
    _, url = small_site
    for headers_sent in ({}, {"Accept-Encoding": "identity"}, {"Accept-Encoding": "br;q=0, gzip;q=0"},
                         {"Accept-Encoding": "deflate"}):
        status, body, headers = get(url + "assets/hipdrop/js/widget.js", **headers_sent)
        assert status == 200 and body == SCRIPT, headers_sent
        assert headers["Content-Encoding"] is None
        assert headers["Vary"] == "Accept-Encoding"  # a cache must not give this to a brotli browser
        assert int(headers["Content-Length"]) == len(SCRIPT)


def test_a_file_that_does_not_shrink_has_no_copy_and_no_vary(small_site):
    site, url = small_site
    assert not (site / "assets" / "noise.js.gz").exists() and not (site / "assets" / "noise.js.br").exists()
    status, body, headers = get(url + "assets/noise.js", **{"Accept-Encoding": "br, gzip"})
    assert status == 200 and body == NOISE and headers["Content-Encoding"] is None and headers["Vary"] is None


def test_types_that_pyodide_and_the_browser_need(small_site):
    _, url = small_site
    expected = {
        "assets/pyodide/pyodide.asm.wasm": "application/wasm",
        "assets/pyodide/pyodide.asm.mjs": "text/javascript; charset=utf-8",
        "assets/hipdrop/js/widget.js": "text/javascript; charset=utf-8",
        "assets/pyodide/pyodide-lock.json": "application/json",
        "assets/hipdrop/icons/icon.svg": "image/svg+xml",
        "manifest.webmanifest": "application/manifest+json",
    }
    for path, kind in expected.items():
        for accept in ("br", "gzip", "identity"):
            status, _, headers = get(url + path, **{"Accept-Encoding": accept})
            assert (status, headers["Content-Type"]) == (200, kind), (path, accept)
    _, body, headers = get(url + "assets/pyodide/pyodide.asm.wasm", **{"Accept-Encoding": "br"})
    assert headers["Content-Encoding"] == "br" and brotli.decompress(body) == WASM


def test_head_sends_the_headers_of_the_copy_and_no_body(small_site):
    _, url = small_site
    _, full, _ = get(url + "index.html", **{"Accept-Encoding": "gzip"})
    status, body, headers = get(url + "index.html", method="HEAD", **{"Accept-Encoding": "gzip"})
    assert (status, body) == (200, b"")
    assert headers["Content-Encoding"] == "gzip" and int(headers["Content-Length"]) == len(full)


def test_byte_ranges_of_the_file_and_of_the_copy_sent(small_site):
    _, url = small_site
    status, body, headers = get(url + "assets/hipdrop/js/widget.js", Range="bytes=7-16")
    assert (status, body) == (206, SCRIPT[7:17])
    assert headers["Content-Range"] == f"bytes 7-16/{len(SCRIPT)}" and headers["Content-Length"] == "10"
    status, body, _ = get(url + "assets/hipdrop/js/widget.js", Range="bytes=-5")
    assert (status, body) == (206, SCRIPT[-5:])
    status, body, _ = get(url + "assets/hipdrop/js/widget.js", Range=f"bytes={len(SCRIPT) - 3}-")
    assert (status, body) == (206, SCRIPT[-3:])
    _, whole, _ = get(url + "assets/hipdrop/js/widget.js", **{"Accept-Encoding": "gzip"})
    status, body, headers = get(url + "assets/hipdrop/js/widget.js", Range="bytes=0-99", **{"Accept-Encoding": "gzip"})
    assert (status, body, headers["Content-Encoding"]) == (206, whole[:100], "gzip")
    assert headers["Content-Range"] == f"bytes 0-99/{len(whole)}"
    status, body, headers = get(url + "assets/hipdrop/js/widget.js", Range=f"bytes={len(SCRIPT)}-")
    assert status == 416 and headers["Content-Range"] == f"bytes */{len(SCRIPT)}"
    status, body, _ = get(url + "assets/hipdrop/js/widget.js", Range="bytes=0-1,5-6")
    assert (status, body) == (200, SCRIPT)  # several ranges: the whole file, as HTTP allows


def test_a_copy_older_than_its_file_is_not_sent(small_site):
    site, url = small_site
    page = site / "index.html"
    page.write_bytes(LESSON + b"<p>edited</p>")
    later = (site / "index.html.br").stat().st_mtime + 5
    os.utime(page, (later, later))
    status, body, headers = get(url, **{"Accept-Encoding": "br, gzip"})
    assert status == 200 and body.endswith(b"<p>edited</p>") and headers["Content-Encoding"] is None


def test_a_cached_copy_is_revalidated_and_the_404_page_is_kept(small_site):
    site, url = small_site
    _, _, headers = get(url + "assets/hipdrop/js/widget.js", **{"Accept-Encoding": "br"})
    status, body, _ = get(url + "assets/hipdrop/js/widget.js", **{"Accept-Encoding": "br", "If-None-Match": headers["ETag"]})
    assert (status, body) == (304, b"")
    status, body, _ = get(url + "assets/hipdrop/js/widget.js", **{"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
    assert status == 200 and gzip.decompress(body) == SCRIPT  # another copy: another tag
    status, body, headers = get(url + "lessons/missing/", **{"Accept-Encoding": "br, gzip"})
    assert status == 404 and body == (site / "404.html").read_bytes()
    assert get(url + "lessons/dosing")[0] == 200  # the folder's address without "/": redirected


def test_archives_and_copies_are_never_compressed_again(tmp_path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "bank.qti21.zip").write_bytes(b"PK" + b"a" * 5000)
    (tmp_path / "page.html").write_bytes(LESSON)
    precompress_site(tmp_path)
    precompress_site(tmp_path)  # a second run (hipdrop handouts after the build) adds no .gz.gz
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert names == ["downloads/bank.qti21.zip", "page.html", "page.html.br", "page.html.gz"]
