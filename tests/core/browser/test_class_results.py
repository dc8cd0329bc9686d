"""Class results without a server (issue 26), as a student and a teacher use them: a student
finishes a quiz and shows a result code; the teacher's page reads it (pasted, or through the
camera) and shows the class; codes of another version, mistyped codes and markup in a nickname
are refused or shown as text; CSV export; "Delete this class"; axe in both palettes."""

import csv
import io
import re
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
import yaml
from playwright.sync_api import expect

from a11y_audit import prepare, run_axe_full, wait_for_stillness
from hipdrop.quiz import result_code
from hipdrop_tools.course.project import Project
from hipdrop_tools.course.quizzes import engine_bank, load_banks
from hipdrop_tools.handouts import chromium
from quiz_page import answer, choose, fieldset
from support import PYODIDE_TIMEOUT_MS, ROOT, reach

pytestmark = pytest.mark.timeout(300)

LESSON = "lessons/what-is-trendelenburg/"
CLASS_PAGE = "teachers/class-results/"
STORE_KEY = "hipdrop.class-results"


def yaml_bank(name):
    return yaml.safe_load((ROOT / "quizzes" / f"{name}.yml").read_text())


def engine_lesson_1():
    """Lesson 1's bank as the engine takes it (lesson links do not enter a code's version)."""
    return engine_bank(load_banks(Project(ROOT))["lesson-1"], lambda link: link)


def forged_code(bank, nickname: str) -> str:
    """A code made by hand, as a student could: any bytes the format allows in the nickname (the
    quiz page itself cuts a nickname to 16 characters)."""
    with mock.patch.object(result_code, "_nickname_bytes", lambda name: name.encode("utf-8")):
        return result_code.make_code(bank, {}, nickname, attempt=77).text


def mistyped(code: str) -> str:
    """The code with one character typed wrong (the fifth: never a hyphen)."""
    wrong = "Z" if code[4] != "Z" else "Y"
    return code[:4] + wrong + code[5:]


def swapped(code: str) -> str:
    """The code with two different neighbours swapped."""
    symbols = code.replace("-", "")
    i = next(i for i in range(1, len(symbols) - 1) if symbols[i] != symbols[i + 1])
    return symbols[:i] + symbols[i + 1] + symbols[i] + symbols[i + 2 :]


