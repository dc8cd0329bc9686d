"""The `hipdrop` MkDocs plugin as a course author meets it: a course with only
`plugins: [search, hipdrop]` builds; a misspelt or mistyped option, an unknown pack or a failing
macro stops a --strict build with a message naming it; and a course pack (a toy one, from
tests/core/packs/) adds its macro, widget, stylesheet and worker method through the extension point,
while a course without it carries none of it."""

import json
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
import yaml

from support import ROOT, Built, build_in_process

MINI = Path(__file__).parent / "mini_course"
PACKS = ROOT / "tests" / "core" / "packs"
TOY = "toy_pack.pack:PACK"


def course(tmp_path: Path, options: dict | None = None, pages: dict[str, str] | None = None) -> Path:
    """The minimal course copied to tmp_path, its hipdrop options set, extra pages added."""
    root = tmp_path / "course"
    shutil.copytree(MINI, root)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    if options is not None:
        config["plugins"] = ["search", {"hipdrop": options}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    for name, text in (pages or {}).items():
        (root / "docs" / name).write_text(text)
    return root


def build(root: Path) -> Built:
    """`mkdocs build --strict` of the course at root into root/site, in this process, with the toy
    pack importable."""
    return build_in_process(root / "mkdocs.yml", root / "site", [str(PACKS)])


def wheel_of(site: Path) -> zipfile.ZipFile:
    (wheel,) = site.glob("assets/hipdrop/engine/*/hipdrop_course_engine-*.whl")
    return zipfile.ZipFile(wheel)


def png_pixel(data: bytes, x: int, y: int) -> tuple[int, int, int]:
    """The colour of one pixel of an 8-bit RGB PNG whose rows are stored unfiltered (as the
    generator writes its icons)."""
    width, height, depth, colour_type = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour_type) == (8, 2), "not 8-bit RGB"
    chunks, at = b"", 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        if data[at + 4:at + 8] == b"IDAT":
            chunks += data[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(chunks)
    row = raw[y * (1 + 3 * width):(y + 1) * (1 + 3 * width)]
    assert row[0] == 0, "a filtered row"
    return tuple(row[1 + 3 * x:4 + 3 * x])


COURSE_ICONS = ROOT / "site_assets" / "icons"


def assert_stops(result: Built, *names: str) -> None:
    assert result.returncode != 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for name in names:
        assert name in result.stderr, result.stderr


def test_a_course_with_only_the_plugin_builds_with_the_core_alone(tmp_path):
    root = course(tmp_path)
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    page = (site / "index.html").read_text()
    assert 'data-hipdrop-widget="quiz"' in page and 'name="hipdrop-engine-lock"' in page
    assert 'rel="manifest"' in page and "Content-Security-Policy" in page
    names = wheel_of(site).namelist()
    assert "hipdrop/quiz/grading.py" in names and "hipdrop/_registry.py" in names
    assert not [n for n in names if n.startswith("hipdrop_course/")]
    assert "hipdrop/quiz/render.py" not in names  # build-time only
    assert json.loads((site / "manifest.webmanifest").read_text())["name"] == "Water, a tiny course"
    assert (site / "sw.js").is_file()
    assert (site / "assets" / "pyodide" / "pyodide.asm.wasm").is_file()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".json", ".xml", ".gift", ".py", ".txt"):
            text = path.read_text(errors="replace").lower()
            assert "trendelenburg" not in text and "program_picker" not in text, path
            assert "hip drop" not in text and "picker" not in text, path
    for name in names:  # the engine wheel (its docstrings and METADATA) names no course either
        assert b"hip drop" not in wheel_of(site).read(name).lower(), name
    # Material's default fonts would come from Google Fonts: the plugin turns them off.
    assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page
    assert (site / "downloads" / "quizzes" / "water.gift").read_text().count("$CATEGORY: Water, a tiny course/water") == 1
    assert not (site / "assets" / "hipdrop" / "js" / "widgets" / "picker.js").exists()
    # Its app icon is the generator's neutral one, in the theme colour, not this course's drawing.
    icons = site / "assets" / "hipdrop" / "icons"
    for name in ("icon.svg", "icon-192.png", "icon-512.png"):
        assert (icons / name).read_bytes() != (COURSE_ICONS / name).read_bytes(), name
    assert '<rect width="100" height="100" fill="#3f51b5"/>' in (icons / "icon.svg").read_text()
    png = (icons / "icon-512.png").read_bytes()
    assert png_pixel(png, 5, 5) == (0x3F, 0x51, 0xB5) and png_pixel(png, 256, 256) == (0x3F, 0x51, 0xB5)
    assert png_pixel(png, 256, 256 - 125) == (255, 255, 255)  # on the ring
    assert '<link rel="icon" href="assets/hipdrop/icons/icon.svg">' in page


