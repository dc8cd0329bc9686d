"""The benchmark's own logic (make bench measures; these check what it compares and reports):
the plain baseline really is the course minus our parts, the pages issue 16 names are the ones
measured, bytes land in the right kind (raw and as served), Lighthouse's report is read right,
and a missed target says by how much."""

import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import build_time  # noqa: E402
import lighthouse  # noqa: E402
import run  # noqa: E402
import targets  # noqa: E402
from browser_bench import by_kind, kind_of  # noqa: E402
from counting_server import Sent  # noqa: E402


def test_the_plain_build_keeps_the_markdown_setup_and_drops_our_plugin_and_assets():
    plain = build_time.plain_config(ROOT / "mkdocs.yml")
    names = [p if isinstance(p, str) else next(iter(p)) for p in plain["plugins"]]
    assert "hooks" not in plain and "hipdrop" not in names and "search" in names
    assert "extra_css" not in plain and "extra_javascript" not in plain
    assert "custom_dir" not in plain["theme"] and plain["theme"]["name"] == "material"
    assert plain["markdown_extensions"] and plain["nav"]
    assert (ROOT / "docs").samefile(plain["docs_dir"])


def test_the_measured_pages_are_every_page_type():
    kinds = {"": set(), "lessons/what-is-trendelenburg/": {"quiz"}, "lessons/mechanics/": {"mechanics", "quiz"},
             "final-quiz/": {"quiz"}, "program/": {"picker"}, "about/": set(), "exercises/": set(),
             "exercises/banded-clam/": set(), "exercises/side-plank/": set()}
    pages = run.choose_pages(kinds, "lesson-1--title")
    assert (pages["home"], pages["lesson"], pages["quiz"], pages["program"], pages["lab"], pages["exercise"]) == (
        "", "lessons/what-is-trendelenburg/", "final-quiz/", "program/", "lessons/mechanics/", "exercises/banded-clam/")
    assert pages["lesson_quiz"] == "lessons/what-is-trendelenburg/#lesson-1--title" and pages["ready"] == "program/"
    assert set(run.PAGE_TYPES) <= set(pages)


def test_a_first_visit_is_held_to_300_kb_gzip_with_the_service_worker_and_no_pyodide():
    def visit(total, worker, pyodide=0, responses=40):
        return {"gzip": {"total": total}, "service_worker": {"gzip": worker}, "pyodide": {"gzip": pyodide},
                "responses": responses, "window_s": 30}
    stock = visit(150_000, 0, responses=20)
    light = targets.first_visit_bytes(visit(207_000, 8_000), stock)
    assert light.met and "40 requests, 207 KB gzip (service worker 8 KB)" in light.value and "stock Material 20" in light.value
    heavy = targets.first_visit_bytes(visit(1_813_000, 1_600_000, pyodide=5_000, responses=189), stock)
    assert not heavy.met and "+1513 KB over 300 KB" in heavy.miss and "5 KB of Pyodide" in heavy.miss


def test_bytes_are_counted_by_kind_raw_and_as_served():
    log = {
        "/lessons/x/": Sent(100, 30, 1), "/assets/stylesheets/main.css": Sent(20, 5, 1),
        "/assets/hipdrop/js/bridge.mjs": Sent(8, 8, 1), "/assets/pyodide/pyodide.asm.wasm": Sent(1000, 300, 1),
        "/search/search_index.json": Sent(7, 2, 1), "/assets/figures/a.svg": Sent(4, 4, 1),
        "precache:/assets/pyodide/python_stdlib.zip": Sent(50, 50, 1),
    }
    assert kind_of("/lessons/x/index.html") == "html" and kind_of("precache:/manifest.webmanifest") == "json"
    totals = by_kind(log)
    raw, served = totals["raw"], totals["served"]
    assert (raw["html"], raw["css"], raw["js"], raw["json"], raw["wasm"], raw["other"]) == (100, 20, 8, 7, 1000, 54)
    assert (served["html"], served["wasm"], served["total"]) == (30, 300, 399)
    assert totals["pyodide"] == {"raw": 1050, "served": 350, "gzip": 0}
    assert totals["service_worker"] == {"raw": 50, "served": 50, "gzip": 0} and totals["service_worker_responses"] == 1
    assert raw["total"] == sum(s.raw for s in log.values()) and totals["responses"] == 7


def test_lighthouse_scores_are_read_per_category_with_the_audits_that_cost_points():
    lhr = {
        "categories": {
            "performance": {"score": 0.81, "auditRefs": [{"id": "total-blocking-time", "weight": 30}]},
            "accessibility": {"score": 1, "auditRefs": [{"id": "image-alt", "weight": 10}]},
            "best-practices": {"score": 1, "auditRefs": []},
            "seo": {"score": 0.92, "auditRefs": [{"id": "meta-description", "weight": 1}, {"id": "hreflang", "weight": 0}]},
        },
        "audits": {
            "total-blocking-time": {"score": 0.4, "numericValue": 812.4}, "image-alt": {"score": 1},
            "meta-description": {"score": 0}, "hreflang": {"score": 0},
            "cumulative-layout-shift": {"numericValue": 0.0412},
        },
    }
    found = lighthouse.scores(lhr)
    assert found["scores"] == {"performance": 81, "accessibility": 100, "best-practices": 100, "seo": 92}
    assert found["metrics"] == {"total-blocking-time": 812, "cumulative-layout-shift": 0.041}
    assert found["failed"]["performance"] == ["total-blocking-time"] and found["failed"]["seo"] == ["meta-description"]
    median = lighthouse.median_scores([found, {**found, "scores": {**found["scores"], "performance": 90}}, found])
    assert median["scores"]["performance"] == 81 and median["runs"] == 3


def test_a_missed_target_says_by_how_much_and_a_met_one_says_nothing():
    missed = targets.ratio_at_most("build", 3.0, 2.0, 1.25, "s", strict=True)
    assert not missed.met and "0.25× over" in missed.miss and "+0.50 s" in missed.miss
    met = targets.ms_below("round trip", 4.0, 20, strict=True)
    assert met.met and met.miss == ""
    sizes = {"raw": {"total": 900_000}, "served": {"total": 500_000}, "pyodide": {"raw": 0, "served": 0},
             "service_worker": {"raw": 50_000, "served": 50_000}}
    heavy = targets.lesson_bytes({"total": sizes, "until_load": sizes})
    assert not heavy.met and "+150 KB over 300 KB" in heavy.miss and "service worker precache 50 KB" in heavy.value
    page = {"scores": {"performance": 93, "accessibility": 100, "best-practices": 96, "seo": 100},
            "failed": {"best-practices": ["errors-in-console"]}}
    perf, others = targets.lighthouse("lesson", page, {"scores": {"performance": 97}})
    assert not perf.met and perf.miss == "-4 points"
    assert not others.met and "best-practices below 100 (errors-in-console)" in others.miss
