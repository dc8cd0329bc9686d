"""The checks both engine suites make (test_firefox.py, test_webkit.py): each takes the engine's
runner (conftest.EngineRun) and asserts what a reader of that engine would notice."""

import re

from pypdf import PdfReader

import engine_plans as plans
from engine_expected import PICKER_FORM, bank, lab, program_exercises, quiz_summary

LESSON = "lessons/what-is-trendelenburg/"
CHROME = ("Skip to content", "Back to top", "Made with", "Check answers", "Type to start searching")
DISCLAIMER = "education, not medical advice"


def clean(report: dict, server) -> None:
    """No driver error, nothing the engine reported broken, no request the server failed."""
    assert report["error"] is None, "\n".join([report["error"], *report["problems"], str(report["reads"].get("states at error"))])
    assert report["problems"] == []
    assert server.state.failures() == []


def every_page_loads_cleanly(run, pages):
    report, server = run(plans.crawl(pages))
    clean(report, server)
    widgets = {k: v for k, v in report["reads"].items() if v}
    assert len(report["reads"]) == len(pages)
    assert widgets and all(set(states) == {"ready"} for states in widgets.values()), widgets
    return report


def practice_quiz_by_keyboard(run):
    questions = bank("lesson-1")["questions"]
    report, server = run(plans.quiz(LESSON, "lesson-1", questions))
    clean(report, server)
    reads = report["reads"]
    assert reads["result"] == quiz_summary("lesson-1")
    assert reads["verdicts"] == ["correct" if i % 2 == 0 else "incorrect" for i in range(len(questions))]
    assert reads["result focused"] is True


def final_exam_by_keyboard(run):
    questions = bank("final")["questions"]
    report, server = run(plans.quiz("final-quiz/?quiz-version=4242", "final", questions, version=4242))
    clean(report, server)
    # The exam adds that the answers are now locked.
    assert report["reads"]["result"].startswith(quiz_summary("final", version=4242) + " ")
    assert report["reads"]["verdicts"] == ["correct" if i % 2 == 0 else "incorrect" for i in range(len(questions))]


def picker_by_keyboard(run):
    report, server = run(plans.picker())
    clean(report, server)
    assert report["reads"]["exercises"] == program_exercises()
    for name, values in PICKER_FORM.items():
        for value in values:
            assert f"{name}={value}" in report["reads"]["query"]


def lab_by_keyboard(run):
    lean = lab({"preset": "quiet-stance", "lean_cm": 5})
    weak = lab({"preset": "weak-abductors"})
    report, server = run(plans.lab(lean.abductor_force))
    clean(report, server)
    reads = report["reads"]
    assert reads["lean force"].startswith(lean.abductor_force)
    assert reads["lean description"] == lean.description
    assert reads["weak force"].startswith(weak.abductor_force)
    assert reads["weak description"] == weak.description
    assert weak.pelvis_drops and reads["weak pelvis"] == "drops on the swing side"


def pyodide_failure_shows_retry(run):
    quiz = plans.widget("quiz")
    status = f"{quiz} .hd-status"
    steps = [
        {"goto": LESSON},
        plans.state_is(quiz, "failed"),
        {"read": ["status", plans.text_of(status)]},
        {"read": ["retry", f"!!document.querySelector({plans.js_string(status + ' button.hd-retry')})"]},
        {"read": ["static quiz", f"document.querySelectorAll({plans.js_string(quiz + ' fieldset')}).length"]},
        {"get": "/__engines__/allow-pyodide"},
        {"focus": f"{status} button.hd-retry"},
        {"press": "Enter"},
        plans.state_is(quiz, "ready"),
        {"read": ["after retry", plans.text_of(status)]},
    ]
    report, server = run(steps, refuse_pyodide=True)
    assert report["error"] is None, report["error"]
    reads = report["reads"]
    assert reads["status"].startswith("Python could not start in this browser: the Python runtime could not be downloaded.")
    assert reads["retry"] is True and reads["static quiz"] > 0
    assert reads["after retry"].startswith("Ready.")
    refused = [f for f in server.state.failures() if "/assets/pyodide/" in f]
    assert refused and server.state.failures() == refused
    # The engine's own report of those refusals (console or network) is expected; nothing else.
    assert [p for p in report["problems"] if "/assets/pyodide/" not in p and "pyodide" not in p.lower()] == []
    return report


def offline_after_one_visit(run):
    quiz = plans.widget("quiz")
    lab_root = plans.widget("mechanics")
    steps = [
        {"goto": LESSON},
        plans.state_is(quiz, "ready"),
        {"wait": "navigator.serviceWorker && navigator.serviceWorker.controller !== null", "timeout": 90_000},
        # Python has run here, so the worker keeps the runtime (from the HTTP cache): wait for it.
        {"wait": "document.documentElement.dataset.hdRuntimeKept === 'true'", "timeout": 90_000},
        # The reader opens two more pages: a first visit keeps the pages opened, no others.
        {"goto": "glossary/"},
        {"wait": "document.documentElement.dataset.hdVisit !== undefined", "timeout": 90_000},
        {"goto": "lessons/mechanics/"},
        plans.state_is(lab_root, "ready"),
        {"get": "/__engines__/stop"},
        {"goto": "glossary/"},
        {"read": ["glossary", plans.text_of("h1")]},
        {"goto": "lessons/mechanics/"},
        plans.state_is(lab_root, "ready"),
        {"focus": f'{lab_root} input[type="range"][name="lean_cm"]'},
        {"press": "ArrowRight"},
        {"wait": f"!{plans.lab_row('Abductor force')}.startsWith('1,167')", "timeout": 30_000},
    ]
    report, server = run(steps)
    # WebKit's page watch (watch.js, served by the test server, not part of the course) cannot load
    # once the server is gone: after that, WebKit pages are checked by their behaviour only.
    report["problems"] = [p for p in report["problems"] if p != "the page watch did not run"]
    # Both pages were opened once before the server went: both came from the service worker.
    clean(report, server)
    assert report["reads"]["glossary"].startswith("Glossary")
    return report


def printing_keeps_the_print_styles(run):
    report, server = run([{"goto": LESSON}, plans.state_is(plans.widget("quiz"), "ready"), {"read": ["title", "document.querySelector('h1').firstChild.textContent.trim()"]}, {"pdf": "lesson"}])
    clean(report, server)
    pdf = PdfReader(report["reads"]["lesson"])
    text = " ".join(re.sub(r"\s+", " ", page.extract_text()) for page in pdf.pages)
    assert report["reads"]["title"] in text
    assert DISCLAIMER in text.lower(), "the footer's disclaimer did not print"
    for chrome in CHROME:
        assert chrome not in text, f"{chrome!r} printed"
    width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    assert abs(width - 595) < 2 and abs(height - 842) < 2, f"not A4: {width} × {height} pt"
    return pdf


def print_rules_apply(run):
    """Where the driver cannot print: the print rules, applied on screen, hide the chrome and keep
    the footer's disclaimer."""
    report, server = run([{"goto": LESSON}, {"read": ["print", plans.PRINT_RULES_ON_SCREEN]}])
    clean(report, server)
    shown = report["reads"]["print"]
    assert shown["rules"] > 50
    assert shown["title"] and shown["footerShown"]
    assert DISCLAIMER in shown["footer"].lower()
    assert not shown["navigation"] and not shown["buttons"]
