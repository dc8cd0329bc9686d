"""The printed handouts: `hipdrop handouts` run once on a copy of the built site, then each PDF is
opened with pypdf, its text read, and sample pages rendered with pdftoppm to check none is blank.

What is expected comes from the sources and the built pages, not from the handouts code: every
lesson and exercise page has a PDF whose title is the page's heading, every quiz bank on a page has
a worksheet (questions, no answers) and an answer key (explanations), the picker page a blank
program form, and the booklet holds every lesson and exercise with a contents page whose page
numbers are right.
"""

import html
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from hipdrop_tools.course.project import Project
from hipdrop_tools.course.quizzes import engine_bank, load_banks
from support import ROOT, SERVICE_WORKERS

pytestmark = pytest.mark.timeout(900)

DISCLAIMER = "education, not medical advice"
CHROME = ("Skip to content", "Back to top", "Made with", "Check answers", "Type to start searching")
A4 = (595, 842)  # points
PDFTOPPM = "/usr/bin/pdftoppm"


def words(text: str) -> str:
    """Text as pypdf gives it, compared without case, line breaks, hyphenation or spacing."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.replace("\u00ad", "").replace("\u2011", "-")
    return re.sub(r"\s+", " ", text).strip().lower()


def squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def h1_of(page_html: str) -> str:
    match = re.search(r'<article class="md-content__inner[^"]*">.*?<h1[^>]*>(.*?)</h1>', page_html, re.S)
    assert match, "page without a heading"
    inline = re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", match.group(1)))
    return words(inline)


@pytest.fixture(scope="session")
def handouts_site(built_site, tmp_path_factory) -> Path:
    """A copy of the built site (other tests keep theirs untouched) with its handouts printed."""
    site = tmp_path_factory.mktemp("handouts") / "site"
    shutil.copytree(built_site, site)
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "handouts", "--site", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=840,
    )
    if result.returncode != 0:
        pytest.fail(f"hipdrop handouts failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def out(handouts_site) -> Path:
    return handouts_site / "handouts"


@pytest.fixture(scope="session")
def texts(out) -> dict[str, list[str]]:
    """Each PDF's text, page by page."""
    return {pdf.name: [page.extract_text() or "" for page in PdfReader(pdf).pages] for pdf in sorted(out.glob("*.pdf"))}


def pages_under(site: Path, folder: str) -> dict[str, str]:
    """Built pages under a folder (not its index): leaf name -> page HTML."""
    base = site / folder
    if not base.is_dir():
        return {}
    return {
        d.name: (d / "index.html").read_text(encoding="utf-8")
        for d in sorted(base.iterdir())
        if (d / "index.html").is_file()
    }


@pytest.fixture(scope="session")
def expected(handouts_site) -> dict[str, dict]:
    """file name -> what it must be, from the built pages and the quiz banks."""
    files: dict[str, dict] = {}
    for folder, kind in (("lessons", "lesson"), ("exercises", "exercise")):
        for leaf, page in pages_under(handouts_site, folder).items():
            files[f"{kind}-{leaf}.pdf"] = {"kind": kind, "title": h1_of(page), "page": f"{folder}/{leaf}/"}
    project = Project(root=ROOT)
    banks = load_banks(project)
    used = set()
    for page in handouts_site.rglob("index.html"):
        used |= set(re.findall(r'data-hipdrop-widget="quiz"[^>]*? data-quiz="([^"]+)"', page.read_text(encoding="utf-8")))
    for bank_id in sorted(used):
        bank = engine_bank(banks[bank_id], lambda link: link)
        files[f"quiz-{bank_id}-worksheet.pdf"] = {"kind": "worksheet", "bank": bank}
        files[f"quiz-{bank_id}-answer-key.pdf"] = {"kind": "key", "bank": bank}
    if any('data-hipdrop-widget="picker"' in p.read_text(encoding="utf-8") for p in handouts_site.rglob("index.html")):
        files["program-template.pdf"] = {"kind": "template"}
    files["hip-drop-course-booklet.pdf"] = {"kind": "booklet"}
    return files


def test_every_expected_pdf_exists_and_nothing_else(out, expected):
    lessons = [name for name, e in expected.items() if e["kind"] == "lesson"]
    assert len(lessons) >= 5, "the course has at least five lessons"
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(expected)


