"""The exercise catalog: the real one validates; each kind of broken catalog is refused with the file,
the entry and the field named; every family has its page; every exercise has its figure, drawn by
the motion engine; the built pages show what the catalog says."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from hipdrop_course.engine.catalog import evidence_rows
from hipdrop_course.engine.figure_side import figure_sides, shown_side
from hipdrop_course.catalog import load_catalog
from hipdrop_tools.course.errors import DataError
from hipdrop_tools.course.project import Project
from support import ROOT, build_in_process, copy_project

CATALOG = "exercises/catalog.yml"
ARTICLE_EXERCISES = {
    "hip-dip-and-raise", "side-plank-abduction", "side-lying-abduction", "banded-clam",
    "standing-wall-press", "standing-fire-hydrant", "single-leg-squat",
}
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(Project(ROOT))


def small_project(dest: Path) -> Project:
    """Just what the catalog loader reads: the catalog and the family pages."""
    for part in ("exercises", "docs/exercises"):
        shutil.copytree(ROOT / part, dest / part)
    return Project(dest)


def edit_catalog(project: Project, edit) -> None:
    path = project.root / CATALOG
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def by_id(data: dict, exercise_id: str) -> dict:
    return next(e for e in data["exercises"] if e["id"] == exercise_id)


def problems_of(project: Project) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(project)
    return [str(p) for p in caught.value.problems]


# --- the real catalog ------------------------------------------------------------------------


def test_the_real_catalog_validates_and_has_the_article_exercises(catalog):
    assert ARTICLE_EXERCISES <= {f.id for f in catalog.families()}
    for family in catalog.families():
        members = catalog.family_members(family.id)
        assert any(m.level == "easier" for m in members), f"{family.id} has no easier version"
        assert any(m.level == "harder" for m in members), f"{family.id} has no harder version"


def test_the_hip_dip_is_trained_through_the_stance_leg(catalog):
    hip_dip = catalog.exercise("hip-dip-and-raise")
    assert hip_dip.working_leg.works == "stance"
    assert "stand on" in hip_dip.working_leg.headline.lower()
    assert {"pelvic drop", "hip hike"} <= set(hip_dip.aliases)


def test_article_slips_are_not_repeated():
    text = (ROOT / CATALOG).read_text(encoding="utf-8")
    for slip in ("Freidrich", "Bolga ", "Bolga et", "27 muscles", "only way", "motor cortex"):
        assert slip not in text, slip
    assert "supine to side plank" not in [a.lower() for a in load_catalog(Project(ROOT)).exercise("side-plank-abduction").aliases]


def test_hipdrop_check_reports_the_catalog():
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "catalog exercises" in result.stdout


# --- broken catalogs: every kind is refused, naming file, entry and field ---------------------


def set_in(data, exercise_id, dotted, value):
    target = by_id(data, exercise_id)
    *path, last = dotted.split(".")
    for key in path:
        target = target[key]
    target[last] = value


BROKEN = [
    # (what breaks, edit, entry, field, words of the message)
    ("missing field", lambda d: by_id(d, "banded-clam").pop("purpose"),
     "exercise 'banded-clam'", None, "'purpose' is a required property"),
    ("unknown phase", lambda d: set_in(d, "banded-clam", "phase", "warm-up"),
     "exercise 'banded-clam'", "phase", "'warm-up' is not one of"),
    ("wrong type", lambda d: set_in(d, "single-leg-squat", "dosing.strength.sets", "three"),
     "exercise 'single-leg-squat'", "dosing.strength.sets", "is not valid"),
    ("unknown precaution tag", lambda d: set_in(d, "side-plank-abduction", "precautions", ["no-knees"]),
     "exercise 'side-plank-abduction'", "precautions[0]", "'no-knees' is not one of"),
    ("bad working leg", lambda d: set_in(d, "hip-dip-and-raise", "working_leg.works", "left"),
     "exercise 'hip-dip-and-raise'", "working_leg.works", "'left' is not one of"),
    ("easier id unknown", lambda d: set_in(d, "banded-clam", "easier", "clam-typo"),
     "exercise 'banded-clam'", "easier", "'clam-typo' is not an exercise id"),
    ("link not mutual", lambda d: set_in(d, "hip-dip-weighted", "easier", "hip-dip-supported"),
     "exercise 'hip-dip-weighted'", "easier", "easier/harder links go both ways"),
    ("family unknown", lambda d: set_in(d, "clam", "family", "clams"),
     "exercise 'clam'", "family", "'clams' is not an exercise id"),
    ("duplicate id", lambda d: set_in(d, "fire-hydrant-band", "id", "fire-hydrant-supported"),
     "exercise 'fire-hydrant-supported'", "id", "duplicate exercise id"),
    ("dosing source unknown", lambda d: set_in(d, "side-lying-abduction", "dosing.strength.source", "acsm-2099"),
     "exercise 'side-lying-abduction'", "dosing.strength.source", "'acsm-2099' is not in the sources table"),
    ("emg study unknown", lambda d: by_id(d, "side-plank-abduction")["emg"][0].update(study="boren-2012"),
     "exercise 'side-plank-abduction'", "emg[0].study", "'boren-2012' is not in the sources table"),
    ("emg range upside down", lambda d: by_id(d, "side-plank-abduction")["emg"][0].update(low=120),
     "exercise 'side-plank-abduction'", "emg[0]", "low 120 is above high 103"),
    ("a picture named by hand", lambda d: set_in(d, "single-leg-squat", "illustration", "single-leg-squat.svg"),
     "exercise 'single-leg-squat'", "", "'illustration' was unexpected"),
    ("level on the wrong side", lambda d: set_in(d, "side-plank-knees", "level", "harder"),
     "exercise 'side-plank-knees'", "level", "sits on the easier side"),
    ("source year wrong type", lambda d: d["sources"]["boren-2011"].update(year="2011"),
     "source 'boren-2011'", "year", "'2011' is not of type 'integer'"),
    ("cite without its year", lambda d: d["sources"]["boren-2011"].update(cite="Boren et al."),
     "source 'boren-2011'", "cite", "must end with the year 2011"),
    ("side-lying without its tag", lambda d: set_in(d, "clam", "precautions", ["active-abduction"]),
     "exercise 'clam'", "precautions", "'lies-on-side' must be carried exactly"),
    ("side plank without its loading tag", lambda d: set_in(d, "side-plank-knees", "precautions", ["lies-on-side"]),
     "exercise 'side-plank-knees'", "precautions", "'side-plank-loading' must be carried exactly"),
    ("one-leg exercise not weight-bearing", lambda d: set_in(d, "single-leg-squat", "precautions", []),
     "exercise 'single-leg-squat'", "precautions", "add 'single-leg-weight-bearing'"),
    ("low-load outside activation", lambda d: set_in(d, "banded-clam", "precautions",
                                                     ["lies-on-side", "low-load"]),
     "exercise 'banded-clam'", "precautions", "'low-load' marks activation drills"),
    ("low-load and high-load", lambda d: set_in(d, "hip-dip-weighted", "precautions",
                                                ["single-leg-weight-bearing", "low-load", "high-load"]),
     "exercise 'hip-dip-weighted'", "precautions", "both 'low-load' and 'high-load'"),
    ("unknown ability", lambda d: set_in(d, "single-leg-squat", "requires", ["pistol"]),
     "exercise 'single-leg-squat'", "requires[0]", "'pistol' is not one of"),
]


@pytest.mark.parametrize("what, edit, entry, field, words", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_catalog_is_refused_naming_file_entry_and_field(tmp_path, what, edit, entry, field, words):
    project = small_project(tmp_path)
    edit_catalog(project, edit)
    problems = problems_of(project)
    where = f"{CATALOG}: {entry}" + (f": field '{field}'" if field else "")
    matching = [p for p in problems if p.startswith(where) and words in p]
    assert matching, f"no problem at {where!r} saying {words!r}; got:\n" + "\n".join(problems)


def test_a_missing_family_page_is_reported(tmp_path):
    project = small_project(tmp_path)
    (project.root / "docs/exercises/banded-clam.md").unlink()
    assert f"{CATALOG}: exercise 'banded-clam': field 'id': no page docs/exercises/banded-clam.md for this family" in problems_of(project)


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    project = small_project(tmp_path)

    def edit(data):
        set_in(data, "banded-clam", "easier", "nowhere")
        set_in(data, "single-leg-squat", "dosing.endurance.source", "nobody-2020")
        set_in(data, "standing-wall-press", "family", "nowhere")

    edit_catalog(project, edit)
    problems = problems_of(project)
    assert any("'banded-clam': field 'easier'" in p for p in problems)
    assert any("'single-leg-squat': field 'dosing.endurance.source'" in p for p in problems)
    assert any("'standing-wall-press': field 'family'" in p for p in problems)


def test_the_site_build_stops_on_a_broken_catalog(tmp_path):
    project = copy_project(tmp_path / "p")
    edit_catalog(Project(project), lambda d: set_in(d, "banded-clam", "harder", "clam-on-the-moon"))
    result = build_in_process(project / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert "exercises/catalog.yml: exercise 'banded-clam': field 'harder'" in result.stdout + result.stderr


# --- every family has its page  --------------------------------------------------


def test_every_family_has_a_page_in_the_nav_that_renders_it(catalog):
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for family in catalog.families():
        page = ROOT / "docs" / "exercises" / f"{family.id}.md"
        assert page.is_file(), page
        assert f'exercise("{family.id}")' in page.read_text(encoding="utf-8"), page
        assert f"exercises/{family.id}.md" in nav, family.id
    pages = {p.stem for p in (ROOT / "docs" / "exercises").glob("*.md")} - {"index"}
    assert pages == {f.id for f in catalog.families()}


def lesson_figures() -> list[Path]:
    """The lessons' own drawings (the exercises' are the motion engine's)."""
    return sorted((ROOT / "docs" / "assets" / "figures").glob("*.svg"))


