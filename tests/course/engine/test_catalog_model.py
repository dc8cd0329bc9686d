"""The catalog model (hipdrop_course.engine.catalog) and its HTML (hipdrop_course.engine.catalog_html), over a small catalog
written here.

Standard library and hipdrop only (no pytest), so the same file runs inside Pyodide.
"""

import copy

from hipdrop_course.engine.catalog import Span, catalog_from_dict, catalog_to_dict, evidence_rows
from hipdrop_course.engine.catalog_html import Links, StillFigure, evidence_table, exercise_index, exercise_page


def dose(reps=10, hold=0, source="guide"):
    return {"sets": [2, 3], "reps": reps, "hold_s": hold, "rest_s": [60, 120], "days_per_week": [2, 3],
            "basis": "guideline", "source": source}


def entry(eid, family, level, *, easier=None, harder=None, phase="strengthening", emg=(), precautions=(),
          name=None, works="stance"):
    return {
        "id": eid, "name": name or eid.replace("-", " ").capitalize(), "aliases": [], "family": family,
        "level": level, "easier": easier, "harder": harder, "phase": phase, "position": "standing",
        "equipment": [], "working_leg": {"works": works, "headline": "The leg you stand on.", "text": "Why."},
        "purpose": "Purpose.", "setup": ["Set up."], "steps": ["Step one.", "Step two."], "cues": ["Cue."],
        "common_errors": ["Error."],
        "dosing": {"motor-control": dose(10, 5), "strength": dose([8, 12]), "endurance": dose([15, 20])},
        "emg": list(emg), "precautions": list(precautions),
    }


def data():
    return {
        "sources": {
            "guide": {"cite": "Guide 2009", "authors": "Guide A", "year": 2009, "title": "Dosing",
                      "journal": "J Dose 1:1-2", "verified": True},
            "old": {"cite": "Old et al. 2005", "authors": "Old A, Older B, Oldest C", "year": 2005,
                    "title": "An EMG study", "journal": "J EMG 2:3-4", "verified": True},
            "new": {"cite": "New & Newer 2011", "authors": "New A, Newer B", "year": 2011,
                    "title": "Another EMG study", "journal": "J EMG 3:5-6", "verified": False},
        },
        "exercises": [
            entry("squat-supported", "squat", "easier", harder="squat", precautions=["single-leg-weight-bearing"]),
            entry("squat", "squat", "standard", easier="squat-supported", harder="squat-weighted",
                  phase="movement-retraining",
                  emg=[{"study": "new", "low": 82, "high": 82, "measure": "peak", "status": "article-only"},
                       {"study": "old", "low": 64, "high": 64, "sd": 24, "measure": "mean", "status": "verified"}],
                  precautions=["single-leg-weight-bearing", "balance-demand"]),
            entry("squat-weighted", "squat", "harder", easier="squat", precautions=["high-load"],
                  emg=[{"study": "old", "low": 70, "high": 90, "measure": "peak", "status": "partly-verified"}]),
            entry("dip", "dip", "standard", phase="activation",
                  emg=[{"study": "old", "low": 57, "high": 59, "measure": "mean", "status": "article-only"}]),
        ],
    }


def links(**figures):
    return Links(exercise=lambda eid: f"../ex/{eid}/", **figures)


def test_round_trip_keeps_every_field():
    catalog = catalog_from_dict(data())
    again = catalog_from_dict(catalog_to_dict(catalog))
    assert again == catalog
    assert catalog_to_dict(again) == catalog_to_dict(catalog)


def test_counts_may_be_a_number_or_a_range():
    squat = catalog_from_dict(data()).exercise("squat")
    strength = squat.dosing["strength"]
    assert strength.reps == Span(8, 12) and str(strength.reps) == "8\u201312"
    assert squat.dosing["motor-control"].reps == Span(10, 10) and str(squat.dosing["motor-control"].reps) == "10"


def test_family_members_run_from_easiest_to_hardest():
    catalog = catalog_from_dict(data())
    assert [e.id for e in catalog.family_members("squat")] == ["squat-supported", "squat", "squat-weighted"]
    assert [e.id for e in catalog.families()] == ["squat", "dip"]
    assert catalog.exercise("squat").is_family_main and not catalog.exercise("squat-weighted").is_family_main


def test_a_broken_link_does_not_loop_forever():
    broken = data()
    broken["exercises"][0]["easier"] = "squat"  # a cycle: squat-supported <-> squat
    members = [e.id for e in catalog_from_dict(broken).family_members("squat")]
    assert len(members) == len(set(members)) and members[-1] == "squat-weighted"


def test_without_precautions_drops_every_entry_with_a_forbidden_tag():
    catalog = catalog_from_dict(data())
    kept = [e.id for e in catalog.without_precautions(["single-leg-weight-bearing"])]
    assert kept == ["squat-weighted", "dip"]
    assert [e.id for e in catalog.by_phase("activation")] == ["dip"]


