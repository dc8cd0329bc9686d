"""``hipdrop worksheets``: one quiz's worksheet in N versions, each with its answer key, so that
neighbours in a class get different numbers (the quiz's generated numeric questions change from
version to version; the versions are those the platform exports carry)."""

import importlib.util
import sys
from pathlib import Path

from hipdrop_tools.cli.handouts import EXTRA_MODULES, MISSING_EXTRA
from hipdrop_tools.course.config import worksheet_versions
from hipdrop_tools.course.project import Project
from hipdrop_tools.course.quizzes import engine_bank, load_banks
from hipdrop_tools.handouts.running import PAPER

NAME = "worksheets"
HELP = "print one quiz's worksheet in N versions, each with its answer key (PDF, Chromium)"


def add_arguments(parser) -> None:
    parser.add_argument("--bank", required=True, metavar="ID", help="the quiz bank's id (quizzes/<ID>.yml)")
    parser.add_argument(
        "--versions",
        type=int,
        default=None,
        metavar="N",
        help="how many versions (default: the plugin's handouts.worksheet_versions, or 3)",
    )
    parser.add_argument("--paper", choices=sorted(PAPER), default="a4", help="paper size (default: a4)")
    parser.add_argument("--site", type=Path, default=None, help="the built site folder (default: site/ in the project)")
    parser.add_argument(
        "--out", type=Path, default=None, metavar="DIR", help="where to write the PDFs (default: dist/worksheets/)"
    )


def run(args, project: Project) -> int:
    versions = args.versions if args.versions is not None else worksheet_versions(project.root)
    if versions < 1:
        print(f"hipdrop worksheets: --versions must be 1 or more, not {versions}", file=sys.stderr)
        return 2
    banks = load_banks(project)  # raises DataError: reported with every problem, exit code 1
    if args.bank not in banks:
        known = ", ".join(sorted(banks)) or "none"
        print(f"hipdrop worksheets: no quiz bank '{args.bank}' (known: {known})", file=sys.stderr)
        return 1
    site_dir = (args.site or project.root / "site").resolve()
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here; run `mkdocs build` first", file=sys.stderr)
        return 1
    missing = [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if missing:  # printing is the handouts extra's (Playwright, pypdf)
        print(
            MISSING_EXTRA.format(missing=" and ".join(missing)).replace("hipdrop handouts", "hipdrop worksheets", 1),
            file=sys.stderr,
        )
        return 1
    from hipdrop_tools.handouts.worksheet_versions import WorksheetError, print_versions

    bank = banks[args.bank]
    out_dir = (args.out or project.root / "dist" / "worksheets").resolve()
    try:
        printed = print_versions(
            site_dir,
            args.bank,
            engine_bank(bank, lambda link: link).questions,
            bank.generators,
            versions,
            out_dir,
            args.paper,
        )
    except (WorksheetError, FileNotFoundError) as error:
        print(f"hipdrop worksheets: {error}", file=sys.stderr)
        return 1
    print(f"{len(printed)} versions of quiz '{args.bank}' in {out_dir}: a worksheet and an answer key each")
    return 0
