"""The machine the figures come from: cores, CPU model, RAM, and the browser."""

import os
import platform
from pathlib import Path


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def ram_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return 0.0


def describe(browser_version: str) -> dict:
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": cpu_model(),
        "ram_gib": ram_gib(),
        "python": platform.python_version(),
        "chromium": browser_version,
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
    }
