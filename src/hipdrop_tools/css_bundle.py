"""Our stylesheets as one file: the sources stay separate (one per role), pages link one bundle.

Print rules apply on paper only: every print rule sits inside ``@media print`` in its source
(``print.css`` is wholly one such block), so the bundle is the one stylesheet of ours a page waits
for. No MkDocs import here.
"""

import re
from pathlib import Path

from .site_files import ASSETS_DIR

BUNDLE = f"{ASSETS_DIR}/css/course.css"
CONFIG_KEY = "hipdrop_css_sources"  # our extra_css entries, before the bundle replaced them
_SOURCE_PREFIX = f"{ASSETS_DIR}/css/"
# Rules that are only valid at the very top of a stylesheet, so cannot be concatenated.
_TOP_ONLY = re.compile(r"@(import|charset)\b")


class CssBundleError(Exception):
    pass


def our_stylesheets(extra_css: list[str]) -> list[str]:
    """The entries of ``extra_css`` that are our own sources (``assets/hipdrop/css/*.css``)."""
    return [str(entry) for entry in extra_css if str(entry).startswith(_SOURCE_PREFIX) and str(entry) != BUNDLE]


def linked_stylesheets(extra_css: list[str]) -> list[str]:
    """``extra_css`` with our sources replaced by the bundle, where the first of them was."""
    ours = set(our_stylesheets(extra_css))
    linked, placed = [], False
    for entry in extra_css:
        if str(entry) not in ours:
            linked.append(entry)
        elif not placed:
            linked.append(BUNDLE)
            placed = True
    return linked


def bundle(sources: list[tuple[str, str]]) -> str:
    """The sources, as (name, text) pairs in ``extra_css`` order, concatenated under their names."""
    parts = []
    for name, text in sources:
        match = _TOP_ONLY.search(text)
        if match:
            raise CssBundleError(f"{name}: '@{match.group(1)}' cannot be bundled; write the rules themselves")
        parts.append(f"/* ---- {name} ---- */\n{text.rstrip()}\n")
    return "\n".join(parts)


def bundle_files(site_assets_dir: Path, entries: list[str]) -> str:
    """The bundle made from our ``extra_css`` entries, read from ``site_assets/``."""
    sources = []
    for entry in entries:
        path = site_assets_dir / entry[len(ASSETS_DIR) + 1:]
        if not path.is_file():
            raise CssBundleError(f"mkdocs.yml: extra_css lists {entry}, but {path} does not exist")
        sources.append((entry.rsplit("/", 1)[-1], path.read_text(encoding="utf-8")))
    return bundle(sources)
