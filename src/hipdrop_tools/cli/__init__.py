"""The ``hipdrop`` command: the core's subcommands and those of the course's enabled packs.

Each subcommand module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args, project) -> int``; a pack lists its modules in ``Pack.commands``. The course (its
folder, ``--root``) names its packs in mkdocs.yml (``plugins: - hipdrop: {packs: [...]}``).

A user's mistake never ends in a traceback: bad data (``DataError``, every problem listed), a file
that cannot be read or written (``OSError``: one line naming the file and the reason) and a file
that is not text (``UnicodeDecodeError``) each give a message on stderr and exit status 1. Output
piped into a program that stops reading (``hipdrop pick ... | head``) ends quietly (status 141, as
a shell reports a broken pipe). Help texts are argparse format strings: a literal ``%`` is ``%%``.
"""

import argparse
import os
import sys
from pathlib import Path

import yaml

from hipdrop_tools.course.config import course_project
from hipdrop_tools.course.course_package import course_packs
from hipdrop_tools.course.errors import DataError, HipdropError
from hipdrop_tools.course.packs import UnknownPack, resolve
from hipdrop_tools.course.project import Project


def _root_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hipdrop", description="hipdrop course tools.", add_help=add_help)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: the current folder)")
    return parser


def commands(project: Project) -> list:
    """The core's subcommand modules, then the course's packs' (order: check first)."""
    return [resolve(name) for pack in course_packs(project) for name in pack.commands]


def build_parser(project: Project | None = None) -> argparse.ArgumentParser:
    parser = _root_parser()
    sub = parser.add_subparsers(dest="command", required=True)
    for command in commands(project or Project(root=Path.cwd())):
        command_parser = sub.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser


BROKEN_PIPE_STATUS = 128 + 13  # what a shell reports for a program stopped by SIGPIPE


def os_error_line(error: OSError) -> str:
    """'hipdrop: FILE: reason', from an OSError: the file and the system's reason, one line."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return f"hipdrop: {reason}"
    names = f"{error.filename}" + (f" -> {error.filename2}" if error.filename2 else "")
    return f"hipdrop: {names}: {reason}"


def _quiet_broken_pipe() -> int:
    """The reader of our output has gone: point stdout at nothing so that Python's own flush at
    exit does not fail again, and stop without a message."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return BROKEN_PIPE_STATUS


def main(argv: list[str] | None = None) -> int:
    known, _ = _root_parser(add_help=False).parse_known_args(argv)
    try:
        project = course_project(known.root.resolve())
        args = build_parser(project).parse_args(argv)
    except UnknownPack as error:
        print(f"hipdrop: mkdocs.yml: plugins.hipdrop.packs: {error}", file=sys.stderr)
        return 1
    except HipdropError as error:
        print(f"hipdrop: {error.report()}", file=sys.stderr)
        return 1
    except yaml.YAMLError as error:
        print(f"hipdrop: mkdocs.yml: not valid YAML: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    try:
        status = args.run(args, project)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return status
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except HipdropError as error:
        print(f"hipdrop: {error.report()}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as error:
        print(f"hipdrop: a file is not UTF-8 text ({error.reason} at byte {error.start})", file=sys.stderr)
        return 1
    except OSError as error:
        print(os_error_line(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
