"""Every picture of a page gets its height beside its width, so that the browser keeps its place
before it has loaded (a picture without one arrives with a layout shift: everything below moves
down). Only a local SVG or PNG whose ``<img>`` names a width and no height is changed: its height
comes from the file's own proportions. No MkDocs import here.
"""

import posixpath
import re
import struct
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote

_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ATTRIBUTE = {name: re.compile(rf'\b{name}="([^"]*)"', re.I) for name in ("src", "width", "height")}
_VIEWBOX = re.compile(r'\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')
_SVG_SIZE = {name: re.compile(rf'<svg\b[^>]*?\b{name}="([\d.]+)(?:px)?"', re.S) for name in ("width", "height")}


def intrinsic_size(path: Path) -> tuple[float, float] | None:
    """A picture file's own width and height (an SVG's viewBox, else its width and height; a
    PNG's header); None for another kind, or a file that does not say."""
    try:
        if path.suffix.lower() == ".svg":
            head = path.read_text(encoding="utf-8", errors="replace")[:4000]
            box = _VIEWBOX.search(head)
            if box:
                return float(box.group(1)), float(box.group(2))
            width, height = (_SVG_SIZE[name].search(head) for name in ("width", "height"))
            return (float(width.group(1)), float(height.group(1))) if width and height else None
        if path.suffix.lower() == ".png":
            with path.open("rb") as file:
                header = file.read(24)
            if header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR":
                width, height = struct.unpack(">II", header[16:24])
                return float(width), float(height)
    except (OSError, ValueError):
        return None
    return None


def with_image_heights(html: str, page_dest: str, sources: Mapping[str, Path]) -> str:
    """``html`` with ``height`` added to each local picture that has a width and no height.
    ``page_dest``: the page's path in the site (``notes/x/index.html``), against which relative
    addresses resolve; ``sources``: each site path's source file (the pages are written before
    MkDocs has copied every picture, so the sources are read)."""

    def sized(match: re.Match) -> str:
        tag = match.group(0)
        src, width = (_ATTRIBUTE[name].search(tag) for name in ("src", "width"))
        if not src or not width or _ATTRIBUTE["height"].search(tag) or re.match(r"^[a-z]+:|^//|^/", src.group(1)):
            return tag
        try:
            shown_width = float(width.group(1))
        except ValueError:
            return tag
        address = unquote(src.group(1).split("#", 1)[0].split("?", 1)[0])
        source = sources.get(posixpath.normpath(posixpath.join(posixpath.dirname(page_dest), address)))
        size = intrinsic_size(source) if source is not None else None
        if size is None or not size[0]:
            return tag
        height = round(shown_width * size[1] / size[0])
        return tag.replace(width.group(0), f'{width.group(0)} height="{height}"', 1)

    return _IMG.sub(sized, html)
