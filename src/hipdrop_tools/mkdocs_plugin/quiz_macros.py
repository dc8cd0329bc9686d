"""Macros ``quiz("bank-id")`` (a quiz bank as static HTML, graded live by the engine) and
``quiz_downloads()`` (the table of exported quiz files on the teachers' page)."""

import posixpath
from collections import Counter

from hipdrop.messages import messages
from hipdrop.quiz.render import render_quiz
from hipdrop_tools.build.site_files import QUIZ_DOWNLOADS_DIR
from hipdrop_tools.course.quizzes import engine_bank, load_banks

TYPE_NAMES = {
    "single": "single choice",
    "multiple": "multiple select",
    "true_false": "true/false",
    "numeric": "numeric",
    "ordering": "ordering",
    "matching": "matching",
    "generated_numeric": "generated numeric",
}


def macros(project) -> dict:
    """The core's macros (the plugin's macro factory for the core)."""
    banks = load_banks(project)  # raises DataError: the build stops, every problem listed
    texts = messages(project.language)  # the core's words, in theme.language

    def quiz(page, bank_id: str) -> str:
        if bank_id not in banks:
            known = ", ".join(sorted(banks)) or "none"
            raise KeyError(f"quiz('{bank_id}'): no {project.quizzes}/{bank_id}.yml (known banks: {known})")
        bank = banks[bank_id]
        return render_quiz(engine_bank(bank, page.link), texts, bank.generators)

    def quiz_downloads(page) -> str:
        """A Markdown table: every bank (by id, the course's final quiz last), its question types,
        and links to its GIFT, XML and QTI files. Markdown links, so the strict build checks that
        each file exists."""
        folder = posixpath.dirname(page.src_uri)
        rows = [
            "| Quiz | Questions | Files (Moodle XML, GIFT) | QTI 2.1 (Blackboard) | QTI 1.2 (Canvas) |",
            "|---|---|---|---|---|",
        ]
        for bank_id in sorted(banks, key=lambda b: (b == project.final_quiz, b)):  # the final quiz last
            data = banks[bank_id].data
            counts = Counter(q["type"] for q in data["questions"])
            kinds = ", ".join(f"{n} {TYPE_NAMES[t]}" for t, n in sorted(counts.items(), key=lambda x: -x[1]))
            files = {
                ext: posixpath.relpath(f"{QUIZ_DOWNLOADS_DIR}/{bank_id}.{ext}", folder or ".")
                for ext in ("xml", "gift", "qti21.zip", "qti12.zip")
            }
            title = data["title"].replace("|", "\\|")
            rows.append(
                f"| {title} | {len(data['questions'])} ({kinds}) "
                f"| [{bank_id}.xml]({files['xml']})<br>[{bank_id}.gift]({files['gift']}) "
                f"| [{bank_id}.qti21.zip]({files['qti21.zip']}) | [{bank_id}.qti12.zip]({files['qti12.zip']}) |"
            )
        return "\n".join(rows)

    return {"quiz": quiz, "quiz_downloads": quiz_downloads}
