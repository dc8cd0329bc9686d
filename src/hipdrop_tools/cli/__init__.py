"""The ``hipdrop`` command: one subcommand per module in this package.

Each subcommand module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, project) -> int``. Add a module to ``COMMANDS`` to add a subcommand.
"""

import argparse
import sys
from pathlib import Path

from hipdrop_tools.errors import DataError
from hipdrop_tools.project import Project

from . import bundle, check, export, handouts, lab, pick, scorm

COMMANDS = (check, pick, lab, handouts, export, bundle, scorm)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hipdrop", description="Hip Drop course tools.")
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: the current folder)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command_parser = sub.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    project = Project(root=args.root.resolve())
    try:
        return args.run(args, project)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
