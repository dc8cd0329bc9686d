"""The build's compressed copies are made once per content: an unchanged file's copies come from
the cache (after an edit only the changed pages are compressed again, Brotli 11 being slow), and
cache entries no build has used for a month are removed."""

import os
import time

from hipdrop_tools.offline import precompress


def a_site(tmp_path, pages: dict[str, str]):
    site = tmp_path / "site"
    for name, text in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    return site


def test_an_unchanged_page_is_compressed_once_and_an_edited_one_again(tmp_path):
    cache = tmp_path / "cache"
    site = a_site(tmp_path, {"a/index.html": "<p>lesson a</p>" * 400, "b/index.html": "<p>lesson b</p>" * 400})
    precompress.precompress_site(site, cache)
    entries = sorted(p.name for p in cache.iterdir())
    assert len(entries) == 4  # two pages, gzip and Brotli each
    # The cache is what the next build uses: a marked entry comes back as the page's copy.
    brotli_a = next(p for p in cache.iterdir() if p.read_bytes() == (site / "a/index.html.br").read_bytes())
    brotli_a.write_bytes(b"from the cache")
    (site / "b/index.html").write_text("<p>lesson b, edited</p>" * 400)
    precompress.precompress_site(site, cache)
    assert (site / "a/index.html.br").read_bytes() == b"from the cache"
    assert len(list(cache.iterdir())) == 6  # the edited page's two new copies


def test_entries_unused_for_a_month_are_removed_and_used_ones_kept(tmp_path):
    cache = tmp_path / "cache"
    site = a_site(tmp_path, {"index.html": "<p>home</p>" * 400})
    precompress.precompress_site(site, cache)
    stale = cache / "0123.br11"
    stale.write_bytes(b"an old page")
    month_ago = time.time() - (precompress.CACHE_DAYS + 1) * 86400
    for entry in cache.iterdir():
        os.utime(entry, (month_ago, month_ago))
    precompress.precompress_site(site, cache)
    assert not stale.exists()
    assert len(list(cache.iterdir())) == 2  # the home page's copies, used again and so kept
