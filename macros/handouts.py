"""This course's own handout: the blank program template, printed by ``hipdrop handouts`` from
the page that holds the program picker (``PACK.handouts``).

The picker's form on paper, ticked by hand, then taken to the course's page or to a
physiotherapist, with an empty grid to write the program into. The page is made ready for paper
by ``site_assets/js/print/program-template.js`` (the grid, the note) and ``css/picker.css`` (the
form's print rules, under ``html[data-hd-print="template"]``).
"""

from hipdrop_tools.handouts.plan import Handout
from hipdrop_tools.handouts.site_pages import SiteInfo

WIDGET = "picker"
FILE = "program-template.pdf"
TITLE = "Exercise program: blank form"
GROUP = "Program template"  # its heading on the Handouts page
SCRIPT = "js/print/program-template.js"  # in site_assets/
MODE = "template"  # html[data-hd-print], for picker.css
GRID_ROWS = 8


def note(page_title: str) -> str:
    return (
        "A blank form: tick your answers on paper, then enter them on the course's "
        f"\u201c{page_title}\u201d page to get your program, or take the form to your physiotherapist. "
        "If you tick any warning sign, do not start: get help at the urgency the form gives for that "
        "sign (some are emergencies today)."
    )


GRID = {
    "title": "My program",
    "intro": "Write down each exercise, with your clinician or from the program page. Start with phase 1.",
    "columns": ["Phase", "Exercise", "Leg to stand on", "Sets and repetitions", "Days a week"],
    "rows": GRID_ROWS,
}


def handouts(site: SiteInfo) -> list[Handout]:
    """The template, from the first page (in the course's order) with the picker; none without one."""
    path = next((p for p in site.nav if WIDGET in site.pages[p].widgets), None)
    if path is None:
        return []
    return [
        Handout(
            FILE,
            TITLE,
            kind="template",
            page=path,
            group=GROUP,
            mode=MODE,
            script=SCRIPT,
            script_args={"note": note(site.pages[path].title), "grid": GRID},
        )
    ]
