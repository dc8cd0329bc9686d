"""The static server (`make serve`, the tests, the bundle's launcher) answers a missing page with
the course's own 404 page and status 404, and still serves what exists."""

import urllib.error
import urllib.request

import pytest

from hipdrop_tools.serve import serve_in_thread


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
