"""`mkdocs serve` (pages change with every edit): no service worker is written, every page says
so, and a reader who once visited the built course at the same address gets the pages `mkdocs
serve` sends, the old offline copy removed."""

import os
import shutil
import subprocess
import sys
import time

import pytest
from playwright.sync_api import expect

from hipdrop_tools.offline.serve import serve_in_thread
from support import ROOT, SERVICE_WORKERS

# mkdocs serve builds the whole course first; the old offline copy is the service worker's
pytestmark = [pytest.mark.timeout(600), SERVICE_WORKERS]


@pytest.fixture
def same_address(built_site, tmp_path):
    """A copy of the built site served on a port, then that port handed to `mkdocs serve`:
    yields (url, start_mkdocs_serve). The copy's pages were built an hour ago (as in a full test
    run, or on an author's machine), so a browser would hold them fresh in its HTTP cache for
    minutes if the server let it."""
    site = shutil.copytree(built_site, tmp_path / "site")
    an_hour_ago = time.time() - 3600
    for page in site.rglob("*.html"):
        os.utime(page, (an_hour_ago, an_hour_ago))
    server, url = serve_in_thread(site)
    port = server.server_address[1]
    started = []

    def stop_build_and_start_mkdocs_serve():
        server.shutdown()
        server.server_close()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        started.append(process)
        for line in process.stderr:  # MkDocs logs to stderr; wait for its "Serving on" line
            if "Serving on" in line:
                return
        raise AssertionError(f"mkdocs serve ended early (exit code {process.wait()})")

    yield url, stop_build_and_start_mkdocs_serve
    if started:
        started[0].terminate()
        started[0].wait(timeout=30)
    else:
        server.shutdown()
        server.server_close()


def offline_copy(page) -> dict:
    return page.evaluate(
        """async () => ({
          workers: (await navigator.serviceWorker.getRegistrations()).length,
          caches: (await caches.keys()).filter(name => name.startsWith("hipdrop-")).length,
        })"""
    )


def test_mkdocs_serve_writes_no_service_worker_and_removes_an_old_offline_copy(context, same_address):
    url, start_mkdocs_serve = same_address
    page = context.new_page()
    page.goto(url + "glossary/")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
    assert offline_copy(page) == {"workers": 1, "caches": 1}

    start_mkdocs_serve()
    assert page.request.get(url + "sw.js").status == 404, "mkdocs serve wrote a service worker"
    html = page.request.get(url + "glossary/").text()
    assert '<meta name="hipdrop-offline" content="off">' in html
    # The live-reload script mkdocs serve injects inline (off in this test) would be allowed, so
    # an edited page reloads.
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'" in html
    # An ordinary visit: the old worker answers from its copy; the page finds that the server no
    # longer has the worker, removes the copy and loads again, now as mkdocs serve sends it.
    page.goto(url + "glossary/")
    expect(page.locator('meta[name="hipdrop-offline"]')).to_have_attribute("content", "off", timeout=90_000)
    expect(page.locator("html")).to_have_attribute("data-hd-offline-removed", "true", timeout=30_000)
    assert offline_copy(page) == {"workers": 0, "caches": 0}
    # The next page comes from mkdocs serve straight away.
    page.goto(url + "references/")
    assert page.locator('meta[name="hipdrop-offline"]').get_attribute("content", timeout=30_000) == "off"
