"""`hipdrop export`: every bank as Moodle XML and GIFT, checked question by question against the
banks, and the same files in the built site, linked from the teachers' page."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from hipdrop_tools.course import markdown_text
from hipdrop_tools.lms.export.gift import escape as gift_escape
from quiz_versions import item_ids, versions_of
from support import ROOT

BANKS = sorted((ROOT / "quizzes").glob("*.yml"))


def export(fmt: str, out: Path, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(root), "export", "--format", fmt, "--out", str(out)],
        capture_output=True, text=True,
    )


@pytest.fixture(scope="module")
def moodle_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("moodle")
    result = export("moodle-xml", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "the real banks export without warnings"
    return out


def html(text: str) -> str:
    return markdown_text.to_inline_html(text) or markdown_text.to_html(text)


def text_of(element: ET.Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, f"no {path}"
    return found.text or ""


@pytest.mark.parametrize("bank_path", BANKS, ids=lambda p: p.stem)
def test_every_question_is_exported_to_moodle_xml_with_its_answers_and_feedback(moodle_dir, bank_path):
    bank = yaml.safe_load(bank_path.read_text())
    quiz = ET.parse(moodle_dir / f"{bank['id']}.xml").getroot()
    assert quiz.tag == "quiz"
    category = quiz.find("question[@type='category']")
    # Under the course's own name (the plugin's short_name in mkdocs.yml), as a teacher sees it in Moodle.
    assert text_of(category, "category/text") == f"$course$/top/Hip Drop/{bank['id']}"
    exported = {text_of(q, "name/text"): q for q in quiz.findall("question") if q.get("type") != "category"}
    assert list(exported) == [i for q in bank["questions"] for i in item_ids(q)]
    # Each generated question's versions sit in a category of their own, then the bank's resumes.
    current, categories = None, {}
    for element in quiz.findall("question"):
        if element.get("type") == "category":
            current = text_of(element, "category/text")
        else:
            categories[text_of(element, "name/text")] = current

    for question in bank["questions"]:
        if question["type"] == "generated_numeric":
            for item_id, problem in versions_of(question):
                element = exported[item_id]
                assert categories[item_id] == f"$course$/top/Hip Drop/{bank['id']}/{question['id']}"
                assert element.get("type") == "numerical"
                prompt = text_of(element, "questiontext/text")
                assert markdown_text.to_html(question["prompt"]) in prompt and problem.question in prompt
                right, catch_all = element.findall("answer")
                assert (float(text_of(right, "text")), float(text_of(right, "tolerance"))) == (problem.answer, problem.tolerance)
                assert text_of(right, "feedback/text") == markdown_text.to_html(question["feedback"]["correct"])
                assert text_of(catch_all, "feedback/text") == markdown_text.to_html(question["feedback"]["incorrect"])
                general = text_of(element, "generalfeedback/text")
                assert "How to work it out" in general and markdown_text.to_html(question["explanation"]) in general
            continue
        assert categories[question["id"]] == f"$course$/top/Hip Drop/{bank['id']}"
        element = exported[question["id"]]
        assert markdown_text.to_html(question["prompt"]) in text_of(element, "questiontext/text")
        general = text_of(element, "generalfeedback/text")
        assert markdown_text.to_html(question["explanation"]) in general
        assert question["link"].split("#")[1] in general
        kind = question["type"]
        if kind in ("single", "multiple"):
            assert element.get("type") == "multichoice"
            assert text_of(element, "single") == ("false" if kind == "multiple" else "true")
            answers = element.findall("answer")
            assert [text_of(a, "text") for a in answers] == [html(o["text"]) for o in question["options"]]
            assert [text_of(a, "feedback/text") for a in answers] == [
                markdown_text.to_html(o["feedback"]) for o in question["options"]]
            right = sum(1 for o in question["options"] if o.get("correct"))
            for answer, option in zip(answers, question["options"]):
                fraction = float(answer.get("fraction"))
                if kind == "single":
                    assert fraction == (100 if option.get("correct") else 0)
                else:
                    assert fraction == pytest.approx((100 if option.get("correct") else -100) / right, abs=1e-4)
            if kind == "multiple":
                total = sum(float(a.get("fraction")) for a in answers if float(a.get("fraction")) > 0)
                assert total == pytest.approx(100, abs=1e-3)
        elif kind == "true_false":
            assert element.get("type") == "truefalse"
            answers = {text_of(a, "text"): a for a in element.findall("answer")}
            for option in question["options"]:
                answer = answers[option["text"].lower()]
                assert float(answer.get("fraction")) == (100 if option.get("correct") else 0)
                assert text_of(answer, "feedback/text") == markdown_text.to_html(option["feedback"])
        elif kind == "numeric":
            assert element.get("type") == "numerical"
            right, catch_all = element.findall("answer")
            assert float(text_of(right, "text")) == question["answer"]
            assert float(text_of(right, "tolerance")) == question["tolerance"]
            assert float(right.get("fraction")) == 100
            assert text_of(right, "feedback/text") == markdown_text.to_html(question["feedback"]["correct"])
            assert text_of(catch_all, "text") == "*" and float(catch_all.get("fraction")) == 0
            assert text_of(catch_all, "feedback/text") == markdown_text.to_html(question["feedback"]["incorrect"])
            if question.get("unit"):
                assert text_of(element, "units/unit/unit_name") == question["unit"]
        elif kind in ("ordering", "matching"):
            assert element.get("type") == "matching"
            pairs = [(text_of(s, "text"), text_of(s, "answer/text")) for s in element.findall("subquestion")]
            if kind == "ordering":
                expected = [(html(i["text"]), place) for i, place in
                            zip(question["items"], ["1st", "2nd", "3rd", "4th", "5th", "6th"])]
            else:
                right_text = {r["id"]: markdown_text.to_plain(r["text"]) for r in question["right"]}
                expected = [(html(i["text"]), right_text[i["match"]]) for i in question["left"]]
            assert pairs == expected
            assert text_of(element, "correctfeedback/text") == markdown_text.to_html(question["feedback"]["correct"])
            assert text_of(element, "incorrectfeedback/text") == markdown_text.to_html(question["feedback"]["incorrect"])
        else:
            raise AssertionError(f"unexpected type {kind}")


def test_the_final_bank_exports_all_six_types(moodle_dir):
    quiz = ET.parse(moodle_dir / "final.xml").getroot()
    kinds = {q.get("type") for q in quiz.findall("question")}
    assert {"multichoice", "truefalse", "numerical", "matching"} <= kinds


def test_gift_escapes_its_special_characters():
    assert gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert "\n" not in gift_escape("<p>one</p>\n<p>two</p>")


def test_gift_export_of_a_bank_with_special_characters_and_a_skipped_question(tmp_path):
    project = tmp_path / "p"
    (project / "quizzes").mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("quizzes", ".git", ".venv", "site"):
            (project / entry.name).symlink_to(entry)
    bank = {
        "id": "special",
        "title": "Special characters",
        "questions": [
            {
                "id": "sp-choice", "type": "single",
                "prompt": "Is 2 = 1 + 1? {yes} ~ #1: a\\b",
                "options": [
                    {"id": "a", "text": "Yes = right", "correct": True, "feedback": "Right: {ok}"},
                    {"id": "b", "text": "No ~ wrong", "feedback": "No #2"},
                ],
                "explanation": "Because 1 + 1 = 2.",
                "link": "lessons/mechanics.md#moments", "tags": {"lesson": 2, "difficulty": "easy"},
            },
            {
                "id": "sp-pairs", "type": "matching", "prompt": "Two pairs only",
                "left": [{"id": "l1", "text": "A", "match": "r1"}, {"id": "l2", "text": "B", "match": "r2"}],
                "right": [{"id": "r1", "text": "1"}, {"id": "r2", "text": "2"}],
                "feedback": {"correct": "Yes.", "incorrect": "No."},
                "explanation": "A is 1.", "link": "lessons/mechanics.md#moments",
                "tags": {"lesson": 2, "difficulty": "easy"},
            },
        ],
    }
    (project / "quizzes" / "special.yml").write_text(yaml.safe_dump(bank, sort_keys=False))
    out = tmp_path / "out"
    result = export("gift", out, project)
    assert result.returncode == 0, result.stderr
    assert "special: question 'sp-pairs': skipped" in result.stderr
    gift = (out / "special.gift").read_text()
    assert "sp-pairs" not in gift
    assert r"Is 2 \= 1 + 1? \{yes\} \~ \#1\: a\\b" in gift
    assert r"=Yes \= right#<p>Right\: \{ok\}</p>" in gift
    assert r"~No \~ wrong#<p>No \#2</p>" in gift
    # Outside the escapes, the only special characters are GIFT's own syntax.
    body = re.sub(r"\\.", "", gift.split("::sp-choice::", 1)[1])
    assert body.count("{") == 1 and body.count("}") == 1

    xml_out = tmp_path / "xml"
    result = export("moodle-xml", xml_out, project)
    assert "special: question 'sp-pairs': skipped" in result.stderr
    names = [n.text for n in ET.parse(xml_out / "special.xml").getroot().iter("text")]
    assert "sp-choice" in names and "sp-pairs" not in names


def test_exports_are_in_the_site_and_linked_from_the_teachers_page(built_site):
    folder = built_site / "downloads" / "quizzes"
    for bank in BANKS:
        ET.parse(folder / f"{bank.stem}.xml")
        assert (folder / f"{bank.stem}.gift").read_text().count("::") >= 2
    page = (built_site / "teachers" / "quizzes" / "index.html").read_text()
    for bank in BANKS:
        assert f'href="../../downloads/quizzes/{bank.stem}.xml"' in page
        assert f'href="../../downloads/quizzes/{bank.stem}.gift"' in page
    guide = (built_site / "teachers" / "authoring-quizzes" / "index.html").read_text()
    assert "Multiple select" in guide and "never goes below 0" in guide


def test_the_authoring_guides_examples_pass_the_checks(tmp_path):
    guide = (ROOT / "docs" / "teachers" / "authoring-quizzes.md").read_text()
    blocks = re.findall(r"```yaml\n(- id: example-.*?)```", guide, re.S)
    questions = [yaml.safe_load(block)[0] for block in blocks]
    assert sorted(q["type"] for q in questions) == sorted(
        ["single", "multiple", "true_false", "numeric", "ordering", "matching", "generated_numeric"])
    project = tmp_path / "p"
    (project / "quizzes").mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("quizzes", ".git", ".venv", "site"):
            (project / entry.name).symlink_to(entry)
    bank = {"id": "examples", "title": "Examples", "questions": questions}
    (project / "quizzes" / "examples.yml").write_text(yaml.safe_dump(bank, sort_keys=False))
    result = subprocess.run([sys.executable, "-m", "hipdrop_tools", "--root", str(project), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- GIFT, question by question

PUBLIC = "https://course.example.org/hipdrop/"
PLACES = ["1st", "2nd", "3rd", "4th", "5th", "6th"]


def split_unescaped(text: str, sep: str) -> list[str]:
    """Split at every `sep` not escaped with a backslash (GIFT's rule), keeping the escapes."""
    parts, current, i = [], "", 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current += text[i:i + 2]
            i += 2
            continue
        if text.startswith(sep, i):
            parts.append(current)
            current, i = "", i + len(sep)
            continue
        current += text[i]
        i += 1
    return [*parts, current]


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def gift_questions(text: str) -> dict[str, dict]:
    """A small GIFT reader, written from Moodle's format description: `::name::[html]text{`,
    then one answer per line (`=` right, `~` wrong, `~%w%` weighted, `TRUE`/`FALSE`, `=a -> b`
    pairs, `#` numeric), `#feedback` after each, `####` general feedback, then `}`."""
    found = {}
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith(("//", "$CATEGORY"))]
        if not lines:
            continue
        head = lines[0]
        name, rest = re.match(r"::(.+?)::\[html\](.*)$", head).groups()
        prompt, opening = split_unescaped(rest, "{")
        assert lines[-1] == "}", f"{name}: the question does not close"
        answers, general = [], None
        for line in lines[1:-1]:
            line = line.removeprefix("\t")
            if line.startswith("####"):
                general = unescape(line[4:])
            else:
                answers.append([unescape(part) for part in split_unescaped(line, "#")])
        found[unescape(name)] = {"prompt": unescape(prompt), "numeric": opening == "#", "answers": answers, "general": general}
    return found


