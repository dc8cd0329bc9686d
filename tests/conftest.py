"""Shared fixtures: the course built once per test session and served on 127.0.0.1, and
Playwright driving Debian's Chromium (browsers cannot be downloaded on this machine)."""

from pathlib import Path

import pytest

from hipdrop_tools import chromium
from hipdrop_tools.serve import serve_in_thread
from support import PUBLIC_SITE_URL, build_site, copy_project

CHROMIUM = chromium.EXECUTABLE


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = build_site(dest)
    if result.returncode != 0:
        pytest.fail(f"the site did not build:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return dest


@pytest.fixture(scope="session")
def public_build(tmp_path_factory):
    """The course built once with a public address (so with QR codes), from a copy of the project:
    (site folder, the build's CompletedProcess)."""
    project = copy_project(tmp_path_factory.mktemp("project") / "course")
    config = project / "mkdocs.yml"
    config.write_text(f"site_url: {PUBLIC_SITE_URL}\n" + config.read_text())
    dest = tmp_path_factory.mktemp("public-site")
    result = build_site(dest, config)
    if result.returncode != 0:
        pytest.fail(f"the course did not build with a site_url:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return dest, result


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    server, url = serve_in_thread(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": list(chromium.LAUNCH_ARGS),
    }


def site_pages(built_site: Path) -> list[str]:
    """Every built HTML page as a site-relative URL path (directory URLs end in '/')."""
    pages = []
    for html in sorted(built_site.rglob("index.html")):
        rel = html.parent.relative_to(built_site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


@pytest.fixture(scope="session")
def all_pages(built_site) -> list[str]:
    return site_pages(built_site)
