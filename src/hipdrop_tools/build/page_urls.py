"""Addresses of the build at hand, from MkDocs's own mapping of source files to URLs.

The web build uses directory URLs (``lessons/dosing/``); the classroom bundle's build, with
Material's offline plugin, does not (``lessons/dosing.html``). So no address is ever formatted by
hand: the plugin records every ``File.url`` of the build (``on_files``) under ``CONFIG_KEY`` in
``config.extra``, and macros ask ``PageUrls.url(docs_path, page.url)`` for a link relative to the
page being rendered (``mkdocs.utils.get_relative_url``).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

CONFIG_KEY = "hipdrop_urls"  # config.extra entry, filled by the hipdrop plugin (on_files)


class UnknownPage(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class PageUrls:
    """``by_source``: docs-relative source path (``lessons/x.md``) -> the build's URL for it."""

    by_source: Mapping[str, str]
    pages: tuple[str, ...] = ()  # the URL of every page (Markdown source) of the build

    @classmethod
    def from_files(cls, files: Iterable[File]) -> "PageUrls":
        files = list(files)
        pages = tuple(file.url for file in files if file.is_documentation_page())
        return cls({file.src_uri: file.url for file in files}, pages)

    def site_url(self, docs_path: str) -> str:
        """'lessons/x.md#part' -> the site-relative URL of that page plus '#part'.
        Raises UnknownPage when this build has no such file."""
        path, _, anchor = docs_path.partition("#")
        if path not in self.by_source:
            raise UnknownPage(f"no file docs/{path} in this build")
        return self.by_source[path] + (f"#{anchor}" if anchor else "")

    def url(self, docs_path: str, from_url: str) -> str:
        """'lessons/x.md#part' as a link from the page whose URL is ``from_url``."""
        target, _, anchor = self.site_url(docs_path).partition("#")
        return get_relative_url(target, from_url) + (f"#{anchor}" if anchor else "")


def public_page_url(docs_path: str) -> str:
    """'lessons/x.md#part' -> its address on the public web build (directory URLs:
    'lessons/x/#part'), as MkDocs maps it; for files that leave the site (Moodle exports)."""
    path, _, anchor = docs_path.partition("#")
    url = File(path, src_dir=None, dest_dir="", use_directory_urls=True).url
    return ("" if url == "./" else url) + (f"#{anchor}" if anchor else "")


def from_config(config) -> PageUrls:
    """The build's PageUrls, as the plugin recorded them (config: MkDocs's)."""
    urls = config["extra"].get(CONFIG_KEY)
    if urls is None:
        raise RuntimeError(f"config.extra.{CONFIG_KEY} is missing: the hipdrop plugin must be in mkdocs.yml's plugins")
    return urls
