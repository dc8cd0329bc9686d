"""``hipdrop export``: every quiz bank as GIFT or Moodle XML (the two formats Moodle imports), or
as IMS QTI packages (2.1 and 1.2, for Canvas, Blackboard and other platforms)."""

import sys
from pathlib import Path

from hipdrop_tools.course.config import course_short_name, worksheet_versions
from hipdrop_tools.course.quizzes import load_banks
from hipdrop_tools.lms.export import FORMATS, export_all

NAME = "export"
HELP = "export every quiz bank as GIFT or Moodle XML (Moodle), or as QTI 2.1 and 1.2 packages (Canvas, Blackboard)"


def add_arguments(parser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="gift, moodle-xml or qti (writes <bank>.qti21.zip and <bank>.qti12.zip)",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write the files into")
    parser.add_argument(
        "--base-url",
        default="",
        metavar="URL",
        help="the course's public address, to turn lesson links into full links",
    )
    parser.add_argument(
        "--versions",
        type=int,
        default=None,
        metavar="N",
        help="versions of each generated numeric question (default: the plugin's handouts.worksheet_versions, or 3)",
    )


def run(args, project) -> int:
    banks = load_banks(project)  # raises DataError: reported with every problem, exit code 1
    versions = args.versions if args.versions is not None else worksheet_versions(project.root)
    if versions < 1:
        print(f"hipdrop export: --versions must be 1 or more, not {versions}", file=sys.stderr)
        return 2
    files, warnings = export_all(banks, args.format, args.base_url, course_short_name(project.root), versions)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        if isinstance(text, bytes):
            (args.out / name).write_bytes(text)
        else:
            (args.out / name).write_text(text, encoding="utf-8")
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {len(files)} {args.format} file(s) to {args.out}")
    return 0
