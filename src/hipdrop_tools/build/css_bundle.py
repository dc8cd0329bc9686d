"""Our stylesheets as one file: the sources stay separate (one per role), pages link one bundle.

The plugin links the bundle in place of the core's and the packs' ``extra_css`` (``Pack``). Print
rules apply on paper only: every print rule sits inside ``@media print`` in its source
(``print.css`` is wholly one such block), so the bundle is the one stylesheet of ours a page waits
for. No MkDocs import here.
"""

import re

from hipdrop_tools.build.site_files import ASSETS_DIR, SiteFile

BUNDLE = f"{ASSETS_DIR}/css/course.css"
# Rules that are only valid at the very top of a stylesheet, so cannot be concatenated.
_TOP_ONLY = re.compile(r"@(import|charset)\b")


class CssBundleError(Exception):
    pass


def bundle(sources: list[tuple[str, str]]) -> str:
    """The sources, as (name, text) pairs in ``extra_css`` order, concatenated under their names."""
    parts = []
    for name, text in sources:
        match = _TOP_ONLY.search(text)
        if match:
            raise CssBundleError(f"{name}: '@{match.group(1)}' cannot be bundled; write the rules themselves")
        parts.append(f"/* ---- {name} ---- */\n{text.rstrip()}\n")
    return "\n".join(parts)


def bundle_site_files(files: "list[SiteFile]", entries: list[str]) -> str:
    """The bundle of ``entries`` (site paths of our stylesheets, in link order), read from the
    build's asset files (the core's and the packs')."""
    by_dest = {item.dest: item for item in files}
    sources = []
    for entry in entries:
        item = by_dest.get(entry)
        if item is None:
            raise CssBundleError(f"the stylesheet {entry} is listed by a pack, but no pack's assets hold it")
        text = item.source.read_text(encoding="utf-8") if item.source is not None else (item.content or b"").decode()
        sources.append((entry.rsplit("/", 1)[-1], text))
    return bundle(sources)