def test_each_pdf_is_a4_titled_tagged_with_an_outline(out, expected):
    for name, e in expected.items():
        reader = PdfReader(out / name)
        title = reader.metadata.title
        if e["kind"] in {"lesson", "exercise"}:
            assert words(title) == e["title"], name
        else:
            assert title and len(title) > 5, name
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"], f"{name}: not a tagged PDF"
        assert "/StructTreeRoot" in root, f"{name}: no structure tree"
        assert reader.outline, f"{name}: no document outline"
        box = reader.pages[0].mediabox
        assert abs(float(box.width) - A4[0]) < 3 and abs(float(box.height) - A4[1]) < 3, f"{name}: not A4"


def test_page_counts_are_within_bounds(out, expected):
    counts = {name: len(PdfReader(out / name).pages) for name in expected}
    bounds = {"lesson": (2, 30), "exercise": (1, 15), "template": (1, 6)}
    for name, e in expected.items():
        if e["kind"] in {"worksheet", "key"}:  # a few questions a page, at least
            low, high = 1, 2 + len(e["bank"].questions) // 2
        if e["kind"] in bounds:
            low, high = bounds[e["kind"]]
        if e["kind"] != "booklet":
            assert low <= counts[name] <= high, f"{name}: {counts[name]} pages"
    parts = [n for n, e in expected.items() if e["kind"] in {"lesson", "exercise"}]
    in_parts = sum(counts[n] for n in parts)
    booklet = counts["hip-drop-course-booklet.pdf"]
    # Every part, each starting on a new page (a part may end a page shorter or longer than in its
    # own PDF), after a contents page or two.
    assert in_parts - len(parts) + 1 <= booklet <= in_parts + len(parts) + 2


def test_every_page_has_the_course_title_the_disclaimer_and_page_x_of_y(texts):
    for name, pages in texts.items():
        for number, text in enumerate(pages, 1):
            flat = words(text)
            assert DISCLAIMER in flat, f"{name} page {number}: no disclaimer"
            assert "hip drop" in flat, f"{name} page {number}: no course title"
            assert f"page {number} of {len(pages)}" in flat, f"{name} page {number}: no page number"


def test_no_screen_chrome_on_paper(texts):
    for name, pages in texts.items():
        text = "\n".join(pages)
        for chrome in CHROME:
            assert chrome.lower() not in text.lower(), f"{name}: {chrome!r} printed"
        assert not re.search(r"\bSearch\b", text), f"{name}: the search box printed"


def test_lessons_and_exercises_hold_their_own_text(texts, expected):
    for name, e in expected.items():
        if e["kind"] in {"lesson", "exercise"}:
            assert squash(e["title"]) in squash(texts[name][0]), f"{name}: title not on page 1"


def test_worksheets_have_the_questions_and_no_answers(texts, expected):
    for name, e in expected.items():
        if e["kind"] != "worksheet":
            continue
        text = squash(" ".join(texts[name]))
        for number, question in enumerate(e["bank"].questions, 1):
            assert squash(f"Question {number}") in text, f"{name}: question {number} missing"
            assert squash(words(question.prompt_html))[:60] in text, f"{name}: question {number} prompt missing"
            explanation = squash(words(question.explanation_html))[:60]
            if len(explanation) >= 20:  # long enough not to occur by chance
                assert explanation not in text, f"{name}: the answer to question {number} is printed"
        assert "answerkey" not in text, f"{name}: answer key printed on the worksheet"


def test_answer_keys_have_every_explanation_and_no_blank_questions(texts, expected):
    for name, e in expected.items():
        if e["kind"] != "key":
            continue
        text = squash(" ".join(texts[name]))
        for number, question in enumerate(e["bank"].questions, 1):
            assert squash(words(question.explanation_html))[:60] in text, f"{name}: explanation {number} missing"
        assert any(len(squash(words(q.explanation_html))) >= 20 for q in e["bank"].questions)
        assert "Date: _" not in " ".join(texts[name]), f"{name}: the worksheet's name line is on the key"


def test_program_template_is_the_blank_form(texts, expected):
    if "program-template.pdf" not in expected:
        pytest.skip("no program picker page in this build")
    text = words(" ".join(texts["program-template.pdf"]))
    assert "warning signs" in text and "which side is weak" in text
    assert "my program" in text
    # The questions a blank must never answer are on paper too.
    for question in ("none of these apply to me", "are you 16 or older", "are you pregnant",
                     "have you had a fall", "how much weight may the operated leg take",
                     "stand on the operated leg alone", "no movement limits"):
        assert question in text, question