def open_class_page(page, site_url):
    page.goto(site_url + CLASS_PAGE)
    widget = page.locator('[data-hipdrop-widget="class-results"]')
    expect(reach(widget)).to_have_attribute("data-class-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    return widget


def paste(widget, *lines):
    notes = widget.locator(".hd-class-notes")
    widget.get_by_label("Paste or type codes, one per line").fill("\n".join(lines))
    widget.get_by_role("button", name="Add these codes").click()
    expect(notes).to_contain_text(re.compile(r"added\.|No code added"), timeout=PYODIDE_TIMEOUT_MS)
    return notes


def student_code(page, site_url, nickname):
    """A student on lesson 1: every answer right but the first, checked; the code they show."""
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    questions = yaml_bank("lesson-1")["questions"]
    wrong = next(o for o in questions[0]["options"] if not o.get("correct"))
    choose(quiz, questions[0], wrong)
    for question in questions[1:]:
        answer(quiz, question, right=True)
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_contain_text("You scored", timeout=PYODIDE_TIMEOUT_MS)
    panel = quiz.locator(".hd-result-code")
    panel.get_by_text("Result code for your teacher").click()
    panel.get_by_label("Name or nickname (optional)").fill(nickname)
    expect(panel).to_have_attribute("data-code", re.compile(r"^1[0-9A-Z-]+$"), timeout=PYODIDE_TIMEOUT_MS)
    code = panel.locator(".hd-code-text").inner_text()
    assert panel.get_attribute("data-code") == code
    expect(panel.get_by_role("img", name="QR code of your result code")).to_be_visible()
    wrong_label = fieldset(quiz, questions[0]).locator(f'.hd-option[data-option="{wrong["id"]}"] label').inner_text()
    return code, wrong_label, len(questions)


def test_a_student_shows_a_code_and_the_teachers_page_reads_it(browser, site_url):
    student = browser.new_context().new_page()
    code, wrong_label, total = student_code(student, site_url, "Ana")
    # The name she typed is in the code; without one the code says nothing of who she is.
    teacher_context = browser.new_context()
    teacher = teacher_context.new_page()
    errors = []
    teacher.on("pageerror", lambda error: errors.append(str(error)))
    widget = open_class_page(teacher, site_url)
    expect(widget.locator(".hd-class-empty")).to_be_visible()
    notes = paste(widget, code.lower().replace("-", " "))  # typed as heard: case and spaces do not matter
    expect(notes).to_have_text("1 code added.")
    expect(widget).to_have_attribute("data-students", "1")

    quiz = widget.locator(".hd-class-quiz")
    expect(quiz.locator("h3")).to_have_text(yaml_bank("lesson-1")["title"])
    percent = int(100 * (total - 1) / total + 0.5)
    expect(quiz.locator(".hd-class-facts")).to_contain_text(f"1 student, score {percent}%")
    students = quiz.locator(".hd-class-students tbody tr")
    expect(students).to_have_count(1)
    expect(students.first).to_contain_text("Ana")
    expect(students.first).to_contain_text(f"({percent}%)")
    first_question = quiz.locator("tbody").nth(1).locator("tr").first
    expect(first_question.locator("td").nth(1)).to_contain_text("0% (0 of 1)")
    expect(first_question.locator(".hd-class-wrong")).to_contain_text(f"1 chose: {wrong_label}")
    # The spread of scores counts her once, in her band.
    band = f"{percent // 10 * 10}–{percent // 10 * 10 + 9}%" if percent < 90 else "90–100%"
    expect(quiz.locator("tbody").first.locator("tr", has_text=band)).to_contain_text("1")

    # The class is kept in the teacher's browser, and only there.
    teacher.reload()
    widget = open_class_page(teacher, site_url)
    expect(widget).to_have_attribute("data-students", "1")
    stored = teacher.evaluate(f"() => JSON.parse(localStorage.getItem('{STORE_KEY}')).codes")
    assert stored == [code]
    assert student.evaluate(f"() => localStorage.getItem('{STORE_KEY}')") is None
    # The same code again counts once.
    expect(paste(widget, code)).to_contain_text("This code is already in the class.")
    expect(widget).to_have_attribute("data-students", "1")
    assert errors == []


def test_another_versions_code_is_refused_and_a_mistyped_one_caught(page, site_url):
    bank = engine_lesson_1()
    good = result_code.make_code(bank, {}, "Bo", attempt=1).text
    changed = replace(bank, questions=(replace(bank.questions[0], prompt_html="<p>Reworded?</p>"), *bank.questions[1:]))
    old = result_code.make_code(changed, {}, "Cy", attempt=2).text
    widget = open_class_page(page, site_url)
    notes = paste(widget, old, mistyped(good), swapped(good), "https://example.org/", good)
    expect(notes).to_contain_text("1 code added.")
    refusals = notes.locator(".hd-class-refusal")
    expect(refusals).to_have_count(4)
    title = yaml_bank("lesson-1")["title"]
    expect(refusals.nth(0)).to_contain_text(f"Line 1, “{old}”: This code comes from another version of the quiz “{title}”")
    expect(refusals.nth(1)).to_contain_text("Line 2")
    expect(refusals.nth(1)).to_contain_text("This code has a typing mistake")
    expect(refusals.nth(2)).to_contain_text("This code has a typing mistake")
    expect(refusals.nth(3)).to_contain_text("This is not a result code")
    # The refused lines stay in the box, to be corrected; the accepted one is in the table.
    assert widget.locator("textarea").input_value().splitlines() == [old, mistyped(good), swapped(good), "https://example.org/"]
    expect(widget.locator(".hd-class-students")).to_contain_text("Bo")


def test_markup_in_a_nickname_stays_text(page, site_url):
    payload = '<img src=x onerror="document.title=\'owned\'">'
    widget = open_class_page(page, site_url)
    title = page.title()
    paste(widget, forged_code(engine_lesson_1(), payload))
    nickname = widget.locator(".hd-class-nickname")
    expect(nickname).to_have_text(payload)
    expect(widget.locator(".hd-class-students img")).to_have_count(0)
    assert page.title() == title
    # And in the student's own page: the nickname box takes the same text, cut to 16 characters.
    # (The code it makes is read back as that text too: see the first test.)


FAKE_DETECTOR = """
window.BarcodeDetector = class {
  static async getSupportedFormats() { return ["qr_code"]; }
  constructor(options) { window.__detectorFormats = options.formats; }
  async detect(video) { return video.readyState >= 2 ? [{ rawValue: window.__shownCode }] : []; }
};
navigator.mediaDevices.getUserMedia = async () => {
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 48;
  const paint = () => { canvas.getContext("2d").fillRect(0, 0, 64, 48); requestAnimationFrame(paint); };
  paint();
  return canvas.captureStream(10);
};
"""


def test_the_camera_reads_codes_with_the_browsers_own_detector(context, site_url):
    code = result_code.make_code(engine_lesson_1(), {}, "Dee", attempt=3).text
    context.add_init_script(FAKE_DETECTOR + f"window.__shownCode = {code!r};")
    page = context.new_page()
    widget = open_class_page(page, site_url)
    widget.get_by_role("button", name="Scan QR codes with the camera").click()
    notes = widget.locator(".hd-class-notes")
    expect(notes).to_have_text("Added: Dee, 0%.", timeout=PYODIDE_TIMEOUT_MS)
    assert page.evaluate("() => window.__detectorFormats") == ["qr_code"]
    # The same code seen again and again while it is held up counts once.
    expect(widget).to_have_attribute("data-students", "1")
    widget.get_by_role("button", name="Stop the camera").click()
    expect(widget.locator("video")).to_be_hidden()
    assert page.evaluate("() => document.querySelector('.hd-class-camera video').srcObject") is None


def y4m_of_qr(text: str, path: Path) -> Path:
    """A still video (YUV4MPEG2, 4:2:0) showing ``text`` as a QR code, for Chromium's fake camera."""
    import segno

    rows = [list(row) for row in segno.make(text, error="m", micro=False).matrix_iter(border=4)]
    width, height, scale = 640, 480, 10
    left, top = (width - len(rows) * scale) // 2, (height - len(rows) * scale) // 2
    luma = bytearray([235]) * (width * height)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    start = (top + y * scale + dy) * width + left + x * scale
                    luma[start : start + scale] = bytes([16]) * scale
    chroma = bytes([128]) * (width * height // 4)
    frame = b"FRAME\n" + bytes(luma) + chroma + chroma
    path.write_bytes(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode() + frame * 3)
    return path


def test_the_camera_reads_a_real_qr_code_with_the_sites_own_reader(playwright, site_url, tmp_path):
    """No BarcodeDetector (as in Chromium on Linux, Firefox, Safari): the vendored QR library
    reads the frames of a (fake) camera that films a student's QR code."""
    code = result_code.make_code(engine_lesson_1(), {}, "Eve", attempt=4).text
    video = y4m_of_qr(code, tmp_path / "qr.y4m")
    browser = playwright.chromium.launch(
        executable_path=chromium.EXECUTABLE,
        args=[*chromium.LAUNCH_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
              f"--use-file-for-fake-video-capture={video}"],
    )
    try:
        context = browser.new_context()
        context.add_init_script("delete window.BarcodeDetector;")
        page = context.new_page()
        widget = open_class_page(page, site_url)
        widget.get_by_role("button", name="Scan QR codes with the camera").click()
        expect(widget.locator(".hd-class-notes")).to_have_text("Added: Eve, 0%.", timeout=PYODIDE_TIMEOUT_MS)
        expect(widget.locator(".hd-class-students")).to_contain_text("Eve")
    finally:
        browser.close()


def test_csv_export_and_delete_this_class(page, site_url):
    bank = engine_lesson_1()
    first_id = bank.questions[0].id
    right = next(o.id for o in bank.questions[0].options if o.correct)
    codes = [
        result_code.make_code(bank, {first_id: [right]}, "Fay", attempt=5).text,
        result_code.make_code(bank, {}, "=1+1", attempt=6).text,
    ]
    widget = open_class_page(page, site_url)
    paste(widget, *codes)
    with page.expect_download() as download:
        widget.get_by_role("button", name="Export CSV").click()
    assert download.value.suggested_filename == "class-results.csv"
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    n = len(bank.questions)
    assert rows[0] == ["quiz", "version", "nickname", "score", "out of", "percent", *[f"Question {i}" for i in range(1, n + 1)]]
    version = result_code.version_text(bank)
    assert rows[1] == ["lesson-1", version, "Fay", "1", str(n), str(int(100 / n + 0.5)), "1", *["0"] * (n - 1)]
    assert rows[2][:3] == ["lesson-1", version, "'=1+1"]  # never a formula in a spreadsheet
    assert len(rows) == 3

    page.once("dialog", lambda dialog: dialog.accept())
    widget.get_by_role("button", name="Delete this class").click()
    expect(widget.locator(".hd-class-notes")).to_have_text("The class is deleted: nothing of it is kept in this browser.")
    expect(widget.locator(".hd-class-empty")).to_be_visible()
    assert page.evaluate(f"() => localStorage.getItem('{STORE_KEY}')") is None
    expect(widget.get_by_role("button", name="Export CSV")).to_be_hidden()
    page.reload()
    widget = open_class_page(page, site_url)
    expect(widget).to_have_attribute("data-students", "0")


def test_on_the_projector_the_class_shows_large_and_without_names(page, site_url):
    codes = [result_code.make_code(engine_lesson_1(), {}, name, attempt=n).text for n, name in enumerate(("Gus", "Hal"))]
    widget = open_class_page(page, site_url)
    paste(widget, *codes)
    size = widget.locator(".hd-class-facts").evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    widget.get_by_role("button", name="Show on the projector").click()
    expect(widget.locator(".hd-class-students")).to_be_hidden()
    expect(widget.locator("textarea")).to_be_hidden()
    expect(widget.locator(".hd-class-quiz h3")).to_be_visible()
    assert widget.locator(".hd-class-facts").evaluate("p => parseFloat(getComputedStyle(p).fontSize)") > size
    page.keyboard.press("Escape")
    expect(widget.locator(".hd-class-students")).to_be_visible()
    expect(widget.get_by_role("button", name="Show on the projector")).to_be_focused()


def axe_in_both_palettes(page) -> dict:
    found = {}
    for scheme in ("default", "slate"):
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        wait_for_stillness(page)
        violations, incomplete = run_axe_full(page)
        problems = violations + [f"incomplete, and short on review: {i}" for i in incomplete]
        if problems:
            found[scheme] = problems
    return found


def test_axe_finds_nothing_on_the_class_table_nor_on_a_students_code(context, site_url):
    prepare(context)
    page = context.new_page()
    code, _, _ = student_code(page, site_url, "Ivy")
    assert axe_in_both_palettes(page) == {}
    widget = open_class_page(page, site_url)
    paste(widget, code, mistyped(code))
    expect(widget.locator(".hd-class-refusal")).to_have_count(1)
    assert axe_in_both_palettes(page) == {}
    widget.get_by_role("button", name="Show on the projector").click()
    assert axe_in_both_palettes(page) == {}