@pytest.fixture(scope="module")
def gift_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gift")
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "export", "--format", "gift",
         "--out", str(out), "--base-url", PUBLIC],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return out


def public_link(link: str) -> str:
    """A lesson link from a bank (`lessons/x.md#part`) as its public address: directory URLs,
    under the public site address."""
    page, _, part = link.partition("#")
    return PUBLIC + page.removesuffix(".md") + "/" + (f"#{part}" if part else "")


def test_gift_export_carries_every_question_of_all_seven_types(gift_dir):
    bank = yaml.safe_load((ROOT / "quizzes" / "final.yml").read_text())
    text = (gift_dir / "final.gift").read_text()
    assert "$CATEGORY: Hip Drop/final" in text.splitlines()  # the course's short name from mkdocs.yml
    exported = gift_questions(text)
    assert list(exported) == [i for q in bank["questions"] for i in item_ids(q)]
    assert {q["type"] for q in bank["questions"]} == {
        "single", "multiple", "true_false", "numeric", "ordering", "matching", "generated_numeric"}
    for question in bank["questions"]:
        if question["type"] == "generated_numeric":
            whole = (gift_dir / "final.gift").read_text()  # (the loop below reuses the name `text`)
            block = whole.split(f"$CATEGORY: Hip Drop/final/{question['id']}\n", 1)[1].split("$CATEGORY:", 1)[0]
            versions = versions_of(question)
            assert re.findall(r"^::(.+?)::", block, re.M) == [item_id for item_id, _ in versions]
            for item_id, problem in versions:
                got = exported[item_id]
                assert got["numeric"] and got["prompt"].startswith(markdown_text.to_html(question["prompt"]))
                (value, feedback), = got["answers"]
                answer, tolerance = value.removeprefix("=").split(":")
                assert (float(answer), float(tolerance)) == (problem.answer, problem.tolerance)
                assert feedback == markdown_text.to_html(question["feedback"]["correct"])
                assert "How to work it out" in got["general"] and f'href="{public_link(question["link"])}"' in got["general"]
            continue
        got = exported[question["id"]]
        kind = question["type"]
        assert got["prompt"].startswith(markdown_text.to_html(question["prompt"])), question["id"]
        assert got["general"].startswith(markdown_text.to_html(question["explanation"]))
        assert f'href="{public_link(question["link"])}"' in got["general"], question["id"]
        if kind == "single":
            assert [a[0][0] for a in got["answers"]] == ["=" if o.get("correct") else "~" for o in question["options"]]
            assert [(a[0][1:], a[1]) for a in got["answers"]] == [
                (html(o["text"]), markdown_text.to_html(o["feedback"])) for o in question["options"]]
        elif kind == "multiple":
            right = sum(1 for o in question["options"] if o.get("correct"))
            for (mark, feedback), option in zip(got["answers"], question["options"], strict=True):
                weight, text = re.match(r"~%(-?[\d.]+)%(.*)$", mark, re.S).groups()
                # Each right option earns 1/C of the mark, each wrong one takes 1/C away.
                assert float(weight) == pytest.approx((100 if option.get("correct") else -100) / right, abs=1e-4)
                assert (text, feedback) == (html(option["text"]), markdown_text.to_html(option["feedback"]))
        elif kind == "true_false":
            right = next(o for o in question["options"] if o.get("correct"))
            wrong = next(o for o in question["options"] if not o.get("correct"))
            # GIFT: TRUE or FALSE, then the feedback for a wrong answer, then for the right one.
            assert got["answers"] == [[right["id"].upper(), markdown_text.to_html(wrong["feedback"]),
                                       markdown_text.to_html(right["feedback"])]]
        elif kind == "numeric":
            assert got["numeric"]
            (value, feedback), = got["answers"]
            answer, tolerance = value.removeprefix("=").split(":")
            assert (float(answer), float(tolerance)) == (question["answer"], question["tolerance"])
            assert feedback == markdown_text.to_html(question["feedback"]["correct"])
            if question.get("unit"):
                assert got["prompt"].endswith(f"<p>Give your answer in {question['unit']}.</p>")
        elif kind == "ordering":
            pairs = [a[0].removeprefix("=").split(" -> ") for a in got["answers"]]
            assert pairs == [[html(item["text"]), place] for item, place in zip(question["items"], PLACES)]
        elif kind == "matching":
            right_text = {r["id"]: markdown_text.to_plain(r["text"]) for r in question["right"]}
            pairs = [a[0].removeprefix("=").split(" -> ") for a in got["answers"]]
            assert pairs == [[html(item["text"]), right_text[item["match"]]] for item in question["left"]]


def test_export_base_url_turns_lesson_links_into_full_addresses(gift_dir, tmp_path):
    exported = gift_questions((gift_dir / "lesson-2.gift").read_text())
    bank = yaml.safe_load((ROOT / "quizzes" / "lesson-2.yml").read_text())
    for question in bank["questions"]:
        link = public_link(question["link"])
        for item_id in item_ids(question):
            assert f'<a href="{link}">{link}</a>' in exported[item_id]["general"], item_id
    # Without --base-url the same feedback names the page inside the course instead.
    plain = tmp_path / "plain"
    result = export("gift", plain)
    assert result.returncode == 0, result.stderr
    assert PUBLIC not in (plain / "lesson-2.gift").read_text()