def test_booklet_contents_page_numbers_point_at_the_parts(texts, expected):
    pages = texts["hip-drop-course-booklet.pdf"]
    parts = [e["title"] for e in expected.values() if e["kind"] in {"lesson", "exercise"}]
    contents = words(" ".join(pages[:2]))
    for title in parts:
        match = re.search(re.escape(title) + r"\s*(\d+)", contents)
        assert match, f"booklet contents: no entry with a page number for {title!r}"
        start = int(match.group(1))
        assert squash(title) in squash(pages[start - 1]), f"booklet: {title!r} is not on page {start}"


def test_handouts_page_lists_every_pdf_with_its_real_size_and_page_count(handouts_site, out, expected):
    page = (handouts_site / "handouts" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr><td><a href="([^"]+\.pdf)"[^>]*>.*?</td><td>.*?</td><td>(\d+)</td><td>([\d.]+ [KM]B)</td></tr>', page)
    listed = {href: (int(count), size) for href, count, size in rows}
    assert sorted(listed) == sorted(expected)
    for name, (count, size) in listed.items():
        assert count == len(PdfReader(out / name).pages), f"{name}: page count listed wrong"
        real = (out / name).stat().st_size
        number, unit = size.split()
        real_in_unit = real / 1024 if unit == "KB" else real / (1024 * 1024)
        assert abs(float(number) - real_in_unit) <= (1 if unit == "KB" else 0.1), f"{name}: size listed wrong"
    assert "have not been built" not in page


def test_lesson_and_exercise_pages_link_to_their_pdf(handouts_site, expected):
    for name, e in expected.items():
        if e["kind"] in {"lesson", "exercise"}:
            page = (handouts_site / e["page"] / "index.html").read_text(encoding="utf-8")
            assert f'href="../../handouts/{name}"' in page, f"{e['page']} does not link to {name}"


def _ink(pgm: Path) -> int:
    """Dark pixels in the body of a grey page image (the running header and footer cut off)."""
    data = pgm.read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(match.group(1)), int(match.group(2))
    pixels = data[match.end():]
    top, bottom = int(height * 0.09), int(height * 0.90)
    body = pixels[top * width: bottom * width]
    return sum(1 for value in body if value < 200)


def _render(pdf: Path, dest: Path, resolution: int, first: int | None = None, last: int | None = None) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    command = [PDFTOPPM, "-r", str(resolution), "-gray"]
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    subprocess.run(command + [str(pdf), str(dest / pdf.stem)], check=True, timeout=300)
    return sorted(dest.glob(f"{pdf.stem}*.pgm"))


@pytest.mark.skipif(not Path(PDFTOPPM).exists(), reason="pdftoppm missing (make test installs poppler-utils)")
def test_no_page_is_blank(out, expected, tmp_path):
    # The whole booklet at low resolution; the first and last page of every other PDF.
    images = _render(out / "hip-drop-course-booklet.pdf", tmp_path / "booklet", 20)
    assert len(images) == len(PdfReader(out / "hip-drop-course-booklet.pdf").pages)
    for name in expected:
        if name == "hip-drop-course-booklet.pdf":
            continue
        count = len(PdfReader(out / name).pages)
        images += _render(out / name, tmp_path / name, 30, 1, 1)
        if count > 1:
            images += _render(out / name, tmp_path / (name + "-last"), 30, count, count)
    blank = [f"{image.parent.name}/{image.name}" for image in images if _ink(image) < 25]  # one short line is hundreds
    assert not blank, f"blank pages: {blank}"


@SERVICE_WORKERS
def test_a_handout_opened_once_is_available_offline(handouts_site, expected, context):
    """The PDFs are not in the service worker's precache (they would add megabytes to every first
    visit); a PDF the reader opens once is kept, and opens again with the network gone."""
    from hipdrop_tools.offline.serve import serve_in_thread

    precache = json.loads(re.search(r"const FILES = (\[.*?\]);", (handouts_site / "sw.js").read_text(), re.S).group(1))
    assert not [f for f in precache if f.endswith(".pdf")], "PDFs are precached"
    opened, never_opened = sorted(name for name in expected if name != "hip-drop-course-booklet.pdf")[:2]
    server, url = serve_in_thread(handouts_site)
    try:
        page = context.new_page()
        page.goto(url + "handouts/")
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        fetch_pdf = """async (href) => {
          try {
            const response = await fetch(href);
            const head = new Uint8Array(await response.arrayBuffer()).slice(0, 5);
            return response.ok ? String.fromCharCode(...head) : `HTTP ${response.status}`;
          } catch (error) {
            return "failed";
          }
        }"""
        assert page.evaluate(fetch_pdf, url + f"handouts/{opened}") == "%PDF-"
    finally:
        server.shutdown()
        server.server_close()
    context.set_offline(True)
    assert page.evaluate(fetch_pdf, url + f"handouts/{opened}") == "%PDF-", f"{opened} is not kept offline"
    assert page.evaluate(fetch_pdf, url + f"handouts/{never_opened}") == "failed"


