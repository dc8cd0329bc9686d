"""Build-time parts of teaching and offline use: QR codes that carry each page's public address,
the service worker's precache and version, the web app manifest, and the one-file launcher."""

import ast
import json
import re
import struct
import sys
from pathlib import Path

import zxingcpp

from hipdrop_tools.offline import bundle

from hipdrop_tools.offline import service_worker as offline

from hipdrop_tools.build import qr
from hipdrop_tools.course.config import course_file_stem, course_project
from support import PUBLIC_SITE_URL as PUBLIC
from support import ROOT

NOTICE = "no site_url in mkdocs.yml, so pages get no QR code"


QR_PIXELS = 400  # the code drawn 400 px wide, about what a phone's camera sees of a handout


def page_qr(html: str) -> tuple[str, str] | None:
    """(the address the page says it encodes, the code's <svg>) or None."""
    match = re.search(r'<figure class="hd-qr" data-address="([^"]+)">(<svg.*?</svg>)', html, re.S)
    return (match.group(1), match.group(2)) if match else None


def decode_qr(page, svg: str) -> list[str]:
    """What an independent reader makes of the code: Chromium draws the page's SVG into grey
    pixels, and zxing-cpp (a QR decoder unrelated to segno, which drew it) reads them."""
    grey = page.evaluate(
        """async ([svg, size]) => {
          const image = new Image();
          image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
          await image.decode();
          const canvas = new OffscreenCanvas(size, size);
          const context = canvas.getContext("2d");
          context.fillStyle = "#fff";
          context.fillRect(0, 0, size, size);
          context.drawImage(image, 0, 0, size, size);
          const rgba = context.getImageData(0, 0, size, size).data;
          const grey = [];
          for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i] + rgba[i + 1] + rgba[i + 2]) / 3));
          return grey;
        }""",
        [svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) if "xmlns" not in svg else svg, QR_PIXELS],
    )
    pixels = memoryview(bytes(grey)).cast("B", (QR_PIXELS, QR_PIXELS))
    return [code.text for code in zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)]


def test_every_page_carries_a_qr_code_of_its_own_public_address(public_build, page):
    site, result = public_build
    assert NOTICE not in result.stdout + result.stderr
    expected = {
        "index.html": PUBLIC,
        "lessons/what-is-trendelenburg/index.html": PUBLIC + "lessons/what-is-trendelenburg/",
        "teachers/index.html": PUBLIC + "teachers/",
    }
    for rel, address in expected.items():
        found = page_qr((site / rel).read_text())
        assert found is not None, f"{rel}: no QR code"
        assert found[0] == address
        assert decode_qr(page, found[1]) == [address], f"{rel}: the code does not encode {address}"
    # Every page has one, of its own address (the folder it was built into, under the public one).
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        address = PUBLIC if rel == "." else f"{PUBLIC}{rel}/"
        found = page_qr(html.read_text())
        assert found is not None, f"{rel}: no QR code"
        assert decode_qr(page, found[1]) == [address], f"{rel}: the code does not encode {address}"


def test_a_qr_code_carries_exactly_its_address(page):
    for address in (PUBLIC + "lessons/a/", PUBLIC + "lessons/b/", "https://x.org/~tilde?q=1&r=2#part"):
        assert decode_qr(page, qr.qr_svg(address)) == [address]
    assert qr.page_address(PUBLIC, "lessons/dosing.md") == PUBLIC + "lessons/dosing/"
    assert qr.page_address("https://x.org", "index.md") == "https://x.org/"


def test_without_site_url_the_build_passes_strict_with_one_notice_and_no_codes(web_build):
    site, result = web_build  # the course as `make site` builds it, with no site_url (conftest)
    assert result.returncode == 0, result.stdout + result.stderr
    log = result.stdout + result.stderr
    assert log.count(NOTICE) == 1
    assert not any(line.startswith("WARNING") and "site_url" in line for line in log.splitlines())
    assert not list(filter(page_qr, (p.read_text() for p in site.rglob("index.html"))))
    # The rest of the offline course is there all the same.
    assert (site / "sw.js").is_file() and (site / offline.MANIFEST).is_file()


