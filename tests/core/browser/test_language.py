"""A course in another language: with `theme.language: fr` in mkdocs.yml, the core's words on a
quiz page (its buttons, its status line, its graded verdicts and score, presentation mode) are
French, and none of the English ones is left. The course's own content stays as written.

Built from a copy of the project (the shared built site stays English and untouched)."""

import re

import pytest
import yaml
from playwright.sync_api import expect

from hipdrop_tools.offline.serve import serve_in_thread
from support import PYODIDE_TIMEOUT_MS, ROOT, build_site, copy_project, reach, without_precompressed_copies

LESSON = "lessons/what-is-trendelenburg/"
QUIZ = "lesson-1"
NBSP = "\u00a0"
# Pyodide's first start in a fresh browser; twice the usual allowance, as this module's site is
# built while the test runs (a loaded machine).
BOOT_MS = 2 * PYODIDE_TIMEOUT_MS


@pytest.fixture(scope="module")
def french_site_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("french") / "course")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  language: en\n" in text
    config.write_text(text.replace("\n  language: en\n", "\n  language: fr\n"), encoding="utf-8")
    without_precompressed_copies(config)  # no test here is sent a compressed copy
    dest = tmp_path_factory.mktemp("french-site")
    result = build_site(dest, config)
    if result.returncode != 0:
        pytest.fail(f"the French course did not build:\n{result.stdout}\n{result.stderr}", pytrace=False)
    server, url = serve_in_thread(dest)
    yield url
    server.shutdown()


def questions() -> list[dict]:
    return yaml.safe_load((ROOT / "quizzes" / f"{QUIZ}.yml").read_text(encoding="utf-8"))["questions"]


def test_the_static_quiz_is_french_before_python(page, french_site_url):
    page.route("**/pyodide/**", lambda route: route.abort())  # the page as read without Python
    page.goto(french_site_url + LESSON)
    assert page.locator("html").get_attribute("lang") == "fr"
    quiz = page.locator(f'[data-hipdrop-widget="quiz"][data-quiz="{QUIZ}"]')
    expect(quiz.locator(".hd-answer-key > summary")).to_have_text(re.compile(f"^Corrigé{NBSP}: "))
    expect(quiz.locator(".hd-quiz-intro")).to_contain_text(f"Chaque question vaut 1{NBSP}point.")
    expect(quiz.locator(".hd-qnum").first).to_have_text(re.compile(r"^Question 1\.?$"))
    # The words the style sheets show ("(not answered)" after an exam question's legend).
    words = page.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--hd-words-not-answered')")
    assert words.strip() == '" (sans réponse)"'


def test_a_quiz_page_shows_buttons_status_and_verdicts_in_french(page, french_site_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(french_site_url + LESSON)
    quiz = reach(page.locator(f'[data-hipdrop-widget="quiz"][data-quiz="{QUIZ}"]'))
    expect(quiz).to_have_attribute("data-hipdrop-state", "ready", timeout=BOOT_MS)
    expect(quiz).to_have_attribute("data-quiz-ready", "true", timeout=BOOT_MS)
    expect(quiz.locator(".hd-status")).to_have_text(
        "Prêt. Python s'exécute dans votre navigateur\u202f; rien de ce que vous saisissez ne quitte cet appareil."
    )
    expect(quiz.locator(".hd-version")).to_be_visible()
    expect(quiz.locator(".hd-version")).to_contain_text(f"Version {quiz.get_attribute('data-seed')}\u00a0: les options sont mélangées")
    expect(quiz.get_by_role("button", name="Effacer la progression")).to_be_visible()

    # Every question right but the first.
    qs = questions()
    for n, question in enumerate(qs):
        option = next(o for o in question["options"] if bool(o.get("correct")) == (n > 0))
        quiz.locator(f'fieldset[data-question="{question["id"]}"] input[value="{option["id"]}"]').check()
    quiz.get_by_role("button", name="Vérifier les réponses").click()
    total = len(qs)
    percent = int(100 * (total - 1) / total + 0.5)
    expect(quiz.locator(".hd-result")).to_have_text(f"Votre score{NBSP}: {total - 1} sur {total} ({percent}{NBSP}%).")
    first, second = (quiz.locator(f'fieldset[data-question="{q["id"]}"]') for q in qs[:2])
    expect(first).to_have_attribute("data-verdict", "incorrect")
    expect(first.locator(".hd-explanation strong").first).to_have_text("Pas tout à fait.")
    expect(first.locator(".hd-option-feedback:not([hidden]) strong").first).to_have_text(f"Faux{NBSP}:")
    expect(first.locator(".hd-explanation a").last).to_have_text("Lire la section de la leçon qui l'explique")
    expect(second.locator(".hd-explanation strong").first).to_have_text("Juste.")

    show = quiz.get_by_role("button", name="Afficher les réponses")
    show.click()
    expect(quiz.get_by_role("button", name="Masquer les réponses")).to_be_visible()
    expect(first.locator(".hd-answer")).to_contain_text(f"Bonne réponse{NBSP}:")
    quiz.get_by_role("button", name="Recommencer").click()
    expect(quiz.locator(".hd-result")).to_have_text(
        f"Nouvelle tentative{NBSP}: vos réponses sont effacées et les options sont dans un nouvel ordre."
    )

    shown = quiz.inner_text()
    for english in ("Check answers", "Show answers", "Hide answers", "Reset progress", "Ready.", "You scored",
                    "Not quite.", "Right.", "Not correct:", "New attempt", "options are shuffled", "Answer key"):
        assert english not in shown, english
    assert errors == []


def test_presentation_mode_speaks_french(page, french_site_url):
    page.goto(french_site_url + LESSON)
    toggle = page.get_by_role("button", name="Présenter")
    expect(toggle).to_be_visible()
    toggle.click()
    bar = page.get_by_role("navigation", name="Présentation")
    for name in ("Précédent", "Suivant", "Quitter"):
        expect(bar.get_by_role("button", name=name)).to_be_attached()
    expect(bar.locator(".hd-present-bar__position")).to_contain_text("1 / ")