def test_unknown_ids_raise_key_errors_that_name_them():
    catalog = catalog_from_dict(data())
    for lookup, name in ((catalog.exercise, "nope"), (catalog.source, "missing")):
        try:
            lookup(name)
        except KeyError as error:
            assert name in str(error)
        else:
            raise AssertionError(f"{name} was found")


def test_emg_figures_print_as_ranges_with_the_spread():
    squat = catalog_from_dict(data()).exercise("squat")
    assert [e.range_text() for e in squat.emg] == ["82%", "64 \u00b1 24%"]
    weighted = catalog_from_dict(data()).exercise("squat-weighted")
    assert weighted.emg[0].range_text() == "70\u201390%"


def test_evidence_rows_follow_family_order_then_level_then_study_year():
    rows = evidence_rows(catalog_from_dict(data()))
    assert [(r.exercise_id, r.cite) for r in rows] == [
        ("squat", "Old et al. 2005"),
        ("squat", "New & Newer 2011"),
        ("squat-weighted", "Old et al. 2005"),
        ("dip", "Old et al. 2005"),
    ]
    assert rows[0].range_text == "64 \u00b1 24%" and rows[1].status == "article-only"


def test_entries_without_figures_give_no_evidence_rows():
    trimmed = data()
    for item in trimmed["exercises"]:
        item["emg"] = []
    assert evidence_rows(catalog_from_dict(trimmed)) == []


def test_source_citation_has_authors_year_title_and_journal():
    source = catalog_from_dict(data()).source("old")
    assert source.citation() == "Old A, Older B, Oldest C (2005). An EMG study. J EMG 2:3-4."


def test_page_escapes_catalog_text():
    nasty = copy.deepcopy(data())
    nasty["exercises"][1]["steps"] = ["Lift <script>alert(1)</script> & hold"]
    nasty["exercises"][1]["working_leg"]["headline"] = "The <b>standing</b> leg"
    html = exercise_page(catalog_from_dict(nasty), "squat", links())
    assert "<script>alert(1)</script>" not in html and "<b>standing</b>" not in html
    assert "Lift &lt;script&gt;alert(1)&lt;/script&gt; &amp; hold" in html
    assert "The &lt;b&gt;standing&lt;/b&gt; leg" in html


def test_page_states_which_leg_works_before_the_steps():
    html = exercise_page(catalog_from_dict(data()), "squat", links())
    assert "Which leg does the work?" in html
    assert html.index("The leg you stand on.") < html.index("## Steps")


def test_page_links_every_version_and_shows_each_ones_own_figure():
    drawn = links(motion=lambda exercise: f'<figure class="hd-motion" id="fig-{exercise.id}"></figure>')
    html = exercise_page(catalog_from_dict(data()), "squat", drawn)
    assert 'href="#squat-supported"' in html and 'href="#squat-weighted"' in html
    assert "{#squat-supported}" in html and "{#squat-weighted}" in html
    for eid in ("squat", "squat-supported", "squat-weighted"):  # the motion engine's figure, one per version
        assert html.count(f'id="fig-{eid}"') == 1
    assert "<img" not in html  # no picture named by the catalog


def test_the_library_overview_shows_each_familys_still_figure():
    def still(exercise):
        return StillFigure(f"../fig/{exercise.id}.svg", f"{exercise.name}, key positions", 300, 120)

    html = exercise_index(catalog_from_dict(data()), links(still=still))
    assert '<img class="hd-index-figure" src="../fig/squat.svg" alt="Squat, key positions" width="300"' in html
    assert 'src="../fig/dip.svg"' in html and "squat-weighted.svg" not in html  # families only


def test_page_marks_figures_known_only_from_the_source_article():
    html = exercise_page(catalog_from_dict(data()), "squat", links())
    new_row = html[html.index("New &amp; Newer 2011"):]
    assert "As reported in the source article." in new_row[: new_row.index("</tr>")]


def test_page_dosing_names_its_source():
    html = exercise_page(catalog_from_dict(data()), "squat", links())
    dosing = html[html.index("## How much"):html.index("## Evidence")]
    assert "Guide 2009" in dosing and "8\u201312" in dosing and "15\u201320" in dosing


def test_a_version_is_not_a_page():
    try:
        exercise_page(catalog_from_dict(data()), "squat-weighted", links())
    except ValueError as error:
        assert "squat" in str(error)
    else:
        raise AssertionError("a version rendered as a page")


def test_evidence_table_has_one_row_per_figure_in_order():
    html = evidence_table(catalog_from_dict(data()), links())
    rows = html.split("<tr data-exercise=")[1:]
    assert [r.split('"')[1] for r in rows] == ["squat", "squat", "squat-weighted", "dip"]
    assert 'href="../ex/squat-weighted/"' in html
    assert "healthy young adults" in html


def test_index_groups_families_by_phase_in_course_order():
    html = exercise_index(catalog_from_dict(data()), links())
    assert html.index("## Activation") < html.index("../ex/dip/") < html.index("## Movement retraining")
    assert html.index("## Movement retraining") < html.index("../ex/squat/")
    assert "## Strengthening" not in html  # no family has its main entry in that phase
