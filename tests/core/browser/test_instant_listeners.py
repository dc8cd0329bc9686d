"""Moving between widget pages with Material's instant navigation leaves nothing behind: after ten
page changes, one grading call is still exactly one request to the Python worker, the status
subscriptions are those of the widgets on the page, and the picker's Back/Forward handler is not
registered once per visit."""

import re

import pytest
from playwright.sync_api import expect

from hipdrop_tools.offline.serve import serve_in_thread
from support import PYODIDE_TIMEOUT_MS, SERVICE_WORKERS

pytestmark = SERVICE_WORKERS  # the service worker answers sitemap.xml: instant navigation is on

INSTALL_TIMEOUT_MS = 60_000  # the service worker's precache, from a local server

# Counts what the page sends to the worker, and the window's live popstate listeners.
PROBE = """
window.hdProbe = { posts: [], popstate: 0 };
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  window.hdProbe.posts.push(message && message.method);
  return post.call(this, message, ...rest);
};
const add = window.addEventListener;
const remove = window.removeEventListener;
const live = new Set();
window.addEventListener = function (type, listener, options) {
  if (type === "popstate" && !live.has(listener)) {
    live.add(listener);
    window.hdProbe.popstate += 1;
    options?.signal?.addEventListener("abort", () => {
      if (live.delete(listener)) window.hdProbe.popstate -= 1;
    });
  }
  return add.call(this, type, listener, options);
};
window.removeEventListener = function (type, listener, options) {
  if (type === "popstate" && live.delete(listener)) window.hdProbe.popstate -= 1;
  return remove.call(this, type, listener, options);
};
"""

QUIZ_PAGE, PICKER_PAGE = "lessons/what-is-trendelenburg/", "program/"


@pytest.fixture
def own_server(built_site):
    server, url = serve_in_thread(built_site)
    yield url
    server.shutdown()
    server.server_close()


def ready(widget):
    # Python runs from the first page on (the picker is in the first screen), so every widget
    # of the next pages is attached at once, wherever it is on the page.
    expect(widget).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    return widget


def go_by_nav(page, path):
    page.locator(f'nav.md-nav--primary a[href$="{path}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    for widget in page.locator("[data-hipdrop-widget]").all():
        ready(widget)


def test_ten_instant_page_changes_leave_no_listener_behind(context, own_server):
    context.add_init_script(PROBE)
    page = context.new_page()
    page.goto(own_server + PICKER_PAGE)
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=INSTALL_TIMEOUT_MS)
    page.reload()  # the service worker now answers sitemap.xml: Material's instant navigation is on
    ready(page.locator('[data-hipdrop-widget="picker"]'))
    page.evaluate("() => { window.sameDocument = true; }")
    popstate_on_first_visit = page.evaluate("() => window.hdProbe.popstate")
    widgets = page.locator("[data-hipdrop-widget]").count()
    assert page.evaluate("() => window.hipdrop.statusListeners") == widgets + 1  # + the page's own

    for n in range(10):
        go_by_nav(page, QUIZ_PAGE if n % 2 == 0 else PICKER_PAGE)
    assert page.evaluate("() => window.sameDocument") is True, "a link reloaded the page"
    # Ten changes end on the picker's page: as many popstate listeners as on the first visit.
    assert page.evaluate("() => window.hdProbe.popstate") == popstate_on_first_visit
    # and the widgets that left the page no longer listen to the worker's status
    assert page.evaluate("() => window.hipdrop.statusListeners") == widgets + 1

    go_by_nav(page, QUIZ_PAGE)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    quiz.locator("fieldset.hd-question").first.locator("input").first.check()
    before = page.evaluate("() => window.hdProbe.posts.length")
    quiz.get_by_role("button", name=re.compile("Check")).click()
    expect(quiz.locator(".hd-result")).to_contain_text(re.compile(r"\d"))
    sent = page.evaluate(f"() => window.hdProbe.posts.slice({before})")
    assert len(sent) == 1, f"one grading call sent {sent}"
    assert page.evaluate("() => window.sameDocument") is True