def worker_list(text: str, name: str) -> list:
    return json.loads(re.search(rf"const {name} = (\[.*?\]);", text, re.S).group(1))


def test_the_service_worker_keeps_the_shell_first_and_the_course_and_runtime_apart(built_site):
    """A first visit keeps only the shell (what every page loads) and the pages opened; the other
    pages and their pictures (COURSE) and Python (RUNTIME) are listed apart with their sizes, and
    every file of the site is in one of the three lists or deliberately in none."""
    text = (built_site / "sw.js").read_text()
    version = re.search(r'const VERSION = "([0-9a-f]+)";', text).group(1)
    shell = worker_list(text, "FILES")
    course = dict(worker_list(text, "COURSE"))
    runtime = dict(worker_list(text, "RUNTIME"))
    for rel in [*shell, *course, *runtime]:
        target = built_site / rel
        assert target.is_file() or (target / "index.html").is_file(), f"sw.js lists {rel}, which the site does not have"
    # The shell: what the lesson loads by itself, and no page.
    lesson = (built_site / "lessons" / "what-is-trendelenburg" / "index.html").read_text()
    loaded = re.findall(r'(?:href|src)="\.\./\.\./(assets/[^"]+\.(?:css|js))"', lesson)
    assert loaded and set(loaded) <= set(shell), set(loaded) - set(shell)
    for needed in ("search/search_index.json", offline.MANIFEST, "assets/hipdrop/js/messages.js"):
        assert needed in shell
    assert not [f for f in shell if f.endswith(".html") or f.startswith(("assets/pyodide/", "downloads/"))]
    assert not [f for f in shell if "/lunr/" in f], "an English site needs no other search language"
    # The course: every page once, under the address links use, with its size.
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert {offline.page_url(rel) for rel in pages} <= set(course)
    assert course["lessons/mechanics/"] == (built_site / "lessons/mechanics/index.html").stat().st_size
    assert "assets/figures/stance-comparison.svg" in course  # a lesson's picture
    made = sorted(p.relative_to(built_site).as_posix() for p in (built_site / "assets/hipdrop/figures").glob("*.svg"))
    assert made and set(made) <= set(course), "figures a pack makes at build time are saved with the course"
    assert not [f for f in course if f.endswith((".pdf", ".map", ".gz", ".br")) or f.startswith("downloads/")]
    # The runtime: Python and the scripts that load only with it, with their sizes.
    for needed in ("assets/pyodide/pyodide.asm.wasm", "assets/pyodide/python_stdlib.zip",
                   "assets/hipdrop/js/worker.js", "assets/hipdrop/js/widgets/quiz.js"):
        assert runtime[needed] == (built_site / needed).stat().st_size
    assert any(rel.endswith(".whl") for rel in runtime) and any(rel.endswith("/pyodide-lock.json") for rel in runtime)
    # Every module a widget imports, at once or later by a literal address (a quiz's result code
    # view and its QR encoder, the class page's QR reader), is saved: or the widget fails offline.
    widgets = sorted((built_site / "assets/hipdrop/js/widgets").glob("*.js"))
    imported = set()
    for widget in widgets:
        for address in re.findall(r"""(?:from|import\(|import)\s*["'](\.{1,2}/[^"'`$]+)["']""", widget.read_text()):
            imported.add((widget.parent / address).resolve().relative_to(built_site.resolve()).as_posix())
    assert "assets/hipdrop/js/result-code-view.js" in imported
    assert not imported - set(shell) - set(runtime), "modules the widgets import that sw.js never saves"
    assert "assets/hipdrop/vendor/qr/index.js" in runtime and "assets/hipdrop/vendor/qr/decode.js" in runtime
    assert not set(shell) & set(runtime) and not set(course) & set(runtime) and not set(shell) & set(course)
    assert version == offline.site_version(built_site, offline.precache_files(built_site))


def test_the_version_changes_with_any_file_but_not_with_the_sitemap_date(tmp_path):
    (tmp_path / "index.html").write_text("<p>one</p>")
    (tmp_path / "sitemap.xml").write_text("<lastmod>2026-01-01</lastmod>")
    files = offline.precache_files(tmp_path)
    before = offline.site_version(tmp_path, files)
    (tmp_path / "sitemap.xml").write_text("<lastmod>2026-01-02</lastmod>")
    assert offline.site_version(tmp_path, files) == before
    (tmp_path / "index.html").write_text("<p>two</p>")
    assert offline.site_version(tmp_path, files) != before


