"""``hipdrop handouts``: print the built site's handouts to PDF into <site>/handouts/."""

import sys
from pathlib import Path

from hipdrop_tools.course.project import CORE_ASSETS_DIR, Project
from hipdrop_tools.handouts import HandoutError, build_handouts
from hipdrop_tools.handouts.templates import PAPER
from hipdrop_tools.offline import service_worker as offline

NAME = "handouts"
HELP = "print the built site's lessons, exercises, quizzes and program template to PDF (Chromium)"


def add_arguments(parser) -> None:
    parser.add_argument("--paper", choices=sorted(PAPER), default="a4", help="paper size (default: a4)")
    parser.add_argument("--site", type=Path, default=None, help="the built site folder (default: site/ in the project)")


def run(args, project: Project) -> int:
    site_dir = (args.site or project.root / "site").resolve()
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here; run `mkdocs build` first", file=sys.stderr)
        return 1
    template = CORE_ASSETS_DIR / offline.TEMPLATE_NAME
    try:
        result = build_handouts(
            site_dir,
            args.paper,
            service_worker_template=template if template.is_file() else None,
            cache_dir=project.cache_dir / "precompress",
        )
    except (HandoutError, FileNotFoundError) as error:
        print(f"hipdrop handouts: {error}", file=sys.stderr)
        return 1
    total = sum(i.size for i in result.listed)
    print(
        f"{len(result.listed)} PDFs in {result.out_dir} ({total // 1024} KB); "
        f"Handouts page {'updated' if result.handouts_page else 'not found'}; "
        f"{result.linked_pages} pages link to their PDF"
    )
    return 0
