"""``hipdrop scorm``: the course as a SCORM 1.2 package for a learning platform's gradebook."""

import sys
from pathlib import Path

from hipdrop_tools.lms.scorm import ScormError, write_package

NAME = "scorm"
HELP = (
    "write dist/<course>-course-<version>-scorm12.zip (from the short name): the course as a SCORM 1.2 "
    "package (Moodle and others)"
)


def add_arguments(parser) -> None:
    parser.add_argument(
        "--out", type=Path, default=None, metavar="DIR", help="folder for the zip (default: dist/ in the project)"
    )
    parser.add_argument("--version", default=None, help="version in the file name and manifest (default: the engine's)")


def run(args, project) -> int:
    try:
        package = write_package(project, args.out or project.root / "dist", args.version)
    except ScormError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"wrote {package.path} ({package.files} files, {package.size / 1_000_000:.1f} MB)")
    return 0
