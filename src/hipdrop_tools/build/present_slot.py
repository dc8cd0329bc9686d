"""The place of the "Present" button (presentation mode, ``assets/js/present.js``) under a
page's title, written by the build: the button arrives with the script, and a place kept for it
means that nothing on the page moves when it does (Lighthouse's layout shift). No MkDocs import.
"""

SLOT = '<div class="hd-present-slot"></div>'


def with_slot(html: str) -> str:
    """The page with the slot right after its first ``<h1>`` (the page title), once; a page
    without a title, or with a slot already, is left as it is."""
    end = html.find("</h1>")
    if end == -1 or SLOT in html:
        return html
    end += len("</h1>")
    return html[:end] + SLOT + html[end:]
