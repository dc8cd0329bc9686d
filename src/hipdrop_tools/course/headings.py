"""The heading ids of a Markdown page, as MkDocs will give them, to check links like ``page.md#part``.

Python-Markdown's ``toc`` extension (with its default slugify, as in mkdocs.yml) makes the ids;
``attr_list`` honours explicit ``{ #id }`` attributes. Macros (``{{ ... }}``) stay as text, which
does not change the headings.
"""

from functools import lru_cache
from pathlib import Path

import markdown

EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition", "tables", "pymdownx.details", "pymdownx.superfences"]


def _flatten(tokens: list[dict]) -> list[str]:
    ids = []
    for token in tokens:
        ids.append(token["id"])
        ids += _flatten(token.get("children", []))
    return ids


def heading_ids_of(text: str) -> frozenset[str]:
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.convert(text)
    return frozenset(_flatten(md.toc_tokens))  # type: ignore[attr-defined]  # set by the toc extension, not in the stubs


@lru_cache(maxsize=64)
def _cached(path: str, mtime_ns: int) -> frozenset[str]:
    return heading_ids_of(Path(path).read_text(encoding="utf-8"))


def heading_ids(path: Path) -> frozenset[str]:
    """Every heading id of the page at ``path`` (re-read when the file changes)."""
    return _cached(str(path), path.stat().st_mtime_ns)
