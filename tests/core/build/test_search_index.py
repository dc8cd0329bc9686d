"""Search finds the lessons, not the quizzes: a quiz's questions, feedback and answer key stay out
of Material's search index (no answers given away by a search, and a smaller index for every page
to download)."""

import json


def test_search_leaves_out_the_quizzes_but_keeps_the_lessons(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    lesson = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("lessons/what-is-trendelenburg/"))
    everything = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert "Trendelenburg" in lesson
    assert "Answers can be checked here once Python" not in everything
    assert "Check answers" not in everything and "Submit answers" not in everything
