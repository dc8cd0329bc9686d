"""A quiz's worksheet in N versions, each with its own answer key: neighbours get different numbers.

A quiz's generated numeric questions (``generated_numeric``) are printed with the problems of
versions 1 to N (``hipdrop.quiz.generated.version_seeds``: the same versions the platform exports
carry), every other question as it is. Each version is the built page's static quiz, printed by the
handouts printer as a worksheet and as an answer key, with that version's problems, hints and key
entries put in place first (HTML the engine writes, its texts escaped); a line on each says which
version it is.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hipdrop.messages import Messages, messages
from hipdrop.quiz.generated import problem_for, version_seeds
from hipdrop.quiz.generated_html import hint, key_html, problem_html
from hipdrop.quiz.model import GENERATED_TYPES, Question
from hipdrop_tools.course.errors import HipdropError
from hipdrop_tools.handouts import page_script, pdf_files
from hipdrop_tools.handouts.plan import KEY, WORKSHEET, Handout
from hipdrop_tools.handouts.printer import Printer
from hipdrop_tools.handouts.running import running
from hipdrop_tools.handouts.site_pages import SiteInfo, read_site
from hipdrop_tools.offline.serve import serve_in_thread

# The export of js/page.js that puts a version's problems into the quiz before it is prepared.
PUT_VERSION = "putVersion"


class WorksheetError(HipdropError):
    """The versions cannot be printed: the message says why and what to do."""


@dataclass(frozen=True)
class Printed:
    version: int
    worksheet: Path
    key: Path


def generated_questions(questions: tuple[Question, ...]) -> list[Question]:
    return [q for q in questions if q.type in GENERATED_TYPES]


def version_problems(questions: list[Question], count: int, generators: Mapping[str, Callable]) -> list[dict]:
    """For versions 1 to ``count``: {question id: {seed, problem_html, hint, key_html}}."""
    seeds = {q.id: version_seeds(q, count, generators) for q in questions}
    versions = []
    for index in range(count):
        shown = {}
        for question in questions:
            problem = problem_for(question, seeds[question.id][index], generators)
            shown[question.id] = {
                "seed": problem.seed,
                "problem_html": problem_html(problem),
                "hint": hint(problem),
                "key_html": key_html(problem),
            }
        versions.append(shown)
    return versions


def print_versions(
    site_dir: Path,
    bank_id: str,
    questions: tuple[Question, ...],
    generators: Mapping[str, Callable],
    count: int,
    out_dir: Path,
    paper: str = "a4",
    log: Callable[[str], None] = print,
) -> list[Printed]:
    """Print versions 1 to ``count`` of quiz ``bank_id`` from the built site into ``out_dir``."""
    generated = generated_questions(questions)
    if not generated:
        raise WorksheetError(
            f"quiz '{bank_id}' has no generated numeric question, so every version would be the same; "
            "its worksheet is printed by `hipdrop handouts`"
        )
    site = read_site(site_dir)
    page_path = next((p for p in site.nav if bank_id in site.pages[p].quizzes), None)
    if page_path is None:
        raise WorksheetError(f"no page of the built site {site_dir} shows quiz '{bank_id}' ({{{{ quiz(...) }}}})")
    page = site.pages[page_path]
    name = page.quiz_titles.get(bank_id) or page.title
    versions = version_problems(generated, count, generators)
    out_dir.mkdir(parents=True, exist_ok=True)
    printed = []
    texts = messages(site.language)
    server, base_url = serve_in_thread(site_dir)
    try:
        with Printer(base_url, paper, running(site.course_title, site.disclaimer, texts)) as printer:
            for number, problems in enumerate(versions, 1):
                files = []
                for handout in version_handouts(bank_id, name, page_path, number, count, texts):
                    label = texts.format(f"handouts.version.{handout.mode}", number=number, count=count)
                    put = {"quiz": bank_id, "problems": problems, "version": number, "label": label}
                    pdf = _print(printer, site, handout, put, texts)
                    (out_dir / handout.filename).write_bytes(pdf)
                    log(f"{out_dir / handout.filename}: {pdf_files.page_count(pdf)} pages")
                    files.append(out_dir / handout.filename)
                printed.append(Printed(number, files[0], files[1]))
    finally:
        server.shutdown()
        server.server_close()
    return printed


def version_handouts(bank_id: str, name: str, page: str, number: int, count: int, texts: Messages) -> list[Handout]:
    """Version ``number``'s worksheet and answer key of quiz ``bank_id`` (shown on ``page``)."""
    group = texts["handouts.group.quizzes"]
    stem = f"quiz-{bank_id}-v{number}"
    return [
        Handout(
            f"{stem}-{suffix}.pdf",
            texts.format(f"handouts.version.{mode}.title", name=name, number=number, count=count),
            mode,
            page,
            group,
            mode,
            bank_id,
        )
        for mode, suffix in ((WORKSHEET, "worksheet"), (KEY, "answer-key"))
    ]


def _print(printer: Printer, site: SiteInfo, handout: Handout, put: dict, texts: Messages) -> bytes:
    """Open the quiz's page, put the version's problems in, prepare it for paper, print it."""
    printer.open(handout.page)
    printer.run(PUT_VERSION, put)
    printer.run(page_script.PREPARE, page_script.prepare_args(site, handout, texts))
    return pdf_files.finish(printer.pdf(), handout.title, site.course_title, site.language)
