"""Every internal link and anchor resolves, in both builds: the web build (directory URLs, served)
and the classroom bundle's build (file names, opened from disk or through its launcher). Every
href and src of every built page, not only the navigation: the file exists, and a #fragment names
an id in the target page. In the bundle a link to a folder is broken (opened from disk it shows a
file listing, not a page). Pages are read with the standard library's html.parser.
"""

from link_check import broken_links, check_links, html_pages, parse


def test_the_checker_sees_links_and_anchors(built_site):
    sample = [parse(page) for page in html_pages(built_site)]
    assert sum(len(p.links) for p in sample) > len(sample)
    assert any("#" in link.url for p in sample for link in p.links)


def test_the_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h1 id="top">A</h1><a href="../b/">b</a><a href="#top">top</a>'
        '<a href="#nowhere">x</a><a href="https://example.org/">out</a>'
    )
    problems = broken_links(tmp_path, [tmp_path / "a" / "index.html"])
    assert problems == ["a/index.html:1: ../b/ -> no such file", "a/index.html:1: #nowhere -> no id 'nowhere' in a/index.html"]


def test_the_checker_reports_a_folder_link_in_a_site_opened_from_disk(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<h1 id="b">B</h1>')
    (tmp_path / "a.html").write_text('<a href="b/">folder</a><a href="b/index.html#b">page</a>')
    assert broken_links(tmp_path, [tmp_path / "a.html"]) == []  # served: a folder is its index.html
    assert broken_links(tmp_path, [tmp_path / "a.html"], folders_are_pages=False) == [
        "a.html:1: b/ -> not a page (a folder, or outside the site)"
    ]


def test_every_link_and_anchor_of_the_web_build_resolves(report, built_site):
    pages = html_pages(built_site)
    assert (built_site / "lessons" / "dosing" / "index.html") in pages
    result = check_links(built_site, pages)
    report(f"links, web build: {len(pages)} pages, {result.checked} internal href/src checked, "
                           f"{result.followed} of them <a> links, {result.fragments} #fragments checked")
    assert result.problems == []
    assert result.followed > len(pages) and result.fragments > 0


def test_every_link_and_anchor_of_the_classroom_bundle_resolves_from_disk(report, unzipped_bundle):
    site = unzipped_bundle / "site"
    pages = html_pages(site)
    assert (site / "lessons" / "dosing.html") in pages  # the offline plugin's file names
    result = check_links(site, pages, folders_are_pages=False)
    report(f"links, bundle build: {len(pages)} pages, {result.checked} internal href/src checked, "
                           f"{result.followed} of them <a> links, {result.fragments} #fragments checked")
    assert result.problems == []
    assert result.followed > len(pages) and result.fragments > 0
