""" "Save this course for offline use": the static block on the pages that offer it, and the size
of the runtime it states (the runtime's actual files, counted at build time, before the pages
exist).

``offline.js`` enhances the block: it shows the button with the size of what a save downloads
(the rest of the pages and the runtime, as the service worker counts what it does not keep yet),
warns when the browser asks to save data, and shows the download's progress. Without JavaScript
or a service worker it stays a note.
No MkDocs import here.
"""

from html import escape

from hipdrop.messages import Messages
from hipdrop_tools.build.site_files import SiteFile
from hipdrop_tools.offline.service_worker import is_runtime


def runtime_size(items: list[SiteFile]) -> int:
    """The bytes of the runtime (Pyodide and the engine wheel) among the build's extra files."""
    total = 0
    for item in items:
        if not is_runtime(item.dest):
            continue
        total += item.source.stat().st_size if item.source is not None else len(item.content or b"")
    return total


def megabytes(size: int, texts: Messages) -> str:
    return texts.format("offline.keep.megabytes", n=texts.number(f"{size / 1_000_000:.1f}"))


def control_html(size: int, texts: Messages) -> str:
    """The block, static: what is kept already, what the button adds and how large the runtime
    is (semantic classes: the theme adapter gives them the theme's look)."""
    mb = escape(megabytes(size, texts))
    return (
        f'<div class="hd-offline-keep hd-callout hd-callout--note" data-hd-offline-keep data-bytes="{size}">'
        f'<p class="hd-callout-title">{escape(texts["offline.keep.title"])}</p>'
        f"<p>{escape(texts['offline.keep.body']).replace('{size}', f'<strong>{mb}</strong>')}</p>"
        '<p class="hd-offline-save-data" '
        f"hidden>{escape(texts.format('offline.keep.save_data', size=megabytes(size, texts)))}</p>"
        '<p class="hd-offline-actions">'
        '<button type="button" class="hd-action hd-offline-button" '
        f"hidden>{escape(texts.format('offline.keep.button', size=megabytes(size, texts)))}</button> "
        f'<progress max="100" value="0" hidden aria-label="{escape(texts["offline.keep.progress_label"])}"></progress> '
        '<span class="hd-offline-state" role="status"></span></p>'
        "</div>"
    )
