"""``hipdrop verify``: check a built site folder and list every problem, with the file."""

from pathlib import Path

from hipdrop_tools.verify import verify_site

NAME = "verify"
HELP = (
    "check a built site: widget pages name the engine and Pyodide and those files exist, the bridge "
    "script is loaded, every page has its Content-Security-Policy, the manifest and the service "
    "worker's pages exist; list every problem with its file"
)


def add_arguments(parser) -> None:
    parser.add_argument(
        "site",
        type=Path,
        nargs="?",
        default=None,
        metavar="SITE_DIR",
        help="the built site folder (default: site/ in the project)",
    )


def run(args, project) -> int:
    site_dir = args.site if args.site is not None else project.root / "site"
    report = verify_site(site_dir)  # raises SiteError (a DataError), reported by the CLI with exit code 1
    print(f"ok: {site_dir}: {report.summary()}")
    return 0
