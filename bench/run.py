"""`make bench`: measure the course side by side with its baselines, print the tables and write
bench/report.json: build time against plain mkdocs-material; Lighthouse on the home, a lesson,
the final quiz, the program and the lab pages beside the stock lesson built in the same run;
bytes for reading a lesson; reaching a quiz to its first feedback; widget ready against a bare
Pyodide boot; a rebuild under `mkdocs serve`. Every comparison is measured in one run,
interleaved, and reported as the median of several runs. Nothing here asserts a time; the report
says which targets (issues 9 and 16) are met and by how much the others are missed."""

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import boot
import browser_bench
import build_time
import lighthouse
import machine
import rebuild
import report
import targets
from counting_server import serve_counting
from playwright.sync_api import sync_playwright
from stats import summarize

from hipdrop_tools.handouts import chromium
from hipdrop_tools.offline import serve

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = chromium.EXECUTABLE
CHROMIUM_ARGS = list(chromium.LAUNCH_ARGS)
WIDGET = re.compile(r'data-hipdrop-widget="([a-z-]+)"')
QUIZ_TITLE = re.compile(r'<section class="hd-widget hd-quiz"[^>]*aria-labelledby="([^"]+)"')
# The page types Lighthouse measures, each beside the same page built by plain mkdocs-material.
PAGE_TYPES = ("home", "lesson", "lesson_quiz", "quiz", "program", "lab", "exercise")
LESSON_SOURCE = "lessons/what-is-trendelenburg.md"  # the lesson edited under mkdocs serve


def widget_kinds(site: Path) -> dict[str, set[str]]:
    """URL path -> the kinds of widget on that page, for every built page."""
    kinds = {}
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        kinds["" if rel == "." else rel + "/"] = set(WIDGET.findall(html.read_text(encoding="utf-8")))
    return kinds


def choose_pages(kinds: dict[str, set[str]], quiz_anchor: str = "") -> dict[str, str]:
    """The page types issues 16 and 25 name: home, a lesson (its quiz is the one reached by
    scrolling), the same lesson opened at its quiz (a link to the quiz: Python starts at once),
    the final quiz, the program page, the lab (the mechanics widget) and an exercise page; each
    is measured beside the same page built by plain mkdocs-material."""
    def page(preferred: str, kind: str) -> str:
        if preferred in kinds and kind in kinds[preferred]:
            return preferred
        found = [p for p, k in kinds.items() if kind in k]
        if not found:
            sys.exit(f"no page of the built site has a {kind} widget")
        return found[0]
    lesson = page("lessons/what-is-trendelenburg/", "quiz")
    exercises = sorted(p for p, k in kinds.items() if p.startswith("exercises/") and p != "exercises/" and not k)
    return {"home": "", "lesson": lesson, "lesson_quiz": lesson + (f"#{quiz_anchor}" if quiz_anchor else ""),
            "quiz": page("final-quiz/", "quiz"), "program": page("program/", "picker"),
            "lab": page("lessons/mechanics/", "mechanics"), "exercise": exercises[0] if exercises else "exercises/",
            "ready": page("program/", "picker")}


