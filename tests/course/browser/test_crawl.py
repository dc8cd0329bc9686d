"""Every built page loads cleanly: no errors, no failed requests, nothing from another host."""

import re
from urllib.parse import urlparse

from playwright.sync_api import expect
from watch import PageWatch

from support import PYODIDE_TIMEOUT_MS, SERVICE_WORKERS, reach


SETTLED = re.compile("^(ready|failed)$")


def origin_of(url: str) -> str:
    parsed = urlparse(url)
    return f"{parsed.scheme}://{parsed.netloc}"


@SERVICE_WORKERS  # the service worker's own requests (its precache) are checked too
def test_every_page_loads_without_errors_or_foreign_requests(context, site_url, all_pages):
    watch = PageWatch(origin_of(site_url)).attach(context)
    page = context.new_page()
    visited = 0
    for path in all_pages:
        page.goto(site_url + path, wait_until="load")
        if page.locator("[data-hipdrop-widget]").count():
            for widget in page.locator("[data-hipdrop-widget]").all():
                expect(reach(widget)).to_have_attribute("data-hipdrop-state", SETTLED, timeout=PYODIDE_TIMEOUT_MS)
            states = page.eval_on_selector_all("[data-hipdrop-widget]", "els => els.map(e => e.dataset.hipdropState)")
            assert set(states) == {"ready"}, f"{path}: widgets {states}"
        else:
            page.wait_for_load_state("networkidle")
        visited += 1
    assert visited == len(all_pages) > 0
    assert watch.problems() == []


def test_pages_without_widgets_never_fetch_pyodide(browser, site_url, built_site, all_pages):
    plain = [p for p in all_pages if "data-hipdrop-widget=" not in (built_site / p / "index.html").read_text()]
    assert plain, "expected some pages without widgets"
    # The service worker saves the whole course, Pyodide included, for offline use after a first
    # visit (tests/core/browser/test_offline.py); here we check what the pages themselves load.
    context = browser.new_context(service_workers="block")
    watch = PageWatch(origin_of(site_url)).attach(context)
    page = context.new_page()
    for path in plain:
        page.goto(site_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
    fetched = [u for u in watch.requested if "/assets/pyodide/" in u or "/engine/" in u or "worker.js" in u]
    assert fetched == []


@SERVICE_WORKERS  # as the crawl runs
def test_the_worker_sees_foreign_requests_too(context, site_url):
    """Guard for the crawl itself: a request made inside the worker is recorded."""
    watch = PageWatch(origin_of(site_url)).attach(context)
    page = context.new_page()
    page.goto(site_url + "lessons/what-is-trendelenburg/")
    reach(page.locator("[data-hipdrop-widget]").first)
    page.wait_for_selector('[data-hipdrop-state="ready"]', timeout=PYODIDE_TIMEOUT_MS)
    assert any("/assets/pyodide/pyodide.asm.wasm" in u for u in watch.requested)
    assert any(u.endswith(".whl") for u in watch.requested)
