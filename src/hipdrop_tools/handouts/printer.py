"""Chromium, driven by Playwright, turns served pages into PDFs.

One browser and one page for the whole run, pages printed one after another: gentle on a small
machine. Pyodide and the engine wheel are not fetched: paper shows the static HTML, which is what
the course promises to be readable without Python.

The page preparation (``js/page.js``, package data) is served to the page by the printer itself,
at an address of the site's server that no file of the site has (``MODULE_PATH``), and imported
there as a module: the site's Content-Security-Policy (scripts from the site only) stays in force.
"""

from pathlib import Path

from playwright.sync_api import PdfMargins, sync_playwright

from hipdrop_tools.handouts import chromium, page_script
from hipdrop_tools.handouts.running import MARGIN, PAPER, Running

CHROMIUM = chromium.EXECUTABLE
BLOCKED = ("**/assets/pyodide/**", "**/*.whl")
TIMEOUT_MS = 60_000
MODULE_PATH = "__hipdrop_handouts__/page.js"
# Imports the page preparation module and calls one of its exports with its arguments.
_CALL = "async ([url, name, args]) => (await import(url))[name](args)"


class Printer:
    """A browser session: ``with Printer(base_url, paper, running) as p: p.print_page(...)``."""

    def __init__(self, base_url: str, paper: str, running: Running, chromium: str = CHROMIUM):
        if not Path(chromium).exists():
            raise FileNotFoundError(f"{chromium}: Chromium not found (apt-get install chromium)")
        if paper not in PAPER:
            raise ValueError(f"paper: {paper!r} is not one of {', '.join(PAPER)}")
        self.base_url = base_url
        self.paper = paper
        self.running = running
        self.chromium = chromium

    def __enter__(self) -> "Printer":
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=self.chromium, args=list(chromium.LAUNCH_ARGS))
        self._context = self._browser.new_context(java_script_enabled=True, service_workers="block")
        for pattern in BLOCKED:
            self._context.route(pattern, lambda route: route.abort())
        self._context.route(
            self.base_url + MODULE_PATH,
            lambda route: route.fulfill(path=page_script.SCRIPT, content_type="text/javascript; charset=utf-8"),
        )
        self._context.set_default_timeout(TIMEOUT_MS)
        self.page = self._context.new_page()
        self.page.emulate_media(media="print")
        return self

    def __exit__(self, *exc) -> None:
        self._context.close()
        self._browser.close()
        self._playwright.stop()

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path, wait_until="load")

    def run(self, function: str, args: dict):
        """Call ``function`` (an export of ``js/page.js``) in the open page with ``args``."""
        return self.page.evaluate(_CALL, [self.base_url + MODULE_PATH, function, args])

    def pdf(self) -> bytes:
        return self.page.pdf(
            format=PAPER[self.paper],
            margin=PdfMargins(top=MARGIN["top"], bottom=MARGIN["bottom"], left=MARGIN["left"], right=MARGIN["right"]),
            print_background=True,
            display_header_footer=True,
            header_template=self.running.header,
            footer_template=self.running.footer,
            tagged=True,
            outline=True,
        )

    def print_page(self, path: str, args: dict) -> bytes:
        """Open a page, prepare it for paper (page_script.PREPARE) and print it."""
        self.open(path)
        self.run(page_script.PREPARE, args)
        return self.pdf()
