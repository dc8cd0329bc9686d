"""``hipdrop handouts``: print every handout of a built site and tell the site about them."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hipdrop.messages import messages
from hipdrop_tools.build.site_files import ASSETS_DIR
from hipdrop_tools.course.errors import HipdropError
from hipdrop_tools.handouts import booklet, listing, page_script, pdf_files
from hipdrop_tools.handouts.plan import BOOKLET, Handout, HandoutOptions, make_plan
from hipdrop_tools.handouts.printer import Printer
from hipdrop_tools.handouts.running import running
from hipdrop_tools.handouts.site_pages import SiteInfo, read_site
from hipdrop_tools.offline import precompress
from hipdrop_tools.offline import service_worker as offline
from hipdrop_tools.offline.serve import serve_in_thread

# A pack's handouts: the built site -> its own Handouts (``Pack.handouts``).
PackHandouts = Callable[[SiteInfo], list[Handout]]


class HandoutError(HipdropError):
    """A handout could not be printed; the message names the file and the page."""


@dataclass(frozen=True)
class Result:
    out_dir: Path
    listed: list[listing.Listed]
    handouts_page: bool
    linked_pages: int


def build_handouts(
    site_dir: Path,
    options: HandoutOptions,
    paper: str = "a4",
    log: Callable[[str], None] = print,
    service_worker_template: Path | None = None,
    cache_dir: Path | None = None,
    pack_handouts: tuple[PackHandouts, ...] = (),
) -> Result:
    """Print every handout into <site>/handouts/ and tell the site about them. With the service
    worker's template, the worker is written again so its precache and version include the PDFs
    and the pages changed here (the build wrote it before the handouts existed)."""
    site_dir = Path(site_dir)
    site = read_site(site_dir)
    texts = messages(site.language)
    plan = make_plan(site, options, texts, [h for handouts in pack_handouts for h in handouts(site)])
    out_dir = site_dir / listing.HANDOUTS_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = {h.filename for h in plan}
    for old in out_dir.glob("*.pdf"):  # a page that no longer exists loses its PDF
        if old.name not in wanted:
            old.unlink()
    server, base_url = serve_in_thread(site_dir)
    try:
        with Printer(base_url, paper, running(site.course_title, site.disclaimer, texts)) as printer:
            for handout in plan:
                try:
                    if handout.kind == BOOKLET:
                        raw = booklet.print_booklet(printer, site, handout, options.sections, texts)
                    else:
                        script = f"{base_url}{ASSETS_DIR}/{handout.script}" if handout.script else None
                        raw = printer.print_page(handout.page, page_script.prepare_args(site, handout, texts, script))
                except Exception as error:  # Playwright's errors, a page without its quiz...
                    where = f"page /{handout.page}" if handout.kind != BOOKLET else "the booklet"
                    raise HandoutError(f"handouts/{handout.filename} ({where}): {error}") from error
                pdf = pdf_files.finish(raw, handout.title, site.course_title, site.language)
                (out_dir / handout.filename).write_bytes(pdf)
                log(f"handouts/{handout.filename}: {pdf_files.page_count(pdf)} pages")
    finally:
        server.shutdown()
        server.server_close()
    listed = listing.collect(out_dir, plan)
    listing.write_manifest(out_dir, listed, paper)
    page = listing.write_handouts_page(site_dir, listed, site, paper, texts)
    linked = listing.link_pages(site_dir, listed, paper, texts)
    listing.update_search_index(site_dir, listed, texts)
    if service_worker_template is not None and (site_dir / offline.SERVICE_WORKER).is_file():
        offline.write_service_worker(site_dir, service_worker_template.read_text(encoding="utf-8"))
    precompress.precompress_site(site_dir, cache_dir)  # the pages changed here
    return Result(out_dir=out_dir, listed=listed, handouts_page=page, linked_pages=linked)
