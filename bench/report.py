"""The benchmark's table (printed) and report (bench/report.json)."""

import json
from pathlib import Path

from browser_bench import KINDS
from targets import KB, Verdict


def _row(cells: list[str], widths: list[int]) -> str:
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [_row(rows[0], widths), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [_row(r, widths) for r in rows[1:]]
    return "\n".join(lines)


def _ms(summary: dict) -> str:
    return f"{summary['median']:.0f}" if summary["median"] >= 100 else f"{summary['median']:.1f}"


def measures_table(results: dict) -> str:
    b, r, q, rb = results["build_s"], results["ready_ms"], results["quiz_feedback_ms"], results["rebuild_s"]
    pages = results["pages"]
    reloaded = (f"{rb['reloaded']['median']:.1f}" if rb.get("reloaded") else "no reload")
    rows = [
        ["measure", "ours (median)", "baseline (median)", "runs"],
        ["build (s)", f"{b['course']['median']:.2f}", f"plain mkdocs-material {b['plain']['median']:.2f}", str(b["course"]["runs"])],
        *boot_rows(r, pages["ready"]),
        ["quiz reached by scrolling -> first feedback (ms)", _ms(q["scroll"]), "", str(q["scroll"]["runs"])],
        ["quiz reached by a jump -> first feedback (ms)", _ms(q["jump"]), "", str(q["jump"]["runs"])],
        *([["quiz checked again, Python up -> feedback (ms)", _ms(q["warm"]), "", str(q["warm"]["runs"])]]
          if "warm" in q else []),
        ["grading round trip (ms)", _ms(results["round_trip_ms"]), "", str(results["round_trip_ms"]["runs"])],
        ["second widget page ready (ms)", _ms(results["second_page_ms"]), "", str(results["second_page_ms"]["runs"])],
        ["mkdocs serve: lesson edit -> served (s)", f"{rb['served']['median']:.1f}", "", str(rb["served"]["runs"])],
        ["mkdocs serve: lesson edit -> page reloaded (s)", reloaded, "", str(rb["served"]["runs"])],
        *([["mkdocs serve --dirty: lesson edit -> served (s)", f"{results['rebuild_dirty_s']['served']['median']:.1f}", "",
            str(results["rebuild_dirty_s"]["served"]["runs"])]] if "rebuild_dirty_s" in results else []),
    ]
    return table(rows)


# Widget ready (bench/boot.py): ours against the bare boot on each server, then each step of ours
# against ours as shipped; the step rows appear when the run measured them.
BOOT_SERVERS = (("", "project server"), ("_plain", "plain server"))
BOOT_STEPS = (("ours_lock", "engine by loadPyodide's packages option (the lock)"),
              ("ours_source_stdlib", "npm standard library, not trimmed or compiled"),
              ("bare_site_runtime", "bare boot of the site's own runtime (trimmed, compiled)"))


def boot_rows(r: dict, page: str) -> list[list[str]]:
    rows = []
    for suffix, server in BOOT_SERVERS:
        for mode in ("cold", "warm"):
            ours, bare = r.get(f"ours{suffix}_{mode}"), r.get(f"bare{suffix}_{mode}")
            if ours and bare:
                rows.append([f"widget ready, {mode}, {server} (ms), {page}", _ms(ours), f"bare Pyodide boot {_ms(bare)}",
                             str(ours["runs"])])
    for name, step in BOOT_STEPS:
        for mode in ("cold", "warm"):
            if r.get(f"{name}_{mode}"):
                rows.append([f"step: {step}, {mode} (ms)", _ms(r[f"{name}_{mode}"]), f"ours as shipped {_ms(r[f'ours_{mode}'])}",
                             str(r[f"{name}_{mode}"]["runs"])])
    return rows


def replace_ready_rows(readme: Path, results: dict, verdicts: list[Verdict]) -> None:
    """Put this run's widget-ready rows in place of those of README.md's Benchmark tables (measures
    and targets), and the sentence that says when and where they were measured."""
    lines = readme.read_text(encoding="utf-8").split("\n")
    ready = [_row(row, [len(c) for c in row]) for row in boot_rows(results["ready_ms"], results["pages"]["ready"])]
    judged = [_row([v.measure, v.value, v.target, "yes" if v.met else "NO", v.miss], [0] * 5) for v in verdicts]
    about = results["ready_machine"]
    when = (f"Widget ready rows: `bench/boot.py --report`, {about['date']}, Chromium {about['chromium']}, load average "
            f"{', '.join(map(str, about['load_average_at_start']))} at the start and "
            f"{', '.join(map(str, about['load_average_1_5_15']))} at the end (other work shared the machine).")
    out: list[str] = []
    for line in lines:
        if line.startswith(("| widget ready, ", "| step: ")):
            out += ready
            ready = []
        elif line.startswith("| widget ready vs bare boot"):
            out += judged
            judged = []
        elif line.startswith("Widget ready rows: "):
            continue
        else:
            out.append(line)
            if line.startswith("Bytes: lesson ") and when:
                out[-1:-1] = [when, ""]
                when = ""
    start = out.index(README_HEADING)
    end = next((i for i in range(start + 1, len(out)) if out[i].startswith("## ")), len(out))
    readme.write_text("\n".join(out[:start] + _aligned(out[start:end]) + out[end:]), encoding="utf-8")


def _aligned(lines: list[str]) -> list[str]:
    """The lines with each Markdown table's columns padded again to one width."""
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if len(block) > 2:
            rows = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in block]
            out += table([rows[0], *rows[2:]]).split("\n")
        else:
            out += block
        block = []
        out.append(line)
    return out[:-1]


