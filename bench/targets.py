"""The speed targets from issue 9 and the verdict on each measure: met, or missed by how much."""

from dataclasses import asdict, dataclass

KB = 1000


@dataclass(frozen=True)
class Verdict:
    measure: str
    value: str
    target: str
    met: bool
    miss: str  # by how much a missed target is missed; empty when met

    def to_dict(self) -> dict:
        return asdict(self)


def ratio_at_most(measure: str, ours: float, baseline: float, limit: float, unit: str, strict: bool = False) -> Verdict:
    ratio = ours / baseline
    met = ratio < limit if strict else ratio <= limit
    sign = "<" if strict else "≤"
    digits = 2 if unit == "s" else 0
    miss = "" if met else (
        f"{ratio - limit:.2f}× over: {ours - baseline * limit:+.{digits}f} {unit} more than the target allows"
    )
    value = f"{ratio:.2f}× ({ours:.{digits}f} {unit} vs {baseline:.{digits}f} {unit})"
    return Verdict(measure, value, f"{sign} {limit:.2f}×", met, miss)


def ms_below(measure: str, value: float, limit: float, strict: bool) -> Verdict:
    met = value < limit if strict else value <= limit
    miss = "" if met else f"{value - limit:+.1f} ms ({value / limit:.1f}× the target)"
    return Verdict(measure, f"{value:.1f} ms", f"{'<' if strict else '≤'} {limit:.0f} ms", met, miss)


def lesson_bytes(total: dict, until_load: dict | None = None) -> Verdict:
    size, pyodide = total["total"], total["Pyodide incl. precache"]
    met = size < 300 * KB and pyodide == 0
    misses = []
    if size >= 300 * KB:
        misses.append(f"{(size - 300 * KB) / KB:+.0f} KB over 300 KB")
    if pyodide:
        misses.append(f"{pyodide / KB:.0f} KB of Pyodide (page and service worker)")
    reading = f" ({until_load['total'] / KB:.0f} KB until load)" if until_load else ""
    return Verdict("lesson page bytes", f"{size / KB:.0f} KB{reading}, Pyodide {pyodide / KB:.0f} KB",
                   "< 300 KB, no Pyodide", met, "; ".join(misses))


def verdicts(results: dict) -> list[Verdict]:
    build = results["build_s"]
    ready = results["ready_ms"]
    return [
        ratio_at_most("build time, course vs plain", build["course"]["median"], build["plain"]["median"], 1.25, "s", strict=True),
        lesson_bytes(results["bytes"]["lesson"]["total"], results["bytes"]["lesson"]["until_load"]),
        ratio_at_most("widget ready vs bare boot, cold", ready["widget_cold"]["median"], ready["bare_cold"]["median"], 1.10, "ms"),
        ratio_at_most("widget ready vs bare boot, warm", ready["widget_warm"]["median"], ready["bare_warm"]["median"], 1.10, "ms"),
        ms_below("grading round trip", results["round_trip_ms"]["median"], 20, strict=True),
        ms_below("second widget page ready", results["second_page_ms"]["median"], 150, strict=False),
    ]
