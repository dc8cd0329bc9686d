"""The web app's icon: the course's own, or a neutral one drawn in the course's theme colour.

A course brings its icon as three files in its ``site_assets/icons/`` folder (any pack's assets
folder: the one that gives ``icons/icon.svg``): ``icon.svg``, ``icon-192.png`` and
``icon-512.png``, copied to ``assets/hipdrop/icons/`` with the rest of its assets. A course that
brings none gets the default: a ring on a square of its ``theme_color``, with no drawing of any
subject, white or black, whichever reads better on that colour. The same shape gives the SVG and
the PNGs (written with zlib; no imaging library needed).
"""

import math
import re
import struct
import zlib
from functools import cache

ICON_SIZES = (192, 512)
ICON_FILES = ("icon.svg", *(f"icon-{size}.png" for size in ICON_SIZES))
# The ring, in units of the icon's side: centred, outer and inner radius.
RING_OUTER = 0.3
RING_INNER = 0.19
WHITE = (0xFF, 0xFF, 0xFF)
BLACK = (0x00, 0x00, 0x00)
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


class BadColour(ValueError):
    """Not a colour written ``#rgb`` or ``#rrggbb``."""


def parse_colour(text: str) -> tuple[int, int, int]:
    """``"#3f51b5"`` or ``"#35b"`` -> (red, green, blue), 0 to 255."""
    if not _HEX_COLOUR.fullmatch(text):
        raise BadColour(f"{text!r} is not a colour written #rrggbb (or #rgb)")
    digits = text[1:]
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _luminance(colour: tuple[int, int, int]) -> float:
    """WCAG 2's relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ring_colour(background: tuple[int, int, int]) -> tuple[int, int, int]:
    """White or black, whichever has the higher contrast ratio on ``background``."""
    light = _luminance(background)
    return WHITE if (1.05 / (light + 0.05)) >= ((light + 0.05) / 0.05) else BLACK


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def default_svg(theme_color: str) -> str:
    background = parse_colour(theme_color)
    radius = (RING_OUTER + RING_INNER) / 2 * 100
    width = (RING_OUTER - RING_INNER) * 100
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{_hex(background)}"/>'
        f'<circle cx="50" cy="50" r="{radius:g}" fill="none" stroke="{_hex(ring_colour(background))}" '
        f'stroke-width="{width:g}"/></svg>\n'
    )


def _ring_row(row: bytearray, dy: float, size: int, outer: float, inner: float, shades: list[bytes]) -> None:
    """Paint one row of the ring: the pixels it covers whole as a span, those its edges cross by how
    much of them it covers (a one-pixel ramp at each edge, so the edges are smooth)."""
    centre = size / 2

    def reach(radius: float) -> float:  # how far from the centre a circle reaches on this row
        return math.sqrt(max(0.0, radius * radius - dy * dy))

    def paint(x: int) -> None:
        distance = math.hypot(x + 0.5 - centre, dy)
        share = max(0.0, min(1.0, outer - distance + 0.5)) - max(0.0, min(1.0, inner - distance + 0.5))
        if share > 0:
            row[3 * x : 3 * x + 3] = shades[round(share * 255)]

    # Pixel centres (x + 0.5) from ``solid_from`` to ``solid_to`` are a full pixel inside the ring.
    solid_from, solid_to = reach(inner + 0.5), reach(outer - 0.5)
    start, stop = math.ceil(centre + solid_from - 0.5), math.floor(centre + solid_to - 0.5) + 1
    if solid_to > solid_from and stop > start:
        row[3 * start : 3 * stop] = shades[255] * (stop - start)  # the right-hand span
        mirror = size - stop, size - start
        row[3 * mirror[0] : 3 * mirror[1]] = shades[255] * (stop - start)  # and the left-hand one
    else:
        start = stop = math.floor(centre + reach(outer + 0.5)) + 1
    edges = [
        *range(math.floor(centre + reach(inner - 0.5)), start),
        *range(stop, math.ceil(centre + reach(outer + 0.5))),
    ]
    for x in edges:
        if 0 <= x < size:
            paint(x)
            paint(size - 1 - x)


def _png(size: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + row for row in rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


@cache
def default_png(size: int, theme_color: str) -> bytes:
    background = parse_colour(theme_color)
    ring = ring_colour(background)
    shades = [
        bytes(round(b + (r - b) * step / 255) for b, r in zip(background, ring, strict=True)) for step in range(256)
    ]
    rows = []
    for y in range(size):
        row = bytearray(shades[0] * size)
        _ring_row(row, y + 0.5 - size / 2, size, RING_OUTER * size, RING_INNER * size, shades)
        rows.append(bytes(row))
    return _png(size, rows)


def default_icon(theme_color: str) -> dict[str, bytes]:
    """File name (one of ``ICON_FILES``) -> content of the neutral icon in ``theme_color``."""
    files = {"icon.svg": default_svg(theme_color).encode()}
    files.update({f"icon-{size}.png": default_png(size, theme_color) for size in ICON_SIZES})
    return files
