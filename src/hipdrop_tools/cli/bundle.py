"""``hipdrop bundle``: the classroom bundle, the whole course in one zip that works with no network."""

import sys
from pathlib import Path

from hipdrop_tools.offline.bundle import BundleError, write_bundle

NAME = "bundle"
HELP = (
    "write dist/<course>-course-<version>.zip (from the short name): the offline course and a one-file "
    "launcher (serve.py)"
)


def add_arguments(parser) -> None:
    parser.add_argument(
        "--out", type=Path, default=None, metavar="DIR", help="folder for the zip (default: dist/ in the project)"
    )
    parser.add_argument("--version", default=None, help="version in the file name (default: the engine's)")


def run(args, project) -> int:
    try:
        bundle = write_bundle(project, args.out or project.root / "dist", args.version)
    except BundleError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {bundle.path} ({bundle.files} files)")
    return 0
