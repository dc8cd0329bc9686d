"""Figures for the reader's side, in the built site: the program's data names a still figure for
each side of each exercise (the mirror image for the side not described), each figure's words say
which side it is drawn for, and each exercise page, from which the guided session copies its
figure, carries an animated figure for each side."""

import html as html_lib
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hipdrop_course.catalog import load_catalog
from hipdrop_course.engine.figure_side import figure_sides, mirrored_for
from hipdrop_course.engine.picker.rules import side_instruction
from hipdrop_tools.course.project import Project
from support import ROOT

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Project(ROOT))


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" class="hd-data">(.*?)</script>', text, re.S)
    assert found, path
    return json.loads(found.group(1))


def hatched_x(path: Path) -> list[float]:
    """The x of the hatched leg's hip in each key frame of a still figure (its first point)."""
    root = ET.parse(path).getroot()
    return [
        float(e.get("points").split()[0].split(",")[0])
        for e in root.iter(f"{SVG}polyline")
        if (e.get("stroke") or "").startswith("url(#")
    ]


def test_the_program_names_a_figure_for_each_side_drawn_for_that_side(built_site, catalog):
    program = built_site / "program" / "index.html"
    figures = page_data(program)["urls"]["figures"]
    for exercise in catalog.exercises:
        sides = figures[exercise.id]
        assert tuple(sides) == figure_sides(exercise), exercise.id
        for side, figure in sides.items():
            path = (program.parent / figure["src"]).resolve()
            assert path.is_file(), figure["src"]
            title = ET.parse(path).getroot().findtext(f"{SVG}title")
            if side:
                # The words are the program's own for that side.
                expected = side_instruction(exercise, side).text
                assert f"Drawn for the {side} side: " in figure["alt"] and expected[1:] in figure["alt"], exercise.id
                assert f"Drawn for the {side} side: " in title, exercise.id
            else:
                assert "fits either side" in figure["alt"] and "fits either side" in title
        if len(sides) == 2:
            # The two sides' drawings are each other's mirror image: the hatched leg moves across.
            left = hatched_x((program.parent / sides["left"]["src"]).resolve())
            right = hatched_x((program.parent / sides["right"]["src"]).resolve())
            assert left != right and len(left) == len(right), exercise.id
            assert mirrored_for(exercise, "left") != mirrored_for(exercise, "right")


def test_each_exercise_page_has_an_animated_figure_for_each_side_for_the_session(built_site, catalog):
    session = built_site / "session" / "index.html"
    pages = page_data(session)["urls"]["exercises"]
    for exercise in catalog.exercises:
        page = (session.parent / pages[exercise.id].split("#")[0]).resolve()
        page = page / "index.html" if page.is_dir() else page
        text = page.read_text(encoding="utf-8")
        for side in figure_sides(exercise):
            figure = re.search(
                rf'<figure class="hd-motion" id="[^"]*"[^>]*data-exercise="{exercise.id}" data-side="{side}">'
                r".*?<figcaption>(.*?)</figcaption>",
                text,
                re.S,
            )
            assert figure, (exercise.id, side)
            caption = html_lib.unescape(figure.group(1))
            assert (f"Drawn for the {side} side: " if side else "fits either side") in caption, (exercise.id, side)
