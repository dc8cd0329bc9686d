"""The benchmark's own logic (make bench measures; these check what it compares and reports):
the plain baseline really is the course minus our parts, bytes land in the right kind, and a
missed target says by how much."""

import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import build_time  # noqa: E402
import targets  # noqa: E402
from browser_bench import by_kind, kind_of  # noqa: E402


def test_the_plain_build_keeps_the_markdown_setup_and_drops_our_plugin_and_assets():
    plain = build_time.plain_config(ROOT / "mkdocs.yml")
    names = [p if isinstance(p, str) else next(iter(p)) for p in plain["plugins"]]
    assert "hooks" not in plain and "hipdrop" not in names and "search" in names
    assert "extra_css" not in plain and "extra_javascript" not in plain
    assert "custom_dir" not in plain["theme"] and plain["theme"]["name"] == "material"
    assert plain["markdown_extensions"] and plain["nav"]
    assert (ROOT / "docs").samefile(plain["docs_dir"])


def test_bytes_are_counted_by_kind():
    log = {
        "/lessons/x/": 100, "/assets/stylesheets/main.css": 20, "/assets/hipdrop/js/bridge.js": 5,
        "/assets/pyodide/pyodide.asm.wasm": 1000, "/assets/hipdrop/engine/abc/hipdrop-0.1.0-py3-none-any.whl": 50,
        "/search/search_index.json": 7, "precache:/assets/pyodide/pyodide.asm.wasm": 1000,
    }
    assert kind_of("/assets/pyodide/pyodide.mjs") == "Pyodide"
    totals = by_kind(log)
    assert (totals["HTML"], totals["CSS"], totals["JS"], totals["Pyodide"], totals["engine"], totals["other"]) == (100, 20, 5, 1000, 50, 7)
    assert totals["SW precache"] == 1000 and totals["Pyodide incl. precache"] == 2000
    assert totals["total"] == sum(log.values())


def test_a_missed_target_says_by_how_much_and_a_met_one_says_nothing():
    missed = targets.ratio_at_most("build", 3.0, 2.0, 1.25, "s", strict=True)
    assert not missed.met and "0.25× over" in missed.miss and "+0.50 s" in missed.miss
    met = targets.ms_below("round trip", 4.0, 20, strict=True)
    assert met.met and met.miss == ""
    heavy = targets.lesson_bytes({"total": 450_000, "Pyodide incl. precache": 0})
    assert not heavy.met and "+150 KB over 300 KB" in heavy.miss
