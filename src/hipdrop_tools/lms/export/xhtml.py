"""The course's rendered Markdown (HTML) as XHTML elements for QTI 2.1's item body.

QTI 2.1 carries a subset of XHTML in its own namespace. Only the elements and attributes that
Markdown produces and that subset allows are kept: anything else keeps its text and loses its tag,
so a file never carries live script (Markdown already shows raw HTML as text; this is the
second lock). Links keep only http(s), mailto and relative addresses.
"""

import lxml.html
from lxml import etree

# Markdown's output that QTI 2.1's XHTML subset allows (no script, style, iframe or object).
ALLOWED = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "kbd",
    "sub",
    "sup",
    "span",
    "div",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "abbr",
    "cite",
    "q",
    "dfn",
    "samp",
    "var",
    "small",
    "big",
    "tt",
    "hr",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
}
ATTRIBUTES = {"a": ("href",), "th": ("colspan", "rowspan"), "td": ("colspan", "rowspan"), "ol": ("start",)}
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_href(href: str) -> str | None:
    value = href.strip()
    if value.lower().startswith(SAFE_SCHEMES) or ":" not in value.split("/", 1)[0]:
        return value
    return None  # javascript:, data: and the like


def _copy(source, parent: etree._Element, ns: str) -> None:
    """Append ``source`` (an lxml.html node) to ``parent``: allowed tags copied, others unwrapped."""
    if not isinstance(source.tag, str):  # comments, processing instructions: dropped
        _append_text(parent, source.tail)
        return
    tag = source.tag.lower()
    if tag in ALLOWED:
        element = etree.SubElement(parent, f"{{{ns}}}{tag}")
        for name in ATTRIBUTES.get(tag, ()):
            value = source.get(name)
            if value is not None and (name != "href" or _safe_href(value) is not None):
                element.set(name, value.strip())
        if tag == "a" and element.get("href") is None:
            element.tag = f"{{{ns}}}span"
        element.text = source.text
        for child in source:
            _copy(child, element, ns)
        element.tail = source.tail
        return
    _append_text(parent, source.text)  # an element QTI cannot carry: its text only
    for child in source:
        _copy(child, parent, ns)
    _append_text(parent, source.tail)


def _append_text(parent: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def append_html(parent: etree._Element, html: str, ns: str) -> etree._Element:
    """Append the HTML fragment's nodes to ``parent`` as XHTML in namespace ``ns``."""
    if not html.strip():
        return parent
    wrapper = lxml.html.fragment_fromstring(html, create_parent="div")
    _append_text(parent, wrapper.text)
    for child in wrapper:
        _copy(child, parent, ns)
    return parent


def safe_html(html: str) -> str:
    """The HTML fragment with only the allowed elements and attributes, as HTML text (QTI 1.2
    carries HTML as text)."""
    holder = append_html(etree.Element("div"), html, "")
    inner = (holder.text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return inner + "".join(etree.tostring(child, encoding="unicode", method="html") for child in holder)
