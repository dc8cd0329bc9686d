"""The handouts' HTML, written by Jinja templates (``templates/``, package data) with autoescape on:
the contents page of the booklet, the running header and footer, the Handouts page's list and the
PDF link on each printed page.

Words come from the site's message catalog; ``fill`` puts markup into a catalog text's
placeholders (the text escaped, the markup kept).
"""

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from hipdrop.messages import PLACEHOLDER


def fill(text: str, **values: object) -> Markup:
    """``text`` (a catalog text) escaped, each ``{name}`` replaced by ``values[name]``: escaped,
    unless it is ``Markup``. A placeholder without a value is left as it is."""

    def one(match) -> str:
        name = match.group(1)
        return str(escape(values[name])) if name in values else match.group(0)

    return Markup(PLACEHOLDER.sub(one, str(escape(text))))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("hipdrop_tools.handouts", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["fill"] = fill
    return env


def render(template: str, **values: object) -> str:
    """``templates/<template>`` filled with ``values``; the result has no line break at its end."""
    return environment().get_template(template).render(**values).strip()
