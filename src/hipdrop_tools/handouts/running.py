"""Chromium's running header and footer for every handout: the course title and the handout's
title on top; the disclaimer and "Page x of y" (in the site's language) at the bottom.

Chromium fills the elements with the classes ``title``, ``pageNumber`` and ``totalPages``. The
templates (``templates/running_*.html``) cannot load the site's CSS, so they carry their own inline
styles, in black only.
"""

from dataclasses import dataclass

from markupsafe import Markup

from hipdrop.messages import Messages
from hipdrop_tools.handouts.html import render

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


def running(course_title: str, disclaimer: str, texts: Messages) -> Running:
    return Running(
        header=render("running_header.html", box=_BOX, course_title=course_title),
        footer=render(
            "running_footer.html",
            box=_BOX,
            disclaimer=disclaimer,
            texts=texts,
            page_number=Markup('<span class="pageNumber"></span>'),
            total_pages=Markup('<span class="totalPages"></span>'),
        ),
    )