def test_precompress_off_writes_no_compressed_copies(tmp_path):
    root = course(tmp_path, {"precompress": False})
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert (site / "index.html").is_file() and (site / "sw.js").is_file()
    assert not [p for p in site.rglob("*") if p.suffix in (".br", ".gz") and p.name != "sitemap.xml.gz"]


def test_a_web_font_chosen_by_the_author_stops_the_build_naming_it(tmp_path):
    root = course(tmp_path)
    config = yaml.safe_load((root / "mkdocs.yml").read_text())
    config["theme"]["font"] = {"text": "Lato"}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    assert_stops(build(root), "theme.font", "Lato", "self-hosted")


def test_serve_watches_the_quizzes_and_every_pack_data_folder(tmp_path):
    from hipdrop_tools.mkdocs_plugin.plugin import HipdropPlugin
    from hipdrop_tools.course.packs import CORE, Pack
    from hipdrop_tools.course.project import Project

    root = course(tmp_path)
    (root / "recipes").mkdir()
    plugin = HipdropPlugin()
    plugin.load_config({})
    plugin.project = Project(root=root, quizzes="quizzes", docs="docs")
    plugin.packs = (CORE, Pack(name="data", data_dirs=("recipes", "not-there")))

    class Server:
        watched: list[str] = []

        def watch(self, path):
            self.watched.append(path)

    server = Server()
    assert plugin.on_serve(server, config=None, builder=None) is server
    assert server.watched == [str(root / "quizzes"), str(root / "recipes")]


def test_a_misspelt_option_stops_the_build_naming_it(tmp_path):
    assert_stops(build(course(tmp_path, {"quizes": "quizzes"})), "quizes")


def test_a_mistyped_option_stops_the_build_naming_it(tmp_path):
    assert_stops(build(course(tmp_path, {"offline": "sometimes"})), "offline")


def test_a_misspelt_scorm_option_stops_the_build_naming_it(tmp_path):
    assert_stops(build(course(tmp_path, {"scorm": {"mastery": 80}})), "mastery")


def test_a_theme_color_that_is_no_colour_stops_the_build_naming_it(tmp_path):
    assert_stops(build(course(tmp_path, {"theme_color": "indigo"})), "theme_color", "'indigo'", "#rrggbb")


def test_the_default_icon_takes_the_theme_colour(tmp_path):
    root = course(tmp_path, {"theme_color": "#ffeb3b"})
    assert build(root).returncode == 0
    icons = root / "site" / "assets" / "hipdrop" / "icons"
    png = (icons / "icon-192.png").read_bytes()
    assert png_pixel(png, 0, 0) == (0xFF, 0xEB, 0x3B)
    assert png_pixel(png, 96, 96 - 47) == (0, 0, 0)  # a black ring: it reads better than white on yellow
    manifest = json.loads((root / "site" / "manifest.webmanifest").read_text())
    assert manifest["theme_color"] == "#ffeb3b"


def test_a_course_icon_without_all_its_sizes_stops_the_build_naming_what_is_missing(tmp_path):
    root = course(tmp_path)
    (root / "site_assets" / "icons").mkdir(parents=True)
    shutil.copy(COURSE_ICONS / "icon.svg", root / "site_assets" / "icons" / "icon.svg")
    assert_stops(build(root), "site_assets/icons", "icon-192.png, icon-512.png")


