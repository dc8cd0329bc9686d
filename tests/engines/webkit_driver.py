"""Runs plans of steps (tests/engines/engine_plans.py) in WebKitGTK's MiniBrowser through
WebKitWebDriver (selenium), under Xvfb, and returns the same report as tests/engines/firefox.mjs.
One driver session (one MiniBrowser) serves the whole suite (``WebKitSession``): every plan has a
test server of its own, on a port of its own, so its pages are an origin that no earlier plan has
stored anything for (storage, caches and service workers are kept per origin); a session that no
longer answers is replaced before the next plan.

WebKitWebDriver speaks classic WebDriver only (no BiDi here): it reports no console messages, no
uncaught errors and no failed requests. The test server therefore puts tests/engines/watch.js first
in every page, and the problems it recorded are collected before each navigation and at the end.
"""

import base64
import os
import subprocess
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB = "/usr/bin/Xvfb"
KEYS = {"Space": Keys.SPACE, "Enter": Keys.ENTER, "Tab": Keys.TAB, "ArrowDown": Keys.ARROW_DOWN,
        "ArrowUp": Keys.ARROW_UP, "ArrowRight": Keys.ARROW_RIGHT, "ArrowLeft": Keys.ARROW_LEFT}
COLLECT = "const p = window.__hdProblems; return p ? p.splice(0) : ['the page watch did not run'];"


@contextmanager
def xvfb():
    """A private X display for the browser; yields its name (":N")."""
    read, write = os.pipe()
    process = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                               pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def start(display: str):
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    service = Service(executable_path=DRIVER, env={**os.environ, "DISPLAY": display})
    return webdriver.WebKitGTK(options=options, service=service)


def choose(driver, css, value):
    select = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].focus()", select)
    for _ in range(40):
        at, want = driver.execute_script(
            "const v = [...arguments[0].options].map((o) => o.value);"
            " return [v.indexOf(arguments[0].value), v.indexOf(arguments[1])];", select, value)
        if want < 0:
            raise AssertionError(f"{css} has no option {value}")
        if at == want:
            return
        ActionChains(driver).send_keys(Keys.ARROW_DOWN if at < want else Keys.ARROW_UP).perform()
    raise AssertionError(f"the arrow keys never reached {value} in {css}")


def wait(driver, expression, timeout_ms):
    WebDriverWait(driver, timeout_ms / 1000, poll_frequency=0.1).until(
        lambda d: d.execute_script(f"return !!({expression})"), message=f"never true: {expression}")


class WebKitSession:
    def __init__(self, display: str):
        self._display = display
        self._driver = None

    def run(self, plan: dict) -> dict:
        if self._driver is not None and not _answers(self._driver):
            self.close()
        if self._driver is None:
            self._driver = start(self._display)
        self._driver.get("about:blank")
        return run(plan, self._driver)

    def close(self) -> None:
        if self._driver is not None:
            driver, self._driver = self._driver, None
            try:
                driver.quit()
            except Exception:  # a session that is gone already
                pass


def _answers(driver) -> bool:
    try:
        driver.execute_script("return 1")
        return True
    except Exception:
        return False


def run(plan: dict, driver) -> dict:
    """One plan in a running driver session: the report (the session is left open)."""
    capabilities = driver.capabilities
    report = {"version": f"{capabilities['browserName']} {capabilities['browserVersion']}", "reads": {}, "problems": [], "error": None}
    try:
        for step in plan["steps"]:
            if "goto" in step:
                if driver.current_url.startswith("http"):
                    report["problems"] += driver.execute_script(COLLECT)
                driver.get(plan["base"] + step["goto"])
            elif "wait" in step:
                wait(driver, step["wait"], step.get("timeout", 30_000))
            elif "focus" in step:
                driver.execute_script("arguments[0].focus()", driver.find_element(By.CSS_SELECTOR, step["focus"]))
            elif "press" in step:
                ActionChains(driver).send_keys(KEYS[step["press"]]).perform()
            elif "type" in step:
                ActionChains(driver).send_keys(step["type"]).perform()
            elif "choose" in step:
                choose(driver, *step["choose"])
            elif "read" in step:
                report["reads"][step["read"][0]] = driver.execute_script(f"return ({step['read'][1]})")
            elif "get" in step:
                urllib.request.urlopen(plan["base"] + step["get"].lstrip("/"), timeout=10).read()
            elif "pdf" in step:  # WebKitWebDriver 2.50 answers "Unknown command": not used by the suite
                file = Path(plan["out_dir"]) / f"{step['pdf']}.pdf"
                file.write_bytes(base64.b64decode(driver.print_page()))
                report["reads"][step["pdf"]] = str(file)
            else:
                raise ValueError(f"unknown step {step}")
        report["problems"] += driver.execute_script(COLLECT)
    except Exception as error:  # the report carries it; the test shows it with the problems
        report["error"] = f"{type(error).__name__} at {driver.current_url}: {error}"
        report["problems"] += driver.execute_script("return window.__hdProblems || []")
        report["reads"]["states at error"] = driver.execute_script(
            "return [...document.querySelectorAll('[data-hipdrop-widget]')].map((e) => e.dataset.hipdropState"
            " + ': ' + (e.querySelector('.hd-status')?.textContent ?? ''))")
    return report
