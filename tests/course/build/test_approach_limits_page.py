"""Lesson 3b states the limits after a hip replacement from the engine's table (``limits.py``),
so the lesson and the program builder cannot disagree."""

from hipdrop_course.engine.catalog import PRECAUTIONS_BY_ID
from hipdrop_course.engine.picker.limits import APPROACH_WEEKS, PROCEDURES
from support import ROOT


def test_lesson_3b_renders_the_approach_table_from_the_engine(built_site):
    source = (ROOT / "docs" / "lessons" / "telling-it-apart.md").read_text(encoding="utf-8")
    assert "{{ approach_limits() }}" in source, "lesson 3b no longer renders the approach table from the engine"
    html = (built_site / "lessons" / "telling-it-apart" / "index.html").read_text(encoding="utf-8")
    assert f"for the first {APPROACH_WEEKS} weeks" in html
    approaches = [p for p in PROCEDURES if p.id.startswith("hip-replacement-")]
    assert len(approaches) == 4  # posterior, anterior, lateral, not sure
    for procedure in approaches:
        assert procedure.label in html, procedure.label
        for tag in procedure.tags:
            assert PRECAUTIONS_BY_ID[tag].movement in html, (procedure.label, tag)
