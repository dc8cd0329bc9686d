"""``hipdrop pick``: build a program (or a referral) from a file of answers, with the page's engine.

For clinicians and tests. The answers file is JSON with the fields of
``hipdrop_course.engine.picker.answers.Answers``; bad answers exit with status 1 and the same messages the page
shows, every problem listed.
"""

import json
import sys
from pathlib import Path

from ..catalog import load_catalog
from ..engine.picker import AnswersError, answers_from_dict, pick
from ..engine.picker.render import render, render_text

NAME = "pick"
HELP = "build an exercise program from a JSON file of answers (json, text or html)"


def add_arguments(parser) -> None:
    parser.add_argument("--answers", type=Path, required=True, metavar="FILE.json", help="the reader's answers as JSON")
    parser.add_argument(
        "--format", choices=("json", "text", "html"), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--base-url", default="", help="site root as seen from the HTML, for the exercises' figures (html only)"
    )


def _read_answers(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswersError([f"no such file: {path}"]) from None
    except UnicodeDecodeError as error:
        raise AnswersError([f"not UTF-8 text ({error.reason} at byte {error.start})"]) from None
    except OSError as error:
        raise AnswersError([f"cannot be read: {error.strerror or error}"]) from None
    except json.JSONDecodeError as error:
        raise AnswersError([f"not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}"]) from None


def run(args, project) -> int:
    try:
        answers = answers_from_dict(_read_answers(args.answers))
    except AnswersError as error:
        print(f"{args.answers}: {error}", file=sys.stderr)
        return 1
    outcome = pick(answers, load_catalog(project))
    if args.format == "json":
        print(json.dumps(outcome.to_dict(), indent=2, ensure_ascii=False))
    elif args.format == "html":
        print(render(outcome, args.base_url))
    else:
        print(render_text(outcome), end="")
    return 0
