"""The handouts' HTML, from their Jinja templates (``templates/``, autoescape on: see
``hipdrop_tools.templating``): the contents page of the booklet, the running header and footer,
the Handouts page's list and the PDF link on each printed page. Words come from the site's
message catalog."""

from hipdrop_tools.templating import fill

__all__ = ["fill", "render"]


def render(template: str, **values: object) -> str:
    """``handouts/templates/<template>`` filled with ``values``."""
    from hipdrop_tools.templating import render as render_package

    return render_package("hipdrop_tools.handouts", template, **values)
