"""The Content-Security-Policy meta tag: only this site may supply scripts, workers, images, data.

Inline scripts that the theme writes are allowed by their SHA-256 hash, so no other inline
script (or third-party script a future plugin might add) can run.
"""

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"""type\s*=\s*["']?application/(ld\+)?json""", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for every executable inline script in the page, in order, unique."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs, body = match.group("attrs"), match.group("body")
        if re.search(r"\bsrc\s*=", attrs) or _DATA_TYPE.search(attrs) or not body.strip():
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str, inline_scripts: bool = False) -> str:
    # inline_scripts: only for the classroom bundle opened from disk, where the vendored
    # iframe-worker shim runs Material's search in an iframe whose inline script names the
    # worker by its file path, which cannot be known (or hashed) at build time; and under
    # `mkdocs serve`, whose live-reload script is injected into each page as it is sent.
    hashes = ["'unsafe-inline'"] if inline_scripts else inline_script_hashes(html)
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_csp_meta(html: str, inline_scripts: bool = False) -> str:
    """The page with the policy as the first element of <head>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, inline_scripts)}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1, flags=re.I)
