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


def first_visit_bytes(ours: dict, stock: dict) -> Verdict:
    """A new reader reads one lesson without reaching its quiz: everything the page and its
    service worker fetch in the window (30 s), gzipped as a plain static server sends it, at most
    300 KB, and no Pyodide byte."""
    total, pyodide = ours["gzip"]["total"], ours["pyodide"]["gzip"]
    met = total <= 300 * KB and pyodide == 0
    misses = []
    if total > 300 * KB:
        misses.append(f"{(total - 300 * KB) / KB:+.0f} KB over 300 KB")
    if pyodide:
        misses.append(f"{pyodide / KB:.0f} KB of Pyodide")
    value = (f"{ours['responses']} requests, {total / KB:.0f} KB gzip (service worker {ours['service_worker']['gzip'] / KB:.0f} KB), "
             f"Pyodide {pyodide / KB:.0f} KB; stock Material {stock['responses']} requests, {stock['gzip']['total'] / KB:.0f} KB")
    return Verdict(f"lesson read, first visit, page + service worker, {ours['window_s']:g} s", value,
                   "≤ 300 KB gzip, no Pyodide", met, "; ".join(misses))


def s_below(measure: str, value: float, limit: float) -> Verdict:
    met = value < limit
    return Verdict(measure, f"{value:.2f} s", f"< {limit:g} s", met,
                   "" if met else f"{value - limit:+.2f} s ({value / limit:.1f}× the target)")


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
    ]
    if "first_visit" in results["bytes"]:
        found.append(first_visit_bytes(results["bytes"]["first_visit"], results["bytes"]["first_visit_stock"]))
    feedback = results["quiz_feedback_ms"]
    found.append(ms_below("quiz reached by scrolling -> first feedback, cold", feedback["scroll"]["median"], 1500, strict=False))
    if "warm" in feedback:
        found.append(ms_below("quiz checked again -> feedback, Python up", feedback["warm"]["median"], 300, strict=False))
    found.append(s_below("mkdocs serve: lesson edit -> served", results["rebuild_s"]["served"]["median"], 2.0))
    if "rebuild_dirty_s" in results:
        found.append(s_below("mkdocs serve --dirty: lesson edit -> served", results["rebuild_dirty_s"]["served"]["median"], 2.0))
    found += [
        *ready_verdicts(ready),
        ms_below("grading round trip", results["round_trip_ms"]["median"], 20, strict=True),
        ms_below("second widget page ready", results["second_page_ms"]["median"], 150, strict=False),
    ]
    pages = results.get("lighthouse", {})
    for name, page in pages.items():
        if name.startswith("stock") or name == "stock":
            continue
        found += lighthouse(name, page, pages.get(f"stock:{name}") or pages["stock"])
    return found
