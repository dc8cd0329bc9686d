"""Fixtures of the Firefox and WebKit suites: each test runs one plan (plans.py) in one engine,
against its own server of the session's built site, and gets the engine's report back."""

import json
import subprocess
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


def run_firefox(plan: dict, tmp_path: Path) -> dict:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    result = subprocess.run(["node", str(ROOT / "tests" / "engines" / "firefox.mjs"), str(plan_file)],
                            cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    if result.returncode != 0 or not result.stdout.strip():
        pytest.fail(f"the Firefox driver failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def firefox(built_site, tmp_path):
    if not Path(FIREFOX).exists():
        pytest.fail(f"Firefox not found at {FIREFOX}; `make test` installs Debian's firefox-esr")
    if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
        pytest.fail("puppeteer-core is missing; `make setup` installs it from package-lock.json")
    return EngineRun("firefox", built_site, tmp_path, lambda plan: run_firefox(plan, tmp_path))


@pytest.fixture(scope="session")
def x_display():
    import webkit_driver as webkit

    for program in (webkit.XVFB, webkit.DRIVER, webkit.MINIBROWSER):
        if not Path(program).exists():
            pytest.fail(f"{program} not found; `make test` installs Debian's webkit2gtk-driver and xvfb")
    with webkit.xvfb() as display:
        yield display


@pytest.fixture
def webkit(built_site, tmp_path, x_display):
    import webkit_driver as driver

    runner = EngineRun("webkit", built_site, tmp_path, lambda plan: driver.run(plan, x_display))
    return lambda steps, **options: runner(steps, watch=True, **options)