LIGHTHOUSE_METRICS = (("first-contentful-paint", "FCP ms"), ("largest-contentful-paint", "LCP ms"),
                      ("total-blocking-time", "TBT ms"), ("speed-index", "SI ms"), ("cumulative-layout-shift", "CLS"))


SIDE_BY_SIDE = (("first-contentful-paint", "FCP ms"), ("largest-contentful-paint", "LCP ms"),
                ("total-blocking-time", "TBT ms"), ("cumulative-layout-shift", "CLS"))


def lighthouse_table(results: dict) -> str:
    """Each page type, ours beside the same page built by plain mkdocs-material (stock) in the
    same run: performance, the other categories (ours), FCP, LCP, TBT and CLS."""
    pages, found = results["pages"], results["lighthouse"]
    if not any(name.startswith("stock:") for name in found):  # a report from before issue 25
        return _lighthouse_table_single(results)
    rows = [["Lighthouse (mobile)", "page", "perf (stock)", "a11y / BP / SEO",
             *(f"{label} (stock)" for _, label in SIDE_BY_SIDE), "runs"]]
    for name, ours in found.items():
        if name.startswith("stock:"):
            continue
        stock = found.get(f"stock:{name}", {"scores": {}, "metrics": {}})
        rows.append([name.replace("_", " "), "/" + pages.get(name, ""), _both(ours, stock, "scores", "performance"),
                     " / ".join(f"{ours['scores'].get(c, 0):g}" for c in ("accessibility", "best-practices", "seo")),
                     *(_both(ours, stock, "metrics", key) for key, _ in SIDE_BY_SIDE), str(ours["runs"])])
    return table(rows)


def _both(ours: dict, stock: dict, part: str, key: str) -> str:
    return f"{ours[part].get(key, 0):g} ({stock[part].get(key, 0):g})"


def _lighthouse_table_single(results: dict) -> str:
    pages = results["pages"]
    rows = [["Lighthouse (mobile)", "page", "perf", "a11y", "best pr.", "SEO", *(label for _, label in LIGHTHOUSE_METRICS), "runs"]]
    for name, found in results["lighthouse"].items():
        scores, metrics = found["scores"], found["metrics"]
        rows.append([name, "/" + pages.get(name, ""), *(f"{scores.get(c, 0):g}" for c in ("performance", "accessibility", "best-practices", "seo")),
                     *(f"{metrics.get(key, 0):g}" for key, _ in LIGHTHOUSE_METRICS), str(found["runs"])])
    return table(rows)


def first_visit_table(results: dict) -> str:
    """A new reader reads one lesson: requests and KB (gzip -6, as a plain static server sends
    them; raw) of the page and its service worker over the window, ours and stock Material."""
    rows = [["lesson read, first visit", "requests", "KB gzip", "of it service worker", "of it Pyodide", "KB raw"]]
    for label, key in (("ours", "first_visit"), ("stock mkdocs-material", "first_visit_stock")):
        visit = results["bytes"][key]
        rows.append([label, str(visit["responses"]), f"{visit['gzip']['total'] / KB:.1f}",
                     f"{visit['service_worker']['gzip'] / KB:.1f} ({visit['service_worker_responses']} requests)",
                     f"{visit['pyodide']['gzip'] / KB:.1f}", f"{visit['raw']['total'] / KB:.1f}"])
    return table(rows)


