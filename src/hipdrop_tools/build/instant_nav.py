"""Widget data that survives Material's instant navigation.

On an instant page change Material re-creates every <script> in the new page's content with
only its text, so a widget's ``<script type="application/json" class="hd-data">`` would lose its
type and class and run as JavaScript (which the CSP blocks). The build wraps each data script in
an inert <template>; the bridge puts it back in place before a widget attaches.
"""

import re

WRAPPER_ATTR = "data-hd-data"
_DATA_SCRIPT = re.compile(
    r"""<script(?=[^>]*\btype\s*=\s*["']application/json["'])(?=[^>]*\bclass\s*=\s*["'][^"']*\bhd-data\b)[^>]*>.*?</script>""",
    re.S | re.I,
)


def wrap_widget_data(html: str) -> str:
    """Every widget data script inside ``<template data-hd-data>`` (idempotent)."""

    def wrap(match: re.Match) -> str:
        return f"<template {WRAPPER_ATTR}>{match.group(0)}</template>"

    if f"<template {WRAPPER_ATTR}>" in html:
        return html
    return _DATA_SCRIPT.sub(wrap, html)
