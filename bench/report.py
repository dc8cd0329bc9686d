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


def measures_table(results: dict) -> str:
    b, r = results["build_s"], results["ready_ms"]
    med = lambda s: f"{s['median']:.0f}" if s["median"] >= 100 else f"{s['median']:.1f}"  # noqa: E731
    rows = [
        ["measure", "ours (median)", "baseline (median)", "runs"],
        ["1. build (s)", f"{b['course']['median']:.2f}", f"plain mkdocs-material {b['plain']['median']:.2f}", str(b["course"]["runs"])],
        ["3. widget ready, cold (ms)", med(r["widget_cold"]), f"bare Pyodide boot {med(r['bare_cold'])}", str(r["widget_cold"]["runs"])],
        ["3. widget ready, warm (ms)", med(r["widget_warm"]), f"bare Pyodide boot {med(r['bare_warm'])}", str(r["widget_warm"]["runs"])],
        ["4. grading round trip (ms)", med(results["round_trip_ms"]), "", str(results["round_trip_ms"]["runs"])],
        ["5. second widget page ready (ms)", med(results["second_page_ms"]), "", str(results["second_page_ms"]["runs"])],
    ]
    return table(rows)


def bytes_table(results: dict) -> str:
    rows = [["2. bytes (KB)", *KINDS, "total"]]
    for name, measured in results["bytes"].items():
        for phase in ("until_load", "total"):
            sizes = measured[phase]
            label = f"{name} ({'until load' if phase == 'until_load' else 'all'})"
            rows.append([label, *(f"{sizes[k] / KB:.1f}" for k in KINDS), f"{sizes['total'] / KB:.1f}"])
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
interleaved, medians of {runs} runs (the grading round trip: median of {trips}); it prints the tables
and writes `bench/report.json`. No test asserts a time. Latest figures, from {nproc} cores
({cpu}), {ram} GiB RAM, Chromium {chromium}, load average {load_start} at the start and {load_end} at
the end of the run (other work shared the machine):"""


def readme_section(results: dict, verdicts: list[Verdict], machine: dict, notes: str = "") -> str:
    intro = README_INTRO.format(
        runs=results["build_s"]["course"]["runs"], trips=results["round_trip_ms"]["runs"],
        nproc=machine["nproc"], cpu=machine["cpu"], ram=machine["ram_gib"], chromium=machine["chromium"],
        load_start=", ".join(map(str, machine["load_average_at_start"])),
        load_end=", ".join(map(str, machine["load_average_1_5_15"])),
    )
    pages = results["pages"]
    parts = [
        README_HEADING, "", intro, "", measures_table(results), "",
        f"Bytes: lesson page `{pages['lesson']}`, widget page `{pages['widget']}`, first visit, empty cache.", "",
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