def bytes_table(results: dict) -> str:
    reading = results["bytes"]["lesson_reading"]
    rows = [["bytes, lesson read (KB)", "until load, raw", "until load, served", "in all, raw", "in all, served"]]
    for kind in (*KINDS, "total", "pyodide", "service_worker"):
        cells = []
        for phase in ("until_load", "total"):
            sizes = reading[phase]
            pair = sizes[kind] if kind in ("pyodide", "service_worker") else {m: sizes[m][kind] for m in ("raw", "served")}
            cells += [f"{pair['raw'] / KB:.1f}", f"{pair['served'] / KB:.1f}"]
        label = {"pyodide": "of it Pyodide", "service_worker": "of it service worker precache"}.get(kind, kind)
        rows.append([label, *cells])
    return table(rows)


def verdicts_table(verdicts: list[Verdict]) -> str:
    rows = [["target", "measured", "target", "met", "missed by"]]
    rows += [[v.measure, v.value, v.target, "yes" if v.met else "NO", v.miss] for v in verdicts]
    return table(rows)


def write_json(path: Path, results: dict, verdicts: list[Verdict], machine: dict) -> None:
    report = {"machine": machine, "results": results, "targets": [v.to_dict() for v in verdicts]}
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


README_HEADING = "## Benchmark"

README_INTRO = """`make bench` builds the course and measures it side by side with its baselines, in one run,
interleaved, medians of {runs} runs (the grading round trip: median of {trips}; Lighthouse: median
of {lh_runs}); it prints the tables and writes `bench/report.json`. No test asserts a time. Each
page type is measured beside the same page built in the same run with plain mkdocs-material (no
plugin, macros or assets of ours: "stock"). Everything is served by the project's own server
(`hipdrop_tools.offline.serve`).
Latest figures, {date}, from `nproc` = {nproc} ({cpu}), {ram} GiB RAM, Chromium {chromium},
Lighthouse {lighthouse}, load average {load_start} at the start and {load_end} at the end of the
run (other work shared the machine, so times are noisy):"""


def readme_section(results: dict, verdicts: list[Verdict], machine: dict, notes: str = "") -> str:
    intro = README_INTRO.format(
        runs=results["build_s"]["course"]["runs"], trips=results["round_trip_ms"]["runs"],
        lh_runs=next(iter(results["lighthouse"].values()))["runs"], date=machine["date"],
        lighthouse=machine.get("lighthouse", "?"),
        nproc=machine["nproc"], cpu=machine["cpu"], ram=machine["ram_gib"], chromium=machine["chromium"],
        load_start=", ".join(map(str, machine["load_average_at_start"])),
        load_end=", ".join(map(str, machine["load_average_1_5_15"])),
    )
    pages = results["pages"]
    first_visit = []
    if "first_visit" in results["bytes"]:
        visit = results["bytes"]["first_visit"]
        first_visit = [f"A new reader opens `{pages['lesson']}` and reads without reaching its quiz: every request of "
                       f"the page and its service worker in the first {visit['window_s']:g} s (a 304 counts as a request "
                       "of 0 bytes), gzipped at level 6 as a plain static server sends them.", "",
                       first_visit_table(results), ""]
    parts = [
        README_HEADING, "", intro, "", lighthouse_table(results), "", measures_table(results), "", *first_visit,
        f"Bytes: lesson `{pages['lesson']}`, first visit, empty cache, read without reaching its widget "
        "(page and service worker; raw = the files, served = as the server sent them).", "",
        bytes_table(results), "", verdicts_table(verdicts), "",
    ]
    if notes:
        parts += [notes.strip(), ""]
    return "\n".join(parts)


def replace_readme_section(readme: Path, section: str) -> None:
    """Put ``section`` in place of the README's Benchmark section (or append it), keeping the rest."""
    text = readme.read_text(encoding="utf-8")
    start = text.find("\n" + README_HEADING + "\n")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[: start + 1] + section + (text[end + 1 :] if end != -1 else "")
    readme.write_text(text, encoding="utf-8")