def quiz_anchor(site: Path, lesson: str) -> str:
    """The id of the lesson's quiz title: a link to the quiz lands there."""
    found = QUIZ_TITLE.search((site / lesson / "index.html").read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (median of these)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--rebuild-runs", type=int, default=3, help="lesson edits under mkdocs serve")
    parser.add_argument("--round-trips", type=int, default=60, help="grading round trips to time")
    parser.add_argument("--screen-ms", type=int, default=1000, help="reading speed: ms per screen scrolled")
    parser.add_argument("--read-window-s", type=float, default=30.0,
                        help="a lesson read: what the page and its service worker fetch in this many seconds")
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
    if args.runs < 5 or args.round_trips < 50 or args.lighthouse_runs < 1 or args.rebuild_runs < 1:
        sys.exit("use at least 5 runs, 50 round trips, 1 Lighthouse run and 1 rebuild")
    lighthouse.binary(ROOT)  # fails early, before the builds, when `make setup` was not run

    load_at_start = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="hipdrop-bench-") as tmp:
        print(f"1/7 building: course vs plain mkdocs-material, {args.runs} runs each ...", flush=True)
        build_s = build_time.compare_builds(ROOT, args.runs, Path(tmp))
        site, stock_site = Path(tmp) / "site-course", Path(tmp) / "site-plain"
        kinds = widget_kinds(site)
        pages = choose_pages(kinds, quiz_anchor(site, "lessons/what-is-trendelenburg/"))
        server, base, byte_log = serve_counting(site)
        stock_server, stock_base, stock_log = serve_counting(stock_site)
        try:
            urls = {name: base + pages[name] for name in PAGE_TYPES}
            urls |= {f"stock:{name}": stock_base + pages[name] for name in PAGE_TYPES}
            print(f"2/7 Lighthouse, {args.lighthouse_runs} run(s) per page ...", flush=True)
            lighthouse_results = lighthouse.measure_pages(ROOT, urls, CHROMIUM, args.lighthouse_runs)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                print(f"3/7 bytes: reading {pages['lesson']} without reaching its widget, "
                      f"{args.read_window_s:g} s, ours and stock ...", flush=True)
                bytes_ = {"lesson_reading": browser_bench.reading_bytes(browser, urls["lesson"], byte_log),
                          "first_visit": browser_bench.first_visit(browser, urls["lesson"], byte_log, args.read_window_s),
                          "first_visit_stock": browser_bench.first_visit(browser, urls["stock:lesson"], stock_log,
                                                                         args.read_window_s)}
                print(f"4/7 quiz reached -> first feedback: {pages['lesson']}, {args.runs} runs ...", flush=True)
                feedback = browser_bench.quiz_feedback_runs(browser, urls["lesson"], args.runs, args.screen_ms)
                print(f"5/7 ready: {pages['ready']} vs a bare Pyodide boot, two servers, cold and warm, {args.runs} runs ...",
                      flush=True)
                ready = boot.measure(site, args.runs, browser=browser)["runs_ms"]
                print(f"6/7 grading round trip x{args.round_trips}; second widget page ...", flush=True)
                trips = browser_bench.grading_round_trips(browser, urls["lesson"], args.round_trips)
                second = browser_bench.second_page_ready(browser, (urls["program"], "picker"),
                                                         (urls["lab"], "mechanics"), args.runs)
                print(f"7/7 mkdocs serve: editing {LESSON_SOURCE}, {args.rebuild_runs} times ...", flush=True)
                rebuilt = rebuild.measure(ROOT, browser, LESSON_SOURCE, args.rebuild_runs)
                rebuilt_dirty = rebuild.measure(ROOT, browser, LESSON_SOURCE, args.rebuild_runs, dirty=True)
                version = browser.version
                browser.close()
        finally:
            server.shutdown()
            stock_server.shutdown()

    reloads = [t for t in rebuilt["reloaded_s"] if t is not None]
    results = {
        "pages": pages,
        "build_s": {name: summarize(v).to_dict() for name, v in build_s.items()},
        "lighthouse": lighthouse_results,
        "bytes": bytes_,
        "quiz_feedback_ms": {name: summarize(v).to_dict() for name, v in feedback.items()},
        "ready_ms": {name: summarize(v).to_dict() for name, v in ready.items()},
        "round_trip_ms": summarize(trips).to_dict(),
        "second_page_ms": summarize(second).to_dict(),
        "rebuild_dirty_s": {"served": summarize(rebuilt_dirty["served_s"]).to_dict()},
        "rebuild_s": {"served": summarize(rebuilt["served_s"]).to_dict(),
                      "reloaded": summarize(reloads).to_dict() if reloads else None,
                      "reload_missed": len(rebuilt["reloaded_s"]) - len(reloads),
                      "console_errors": rebuilt["console_errors"][:3]},
        "raw": {"build_s": build_s, "ready_ms": ready, "quiz_feedback_ms": feedback, "second_page_ms": second,
                "round_trip_ms": trips, "rebuild_s": rebuilt, "rebuild_dirty_s": rebuilt_dirty},
    }
    verdicts = targets.verdicts(results)
    about = machine.describe(version, ROOT)
    about["load_average_at_start"] = load_at_start
    print()
    print(f"Machine: {about['date']}, nproc {about['nproc']}, {about['cpu']}, {about['ram_gib']} GiB RAM, "
          f"Chromium {about['chromium']}, Lighthouse {about['lighthouse']}, "
          f"load average at start {load_at_start}, at end {about['load_average_1_5_15']}")
    print()
    print(report.lighthouse_table(results))
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
