"""The theme adapter: the engine writes semantic class names (``hd-action``, ``hd-callout``...);
on a Material page they become Material's own (``md-button``, ``admonition``...), so buttons,
callout boxes and wide tables look like the theme's. No other module names Material's classes."""

import re
from collections.abc import Mapping

# Engine class -> Material's classes (the engine's name is replaced, not kept).
MATERIAL_CLASSES = {
    "hd-action": "md-button",
    "hd-action--primary": "md-button--primary",
    "hd-callout": "admonition",
    "hd-callout--note": "note",
    "hd-callout--tip": "tip",
    "hd-callout--danger": "danger",
    "hd-callout-title": "admonition-title",
    "hd-table-scroll": "md-typeset__scrollwrap",
    "hd-table-frame": "md-typeset__table",
}
_CLASS_ATTR = re.compile(r'class="([^"]*)"')


def _theme_classes(match: re.Match) -> str:
    tokens = match.group(1).split()
    if not any(token in MATERIAL_CLASSES for token in tokens):
        return match.group(0)
    return f'class="{" ".join(MATERIAL_CLASSES.get(token, token) for token in tokens)}"'


def material_classes(html: str) -> str:
    """The page's HTML with the engine's semantic classes as Material's."""
    if "hd-" not in html:
        return html
    return _CLASS_ATTR.sub(_theme_classes, html)


# Material's own default (its mkdocs_theme.yml): what `font` holds when mkdocs.yml names no font.
MATERIAL_DEFAULT_FONT = {"text": "Roboto", "code": "Roboto Mono"}


class WebFontChosen(ValueError):
    pass


def self_hosted_fonts(theme) -> bool:
    """Material loads its fonts from Google Fonts unless ``theme.font`` is false; a course loads
    nothing from another site (its pages' policy would block it anyway). With no font chosen in
    mkdocs.yml, ``font`` becomes false (the reader's system fonts) and the result is True; a font
    the author chose raises ``WebFontChosen``. Another theme, or ``font: false``: unchanged, False."""
    font = theme["font"] if theme.name == "material" and "font" in theme else False
    if not font:
        return False
    chosen = dict(font) if isinstance(font, Mapping) else font  # `font: true` is no font either
    if chosen != MATERIAL_DEFAULT_FONT:
        raise WebFontChosen(
            f"theme.font: {chosen} would be loaded from Google Fonts, and a course loads nothing "
            "from another site; set `font: false` and add self-hosted font files with extra_css (@font-face)"
        )
    theme["font"] = False
    return True
