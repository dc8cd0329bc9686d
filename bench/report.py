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