def test_an_unknown_pack_stops_the_build_naming_it(tmp_path):
    assert_stops(build(course(tmp_path, {"packs": ["no-such-pack"]})), "plugins.hipdrop.packs", "no-such-pack")


def test_a_failing_macro_stops_the_build_naming_the_page_and_macro(tmp_path):
    root = course(tmp_path, pages={"broken.md": '# Broken\n\n{{ quiz("nope") }}\n'})
    assert_stops(build(root), "docs/broken.md", "quiz(", "nope", "water")


def test_an_unknown_macro_stops_the_build_naming_it(tmp_path):
    root = course(tmp_path, pages={"broken.md": "# Broken\n\n{{ program_picker() }}\n"})
    assert_stops(build(root), "docs/broken.md", "program_picker")


def test_a_pack_adds_its_macro_widget_stylesheet_and_worker_method(tmp_path):
    root = course(tmp_path, {"packs": [TOY]}, pages={"toy.md": '# Toy\n\n{{ toy_widget("hello") }}\n'})
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    page = (site / "toy" / "index.html").read_text()
    assert 'data-hipdrop-widget="toy"' in page and 'name="hipdrop-engine-lock"' in page
    # The pack's stylesheet is part of the one bundle every page links.
    assert "assets/hipdrop/css/course.css" in page and "assets/hipdrop/css/toy.css" not in page
    assert "/* ---- toy.css ---- */" in (site / "assets" / "hipdrop" / "css" / "course.css").read_text()
    assert (site / "assets" / "hipdrop" / "js" / "widgets" / "toy.js").is_file()
    # A file the pack made at build time is in the site, and saved with the course for offline use.
    made = site / "assets" / "hipdrop" / "figures" / "toy.svg"
    assert made.read_text() == f"<svg><text>made for {root.name}</text></svg>"
    assert f'["assets/hipdrop/figures/toy.svg", {made.stat().st_size}]' in (site / "sw.js").read_text()
    wheel = wheel_of(site)
    assert "toy_pack/engine/__init__.py" in wheel.namelist()
    assert "'toy.shout': 'toy_pack.engine:shout'" in wheel.read("hipdrop/_registry.py").decode()
    # The wheel's dispatcher finds the pack's method from its registry alone.
    target = tmp_path / "installed"
    wheel.extractall(target)
    probe = subprocess.run(
        [sys.executable, "-c", "import hipdrop.browser as b; print(b.dispatch('toy.shout', '{\"text\": \"hi\"}'))"],
        env={"PYTHONPATH": str(target)}, capture_output=True, text=True,
    )
    assert json.loads(probe.stdout) == {"ok": True, "result": {"text": "HI!"}}, probe.stderr


def test_a_course_without_the_pack_carries_none_of_it(tmp_path):
    root = course(tmp_path)
    assert build(root).returncode == 0
    site = root / "site"
    assert not (site / "assets" / "hipdrop" / "js" / "widgets" / "toy.js").exists()
    assert not (site / "assets" / "hipdrop" / "figures").exists()
    assert "toy" not in wheel_of(site).read("hipdrop/_registry.py").decode()
    assert "toy.css" not in (site / "index.html").read_text()


def test_this_course_builds_through_its_pack(built_site):
    wheel = wheel_of(built_site)
    registry = wheel.read("hipdrop/_registry.py").decode()
    assert "'picker.build'" in registry and "'mechanics.solve'" in registry
    names = wheel.namelist()
    assert "hipdrop_course/engine/picker/rules.py" in names
    assert "hipdrop_course/engine/catalog_html.py" not in names  # build-time only
    # Only the engine of the course's macros/ folder: its build-time modules stay out, and the
    # package's own __init__.py (which imports them) ships empty.
    assert not [n for n in names if n.startswith("hipdrop_course/") and not n.startswith(("hipdrop_course/engine/", "hipdrop_course/__"))]
    assert wheel.read("hipdrop_course/__init__.py") == b""
    assert not [n for n in names if n.startswith("hipdrop_tools")]
    assert (built_site / "assets" / "hipdrop" / "js" / "widgets" / "picker.js").is_file()
    program = (built_site / "program" / "index.html").read_text()
    assert 'data-hipdrop-widget="picker"' in program and "assets/hipdrop/css/course.css" in program
    assert "/* ---- picker.css ---- */" in (built_site / "assets" / "hipdrop" / "css" / "course.css").read_text()
    # Its app icon is its own (site_assets/icons/), in the manifest and as every page's icon.
    icons = built_site / "assets" / "hipdrop" / "icons"
    for name in ("icon.svg", "icon-192.png", "icon-512.png"):
        assert (icons / name).read_bytes() == (COURSE_ICONS / name).read_bytes(), name
    assert '<link rel="icon" href="../assets/hipdrop/icons/icon.svg">' in program


