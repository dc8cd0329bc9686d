"""The app icon, drawn at build time: a figure standing on one leg with its pelvis dropping on the
swing side. The same shapes give an SVG and PNGs (written with zlib; no imaging library needed).
"""

import struct
import zlib
from dataclasses import dataclass
from functools import cache

ICON_SIZES = (192, 512)
BACKGROUND = (0x3F, 0x51, 0xB5)  # indigo, the site's primary colour
FIGURE = (0xFF, 0xFF, 0xFF)
PELVIS = (0xFF, 0x70, 0x43)  # deep orange, the site's accent: the part that drops


@dataclass(frozen=True)
class Stroke:
    """A line with round ends, in units of the icon's side (0 to 1)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: tuple[int, int, int]


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    colour: tuple[int, int, int]


SHAPES = (
    Dot(0.5, 0.2, 0.085, FIGURE),  # head
    Stroke(0.5, 0.3, 0.47, 0.6, 0.09, FIGURE),  # trunk, leaning a little over the stance leg
    Stroke(0.4, 0.6, 0.39, 0.9, 0.085, FIGURE),  # stance leg
    Stroke(0.6, 0.64, 0.64, 0.84, 0.085, FIGURE),  # swing leg, foot off the ground
    Stroke(0.3, 0.56, 0.7, 0.66, 0.08, PELVIS),  # pelvis, dropping on the swing side
)


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def icon_svg() -> str:
    parts = [f'<rect width="100" height="100" rx="0" fill="{_hex(BACKGROUND)}"/>']
    for shape in SHAPES:
        if isinstance(shape, Dot):
            parts.append(
                f'<circle cx="{shape.x * 100:g}" cy="{shape.y * 100:g}" r="{shape.r * 100:g}" '
                f'fill="{_hex(shape.colour)}"/>'
            )
        else:
            parts.append(
                f'<line x1="{shape.x1 * 100:g}" y1="{shape.y1 * 100:g}" x2="{shape.x2 * 100:g}" '
                f'y2="{shape.y2 * 100:g}" '
                f'stroke="{_hex(shape.colour)}" stroke-width="{shape.width * 100:g}" stroke-linecap="round"/>'
            )
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">' + "".join(parts) + "</svg>\n"


def _covers(shape, x: float, y: float) -> bool:
    if isinstance(shape, Dot):
        return (x - shape.x) ** 2 + (y - shape.y) ** 2 <= shape.r**2
    dx, dy = shape.x2 - shape.x1, shape.y2 - shape.y1
    t = max(0.0, min(1.0, ((x - shape.x1) * dx + (y - shape.y1) * dy) / (dx * dx + dy * dy)))
    px, py = shape.x1 + t * dx - x, shape.y1 + t * dy - y
    return px * px + py * py <= (shape.width / 2) ** 2


def _bounds(shape, size: int) -> tuple[int, int, int, int]:
    if isinstance(shape, Dot):
        lo_x, hi_x, lo_y, hi_y = shape.x - shape.r, shape.x + shape.r, shape.y - shape.r, shape.y + shape.r
    else:
        pad = shape.width / 2
        lo_x, hi_x = min(shape.x1, shape.x2) - pad, max(shape.x1, shape.x2) + pad
        lo_y, hi_y = min(shape.y1, shape.y2) - pad, max(shape.y1, shape.y2) + pad

    def clamp(v: int) -> int:
        return max(0, min(size, v))

    return clamp(int(lo_x * size)), clamp(int(hi_x * size) + 1), clamp(int(lo_y * size)), clamp(int(hi_y * size) + 1)


def _png(size: int, pixels: bytearray) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    stride = size * 3
    raw = b"".join(b"\0" + bytes(pixels[row * stride : (row + 1) * stride]) for row in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


@cache
def icon_png(size: int) -> bytes:
    pixels = bytearray(bytes(BACKGROUND) * (size * size))
    for shape in SHAPES:
        x0, x1, y0, y1 = _bounds(shape, size)
        colour = bytes(shape.colour)
        for y in range(y0, y1):
            fy = (y + 0.5) / size
            for x in range(x0, x1):
                if _covers(shape, (x + 0.5) / size, fy):
                    i = (y * size + x) * 3
                    pixels[i : i + 3] = colour
    return _png(size, pixels)
