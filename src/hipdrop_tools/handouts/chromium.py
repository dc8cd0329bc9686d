"""Debian's Chromium, as the handouts, the tests and the benchmark all launch it.

Browsers cannot be downloaded here, so Playwright is pointed at the system Chromium; the flags
keep it from calling any outside host (this machine's network refuses those calls).
"""

import os

EXECUTABLE = os.environ.get("HIPDROP_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
    "--disable-sync",
    "--no-sandbox",
)
