"""The HTML the generator writes in Python is written by Jinja templates, autoescape on: a package's
``templates/`` folder (package data), ``render(package, name, **values)``.

Values are escaped unless they are ``Markup`` (HTML the generator made itself, such as an SVG);
``fill`` puts markup into a catalog text's ``{placeholders}`` (the text escaped, the markup kept).
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
def environment(package: str) -> Environment:
    """The templates of ``package`` (its ``templates/`` folder)."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["fill"] = fill
    return env


def render(package: str, name: str, **values: object) -> str:
    """``<package>/templates/<name>`` filled with ``values``, without a line break at its end."""
    return environment(package).get_template(name).render(**values).strip()
