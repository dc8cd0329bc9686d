"""Lighthouse (npm, pinned in package-lock.json) on served pages: mobile defaults (simulated
throttling), the four categories, JSON output. Chrome is Debian's Chromium, headless; the pages
are on localhost, so nothing leaves this machine."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
TIMEOUT_S = 300


def binary(root: Path) -> Path:
    path = root / "node_modules" / ".bin" / "lighthouse"
    if not path.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `make setup` (npm ci)")
    return path


def run_one(root: Path, url: str, chrome: str) -> dict:
    """One Lighthouse run: the JSON report (Lighthouse's own "lhr")."""
    with tempfile.TemporaryDirectory(prefix="hipdrop-lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        result = subprocess.run(
            [str(binary(root)), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            env={**os.environ, "CHROME_PATH": chrome}, cwd=tmp, capture_output=True, text=True, timeout=TIMEOUT_S,
        )
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def scores(lhr: dict) -> dict:
    """Category scores out of 100, and the metrics that make the performance score."""
    cats = {name: round(lhr["categories"][name]["score"] * 100) for name in CATEGORIES
            if lhr["categories"].get(name, {}).get("score") is not None}
    audits = lhr["audits"]
    metrics = {
        key: round(audits[key]["numericValue"])
        for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index")
        if audits.get(key, {}).get("numericValue") is not None
    }
    if audits.get("cumulative-layout-shift", {}).get("numericValue") is not None:
        metrics["cumulative-layout-shift"] = round(audits["cumulative-layout-shift"]["numericValue"], 3)
    return {"scores": cats, "metrics": metrics, "failed": failed_audits(lhr)}


def failed_audits(lhr: dict) -> dict[str, list[str]]:
    """Per category, the ids of its weighted audits below 0.9 (what to read first in the report)."""
    failed = {}
    for name, category in lhr["categories"].items():
        failed[name] = sorted(
            ref["id"] for ref in category["auditRefs"]
            if ref.get("weight", 0) and (lhr["audits"].get(ref["id"], {}).get("score") is not None)
            and lhr["audits"][ref["id"]]["score"] < 0.9
        )
    return failed


def median_scores(runs: list[dict]) -> dict:
    """Per category and metric, the median over runs; failed audits: those of any run."""
    def med(values):
        values = sorted(values)
        middle = len(values) // 2
        return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    keys = {part: sorted({k for run in runs for k in run[part]}) for part in ("scores", "metrics")}
    return {
        "scores": {k: med([run["scores"][k] for run in runs if k in run["scores"]]) for k in keys["scores"]},
        "metrics": {k: med([run["metrics"][k] for run in runs if k in run["metrics"]]) for k in keys["metrics"]},
        "failed": {c: sorted({a for run in runs for a in run["failed"].get(c, [])}) for c in CATEGORIES},
        "runs": len(runs),
        "performance_runs": [run["scores"].get("performance") for run in runs],
    }


def measure_pages(root: Path, urls: dict[str, str], chrome: str, runs: int, progress=print) -> dict[str, dict]:
    """Every page once per round, ``runs`` rounds, the order turned each round so that all
    pages (the stock one too) see the same machine load; the median per page."""
    per_page: dict[str, list[dict]] = {name: [] for name in urls}
    names = list(urls)
    for run in range(runs):
        for name in (names if run % 2 == 0 else names[::-1]):
            progress(f"   lighthouse {run + 1}/{runs} {name}: {urls[name]}")
            per_page[name].append(scores(run_one(root, urls[name], chrome)))
    return {name: median_scores(found) for name, found in per_page.items()}
