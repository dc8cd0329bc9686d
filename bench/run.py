"""`make bench`: measure the course's build and load times side by side with their baselines, print
a table and write bench/report.json. Every comparison is measured in one run, interleaved, and
reported as the median of several runs. Nothing here asserts a time; the report says which
targets (issue 9) are met and by how much the others are missed."""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from hipdrop_tools import chromium

import browser_bench
import build_time
import machine
import report
import targets
from bare_boot import write_bare_page
from counting_server import serve_counting
from stats import summarize

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = chromium.EXECUTABLE
CHROMIUM_ARGS = list(chromium.LAUNCH_ARGS)
WIDGET = re.compile(r'data-hipdrop-widget="([a-z-]+)"')


def build_course(dest: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(dest)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the course does not build:\n{result.stderr[-3000:]}")


def widget_kinds(site: Path) -> dict[str, set[str]]:
    """URL path -> the kinds of widget on that page, for every built page."""
    kinds = {}
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        kinds["" if rel == "." else rel + "/"] = set(WIDGET.findall(html.read_text(encoding="utf-8")))
    return kinds


def choose_pages(kinds: dict[str, set[str]]) -> dict[str, str]:
    lessons = [p for p in kinds if p.startswith("lessons/")]
    if not lessons:
        sys.exit("no lesson pages under lessons/ in the built site")
    lesson = "lessons/what-is-trendelenburg/" if "lessons/what-is-trendelenburg/" in kinds else lessons[0]
    quiz = lesson if "quiz" in kinds[lesson] else next(p for p, k in kinds.items() if "quiz" in k)
    # The widget page: the heaviest widget that is not a quiz, if there is one.
    preferred = ["picker", "mechanics"]
    others = [p for p, k in kinds.items() if k - {"quiz"} and p != quiz]
    widget = min(others, key=lambda p: min((preferred.index(k) if k in preferred else 9) for k in kinds[p] - {"quiz"}),
                 default=next(p for p, k in kinds.items() if k and p != quiz))
    return {"lesson": lesson, "quiz": quiz, "widget": widget}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median of these)")
    parser.add_argument("--round-trips", type=int, default=60, help="grading round trips to time")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "report.json")
    parser.add_argument("--readme", action="store_true",
                        help="also write the figures into README.md's Benchmark section (with bench/NOTES.md)")
    parser.add_argument("--readme-from-report", action="store_true",
                        help="measure nothing: rewrite README.md's Benchmark section from --out")
    args = parser.parse_args(argv)
    if args.readme_from_report:
        saved = json.loads(args.out.read_text(encoding="utf-8"))
        write_readme(saved["results"], targets.verdicts(saved["results"]), saved["machine"])
        return
    if args.runs < 5 or args.round_trips < 50:
        sys.exit("use at least 5 runs and 50 round trips")

    load_at_start = [round(x, 2) for x in os.getloadavg()]
    print(f"1/5 building: course vs plain mkdocs-material, {args.runs} runs each ...", flush=True)
    build_s = build_time.compare_builds(ROOT, args.runs)

    with tempfile.TemporaryDirectory(prefix="hipdrop-bench-site-") as tmp:
        site = Path(tmp) / "site"
        build_course(site)
        pages = choose_pages(widget_kinds(site))
        bare = write_bare_page(site)
        server, base, byte_log = serve_counting(site)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                kinds = widget_kinds(site)
                print(f"2/5 bytes: {pages['lesson']} and {pages['widget']} ...", flush=True)
                bytes_ = {
                    name: browser_bench.transfer(browser, base + pages[name], byte_log, bool(kinds[pages[name]]))
                    for name in ("lesson", "widget")
                }
                print(f"3/5 ready: {pages['quiz']} vs {bare}, cold and warm, {args.runs} runs ...", flush=True)
                ready = browser_bench.ready_cold_and_warm(browser, base + pages["quiz"], base + bare, args.runs)
                print(f"4/5 grading round trip x{args.round_trips} ...", flush=True)
                trips = browser_bench.grading_round_trips(browser, base + pages["quiz"], args.round_trips)
                print(f"5/5 second widget page: {pages['quiz']} -> {pages['widget']} ...", flush=True)
                second = browser_bench.second_page_ready(browser, base + pages["quiz"], base + pages["widget"], args.runs)
                version = browser.version
                browser.close()
        finally:
            server.shutdown()

    results = {
        "pages": pages,
        "build_s": {name: summarize(v).to_dict() for name, v in build_s.items()},
        "bytes": bytes_,
        "ready_ms": {name: summarize(v).to_dict() for name, v in ready.items()},
        "round_trip_ms": summarize(trips).to_dict(),
        "second_page_ms": summarize(second).to_dict(),
        "raw": {"build_s": build_s, "ready_ms": ready, "second_page_ms": second, "round_trip_ms": trips},
    }
    verdicts = targets.verdicts(results)
    about = machine.describe(version)
    about["load_average_at_start"] = load_at_start
    print()
    print(f"Machine: {about['nproc']} cores, {about['cpu']}, {about['ram_gib']} GiB RAM, Chromium {about['chromium']}, "
          f"load average at start {load_at_start}, at end {about['load_average_1_5_15']}")
    print(f"Pages: lesson {pages['lesson']}, quiz {pages['quiz']}, widget {pages['widget']}")
    print()
    print(report.measures_table(results))
    print()
    print(report.bytes_table(results))
    print()
    print(report.verdicts_table(verdicts))
    report.write_json(args.out, results, verdicts, about)
    print(f"\nwrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    if args.readme:
        write_readme(results, verdicts, about)


def write_readme(results: dict, verdicts: list, about: dict) -> None:
    notes = ROOT / "bench" / "NOTES.md"
    section = report.readme_section(results, verdicts, about, notes.read_text(encoding="utf-8") if notes.exists() else "")
    report.replace_readme_section(ROOT / "README.md", section)
    print("updated README.md (Benchmark)")


if __name__ == "__main__":
    main()
