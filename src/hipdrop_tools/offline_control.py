""""Keep this course for offline use": the static block on the pages that offer it, and the
download size it states (the runtime's actual files, counted at build time).

``offline.js`` enhances the block: it shows the button, warns when the browser asks to save data,
and shows the download's progress. Without JavaScript or a service worker it stays a note.
No MkDocs import here.
"""

from html import escape

from .offline import is_runtime
from .site_files import SiteFile

CONFIG_KEY = "hipdrop_runtime_bytes"


def runtime_size(items: list[SiteFile]) -> int:
    """The bytes of the runtime (Pyodide and the engine wheel) among the build's extra files."""
    total = 0
    for item in items:
        if not is_runtime(item.dest):
            continue
        total += item.source.stat().st_size if item.source is not None else len(item.content or b"")
    return total


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def control_html(size: int) -> str:
    """The block, static: what is kept already, what the button adds and how much it downloads."""
    mb = escape(megabytes(size))
    return (
        f'<div class="hd-offline-keep admonition note" data-hd-offline-keep data-bytes="{size}">'
        '<p class="admonition-title">Keep this course for offline use</p>'
        "<p>Once you have opened the course, its pages work on this device without a network. "
        "The quizzes, the program builder and the mechanics lab need the Python runtime as well: "
        "it is kept once you have used one of them here, or when you ask for it "
        f"(<strong>{mb}</strong>, downloaded once).</p>"
        '<p class="hd-offline-save-data" hidden>Your browser asks to save data. '
        f"The button downloads {mb}: use it on Wi-Fi if you can.</p>"
        '<p class="hd-offline-actions">'
        f'<button type="button" class="md-button hd-offline-button" hidden>Keep this course for offline use ({mb})</button> '
        '<progress max="100" value="0" hidden aria-label="Downloading the course for offline use"></progress> '
        '<span class="hd-offline-state" role="status"></span></p>'
        "</div>"
    )