def test_a_page_printed_from_the_browser_is_clean(page, site_url, built_site):
    """print.css alone (no handouts tool): a reader presses Print on a lesson with a quiz."""
    lesson = next(
        f"lessons/{d.name}/" for d in sorted((built_site / "lessons").iterdir())
        if 'data-hipdrop-widget="quiz"' in (d / "index.html").read_text(encoding="utf-8")
    )
    page.context.route("**/assets/pyodide/**", lambda route: route.abort())  # paper shows the static page
    page.goto(site_url + lesson, wait_until="load")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = [p.extract_text() or "" for p in reader.pages]
    text = "\n".join(pages)
    assert DISCLAIMER in words(text), "the disclaimer does not print"
    for chrome in CHROME:
        assert chrome.lower() not in text.lower(), f"{chrome!r} printed"
    assert "127.0.0.1" not in text, "a link to the course itself printed its address"
    key_pages = [n for n, p in enumerate(pages) if "Answer key" in p]
    question_pages = [n for n, p in enumerate(pages) if "Question 1." in p]
    assert key_pages and question_pages, "the quiz or its answer key does not print"
    assert min(key_pages) > max(question_pages), "the answer key shares a page with the questions"


def test_search_finds_the_handouts_not_the_placeholder(handouts_site):
    index = json.loads((handouts_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("handouts/"))
    assert "have not been built" not in texts
    assert "course booklet" in texts


def test_handouts_without_a_built_site_say_so(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "handouts", "--site", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert str(tmp_path) in result.stderr and "mkdocs build" in result.stderr


LETTER_SCRIPT = """
import sys
from pathlib import Path
from hipdrop.messages import messages
from hipdrop_tools.course.config import course_file_stem
from hipdrop_tools.handouts.page_script import prepare_args
from hipdrop_tools.handouts.plan import PAGE, make_plan
from hipdrop_tools.handouts.printer import Printer
from hipdrop_tools.handouts.running import running
from hipdrop_tools.handouts.site_pages import read_site
from hipdrop_tools.mkdocs_plugin.config import course_config, handout_options
from hipdrop_tools.offline.serve import serve_in_thread

root, site_dir, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
site = read_site(site_dir)
texts = messages(site.language)
options = handout_options(course_config(root), root / "docs", course_file_stem(root))
lesson = next(h for h in make_plan(site, options, texts) if h.kind == PAGE)
server, url = serve_in_thread(site_dir)
with Printer(url, "letter", running(site.course_title, site.disclaimer, texts)) as printer:
    out.write_bytes(printer.print_page(lesson.page, prepare_args(site, lesson, texts)))
server.shutdown()
"""


def test_us_letter_on_request(handouts_site, tmp_path):
    """The same printer on US Letter paper: one lesson printed, not the whole set again. (A child
    process: pytest-playwright's own browser may be running in this one.)"""
    pdf = tmp_path / "letter.pdf"
    subprocess.run([sys.executable, "-c", LETTER_SCRIPT, str(ROOT), str(handouts_site), str(pdf)],
                   cwd=ROOT, check=True, timeout=300)
    reader = PdfReader(pdf)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 612) < 3 and abs(float(box.height) - 792) < 3
    assert DISCLAIMER in words(reader.pages[0].extract_text())


def test_every_link_resolves_after_the_handouts_are_listed(handouts_site):
    """The links `hipdrop handouts` adds (the Handouts page's list, each page's PDF link) resolve."""
    from link_check import check_links, html_pages

    result = check_links(handouts_site, html_pages(handouts_site))
    assert result.problems == []
    assert 'class="hd-pdf-link"' in (handouts_site / "lessons" / "dosing" / "index.html").read_text(encoding="utf-8")
