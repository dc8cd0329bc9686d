"""Chromium's running header and footer for every handout: the course title and the handout's
title on top; the disclaimer and "Page x of y" at the bottom.

Chromium fills the elements with the classes ``title``, ``pageNumber`` and ``totalPages``. The
templates cannot load the site's CSS, so they carry their own inline styles, in black only.
"""

from dataclasses import dataclass
from html import escape

# Page margins leave room for the header and the two-line footer; print.css has the same @page.
MARGIN = {"top": "20mm", "bottom": "22mm", "left": "15mm", "right": "15mm"}
PAPER = {"a4": "A4", "letter": "Letter"}

_BOX = (
    "width:100%;margin:0 15mm;font-family:'DejaVu Sans',Arial,sans-serif;color:#000;"
    "display:flex;justify-content:space-between;align-items:flex-end;gap:6mm;"
)


@dataclass(frozen=True)
class Running:
    header: str
    footer: str


def running(course_title: str, disclaimer: str) -> Running:
    header = (
        f'<div style="{_BOX}font-size:9px;border-bottom:0.5pt solid #000;padding-bottom:1.5mm;">'
        f"<span>{escape(course_title)}</span>"
        '<span class="title" style="text-align:right;font-weight:bold;"></span></div>'
    )
    footer = (
        f'<div style="{_BOX}font-size:8px;border-top:0.5pt solid #000;padding-top:1.5mm;">'
        f'<span style="flex:1 1 auto;">{escape(disclaimer)}</span>'
        '<span style="flex:0 0 auto;white-space:nowrap;font-size:9px;">'
        'Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
    )
    return Running(header=header, footer=footer)