def test_the_manifest_makes_the_course_installable(built_site):
    manifest = json.loads((built_site / offline.MANIFEST).read_text())
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    sizes = set()
    for icon in manifest["icons"]:
        data = (built_site / icon["src"]).read_bytes()
        if icon["type"] == "image/png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = struct.unpack(">II", data[16:24])
            assert f"{width}x{height}" == icon["sizes"]
            sizes.add(width)
    assert {192, 512} <= sizes
    page = (built_site / "lessons" / "mechanics" / "index.html").read_text()
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in page


def test_widget_data_is_kept_out_of_reach_of_instant_navigation(built_site):
    page = (built_site / "lessons" / "what-is-trendelenburg" / "index.html").read_text()
    scripts = re.findall(r"(.{0,30})<script type=\"application/json\" class=\"hd-data\">", page)
    assert scripts and all(before.endswith("<template data-hd-data>") for before in scripts)


def test_the_launcher_is_one_file_that_needs_only_the_standard_library():
    source = bundle.launcher_source()
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported and imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)
    assert "def make_server" in source and "def launch" in source and "--no-browser" in source


def test_hipdrop_bundle_is_registered_and_documented_for_teachers():
    from hipdrop_tools.cli import build_parser

    args = build_parser().parse_args(["bundle", "--out", "x"])
    assert args.command == "bundle" and args.out == Path("x")
    readme = bundle.readme_text(course_project(ROOT), "9.9")
    for system in ("Windows", "macOS", "Linux"):
        assert system in readme
    assert readme.startswith("Hip Drop: Trendelenburg gait, explained\nThe classroom copy, version 9.9")
    assert "education, not medical advice" in readme  # the pack's notice


def test_the_bundle_and_scorm_package_are_named_after_any_course(tmp_path):
    from hipdrop_tools.lms.scorm import package_name

    assert bundle.bundle_name(course_file_stem(ROOT), "1.0") == "hip-drop-course-1.0"
    (tmp_path / "mkdocs.yml").write_text("site_name: How sourdough rises (an example course)\n"
                                         "plugins:\n  - hipdrop\n")
    other = course_project(tmp_path)
    assert package_name(course_file_stem(tmp_path), "1.0") == "how-sourdough-rises-an-example-course-1.0-scorm12.zip"
    readme = bundle.readme_text(other, "1.0") + bundle.redirect_page(other)
    assert readme.startswith("How sourdough rises (an example course)\n")
    assert "hip drop" not in readme.lower() and "medical" not in readme and "lab" not in readme
    (tmp_path / "mkdocs.yml").write_text("site_name: Pâte à pain\nplugins:\n  - hipdrop:\n      short_name: Pâte\n")
    assert course_file_stem(tmp_path) == "pate-course"
    assert "bundle:" in (ROOT / "Makefile").read_text()


def test_wrapping_widget_data_touches_only_widget_data_and_is_idempotent():
    from hipdrop_tools.build.instant_nav import wrap_widget_data

    page = (
        '<script id="__config" type="application/json">{}</script>'
        '<section data-hipdrop-widget="quiz"><script type="application/json" class="hd-data">{"a": 1}</script></section>'
        "<script>var x = 1;</script>"
    )
    once = wrap_widget_data(page)
    assert once.count("<template data-hd-data>") == 1
    assert '<template data-hd-data><script type="application/json" class="hd-data">{"a": 1}</script></template>' in once
    assert '<script id="__config" type="application/json">{}</script>' in once and "<script>var x = 1;</script>" in once
    assert wrap_widget_data(once) == once


def test_the_offline_build_defers_module_scripts_to_its_classic_loader():
    from hipdrop_tools.offline.file_pages import defer_module_scripts

    html = '<script src="../a.js" type="module"></script><script src="../b.js"></script>'
    assert defer_module_scripts(html) == (
        '<script type="hipdrop/module" data-src="../a.js"></script><script src="../b.js"></script>'
    )
