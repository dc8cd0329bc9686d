"""Every QTI 2.1 package imported into a QTI 2.1 consumer's own parser: pyslet (PyPI, pinned in
requirements.lock), whose qtiv2 module reads items and tests and runs their response processing.

For every bank: the manifest is read as an IMS content package, every item and the test are
parsed, each item's interaction and correct response are read back and compared with the bank,
and pyslet's response processing marks the right answer 1 and a wrong one 0 (numeric answers at
both ends of their tolerance, and just outside it).

One thing pyslet 0.7 cannot read is equal/@tolerance: it declares the attribute as a single value
over a list default, logs "single value will overwrite List" and keeps the raw text. The schema's
list (two floats) is set on the parsed element from that text before processing; everything else
is pyslet's own reading.
"""

import logging
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

pyslet = pytest.importorskip("pyslet", reason="pyslet is pinned in requirements.lock (make setup installs it)")
from pyslet import imscpv1p2  # noqa: E402
from pyslet.qtiv2 import expressions, interactions, tests, variables  # noqa: E402
from pyslet.qtiv2 import xml as qtixml  # noqa: E402

from quiz_versions import versions_of  # noqa: E402
from support import ROOT  # noqa: E402

BANKS = sorted((ROOT / "quizzes").glob("*.yml"))
INTERACTIONS = {
    "single": "ChoiceInteraction",
    "true_false": "ChoiceInteraction",
    "multiple": "ChoiceInteraction",
    "numeric": "TextEntryInteraction",
    "generated_numeric": "TextEntryInteraction",
    "ordering": "OrderInteraction",
    "matching": "MatchInteraction",
}


def qti_id(raw: str) -> str:
    return raw if raw[:1].isalpha() else "_" + raw


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> Path:
    """Every bank's QTI 2.1 package, unzipped into a folder of its own."""
    out = tmp_path_factory.mktemp("qti-consumer")
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "export", "--format", "qti", "--out", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    for path in BANKS:
        with zipfile.ZipFile(out / f"{path.stem}.qti21.zip") as archive:
            archive.extractall(out / path.stem)
    return out


def parse(path: Path):
    document = qtixml.QTIDocument(baseURI=str(path))
    document.read()
    return document.root


def tolerance_as_list(item) -> None:
    """pyslet 0.7 keeps equal/@tolerance as its raw text (see the module's docstring)."""
    for equal in item.find_children_depth_first(expressions.Equal):
        if isinstance(equal.tolerance, str):
            equal.tolerance = equal.tolerance.split()


def score(item, response) -> tuple[float, set]:
    """pyslet's response processing of one response: (SCORE, FEEDBACK identifiers)."""
    state = variables.ItemSessionState(item)
    state.begin_session()
    declaration = item.ResponseDeclaration[0]
    value = variables.Value.new_value(declaration.cardinality, declaration.baseType)
    value.set_value(float(response) if isinstance(response, int) else response)
    state["RESPONSE"] = value
    state.end_attempt()
    return state["SCORE"].value, set(state["FEEDBACK"].value or {})


def expected_items(question: dict) -> list[tuple[str, object]]:
    """(item identifier, right answer as pyslet gives it) for a bank question or each version."""
    kind = question["type"]
    if kind == "generated_numeric":
        return [(qti_id(item_id), (p.answer, p.tolerance)) for item_id, p in versions_of(question)]
    if kind in ("single", "true_false"):
        right = next(qti_id(o["id"]) for o in question["options"] if o.get("correct"))
    elif kind == "multiple":
        right = {qti_id(o["id"]) for o in question["options"] if o.get("correct")}
    elif kind == "numeric":
        right = (float(question["answer"]), float(question["tolerance"]))
    elif kind == "ordering":
        right = [qti_id(i["id"]) for i in question["items"]]
    else:
        right = {(qti_id(i["id"]), qti_id(i["match"])) for i in question["left"]}
    return [(qti_id(question["id"]), right)]


def wrong_response(question: dict, right):
    kind = question["type"]
    if kind in ("single", "true_false"):
        return next(qti_id(o["id"]) for o in question["options"] if not o.get("correct"))
    if kind == "multiple":
        return [qti_id(o["id"]) for o in question["options"] if not o.get("correct")]
    if kind in ("numeric", "generated_numeric"):
        answer, tolerance = right
        return answer + tolerance + 1
    if kind == "ordering":
        return right[1:] + right[:1]  # every item one place off: no item in its place
    pairs = sorted(right)
    rights = [r for _, r in pairs]
    return [(left, rights[(n + 1) % len(rights)]) for n, (left, _) in enumerate(pairs)]


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_a_qti21_consumer_reads_every_package_and_marks_answers_as_the_site_does(packages, bank_path, caplog):
    bank = yaml.safe_load(bank_path.read_text())
    folder = packages / bank["id"]

    package = imscpv1p2.ContentPackage(str(folder))
    resources = {r.type: [] for r in package.manifest.root.Resources.Resource}
    for resource in package.manifest.root.Resources.Resource:
        resources[resource.type].append(str(resource.href))
    assert resources["imsqti_test_xmlv2p1"] == [f"{bank['id']}.xml"]

    test = parse(folder / f"{bank['id']}.xml")
    assert isinstance(test, tests.AssessmentTest) and test.identifier == qti_id(bank["id"])
    refs = [ref.identifier for ref in test.find_children_depth_first(tests.AssessmentItemRef)]
    expected = [entry for question in bank["questions"] for entry in expected_items(question)]
    assert refs == [identifier for identifier, _ in expected]
    hrefs = [str(ref.href) for ref in test.find_children_depth_first(tests.AssessmentItemRef)]
    assert sorted(resources["imsqti_item_xmlv2p1"]) == sorted(hrefs)
    selections = {s.identifier: s.Selection.select for s in test.find_children_depth_first(tests.AssessmentSection)
                  if s.Selection is not None}
    generated = [q["id"] for q in bank["questions"] if q["type"] == "generated_numeric"]
    assert selections == {f"versions-{qid}": 1 for qid in generated}

    for question in bank["questions"]:
        for identifier, right in expected_items(question):
            item = parse(folder / "items" / f"{identifier.removeprefix('_')}.xml")  # bank ids never start with "_"
            assert item.identifier == identifier
            kinds = [type(e).__name__ for e in item.ItemBody.find_children_depth_first(interactions.Interaction)]
            assert kinds == [INTERACTIONS[question["type"]]]
            with caplog.at_level(logging.CRITICAL):
                tolerance_as_list(item)
            correct = item.ResponseDeclaration[0].get_correct_value()
            if question["type"] in ("numeric", "generated_numeric"):
                answer, tolerance = right
                assert correct.value == answer
                for given in (answer, answer - tolerance, answer + tolerance):
                    assert score(item, given)[0] == 1, (identifier, given)
                assert score(item, answer - tolerance - 1)[0] == 0
            else:
                read = correct.value
                if question["type"] == "multiple":
                    read = set(read)
                elif question["type"] == "matching":
                    read = set(read)
                elif question["type"] == "ordering":
                    read = list(read)
                assert read == right, identifier
                marks, feedback = score(item, sorted(right) if isinstance(right, set) else right)
                assert marks == 1 and "_explanation" in feedback
            assert score(item, wrong_response(question, right))[0] == 0, identifier
