"""The SCORM 1.2 package in a real browser, played by a platform-side SCORM 1.2 runtime
(scorm-again, from npm, pinned in package-lock.json) as a learning platform would: the LMS page
provides ``window.API`` and frames the unzipped package's launch page."""

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from lxml import etree
from playwright.sync_api import expect
from watch import PageWatch

import hipdrop
import ims_schemas
from hipdrop_tools.offline.serve import serve_in_thread
from support import PYODIDE_TIMEOUT_MS, ROOT, reach
from quiz_page import generated_answer

PACKAGE = f"hip-drop-course-{hipdrop.__version__}-scorm12.zip"
RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
MASTERY = 80  # mkdocs.yml: plugins.hipdrop.scorm.mastery_score

# The LMS side: scorm-again's SCORM 1.2 API, with saved suspend data from the query string, and
# a log of the session calls the SCO makes.
LMS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  var saved = new URLSearchParams(location.search).get("suspend");
  if (saved !== null) { window.API.cmi.suspend_data = saved; window.API.cmi.core.lesson_status = "incomplete"; }
  window.lmsCalls = [];
  ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
    var original = window.API[name].bind(window.API);
    window.API[name] = function (arg) { window.lmsCalls.push(name); return original(arg); };
  });
</script></head>
<body><iframe id="sco" title="course" src="package/scorm.html" style="width:100%;height:95vh;border:0"></iframe></body></html>
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scorm-dist")
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "scorm", "--out", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out / PACKAGE


@pytest.fixture(scope="module")
def lms(package, tmp_path_factory):
    root = tmp_path_factory.mktemp("lms")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(root / "package")
    shutil.copy(RUNTIME, root / "scorm12.js")
    (root / "index.html").write_text(LMS_PAGE)
    server, url = serve_in_thread(root)
    yield url, root
    server.shutdown()


def test_the_package_is_one_sco_with_the_course_inside_and_no_service_worker(package):
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    assert names[0] == "imsmanifest.xml"
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert len(resources) == 1 and resources[0].get(f"{ADLCP}scormtype") == "sco"
    assert resources[0].get("href") == "scorm.html"
    items = manifest.findall(f".//{CP}organization/{CP}item")
    assert [i.get("identifierref") for i in items] == [resources[0].get("identifier")]
    listed = {f.get("href") for f in resources[0].findall(f"{CP}file")}
    assert listed == set(names) - {"imsmanifest.xml"}
    assert {"scorm.html", "index.html", "assets/pyodide/pyodide.asm.wasm", "final-quiz.html"} <= set(names)
    assert "sw.js" not in names and not any(n.endswith("/") for n in names)
    with zipfile.ZipFile(package) as archive:
        page = archive.read("lessons/what-is-trendelenburg.html").decode()
    assert "js/offline.js" not in page and "js/scorm-page.js" in page
    assert 'href="../final-quiz.html"' in page or "../final-quiz.html" in page  # links are relative files


def test_the_manifest_is_valid_against_the_scorm12_schemas(package):
    schema = ims_schemas.scorm12_manifest()
    with zipfile.ZipFile(package) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    assert schema.validate(manifest), schema.error_log
    manifest.find(f"{CP}resources/{CP}resource").set(f"{ADLCP}scormtype", "page")
    assert not schema.validate(manifest), "the check is not vacuous: SCORM 1.2 knows only sco and asset"


def course(page):
    return page.frame_locator("#sco").frame_locator("#hipdrop-course")


def cmi(page, name: str) -> str:
    return page.evaluate(f"String(window.API.cmi.{name})")


def ready_quiz(frame):
    quiz = frame.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    return quiz


def answer_rightly(quiz, question: dict) -> None:
    box = quiz.locator(f'fieldset[data-question="{question["id"]}"]')
    kind = question["type"]
    if kind in ("single", "multiple", "true_false"):
        for option in question["options"]:
            if option.get("correct"):
                box.locator(f'input[value="{option["id"]}"]').check()
    elif kind == "numeric":
        box.locator("input").fill(format(question["answer"], "g"))
    elif kind == "generated_numeric":
        box.locator("input").fill(generated_answer(box, question))
    elif kind == "ordering":
        for place, item in enumerate(question["items"], 1):
            box.locator(f'.hd-item[data-item="{item["id"]}"] select').select_option(str(place))
    else:
        for item in question["left"]:
            box.locator(f'.hd-pair[data-left="{item["id"]}"] select').select_option(item["match"])


def bank(name: str) -> dict:
    return yaml.safe_load((ROOT / "quizzes" / f"{name}.yml").read_text())


