"""The core's words on the built pages: the site's language, and the page scripts' catalog.

The language is MkDocs's ``theme.language`` (Material's setting, 'en' by default). Every page gets
the client part of that language's catalog (``hipdrop.messages.client_messages``) as
``<script type="application/json" id="hipdrop-messages">`` in its head, where the scripts read it
(``assets/hipdrop/js/messages.js``; file-notice.js reads it directly). A JSON script is data, not
code: the Content-Security-Policy allows it. Every page carries the same one in its head: Material's
instant navigation keeps the head elements the new page has too, so it is there whichever page
was loaded first.

The words the style sheets show (``content:`` of the quiz's "(not answered)", the worksheet's name
line) are CSS custom properties in a ``<style id="hipdrop-words">`` beside it:
``css.not_answered`` is ``--hd-words-not-answered``.
"""

import json

from hipdrop.messages import CSS_PREFIX, DEFAULT_LANGUAGE, Messages, client_messages, messages

SCRIPT_ID = "hipdrop-messages"
STYLE_ID = "hipdrop-words"


def site_language(config) -> str:
    """The language code of a MkDocs config (``theme.language``), 'en' when it has none."""
    theme = config.get("theme")
    language = theme["language"] if theme is not None and "language" in theme else None
    return str(language or DEFAULT_LANGUAGE)


def site_messages(config) -> Messages:
    """The engine's catalog for the site's language (for the macros' static HTML)."""
    return messages(site_language(config))


def messages_script(language: str) -> str:
    """The ``<script type="application/json">`` holding the page scripts' words."""
    text = json.dumps(client_messages(language), ensure_ascii=False, sort_keys=True)
    # Nothing in the text can end the element or open markup: JSON decodes the escapes unchanged.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{SCRIPT_ID}">{text}</script>'


def _css_string(text: str) -> str:
    """``text`` as a CSS string: quotes, backslashes, line ends and "<" escaped."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\\n<' else c for c in text)
    return f'"{escaped}"'


def words_style(language: str) -> str:
    """The ``<style>`` giving the style sheets their words, as custom properties on ``:root``."""
    texts = messages(language)
    props = "".join(
        f"--hd-words-{key[len(CSS_PREFIX) :].replace('_', '-')}:{_css_string(text)};"
        for key, text in sorted(texts.items())
        if key.startswith(CSS_PREFIX)
    )
    return f'<style id="{STYLE_ID}">:root{{{props}}}</style>'


def with_messages(html: str, config) -> str:
    """``html`` (a built page) with the catalog script and the words' style at the end of its
    head (once)."""
    if f'id="{SCRIPT_ID}"' in html:
        return html
    language = site_language(config)
    return html.replace("</head>", messages_script(language) + words_style(language) + "</head>", 1)
