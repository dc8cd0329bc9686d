"""Macro ``quiz("bank-id")``: a quiz bank as static HTML, graded live by the engine."""

from mkdocs.utils import get_relative_url

from hipdrop.quiz.render import render_quiz
from hipdrop_tools.quizzes import engine_bank, load_banks


def _page_url(docs_path: str) -> str:
    """docs-relative 'lessons/x.md#part' -> site URL 'lessons/x/#part' (directory URLs)."""
    path, _, anchor = docs_path.partition("#")
    stem = path[: -len(".md")]
    url = "" if stem == "index" else (stem[: -len("/index")] + "/" if stem.endswith("/index") else stem + "/")
    return url + (f"#{anchor}" if anchor else "")


def register(env, project):
    banks = load_banks(project)  # raises DataError: the build stops, every problem listed

    @env.macro
    def quiz(bank_id: str) -> str:
        if bank_id not in banks:
            known = ", ".join(sorted(banks)) or "none"
            raise KeyError(f"quiz('{bank_id}'): no quizzes/{bank_id}.yml (known banks: {known})")
        here = env.page.url

        def link(docs_path: str) -> str:
            target = _page_url(docs_path)
            path, _, anchor = target.partition("#")
            return get_relative_url(path, here) + (f"#{anchor}" if anchor else "")

        return render_quiz(engine_bank(banks[bank_id], link))
