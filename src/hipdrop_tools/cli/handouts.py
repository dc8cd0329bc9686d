"""``hipdrop handouts``: print the built site's handouts to PDF into <site>/handouts/.

What is printed comes from the course: the plugin's ``handouts`` option (its sections, the
booklet) and its packs' own handouts (``Pack.handouts``). Printing needs Playwright and pypdf, an
optional part of the package (``pip install 'hipdrop[handouts]'``), and Chromium; without them the
command says what to install.
"""

import importlib.util
import sys
from pathlib import Path

from hipdrop_tools.course.config import course_file_stem
from hipdrop_tools.course.course_package import course_packs
from hipdrop_tools.course.packs import resolve
from hipdrop_tools.course.project import CORE_ASSETS_DIR, Project
from hipdrop_tools.handouts.running import PAPER
from hipdrop_tools.mkdocs_plugin.config import course_config, handout_options
from hipdrop_tools.offline import service_worker as offline

NAME = "handouts"
HELP = "print the built site's pages, quizzes and the course's own handouts to PDF (Chromium)"
# The handouts extra (pyproject.toml): Playwright drives Chromium, pypdf finishes the PDFs.
EXTRA_MODULES = ("playwright", "pypdf")
MISSING_EXTRA = (
    "hipdrop handouts: printing needs {missing}, not installed here. Install the package's handouts "
    "extra: pip install 'hipdrop[handouts]' (and Chromium, for example: apt-get install chromium)"
)


def add_arguments(parser) -> None:
    parser.add_argument("--paper", choices=sorted(PAPER), default="a4", help="paper size (default: a4)")
    parser.add_argument("--site", type=Path, default=None, help="the built site folder (default: site/ in the project)")


def run(args, project: Project) -> int:
    site_dir = (args.site or project.root / "site").resolve()
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here; run `mkdocs build` first", file=sys.stderr)
        return 1
    missing = [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        print(MISSING_EXTRA.format(missing=" and ".join(missing)), file=sys.stderr)
        return 1
    from hipdrop_tools.handouts.run import HandoutError, build_handouts

    options = handout_options(course_config(project.root), project.docs_dir, course_file_stem(project.root))
    pack_handouts = tuple(resolve(pack.handouts) for pack in course_packs(project) if pack.handouts)
    template = CORE_ASSETS_DIR / offline.TEMPLATE_NAME
    try:
        result = build_handouts(
            site_dir,
            options,
            args.paper,
            service_worker_template=template if template.is_file() else None,
            cache_dir=project.cache_dir / "precompress",
            pack_handouts=pack_handouts,
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
