"""Fixtures of the Firefox and WebKit suites: each test runs one plan (plans.py) in one engine,
against its own server of the session's built site, and gets the engine's report back. One browser
per engine serves its whole suite (started by the first plan, closed at the end of the session):
Firefox gives each plan a browser context of its own, WebKit a new origin (its own server's port)."""

from pathlib import Path

import pytest

pytest.register_assert_rewrite("engine_checks", "engine_expected")

from engine_server import EngineServer  # noqa: E402 -- after the rewrite registration above
from support import ROOT  # noqa: E402

FIREFOX = "/usr/bin/firefox-esr"
RUN_TIMEOUT_S = 240


class EngineRun:
    """Call with a plan's steps (and the server's options): returns (report, server)."""

    def __init__(self, name, built_site, tmp_path, runner):
        self.name = name
        self._site = built_site
        self._tmp = tmp_path
        self._runner = runner

    def __call__(self, steps, **server_options):
        server = EngineServer(self._site, **server_options)
        try:
            plan = {"base": server.url, "steps": steps, "out_dir": str(self._tmp), "firefox": FIREFOX}
            return self._runner(plan), server
        finally:
            server.close()


@pytest.fixture(scope="session")
def firefox_driver():
    from firefox_driver import FirefoxDriver

    if not Path(FIREFOX).exists():
        pytest.fail(f"Firefox not found at {FIREFOX}; `make test` installs Debian's firefox-esr")
    if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
        pytest.fail("puppeteer-core is missing; `make setup` installs it from package-lock.json")
    driver = FirefoxDriver(ROOT, RUN_TIMEOUT_S)
    yield driver
    driver.close()


def run_firefox(driver, plan: dict) -> dict:
    try:
        return driver.run(plan)
    except AssertionError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def firefox(built_site, tmp_path, firefox_driver):
    return EngineRun("firefox", built_site, tmp_path, lambda plan: run_firefox(firefox_driver, plan))


@pytest.fixture(scope="session")
def x_display():
    import webkit_driver as webkit

    for program in (webkit.XVFB, webkit.DRIVER, webkit.MINIBROWSER):
        if not Path(program).exists():
            pytest.fail(f"{program} not found; `make test` installs Debian's webkit2gtk-driver and xvfb")
    with webkit.xvfb() as display:
        yield display


@pytest.fixture(scope="session")
def webkit_session(x_display):
    from webkit_driver import WebKitSession

    session = WebKitSession(x_display)
    yield session
    session.close()


@pytest.fixture
def webkit(built_site, tmp_path, webkit_session):
    runner = EngineRun("webkit", built_site, tmp_path, webkit_session.run)
    return lambda steps, **options: runner(steps, watch=True, **options)