def figure_files(site: Path, catalog) -> list[tuple]:
    """(exercise, its still figure for a side): one per trained side, or one for either side."""
    return [
        (e, site / "assets" / "hipdrop" / "figures" / f"{e.id}{'-' + side if side else ''}.svg")
        for e in catalog.exercises
        for side in figure_sides(e)
    ]


def assert_self_contained_labelled_svg(path: Path, needs_desc: bool) -> None:
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg", path
    assert root.get("viewBox"), path
    assert (root.findtext(f"{SVG}title") or "").strip(), path
    if needs_desc:
        assert len((root.findtext(f"{SVG}desc") or "").strip()) > 40, path
    assert root.get("role") == "img", path
    for element in root.iter():
        assert element.tag != f"{SVG}script", path
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert value.startswith("#"), f"{path.name}: external reference {value}"
    text = path.read_text(encoding="utf-8")
    assert "@import" not in text and "url(http" not in text, path


def test_no_exercise_is_drawn_by_hand_and_the_lessons_figures_are_labelled_svg(catalog):
    names = {path.stem for path in lesson_figures()}
    assert names == {"stance-comparison", "cane-use"}
    assert not names & ({e.id for e in catalog.exercises} | {e.family for e in catalog.exercises})
    for path in lesson_figures():
        assert_self_contained_labelled_svg(path, needs_desc=True)


