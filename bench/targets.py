"""The targets of issues 9, 16 and 25 and the verdict on each measure: met, or missed by how much."""

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


def lesson_bytes(reading: dict) -> Verdict:
    """Reading a lesson without reaching its widget: at most 300 KB as served by the page itself
    (the service worker's precache is reported beside it) and no Pyodide byte, the service worker
    included."""
    total, until_load = reading["total"], reading["until_load"]
    worker = total["service_worker"]["served"]
    page, pyodide = total["served"]["total"] - worker, total["pyodide"]["served"]
    met = page <= 300 * KB and pyodide == 0
    misses = []
    if page > 300 * KB:
        misses.append(f"{(page - 300 * KB) / KB:+.0f} KB over 300 KB")
    if pyodide:
        misses.append(f"{pyodide / KB:.0f} KB of Pyodide (page and service worker)")
    value = (f"page {page / KB:.0f} KB served ({until_load['served']['total'] / KB:.0f} KB until load), "
             f"service worker precache {worker / KB:.0f} KB, Pyodide {pyodide / KB:.0f} KB")
    return Verdict("lesson read without its widget, bytes", value, "page ≤ 300 KB served, no Pyodide", met,
                   "; ".join(misses))


def lighthouse(name: str, page: dict, stock: dict) -> list[Verdict]:
    """Performance at least 95 and never below the stock Material page; the others at 100."""
    scores, stock_perf = page["scores"], stock["scores"].get("performance", 0)
    perf = scores.get("performance", 0)
    floor = max(95, stock_perf)
    others = ("accessibility", "best-practices", "seo")
    below = [c for c in others if scores.get(c, 0) < 100]
    failed = [a for c in below for a in page["failed"].get(c, [])]
    return [
        Verdict(f"Lighthouse performance, {name}", f"{perf:g} (stock page {stock_perf:g})", f"≥ 95 and ≥ stock ({floor:g})",
                perf >= floor, "" if perf >= floor else f"{perf - floor:+g} points"),
        Verdict(f"Lighthouse a11y / best practices / SEO, {name}", " / ".join(f"{scores.get(c, 0):g}" for c in others),
                "100 each", not below,
                "" if not below else f"{', '.join(below)} below 100 ({', '.join(failed) or 'see report'})"),
    ]


def ready_verdicts(ready: dict) -> list[Verdict]:
    """Widget ready against the bare boot (issue 25): at most 0.8× cold and 0.5× warm, on each server."""
    return [
        ratio_at_most(f"widget ready vs bare boot, {mode}, {server}", ready[f"ours{suffix}_{mode}"]["median"],
                      ready[f"bare{suffix}_{mode}"]["median"], limit, "ms")
        for suffix, server in (("", "project server"), ("_plain", "plain server"))
        for mode, limit in (("cold", 0.80), ("warm", 0.50))
        if f"ours{suffix}_{mode}" in ready and f"bare{suffix}_{mode}" in ready
    ]


def verdicts(results: dict) -> list[Verdict]:
    build = results["build_s"]
    ready = results["ready_ms"]
    found = [
        ratio_at_most("build time, course vs plain", build["course"]["median"], build["plain"]["median"], 1.25, "s", strict=True),
        lesson_bytes(results["bytes"]["lesson_reading"]),
        *ready_verdicts(ready),
        ms_below("grading round trip", results["round_trip_ms"]["median"], 20, strict=True),
        ms_below("second widget page ready", results["second_page_ms"]["median"], 150, strict=False),
    ]
    pages = results.get("lighthouse", {})
    for name, page in pages.items():
        if name != "stock":
            found += lighthouse(name, page, pages["stock"])
    return found
