"""The built site: self-contained, safe by policy, and carrying the Python runtime and engine."""

import json
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path


from hipdrop_tools.build.site_files import PYODIDE_FILES


class _Refs(HTMLParser):
    """Collects every URL the page would fetch, and the CSP meta tag."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.csp: list[str] = []
        self.metas: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href", "srcset", "data", "poster"):
            if attrs.get(name) and not (tag == "a" and name == "href"):
                self.urls.append(attrs[name])
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(attrs.get("content", ""))
        if tag == "meta" and attrs.get("name"):
            self.metas[attrs["name"]] = attrs.get("content", "")


def parse(path: Path) -> _Refs:
    refs = _Refs()
    refs.feed(path.read_text(encoding="utf-8"))
    return refs


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_every_page_fetches_only_from_the_site_itself(built_site):
    remote = [
        f"{page.relative_to(built_site)}: {url}"
        for page in html_pages(built_site)
        for url in parse(page).urls
        if re.match(r"^(https?:)?//", url)
    ]
    assert remote == []


def test_every_page_has_a_strict_content_security_policy_first_in_head(built_site):
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        policies = parse(page).csp
        assert len(policies) == 1, page
        policy = dict(part.strip().split(" ", 1) for part in policies[0].split(";"))
        assert policy["default-src"] == "'self'"
        assert policy["connect-src"] == "'self'" and policy["worker-src"] == "'self'"
        assert policy["img-src"] == "'self' data:"
        assert "'wasm-unsafe-eval'" in policy["script-src"]
        assert "unsafe-inline" not in policy["script-src"] and "http" not in policy["script-src"]
        assert html.index("Content-Security-Policy") < html.index("<script"), page


def test_every_page_says_it_is_education_not_medical_advice(built_site):
    for page in html_pages(built_site):
        footer = page.read_text(encoding="utf-8").split('<footer', 1)[-1]
        assert "education, not medical advice" in footer, page


def test_no_web_fonts_or_cdn_in_stylesheets(built_site):
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\((['\"]?)(https?:)?//", text), css
        assert "fonts.googleapis" not in text and "unpkg.com" not in text, css


def test_pyodide_runtime_ships_from_the_pinned_npm_package(built_site):
    root = Path(__file__).resolve().parents[3]
    npm = root / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        shipped = built_site / "assets" / "pyodide" / name
        if name == "python_stdlib.zip":  # trimmed and compiled at build time (runtime_build)
            import zipfile

            with zipfile.ZipFile(shipped) as ours, zipfile.ZipFile(npm / name) as theirs:
                for entry in ours.namelist():
                    source = entry.removesuffix("c") if entry.endswith(".pyc") else entry
                    assert source in theirs.namelist(), entry
                    if not entry.endswith(".pyc"):
                        assert ours.read(entry) == theirs.read(entry), entry
        else:
            assert shipped.read_bytes() == (npm / name).read_bytes()
    # The npm package's lock is not shipped: the engine's lock, with the runtime's info, replaces it.
    assert not (built_site / "assets" / "pyodide" / "pyodide-lock.json").exists()
    (engine_lock,) = built_site.glob("assets/hipdrop/engine/*/pyodide-lock.json")
    assert json.loads(engine_lock.read_text())["info"]["abi_version"] == json.loads(
        (npm / "pyodide-lock.json").read_text())["info"]["abi_version"]
    lock = json.loads((root / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/pyodide"]["version"] == "314.0.7"


def test_widget_pages_point_at_the_engine_and_plain_pages_do_not(built_site):
    lesson = parse(built_site / "lessons" / "what-is-trendelenburg" / "index.html")
    lock = (built_site / "lessons" / "what-is-trendelenburg" / lesson.metas["hipdrop-engine-lock"]).resolve()
    assert lock.is_file() and lock.name == "pyodide-lock.json"
    (entry,) = json.loads(lock.read_text())["packages"].values()
    assert (lock.parent / entry["file_name"]).is_file()
    home = parse(built_site / "index.html")
    if 'data-hipdrop-widget' not in (built_site / "index.html").read_text():
        assert "hipdrop-engine-lock" not in home.metas


def test_engine_wheel_holds_only_the_engine_and_installs_with_pip(built_site, tmp_path):
    (wheel,) = built_site.glob("assets/hipdrop/engine/*/hipdrop_course_engine-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "hipdrop/browser.py" in names
    assert not [n for n in names if n.startswith("hipdrop_tools")]
    target = tmp_path / "target"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    probe = subprocess.run(
        [sys.executable, "-c", "import hipdrop.browser, json; print(json.loads(hipdrop.browser.dispatch('engine.ping', '{}'))['ok'])"],
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
    )
    assert probe.stdout.strip() == "True", probe.stderr


def test_the_shipped_bytecode_is_the_browsers_unchecked_hash_based(built_site):
    """Compiled at build time by the pinned Pyodide (not the host's Python): every .pyc of the
    standard library and of the engine wheel has one magic number, not CPython 3.11's, and is
    hash-based and unchecked (flags 0b01), so the browser neither recompiles nor stats sources."""
    import importlib.util
    import zipfile

    built = built_site
    (wheel,) = built.glob("assets/hipdrop/engine/*/*.whl")
    headers = []
    for archive in (built / "assets" / "pyodide" / "python_stdlib.zip", wheel):
        with zipfile.ZipFile(archive) as zf:
            headers += [zf.read(name)[:8] for name in zf.namelist() if name.endswith(".pyc")]
    assert len(headers) > 100
    assert len({h[:4] for h in headers}) == 1 and headers[0][:4] != importlib.util.MAGIC_NUMBER
    assert {int.from_bytes(h[4:8], "little") for h in headers} == {0b01}
