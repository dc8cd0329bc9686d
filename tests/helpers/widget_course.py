"""A mini course with a widget of its own, written into a temporary folder the way the README's
author's guide says a course adds one, and built with the installed wheel alone (the example
course's fresh venv, tests/helpers/example_course.py). Used by the session fixture ``widget_course``.

The widget, kind ``boiling``: the temperature at which water boils at a given altitude.
- ``macros/engine/__init__.py``: the engine (standard library only), one worker method;
- ``macros/__init__.py``: ``PACK`` (its engine package ``hipdrop_course.engine``, the method) and
  the macro ``boiling_point(altitude)``, which writes the widget's static HTML with the answer the
  engine gives at build time (readable before Python starts);
- ``site_assets/js/widgets/boiling.js``: ``attach(root, api)``: the form asks the method again, in
  the reader's browser, for the altitude typed;
- ``site_assets/css/boiling.css``, listed in ``extra_css``.
"""

import textwrap
from dataclasses import dataclass
from pathlib import Path

from example_course import ExampleCourse, _run

METHOD = "boiling.at"
KIND = "boiling"

FILES = {
    "mkdocs.yml": """
        site_name: Boiling water (a test course)
        theme:
          name: material
          palette:
            - media: "(prefers-color-scheme: light)"
              scheme: default
              toggle:
                icon: material/weather-night
                name: Switch to dark mode
            - media: "(prefers-color-scheme: dark)"
              scheme: slate
              toggle:
                icon: material/weather-sunny
                name: Switch to light mode
        plugins:
          - search
          - hipdrop
    """,
    "docs/index.md": """
        # Boiling water

        This is a test course. Water boils at a lower temperature the higher you are.

        {{ boiling_point(1500) }}
    """,
    "macros/__init__.py": '''
        """The test course's own Python: a widget that says where water boils."""

        from html import escape

        from hipdrop_tools.course.packs import Pack

        from .engine import boiling_point as engine_boiling_point

        PACK = Pack(
            name="boiling",
            engine_packages=("hipdrop_course.engine",),
            methods={"boiling.at": "hipdrop_course.engine:boiling_point"},
            macros="hipdrop_course:macros",
            extra_css=("css/boiling.css",),
        )


        def sentence(altitude, celsius) -> str:
            return f"At {altitude:g} m, water boils at about {celsius:g} °C."


        def macros(project) -> dict:
            def boiling_point(page, altitude: float) -> str:
                answer = engine_boiling_point({"altitude": altitude})
                return (
                    '<div class="boiling" data-hipdrop-widget="boiling">'
                    '<form class="boiling-form"><label for="boiling-altitude">Altitude in metres</label> '
                    f'<input id="boiling-altitude" name="altitude" type="number" value="{altitude:g}" step="any"> '
                    '<button type="submit" class="md-button">Work it out</button></form>'
                    f'<p class="boiling-answer" aria-live="polite">{escape(sentence(altitude, answer["celsius"]))}</p>'
                    "</div>"
                )

            return {"boiling_point": boiling_point}
    ''',
    "macros/engine/__init__.py": '''
        """Where water boils: about 1 °C lower for every 300 m of altitude (a rule of thumb)."""


        def boiling_point(params: dict) -> dict:
            altitude = float(params["altitude"])
            return {"celsius": round(100 - altitude / 300, 1)}
    ''',
    "site_assets/js/widgets/boiling.js": """
        // The boiling widget: the form asks the engine (Python, in the worker) for the altitude typed.
        export function attach(root, api) {
          const form = root.querySelector(".boiling-form");
          const answer = root.querySelector(".boiling-answer");
          form.addEventListener("submit", async (event) => {
            event.preventDefault();
            const altitude = Number(form.elements.altitude.value);
            const result = await api.call("boiling.at", { altitude });
            answer.textContent = `At ${altitude} m, water boils at about ${result.celsius} °C.`;
          });
        }
    """,
    "site_assets/css/boiling.css": """
        .boiling { border-left: 0.2rem solid currentcolor; padding-left: 0.8rem; }
        .boiling input { width: 8rem; }
    """,
}


@dataclass(frozen=True)
class WidgetCourse:
    course: Path
    site: Path


def write_course(folder: Path) -> Path:
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


def build_widget_course(example: ExampleCourse, work: Path) -> WidgetCourse:
    """The course written into ``work/course`` and built with the example venv's mkdocs."""
    course = write_course(work / "course")
    site = work / "site"
    _run([example.bin("mkdocs"), "build", "--strict", "-d", str(site)], course, "mkdocs build --strict (widget course)")
    return WidgetCourse(course=course, site=site)
