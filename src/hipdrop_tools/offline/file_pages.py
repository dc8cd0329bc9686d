"""Pages of the classroom bundle's build (Material's offline plugin), which must also work opened
from disk (file://), where browsers refuse module scripts. No MkDocs import here."""

import re

MODULE_LOADER = "js/module-loader.js"  # inside the assets folder; a classic script
_MODULE_SCRIPT = re.compile(r'<script src="(?P<src>[^"]+)" type="module"></script>')


def defer_module_scripts(html: str) -> str:
    """``<script type=module src=X>`` -> an inert ``<script type="hipdrop/module" data-src=X>``
    that module-loader.js turns back into a module script when the page is served over http."""
    return _MODULE_SCRIPT.sub(lambda m: f'<script type="hipdrop/module" data-src="{m.group("src")}"></script>', html)
