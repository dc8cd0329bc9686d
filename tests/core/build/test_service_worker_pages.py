"""The service worker's local sitemap (what Material's instant navigation follows) lists every
page of the build at the address MkDocs gives it: folders on the web, file names in the bundle."""

import json
from pathlib import Path


def worker_pages(site: Path) -> list[str]:
    line = next(text for text in (site / "sw.js").read_text().splitlines() if text.startswith("const PAGES = "))
    return json.loads(line[len("const PAGES = "):].rstrip(";"))


def built_pages(site: Path) -> set[str]:
    """Every page file of the build but the 404 page, as a site-relative path."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith("assets/") and p.name != "404.html"
    }


def test_the_web_build_lists_every_page_by_its_folder_address(built_site):
    pages = worker_pages(built_site)
    assert all(p.endswith("/") for p in pages), pages
    files = {("" if p == "./" else p) + "index.html" for p in pages}
    assert files == built_pages(built_site)


def test_the_bundle_lists_every_page_by_its_file_name(unzipped_bundle):
    site = unzipped_bundle / "site"
    pages = worker_pages(site)
    assert "lessons/dosing.html" in pages
    assert set(pages) == built_pages(site)
