"""Every built page is valid HTML by the Nu Html Checker (npm vnu-jar, pinned), run once over
all pages. Only messages that Material for MkDocs' own templates cause are allowed, each by its
exact text and the markup it is about; anything our macros, renderers or overrides write must
be fixed instead."""

import json
import re
import shutil
import subprocess

import pytest

from support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (exact message, regex the offending markup must match, why it is not ours)
MATERIAL_CAUSES = [
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
        "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
        "“tel”, “text”, “time”, “url”, or “week”.",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
        "Material's base.html puts autocomplete=off on its drawer and search checkboxes",
    ),
    (
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        r'<label class="md-nav__link" for="__nav_[\d_]+" id="__nav_[\d_]+_label" tabindex="">',
        "Material's nav-item.html writes tabindex=\"\" on section labels (navigation.sections)",
    ),
    (
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        r'<label class="md-nav__title" for="__toc">',
        "Material's toc.html labels its hidden __toc toggle, which it only writes for some pages",
    ),
]


def caused_by_material(message: dict) -> bool:
    extract = message.get("extract", "")
    return any(
        message["message"] == text and re.search(markup, extract)
        for text, markup, _why in MATERIAL_CAUSES
    )


def html_pages(built_site, all_pages):
    """Every page the build writes (tests may add their own harness pages; those are left out)."""
    pages = [built_site / path / "index.html" for path in all_pages]
    if (built_site / "404.html").exists():
        pages.append(built_site / "404.html")
    return pages


@pytest.fixture(scope="module")
def vnu_messages(built_site, all_pages):
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: the Nu Html Checker needs Java 17", pytrace=False)
    if not VNU.exists():
        pytest.fail(f"{VNU} missing: run `npm ci` (make test does)", pytrace=False)
    pages = html_pages(built_site, all_pages)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, pages)],
        capture_output=True,
        text=True,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no report (exit {result.returncode}):\n{result.stderr[-2000:]}", pytrace=False)
    return pages, report["messages"]


def test_vnu_checked_every_page(vnu_messages, built_site):
    pages, messages = vnu_messages
    assert len(pages) > 1
    assert all(m.get("url", "").startswith("file:") for m in messages)


def test_every_page_is_valid_html(vnu_messages, built_site):
    _pages, messages = vnu_messages
    errors = [
        f"{m.get('url', '').removeprefix('file:' + str(built_site))}:{m.get('lastLine', '?')}: "
        f"{m['message']}  [{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] in ("error", "non-document-error") and not caused_by_material(m)
    ]
    assert errors == []



def test_an_allowance_covers_only_materials_markup():
    text = MATERIAL_CAUSES[1][0]
    material = {"message": text, "extract": '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'}
    ours = {"message": text, "extract": '<label class="hd-option" for="q1" tabindex="">'}
    assert caused_by_material(material)
    assert not caused_by_material(ours)