def test_a_check_quiz_records_a_score_and_progress_and_the_final_sets_the_status(page, lms):
    url, _ = lms
    watch = PageWatch(url.rstrip("/")).attach(page.context)
    page.goto(url)
    page.wait_for_function("window.lmsCalls.includes('LMSInitialize')")
    assert cmi(page, "core.lesson_status") == "incomplete"
    frame = course(page)
    expect(frame.locator("h1").first).to_be_visible()

    # A check quiz: one right answer out of lesson 1's questions.
    frame.locator('a[href$="lessons/what-is-trendelenburg.html"]').first.click()
    quiz = ready_quiz(frame)
    first = bank("lesson-1")["questions"][0]
    right = next(o["id"] for o in first["options"] if o.get("correct"))
    quiz.locator(f'fieldset[data-question="{first["id"]}"] input[value="{right}"]').check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_contain_text("You scored 1 out of")
    page.wait_for_function("window.API.cmi.core.score.raw !== ''")
    lesson_marks = len(bank("lesson-1")["questions"])
    assert cmi(page, "core.score.raw") == str(round(100 * 1 / lesson_marks))
    assert (cmi(page, "core.score.min"), cmi(page, "core.score.max")) == ("0", "100")
    saved = json.loads(cmi(page, "suspend_data"))
    progress = json.loads(saved["progress"]["lesson-1"])
    assert progress["responses"] == {first["id"]: [right]} and progress["submitted"] is True
    assert len(cmi(page, "suspend_data")) <= 4096
    assert cmi(page, "core.lesson_status") == "incomplete", "only the final decides the status"

    # The final self-assessment, every answer right: passed, and the score counts both quizzes.
    frame.locator('a[href$="final-quiz.html"]').first.click()
    final = ready_quiz(frame)
    questions = bank("final")["questions"]
    for question in questions:
        answer_rightly(final, question)
    final.get_by_role("button", name="Submit answers").click()
    expect(final.locator(".hd-result")).to_contain_text(f"You scored {len(questions)} out of {len(questions)}")
    page.wait_for_function("window.API.cmi.core.lesson_status === 'passed'")
    expected = round(100 * (1 + len(questions)) / (lesson_marks + len(questions)))
    assert cmi(page, "core.score.raw") == str(expected)
    assert set(json.loads(cmi(page, "suspend_data"))["progress"]) == {"lesson-1", "final"}
    assert len(cmi(page, "suspend_data")) <= 4096
    assert page.evaluate("window.lmsCalls.filter(c => c === 'LMSCommit').length") >= 3

    # Leaving: the SCO finishes its session.
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.lmsCalls.includes('LMSFinish')")
    assert cmi(page, "core.lesson_status") == "passed"
    assert not watch.page_errors and not watch.foreign, (watch.page_errors, watch.foreign)


def test_saved_progress_comes_back_at_the_next_launch(page, lms):
    first = bank("lesson-1")["questions"][0]
    right = next(o["id"] for o in first["options"] if o.get("correct"))
    url, root = lms
    lesson = (root / "package" / "lessons" / "what-is-trendelenburg.html").read_text()
    fingerprint = re.search(r'data-fingerprint="([0-9a-f]+)"', lesson).group(1)
    stored = {"format": 1, "fingerprint": fingerprint, "seed": 12345, "responses": {first["id"]: [right]}, "submitted": False}
    suspend = json.dumps({"v": 1, "progress": {"lesson-1": json.dumps(stored)}, "scores": {}})
    page.goto(url + "?suspend=" + quote(suspend))
    frame = course(page)
    frame.locator('a[href$="lessons/what-is-trendelenburg.html"]').first.click()
    quiz = ready_quiz(frame)
    expect(quiz.locator(f'fieldset[data-question="{first["id"]}"] input[value="{right}"]')).to_be_checked()
    expect(quiz).to_have_attribute("data-seed", "12345")


@pytest.mark.parametrize("corrupt", ["}{ not json", '{"v": 1, "progress": [1, 2], "scores": 3}', '"just a string"'])
def test_a_corrupt_suspend_data_at_launch_is_survived(page, lms, corrupt):
    url, _ = lms
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + "?suspend=" + quote(corrupt))
    page.wait_for_function("window.lmsCalls.includes('LMSInitialize')")
    frame = course(page)
    frame.locator('a[href$="lessons/what-is-trendelenburg.html"]').first.click()
    quiz = ready_quiz(frame)
    first = bank("lesson-1")["questions"][0]
    quiz.locator(f'fieldset[data-question="{first["id"]}"] input').first.check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_contain_text(re.compile(r"You scored \d"))
    page.wait_for_function("window.API.cmi.core.score.raw !== ''")
    saved = json.loads(cmi(page, "suspend_data"))
    assert saved["v"] == 1 and "lesson-1" in saved["progress"]
    assert not errors, errors


def test_without_a_platform_the_package_is_the_plain_course(page, lms):
    url, _ = lms
    page.goto(url + "package/scorm.html")
    frame = page.frame_locator("#hipdrop-course")
    frame.locator('a[href$="lessons/what-is-trendelenburg.html"]').first.click()
    quiz = ready_quiz(frame)
    first = bank("lesson-1")["questions"][0]
    quiz.locator(f'fieldset[data-question="{first["id"]}"] input').first.check()
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_contain_text(re.compile(r"You scored \d"))


def test_suspend_data_stays_within_4096_characters(page, lms):
    """A reader who types a very long answer: the progress that cannot fit is left out, the rest
    and every score are kept."""
    url, _ = lms
    page.goto(url)
    frame = course(page)
    frame.locator('a[href$="lessons/what-is-trendelenburg.html"]').first.click()
    quiz = ready_quiz(frame)
    first = bank("lesson-1")["questions"][0]
    quiz.locator(f'fieldset[data-question="{first["id"]}"] input').first.check()
    quiz.get_by_role("button", name="Check answers").click()
    page.wait_for_function("window.API.cmi.core.score.raw !== ''")
    frame.locator('a[href$="final-quiz.html"]').first.click()
    final = ready_quiz(frame)
    single = next(q for q in bank("final")["questions"] if q["type"] == "single")
    final.locator(f'fieldset[data-question="{single["id"]}"] input').first.check()
    page.wait_for_function("""window.API.cmi.suspend_data.indexOf('"final"') !== -1""")
    numeric = next(q for q in bank("final")["questions"] if q["type"] == "numeric")
    final.locator(f'fieldset[data-question="{numeric["id"]}"] input').fill("1" * 5000)
    page.wait_for_function("""window.API.cmi.suspend_data.indexOf('"final"') === -1""")
    saved = json.loads(cmi(page, "suspend_data"))
    assert len(cmi(page, "suspend_data")) <= 4096
    assert list(saved["progress"]) == ["lesson-1"] and list(saved["scores"]) == ["lesson-1"]
