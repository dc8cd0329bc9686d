"""A page's public address as a QR code: inline SVG made at build time with segno.

No MkDocs import here: the plugin passes the page's source path and the site's public address.
"""

from urllib.parse import urljoin

import segno
from markupsafe import Markup

from hipdrop_tools.templating import render

# Medium error correction survives a smudged printout or a dim projector.
ERROR_LEVEL = "m"
QUIET_ZONE = 4  # modules of white border, as the QR standard asks


def public_path(src_uri: str) -> str:
    """docs-relative 'lessons/x.md' -> the page's path on the public site, 'lessons/x/'.

    The public site uses directory URLs, so a code printed from the classroom bundle (which is
    built with file names) still points at the same public page.
    """
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_address(site_url: str, src_uri: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, public_path(src_uri))


def qr_svg(address: str) -> str:
    """The code as an inline <svg> that scales with CSS (a viewBox, no fixed size)."""
    code = segno.make(address, error=ERROR_LEVEL, micro=False)
    return code.svg_inline(
        scale=1,
        border=QUIET_ZONE,
        omitsize=True,
        svgclass="hd-qr-code",
        lineclass=None,
        title=f"QR code for {address}",
    )


def qr_figure(address: str) -> str:
    """The QR block placed on a page: hidden on screen, shown in presentation mode and on paper."""
    return render("hipdrop_tools.build", "qr_figure.html", address=address, svg=Markup(qr_svg(address)))
