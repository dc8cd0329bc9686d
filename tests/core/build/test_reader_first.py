"""Reading costs little: our CSS is one file with its print rules for paper only, none of our
scripts blocks rendering, and "Save this course for offline use" states the size of the Python
runtime it downloads, counted from the built files."""

import re

import pytest

from hipdrop_tools.build import css_bundle

from hipdrop_tools.offline import service_worker as offline
from support import ROOT

LESSON = "lessons/what-is-trendelenburg/index.html"


def test_a_page_links_one_stylesheet_of_ours_made_of_every_source(built_site):
    html = (built_site / LESSON).read_text(encoding="utf-8")
    ours = re.findall(r'<link rel="stylesheet" href="([^"]*assets/hipdrop/[^"]*)"', html)
    assert ours == ["../../assets/hipdrop/css/course.css"]
    bundle = (built_site / css_bundle.BUNDLE).read_text(encoding="utf-8")
    core, pack = ROOT / "src" / "hipdrop_tools" / "assets" / "css", ROOT / "site_assets" / "css"
    for source in (core / "hipdrop.css", core / "present.css", pack / "picker.css", pack / "mechanics.css",
                   core / "print.css", core / "a11y.css"):
        assert source.read_text(encoding="utf-8").strip() in bundle, f"{source.name} is not in the bundle"


def test_print_rules_apply_on_paper_only(built_site):
    """print.css holds rules for paper alone: in the bundle they stay inside @media print."""
    source = (ROOT / "src" / "hipdrop_tools" / "assets" / "css" / "print.css").read_text(encoding="utf-8")
    body = re.sub(r"/\*.*?\*/", "", source, flags=re.S).strip()
    assert body.startswith("@media print {") and body.endswith("}")
    assert body.count("@media print") == 1


def test_none_of_our_scripts_blocks_rendering(built_site):
    html = (built_site / LESSON).read_text(encoding="utf-8")
    for tag in re.findall(r"<script[^>]*src=\"[^\"]*assets/hipdrop/[^\"]*\"[^>]*>", html):
        assert 'type="module"' in tag or " defer" in tag, tag


def test_a_source_that_cannot_be_concatenated_is_named():
    with pytest.raises(css_bundle.CssBundleError, match=r"picker\.css: '@import'"):
        css_bundle.bundle([("hipdrop.css", "a { color: red; }"), ("picker.css", '@import "x.css";')])


def test_the_offline_control_states_the_size_of_the_built_runtime(built_site):
    runtime = [
        p for p in built_site.rglob("*")
        if p.is_file() and offline.is_runtime(p.relative_to(built_site).as_posix())
        and not p.name.endswith(offline.SKIPPED_SUFFIXES)  # a server's compressed copies, not downloaded as well
    ]
    size = sum(p.stat().st_size for p in runtime)
    assert size > 5_000_000
    for page in ("handouts/index.html", "teachers/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert f'data-bytes="{size}"' in html, page
        assert f"{size / 1_000_000:.1f} MB" in html
        assert "Save this course for offline use" in html
