"""`hipdrop export --format qti`: every bank as a QTI 2.1 and a QTI 1.2 package, checked against
the IMS schemas (see tests/helpers/ims_schemas.py for where they come from), and every question read back
and compared with its bank."""

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from hipdrop.quiz.grading import grade_question
from hipdrop_tools.course import markdown_text
from hipdrop_tools.lms.export import export_bank_model
from hipdrop_tools.course.project import Project
from hipdrop_tools.course.quizzes import load_banks
import ims_schemas
from quiz_versions import item_ids, versions_of
from support import ROOT

BANKS = sorted((ROOT / "quizzes").glob("*.yml"))
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
QTI12 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
def export(out: Path, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(root), "export", "--format", "qti", "--out", str(out)],
        capture_output=True, text=True,
    )


@pytest.fixture(scope="module")
def qti_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("qti")
    result = export(out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "the real banks export to QTI without warnings"
    return out


def unzip(path: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(path) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()}


def text(element) -> str:
    """The visible text of an element, spaces folded."""
    return " ".join("".join(element.itertext()).split())


def html_text(html: str) -> str:
    return " ".join("".join(etree.fromstring(f"<div>{html}</div>", etree.HTMLParser()).itertext()).split())


def html_of(element) -> str:
    """QTI 1.2 carries HTML as text: the visible text of that HTML."""
    return html_text("".join(element.itertext()))


def md_text(markdown: str) -> str:
    return html_text(markdown_text.to_html(markdown))


def qti_id(raw: str) -> str:
    return raw if raw[:1].isalpha() else "_" + raw


# ---------------------------------------------------------------- the packages and the schemas


def test_every_bank_has_both_packages(qti_dir):
    names = sorted(p.name for p in qti_dir.iterdir())
    expected = sorted(f"{p.stem}.{kind}.zip" for p in BANKS for kind in ("qti21", "qti12"))
    assert names == expected


@pytest.mark.parametrize("kind", ["qti21", "qti12"])
@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_every_package_manifest_is_valid_ims_content_packaging_naming_every_file(qti_dir, bank_path, kind):
    cp_schema = ims_schemas.content_packaging()
    files = unzip(qti_dir / f"{bank_path.stem}.{kind}.zip")
    manifest = files.pop("imsmanifest.xml")
    assert cp_schema.validate(manifest), cp_schema.error_log
    assert {f.get("href") for f in manifest.iter(f"{CP}file")} == set(files)
    broken = etree.fromstring(etree.tostring(manifest))
    del broken.find(f"{CP}resources/{CP}resource").attrib["type"]
    assert not cp_schema.validate(broken)


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_qti21_items_and_test_are_valid_against_the_ims_qti21_schema(qti_dir, bank_path):
    qti_schema = ims_schemas.qti("qti21")
    files = unzip(qti_dir / f"{bank_path.stem}.qti21.zip")
    files.pop("imsmanifest.xml")
    for name, document in files.items():
        assert qti_schema.validate(document), f"{name}: {qti_schema.error_log}"


def test_the_schema_check_rejects_a_broken_item(qti_dir):
    """The validation is not vacuous: an item without its response declaration's cardinality fails."""
    qti_schema = ims_schemas.qti("qti21")
    files = unzip(qti_dir / "final.qti21.zip")
    item = next(doc for name, doc in files.items() if name.startswith("items/"))
    del item.find(f"{QTI}responseDeclaration").attrib["cardinality"]
    assert not qti_schema.validate(item)


def without_namespace(root: etree._Element) -> etree._Element:
    """A copy without namespaces: the QTI 1.2 DTD predates them (Canvas's files carry one)."""
    copy = etree.fromstring(etree.tostring(root))
    for element in copy.iter():
        if isinstance(element.tag, str):
            element.tag = etree.QName(element).localname
    for key in list(copy.attrib):
        del copy.attrib[key]
    etree.cleanup_namespaces(copy)
    return copy


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_qti12_is_valid_against_the_ims_qti12_dtd(qti_dir, bank_path):
    dtd = ims_schemas.qti("qti12")
    files = unzip(qti_dir / f"{bank_path.stem}.qti12.zip")
    document = without_namespace(files[f"{bank_path.stem}.xml"])
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    broken = etree.fromstring(etree.tostring(document))
    etree.SubElement(broken.find("assessment/section/item/presentation"), "script").text = "alert(1)"
    assert not dtd.validate(broken)


# ---------------------------------------------------------------- QTI 2.1, read back


def modal_feedback(item) -> dict[str, str]:
    return {f.get("identifier"): text(f) for f in item.iter(f"{QTI}modalFeedback")}


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_every_question_reads_back_from_qti21_with_its_answers_and_feedback(qti_dir, bank_path):
    bank = yaml.safe_load(bank_path.read_text())
    files = unzip(qti_dir / f"{bank['id']}.qti21.zip")
    test = files[f"{bank['id']}.xml"]
    refs = [r.get("identifier") for r in test.iter(f"{QTI}assessmentItemRef")]
    assert refs == [qti_id(i) for q in bank["questions"] for i in item_ids(q)]

    for question in bank["questions"]:
        if question["type"] == "generated_numeric":
            check_qti21_versions(files, test, question)
            continue
        item = files[f"items/{question['id']}.xml"]
        assert item.get("identifier") == qti_id(question["id"])
        body = item.find(f"{QTI}itemBody")
        assert md_text(question["prompt"]) in text(body)
        feedback = modal_feedback(item)
        assert md_text(question["explanation"]) in feedback["_explanation"]
        assert question["link"].split("#")[1] in feedback["_explanation"]
        declaration = item.find(f"{QTI}responseDeclaration")
        right = [v.text for v in declaration.iter(f"{QTI}value")]
        kind = question["type"]
        if kind in ("single", "multiple", "true_false"):
            choices = body.iter(f"{QTI}simpleChoice")
            assert [(c.get("identifier"), text(c)) for c in choices] == [
                (qti_id(o["id"]), md_text(o["text"])) for o in question["options"]]
            assert right == [qti_id(o["id"]) for o in question["options"] if o.get("correct")]
            for option in question["options"]:
                assert feedback[qti_id(option["id"])] == md_text(option["feedback"])
            interaction = body.find(f".//{QTI}choiceInteraction")
            assert interaction.get("maxChoices") == ("0" if kind == "multiple" else "1")
        elif kind == "numeric":
            assert right == [format(question["answer"], "g")]
            equal = item.find(f".//{QTI}equal")
            assert equal.get("tolerance").split() == [format(question["tolerance"], "g")] * 2
            assert equal.get("includeLowerBound") == equal.get("includeUpperBound") == "true"
            if question.get("unit"):
                assert question["unit"] in text(body)
        elif kind == "ordering":
            assert declaration.get("cardinality") == "ordered"
            assert right == [qti_id(i["id"]) for i in question["items"]]
            shown = {c.get("identifier"): text(c) for c in body.iter(f"{QTI}simpleChoice")}
            assert shown == {qti_id(i["id"]): md_text(i["text"]) for i in question["items"]}
        elif kind == "matching":
            assert declaration.get("baseType") == "directedPair"
            assert right == [f"{qti_id(i['id'])} {qti_id(i['match'])}" for i in question["left"]]
            sets = body.findall(f".//{QTI}simpleMatchSet")
            assert [text(c) for c in sets[0]] == [md_text(i["text"]) for i in question["left"]]
            assert [text(c) for c in sets[1]] == [md_text(i["text"]) for i in question["right"]]
        if kind in ("numeric", "ordering", "matching"):
            assert feedback["_correct"] == md_text(question["feedback"]["correct"])
            assert feedback["_incorrect"] == md_text(question["feedback"]["incorrect"])
            if "partial" in question["feedback"]:
                assert feedback["_partial"] == md_text(question["feedback"]["partial"])


def check_qti21_versions(files, test, question):
    """A generated question: its versions in a section of their own that selects one, each a numeric
    item with the engine's answer and tolerance, the problem's values, and the working as feedback."""
    versions = versions_of(question)
    section = next(s for s in test.iter(f"{QTI}assessmentSection") if s.get("identifier") == f"versions-{question['id']}")
    assert section.find(f"{QTI}selection").get("select") == "1"
    assert [r.get("identifier") for r in section.iter(f"{QTI}assessmentItemRef")] == [qti_id(i) for i, _ in versions]
    assert len({p.values() for _, p in versions}) == len(versions), "every version has its own numbers"
    for item_id, problem in versions:
        item = files[f"items/{item_id}.xml"]
        body = text(item.find(f"{QTI}itemBody"))
        assert md_text(question["prompt"]) in body and problem.statement in body and problem.question in body
        for given in problem.givens:
            assert f"{given.name} ({given.symbol}) {given.value:,g} {given.unit}" in body
        assert item.find(f".//{QTI}textEntryInteraction") is not None
        declaration = item.find(f"{QTI}responseDeclaration")
        assert (declaration.get("cardinality"), declaration.get("baseType")) == ("single", "float")
        assert [float(v.text) for v in declaration.iter(f"{QTI}value")] == [problem.answer]
        equal = item.find(f".//{QTI}equal")
        assert equal.get("toleranceMode") == "absolute"
        assert [float(t) for t in equal.get("tolerance").split()] == [problem.tolerance] * 2
        feedback = modal_feedback(item)
        assert feedback["_correct"] == md_text(question["feedback"]["correct"])
        assert md_text(question["explanation"]) in feedback["_explanation"]
        assert "How to work it out" in feedback["_explanation"]
        assert all(step.equation in feedback["_explanation"] for step in problem.steps)


def mapped_score(item, chosen: list[str]) -> float:
    """QTI 2.1's mapResponse: the sum of the chosen keys' mapped values, within the bounds."""
    mapping = item.find(f".//{QTI}mapping")
    values = {e.get("mapKey"): float(e.get("mappedValue")) for e in mapping}
    raw = sum(values.get(key, float(mapping.get("defaultValue"))) for key in chosen)
    return min(float(mapping.get("upperBound")), max(float(mapping.get("lowerBound")), raw))


def test_qti21_a_whole_right_answer_scores_exactly_one(qti_dir):
    """Shares like 1/3 are written as 0.333333: the right answer is matched as a whole and scores 1."""
    files = unzip(qti_dir / "final.qti21.zip")
    for name, item in files.items():
        if not name.startswith("items/"):
            continue
        processing = item.find(f"{QTI}responseProcessing")
        exact = [c for c in processing.iter(f"{QTI}responseIf")
                 if c.find(f"{QTI}match/{QTI}correct") is not None
                 and c.findtext(f"{QTI}setOutcomeValue[@identifier='SCORE']/{QTI}baseValue") == "1"]
        is_numeric = item.find(f".//{QTI}textEntryInteraction") is not None
        assert len(exact) == (0 if is_numeric else 1), name


def test_qti21_multiple_select_marks_every_answer_as_the_site_does(qti_dir):
    """Each subset of options, marked by the exported mapping, gets the engine's own mark."""
    from itertools import combinations

    banks = load_banks(Project(root=ROOT))
    files = unzip(qti_dir / "final.qti21.zip")
    bank = export_bank_model(banks["final"])
    multiple = [q for q in bank.questions if q.type == "multiple"]
    assert multiple
    for question in multiple:
        item = files[f"items/{question.id}.xml"]
        ids = [o.id for o in question.options]
        for size in range(len(ids) + 1):
            for chosen in combinations(ids, size):
                expected = grade_question(question, list(chosen)).score
                assert mapped_score(item, [qti_id(c) for c in chosen]) == pytest.approx(expected, abs=1e-4), chosen


# ---------------------------------------------------------------- QTI 1.2, read back


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_every_question_reads_back_from_qti12_with_its_answers_and_feedback(qti_dir, bank_path):
    bank = yaml.safe_load(bank_path.read_text())
    root = unzip(qti_dir / f"{bank['id']}.qti12.zip")[f"{bank['id']}.xml"]
    items = root.findall(f".//{QTI12}item")
    assert [i.get("ident") for i in items] == [i for q in bank["questions"] for i in item_ids(q)]
    by_ident = {i.get("ident"): i for i in items}
    for question in bank["questions"]:
        if question["type"] == "generated_numeric":
            group = next(s for s in root.iter(f"{QTI12}section") if s.get("ident") == f"versions-{question['id']}")
            assert group.findtext(f"{QTI12}selection_ordering/{QTI12}selection/{QTI12}selection_number") == "1"
            for item_id, problem in versions_of(question):
                item = by_ident[item_id]
                assert item.getparent() is group
                low, high = float(item.findtext(f".//{QTI12}vargte")), float(item.findtext(f".//{QTI12}varlte"))
                assert (low, high) == (problem.answer - problem.tolerance, problem.answer + problem.tolerance)
                assert problem.statement in html_of(item.find(f"{QTI12}presentation/{QTI12}material"))
                general = html_of(next(f for f in item.iter(f"{QTI12}itemfeedback") if f.get("ident") == "general_fb"))
                assert "How to work it out" in general and md_text(question["explanation"]) in general
            continue
        item = by_ident[question["id"]]
        feedback = {f.get("ident"): html_of(f) for f in item.iter(f"{QTI12}itemfeedback")}
        assert md_text(question["explanation"]) in feedback["general_fb"]
        assert md_text(question["prompt"]) in html_of(item.find(f"{QTI12}presentation/{QTI12}material"))
        conditions = item.findall(f".//{QTI12}respcondition")
        kind = question["type"]
        if kind in ("single", "multiple", "true_false"):
            labels = item.findall(f".//{QTI12}response_label")
            assert [(label.get("ident"), html_of(label)) for label in labels] == [(o["id"], md_text(o["text"])) for o in question["options"]]
            right = sum(1 for o in question["options"] if o.get("correct"))
            for option in question["options"]:
                assert feedback[f"{option['id']}_fb"] == md_text(option["feedback"])
                condition = next(c for c in conditions if c.get("title") == f"option {option['id']}")
                setvar = condition.find(f"{QTI12}setvar")
                if kind == "multiple":
                    sign = 1 if option.get("correct") else -1
                    value = float(setvar.text) * (1 if setvar.get("action") == "Add" else -1)
                    assert value == pytest.approx(sign * 100 / right, abs=1e-3)
                elif option.get("correct"):
                    assert (setvar.get("action"), setvar.text) == ("Set", "100")
                else:
                    assert setvar is None
            if kind == "multiple":
                whole = next(c for c in conditions if c.get("title") == "all right")
                assert whole.find(f"{QTI12}setvar").text == "100"
                wanted = {o["id"] for o in question["options"] if o.get("correct")}
                assert {v.text for v in whole.iter(f"{QTI12}varequal") if v.getparent().tag != f"{QTI12}not"} == wanted
                assert {v.text for v in whole.iter(f"{QTI12}varequal") if v.getparent().tag == f"{QTI12}not"} == (
                    {o["id"] for o in question["options"]} - wanted)
        elif kind == "numeric":
            low = float(item.findtext(f".//{QTI12}vargte"))
            high = float(item.findtext(f".//{QTI12}varlte"))
            assert (low, high) == pytest.approx((question["answer"] - question["tolerance"], question["answer"] + question["tolerance"]))
            assert feedback["correct_fb"] == md_text(question["feedback"]["correct"])
        else:
            lids = item.findall(f".//{QTI12}response_lid")
            keys = question["items"] if kind == "ordering" else question["left"]
            assert [html_of(lid.find(f"{QTI12}material")) for lid in lids] == [md_text(k["text"]) for k in keys]
            if kind == "ordering":
                expected = {f"response_{i['id']}": f"place-{n}" for n, i in enumerate(question["items"], 1)}
            else:
                expected = {f"response_{i['id']}": i["match"] for i in question["left"]}
            scored = {c.find(f".//{QTI12}varequal").get("respident"): c.findtext(f".//{QTI12}varequal")
                      for c in conditions if c.find(f"{QTI12}setvar[@action='Add']") is not None}
            whole = next(c for c in conditions if c.get("title") == "all right")
            assert (whole.find(f"{QTI12}setvar").get("action"), whole.find(f"{QTI12}setvar").text) == ("Set", "100")
            assert {(v.get("respident"), v.text) for v in whole.iter(f"{QTI12}varequal")} == set(expected.items())
            assert scored == expected
            assert feedback["correct_fb"] == md_text(question["feedback"]["correct"])
            assert feedback["general_incorrect_fb"] == md_text(question["feedback"]["incorrect"])


# ---------------------------------------------------------------- bad input, safe text


def test_a_question_qti_cannot_carry_is_named_and_markup_never_becomes_live(tmp_path):
    project = tmp_path / "p"
    (project / "quizzes").mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("quizzes", ".git", ".venv", "site"):
            (project / entry.name).symlink_to(entry)
    common = {"explanation": "Because.", "link": "lessons/mechanics.md#moments", "tags": {"lesson": 2, "difficulty": "easy"}}
    bank = {
        "id": "odd",
        "title": "Odd input",
        "questions": [
            {"id": "1-script", "type": "single", "prompt": "Is <script>alert(1)</script> **bold** [safe](javascript:alert(2))?",
             "options": [{"id": "1", "text": "Yes", "correct": True, "feedback": "Right."},
                         {"id": "2", "text": "No", "feedback": "No."}], **common},
            {"id": "same-ids", "type": "matching", "prompt": "Match them.",
             "left": [{"id": "a", "text": "A", "match": "b"}, {"id": "b", "text": "B", "match": "a"}],
             "right": [{"id": "a", "text": "1"}, {"id": "b", "text": "2"}],
             "feedback": {"correct": "Yes.", "incorrect": "No."}, **common},
        ],
    }
    (project / "quizzes" / "odd.yml").write_text(yaml.safe_dump(bank, sort_keys=False))
    out = tmp_path / "out"
    result = export(out, project)
    assert result.returncode == 0, result.stderr
    assert "odd: question 'same-ids': QTI 2.1: skipped" in result.stderr
    files = unzip(out / "odd.qti21.zip")
    assert sorted(files) == ["imsmanifest.xml", "items/1-script.xml", "odd.xml"]
    item = files["items/1-script.xml"]
    assert item.get("identifier") == "_1-script"
    assert [c.get("identifier") for c in item.iter(f"{QTI}simpleChoice")] == ["_1", "_2"]
    assert not list(item.iter(f"{QTI}script")) and not any("javascript:" in (a.get("href") or "") for a in item.iter())
    assert "<script>alert(1)</script>" in text(item.find(f"{QTI}itemBody"))  # shown as text
    assert item.find(f".//{QTI}strong").text == "bold"
    if ims_schemas.qti_available("qti21"):
        qti_schema = ims_schemas.qti("qti21")
        assert qti_schema.validate(item), qti_schema.error_log
    # QTI 1.2 carries HTML as text (escaped in the XML): the same escaped markup, never a <script>.
    html = unzip(out / "odd.qti12.zip")["odd.xml"].find(f".//{QTI12}mattext").text
    assert "&lt;script&gt;" in html and "<script" not in html and "javascript:" not in html


def test_the_zips_are_the_same_bytes_for_the_same_banks(qti_dir, tmp_path):
    again = tmp_path / "again"
    assert export(again).returncode == 0
    for path in qti_dir.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name
    with zipfile.ZipFile(io.BytesIO((qti_dir / "final.qti21.zip").read_bytes())) as archive:
        assert archive.namelist()[0] == "imsmanifest.xml"