def test_a_disabled_plugin_leaves_the_pages_alone(tmp_path):
    root = course(tmp_path, {"enabled": False})
    (root / "docs" / "index.md").write_text("# Water\n\nPlain text.\n")
    result = build(root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "assets" / "hipdrop").exists() and not (site / "sw.js").exists()
    assert "Content-Security-Policy" not in (site / "index.html").read_text()


def test_a_macros_folder_without_init_stops_the_build_naming_it(tmp_path):
    root = course(tmp_path)
    (root / "macros").mkdir()
    (root / "macros" / "widgets.py").write_text("X = 1\n")
    assert_stops(build(root), "macros", "__init__.py")


def test_the_course_code_failing_to_import_stops_the_build_naming_file_and_line(tmp_path):
    root = course(tmp_path)
    (root / "macros").mkdir()
    (root / "macros" / "__init__.py").write_text("from . import helpers\n")
    (root / "macros" / "helpers.py").write_text("VALUE = 1\nBROKEN = undefined_name\n")
    assert_stops(build(root), "macros/helpers.py:2", "NameError", "undefined_name")


def test_course_code_without_pack_or_macros_stops_the_build(tmp_path):
    root = course(tmp_path)
    (root / "macros").mkdir()
    (root / "macros" / "__init__.py").write_text("VALUE = 1\n")
    assert_stops(build(root), "macros/__init__.py", "PACK", "macros(project)")


def test_a_named_course_folder_that_is_missing_stops_the_build(tmp_path):
    assert_stops(build(course(tmp_path, {"macros": "python"})), "plugins.hipdrop.macros", "python")
    assert_stops(build(course(tmp_path / "b", {"site_assets": "static"})), "plugins.hipdrop.site_assets", "static")


def test_a_course_with_only_a_macros_function_gets_its_macros(tmp_path):
    root = course(tmp_path, pages={"hello.md": "# Hello\n\n{{ greeting('class') }}\n"})
    (root / "macros").mkdir()
    (root / "macros" / "__init__.py").write_text(
        "def macros(project):\n    return {'greeting': lambda page, who: f'Hello, {who}, from {page.url}'}\n"
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert "Hello, class, from hello/" in (root / "site" / "hello" / "index.html").read_text()


def test_a_packs_made_file_goes_under_the_figures_folder_and_replaces_nothing(tmp_path, monkeypatch):
    from hipdrop_tools.build.site_files import GeneratedFileClash, pack_site_files
    from hipdrop_tools.course.packs import Pack

    (tmp_path / "made_files.py").write_text(
        "def outside(project):\n    return {'assets/hipdrop/js/bridge.js': b'x'}\n\n"
        "def figure(project):\n    return {'assets/hipdrop/figures/a.svg': b'<svg/>'}\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    outside = Pack(name="outside", site_files="made_files:outside")
    figure = Pack(name="figure", site_files="made_files:figure")
    with pytest.raises(GeneratedFileClash, match=r"pack 'outside': the generated file assets/hipdrop/js/bridge\.js "
                       r"is not under assets/hipdrop/figures/"):
        pack_site_files(None, (outside,), set())
    with pytest.raises(GeneratedFileClash, match=r"pack 'figure': the generated file assets/hipdrop/figures/a\.svg "
                       r"is already in the site"):
        pack_site_files(None, (figure,), {"assets/hipdrop/figures/a.svg"})
    assert [file.dest for file in pack_site_files(None, (figure,), set())] == ["assets/hipdrop/figures/a.svg"]