def test_every_exercise_has_its_still_figure_with_the_working_leg_hatched(built_site, catalog):
    for exercise, path in figure_files(built_site, catalog):
        assert_self_contained_labelled_svg(path, needs_desc=False)
        root = ET.parse(path).getroot()
        assert exercise.name in root.findtext(f"{SVG}title"), path
        hatched = [e for e in root.iter(f"{SVG}polyline") if (e.get("stroke") or "").startswith("url(#")]
        expected = 2 if exercise.working_leg.works in ("both", "together") else 1
        key_frames = len(root.findall(f"{SVG}text"))  # each key frame is numbered
        assert key_frames >= 2 and len(hatched) == expected * key_frames, (exercise.id, len(hatched))


# --- the built site shows what the catalog says -------------------------------------------------


class _Tables(HTMLParser):
    """Rows of <table data-hd-table=NAME> as lists of cell texts, plus element ids and images."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.inside = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.ids: set[str] = set()
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "img":
            self.images.append(attrs)
        if tag == "table" and attrs.get("data-hd-table") == self.name:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def parse_page(path: Path, table: str) -> _Tables:
    parser = _Tables(table)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_the_lesson_evidence_table_matches_the_catalog(built_site, catalog):
    page = parse_page(built_site / "lessons" / "progression" / "index.html", "evidence-table")
    shown = [tuple(row[:3]) for row in page.rows[1:]]
    expected = [(r.exercise_name, r.cite, f"{r.range_text} ({r.measure})") for r in evidence_rows(catalog)]
    assert shown == expected
    notes = [row[3] for row in page.rows[1:]]
    for row, note in zip(evidence_rows(catalog), notes):
        assert ("As reported in the source article." in note) == (row.status == "article-only")


def test_the_library_shows_each_familys_still_figure(built_site, catalog):
    path = built_site / "exercises" / "index.html"
    images = [img for img in parse_page(path, "none").images if "hd-index-figure" in img.get("class", "")]
    assert len(images) == len(catalog.families())
    for family, img in zip(catalog.families(), images):
        side = shown_side(family)  # the library shows each exercise as described
        assert img["src"].endswith(f"assets/hipdrop/figures/{family.id}{'-' + side if side else ''}.svg")
        assert (path.parent / img["src"]).resolve().is_file()
        assert img["alt"].startswith(f"{family.name}, key positions: 1. ")
        assert int(img["width"]) > 0 and int(img["height"]) > 0


def test_each_exercise_page_shows_the_working_leg_figure_and_versions(built_site, catalog):
    for family in catalog.families():
        path = built_site / "exercises" / family.id / "index.html"
        html = path.read_text(encoding="utf-8")
        page = parse_page(path, "dosing")
        assert "Which leg does the work?" in html
        assert family.working_leg.headline.replace("'", "&#x27;") in html
        # The figure is drawn from the exercise's key frames (exercises/motion.yml), with a caption
        # naming the exercise and the leg that works, and readable without any script.
        figure = re.search(r'<figure class="hd-motion" id="[^"]*"[^>]*>.*?</figure>', html, re.S)
        assert figure, f"{family.id}: no movement figure"
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure.group(0), re.S)
        assert caption and family.name.split(" (")[0].lower() in caption.group(1).lower(), family.id
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", figure.group(0))
        assert "<svg" in figure.group(0) and any(re.search(r"\bleg", label) for label in labels), family.id
        for member in catalog.family_members(family.id):
            assert f"hd-motion-{member.id}" in page.ids, f"{family.id}: no figure for {member.id}"
            if member.id != family.id:
                assert member.id in page.ids, f"{family.id}: no anchor for {member.id}"
        header = page.rows[0]
        assert header[1:4] == ["Motor control", "Strength", "Endurance"]
        source_row = next(row for row in page.rows if row[0] == "Source")
        for goal, cell in zip(("motor-control", "strength", "endurance"), source_row[1:]):
            assert catalog.source(family.dosing[goal].source).cite in cell
