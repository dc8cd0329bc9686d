"""`hipdrop worksheets`: a quiz's worksheet in N versions, each with its answer key, printed from the
built site. Each version shows its own numbers for the generated questions, and its key holds
that version's answers and working, never another's."""

import re
import subprocess
import sys

import pytest
import yaml
from pypdf import PdfReader

from quiz_versions import versions_of
from support import ROOT

BANK = "lesson-2"


def hipdrop(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), *args], capture_output=True, text=True)


def squash(text: str) -> str:
    """Letters and digits only: PDF text comes with its own spaces and line breaks."""
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def pdf_text(path) -> str:
    return squash(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


@pytest.fixture(scope="module")
def printed(built_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("worksheets")
    result = hipdrop("worksheets", "--bank", BANK, "--versions", "3", "--site", str(built_site), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def generated_questions() -> list[dict]:
    bank = yaml.safe_load((ROOT / "quizzes" / f"{BANK}.yml").read_text())
    return [q for q in bank["questions"] if q["type"] == "generated_numeric"]


def test_three_versions_each_a_worksheet_and_a_key(printed):
    names = sorted(p.name for p in printed.glob("*.pdf"))
    assert names == sorted(
        f"quiz-{BANK}-v{n}-{kind}.pdf" for n in (1, 2, 3) for kind in ("worksheet", "answer-key")
    )
    for n in (1, 2, 3):
        reader = PdfReader(printed / f"quiz-{BANK}-v{n}-worksheet.pdf")
        assert reader.metadata.title.endswith(f"version {n} of 3")
        assert squash(f"Worksheet, version {n} of 3") in pdf_text(printed / f"quiz-{BANK}-v{n}-worksheet.pdf")
        assert squash(f"Answer key, version {n} of 3") in pdf_text(printed / f"quiz-{BANK}-v{n}-answer-key.pdf")


def test_each_version_shows_its_own_numbers_and_its_key_holds_its_own_answers(printed):
    questions = generated_questions()
    assert questions, "the lesson's quiz has generated questions"
    sheets = {n: pdf_text(printed / f"quiz-{BANK}-v{n}-worksheet.pdf") for n in (1, 2, 3)}
    keys = {n: pdf_text(printed / f"quiz-{BANK}-v{n}-answer-key.pdf") for n in (1, 2, 3)}
    assert len(set(sheets.values())) == 3, "neighbours get different worksheets"
    for question in questions:
        versions = versions_of(question, 3)
        for n, (_, problem) in enumerate(versions, 1):
            shown = squash(" ".join(f"{g.name} ({g.symbol}) {g.value:,g} {g.unit}" for g in problem.givens))
            assert shown in sheets[n], (question["id"], n)
            answer = squash(f"Right answer: {problem.answer:,g} N (anything from {problem.answer - problem.tolerance:,g}")
            assert answer in keys[n], (question["id"], n)
            assert squash(problem.steps[-1].result) in keys[n]
            for other, (_, other_problem) in enumerate(versions, 1):
                if other_problem.answer != problem.answer:
                    wrong = squash(f"Right answer: {other_problem.answer:,g} N")
                    assert (wrong in keys[n]) == (other == n), (question["id"], n, other)


def test_a_quiz_without_generated_questions_and_bad_arguments_are_refused_in_one_line(built_site, tmp_path):
    plain = hipdrop("worksheets", "--bank", "lesson-1", "--site", str(built_site), "--out", str(tmp_path))
    assert plain.returncode == 1
    assert "quiz 'lesson-1' has no generated numeric question" in plain.stderr and "Traceback" not in plain.stderr
    unknown = hipdrop("worksheets", "--bank", "no-such", "--site", str(built_site), "--out", str(tmp_path))
    assert unknown.returncode == 1 and "no quiz bank 'no-such' (known: final, lesson-1" in unknown.stderr
    zero = hipdrop("worksheets", "--bank", BANK, "--versions", "0", "--site", str(built_site))
    assert zero.returncode == 2 and "--versions must be 1 or more" in zero.stderr
    assert not list(tmp_path.glob("*.pdf"))
