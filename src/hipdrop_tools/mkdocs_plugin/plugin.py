"""The ``hipdrop`` MkDocs plugin: the one adapter between MkDocs and the hipdrop tools.

One job per event; the work is done in plain functions of ``hipdrop_tools`` (site files, CSP,
QR codes, service worker, SCORM), which a ``hipdrop`` command can also run on a built site.

- ``on_startup``: notes whether this is ``mkdocs serve`` (no service worker there).
- ``on_config``: the course (``Project``) and its packs; their stylesheets and scripts; the macros;
  Material's web fonts off (they would come from Google Fonts).
- ``on_serve``: the quizzes folder and the packs' data folders are watched too.
- ``on_files``: the assets, the Pyodide runtime, the engine wheel, the quiz exports, the manifest,
  the packs' generated files.
- ``on_page_markdown``: the macros (``{{ quiz("bank-id") }}`` and the packs' own).
- ``on_page_content``: the engine's semantic class names as Material's (``material.py``).
- ``on_post_page`` / ``on_post_template``: the engine's address, the manifest link, presentation
  mode, the QR code, and every page's Content-Security-Policy.
- ``on_post_build``: the service worker (or the SCORM launch files).
"""

import logging
import os
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from hipdrop_tools.build import (
    csp,
    css_bundle,
    image_sizes,
    instant_nav,
    messages_html,
    page_urls,
    present_slot,
    qr,
    site_files,
)
from hipdrop_tools.course.course_package import course_packs
from hipdrop_tools.course.errors import DataError, HipdropError
from hipdrop_tools.course.packs import Pack, UnknownPack
from hipdrop_tools.course.project import CORE_ASSETS_DIR, Project
from hipdrop_tools.lms import scorm
from hipdrop_tools.mkdocs_plugin import macros, theme_overrides
from hipdrop_tools.mkdocs_plugin.config import (
    DEFAULT_MACROS,
    DEFAULT_SITE_ASSETS,
    HipdropConfig,
    OptionError,
    handout_options,
)
from hipdrop_tools.mkdocs_plugin.material import WebFontChosen, material_classes, self_hosted_fonts
from hipdrop_tools.offline import file_pages as offline_build
from hipdrop_tools.offline import keep_control as offline_control
from hipdrop_tools.offline import precompress
from hipdrop_tools.offline import service_worker as offline
from hipdrop_tools.pyodide.lock import LockError

WIDGET_MARKER = "data-hipdrop-widget="
FILE_NOTICE_SCRIPT = site_files.ASSETS_DIR + "/js/file-notice.js"
log = logging.getLogger("mkdocs.plugins.hipdrop")


class HipdropPlugin(BasePlugin[HipdropConfig]):
    def __init__(self) -> None:
        # `mkdocs serve` rebuilds on every edit: there the offline cache would show stale pages, so
        # the pages ask offline.js to remove it instead, and no service worker is written.
        self.serving = False
        self.packs: tuple[Pack, ...] = ()
        # Set by on_config and on_files, which MkDocs runs before the events that read them.
        self.project: Project
        self.macros: macros.Macros
        self.urls: page_urls.PageUrls
        self.engine_url = ""  # the engine's pyodide-lock.json, in the site
        self.css_sources: list[str] = []
        self.runtime_bytes = 0
        # The quiz exports of the last build and what they were made from: `mkdocs serve` keeps this
        # plugin between rebuilds, and a lesson edit changes no bank.
        self.exports: tuple[tuple, list[site_files.SiteFile]] | None = None
        self.sources: dict[str, Path] = {}  # site path -> source file, for the pictures' sizes

    def on_startup(self, *, command, dirty) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path).parent
        self.project = Project(
            root=root,
            quizzes=self.config.quizzes,
            docs=os.path.relpath(config.docs_dir, root),
            pyodide=Path(self.config.pyodide) if self.config.pyodide else None,
            packs=tuple(self.config.packs),
            language=messages_html.site_language(config),
            macros=self.config.macros,
            site_assets=self.config.site_assets,
            cache=self.config.cache_dir,
            final_quiz=self.config.scorm.final_quiz,
        )
        self._check_course_folders()
        try:  # checked here, though only `hipdrop handouts` uses it: a wrong folder stops the build
            handout_options(self.config, Path(config.docs_dir), "course")
        except OptionError as error:
            raise PluginError(error.report()) from None
        if self.config.handouts.worksheet_versions < 1:
            raise PluginError(
                "mkdocs.yml: plugins.hipdrop.handouts.worksheet_versions: must be 1 or more, "
                f"got {self.config.handouts.worksheet_versions}"
            )
        try:
            self.packs = course_packs(self.project)
        except UnknownPack as error:
            raise PluginError(f"mkdocs.yml: plugins.hipdrop.packs: {error}") from None
        except HipdropError as error:
            raise PluginError(error.report()) from None
        theme_overrides.add_to(config.theme)
        theme_overrides.use_course_icon(config.theme, site_files.FAVICON)
        try:
            if self_hosted_fonts(config.theme):
                log.info(
                    "hipdrop: theme.font set to false: Material's default fonts come from Google Fonts, "
                    "and a course loads nothing from another site (pages use the system fonts)"
                )
        except WebFontChosen as error:
            raise PluginError(f"mkdocs.yml: {error}") from None
        if not config.site_url:
            # INFO, not WARNING: builds run with --strict and a course may have no site_url.
            log.info(
                "hipdrop: no site_url in mkdocs.yml, so pages get no QR code; set site_url to the public address "
                "to add them"
            )
        self._add_page_assets(config)
        if _offline_plugin_enabled(config):
            # The offline plugin would load its file:// search shim from a CDN: use the vendored copy.
            polyfills = config.extra.get("polyfills") or []
            config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in str(p)]
            config.extra["polyfills"].append(site_files.IFRAME_WORKER_SHIM)
            config.extra_javascript.append(FILE_NOTICE_SCRIPT)
            config.extra_javascript.append(f"{site_files.ASSETS_DIR}/{offline_build.MODULE_LOADER}")
        if scorm.is_scorm_build():  # `hipdrop scorm`: no service worker, the page script for the adapter
            config.extra_javascript = scorm.scorm_javascript(config.extra_javascript, site_files.ASSETS_DIR)
        try:
            self.macros = macros.Macros.load(self.packs, self.project)
        except DataError as error:
            raise PluginError(error.report()) from None
        return config

    def _check_course_folders(self) -> None:
        """A folder the author named must exist; the defaults (``macros``, ``site_assets``) may not."""
        named = (
            ("macros", self.config.macros, DEFAULT_MACROS, self.project.macros_dir),
            ("site_assets", self.config.site_assets, DEFAULT_SITE_ASSETS, self.project.site_assets_dir),
        )
        for option, value, default, folder in named:
            if value != default and not folder.is_dir():
                raise PluginError(f"mkdocs.yml: plugins.hipdrop.{option}: no folder '{value}' next to mkdocs.yml")

    def _add_page_assets(self, config) -> None:
        """The core's and the packs' stylesheets and scripts, before the course's own."""
        css = [path for pack in self.packs for path in pack.extra_css]
        css += [path for pack in self.packs for path in pack.late_css]
        # One stylesheet for the page to wait for: the sources joined in on_files (css_bundle).
        self.css_sources = [f"{site_files.ASSETS_DIR}/{path}" for path in css]
        config.extra_css[:0] = [css_bundle.BUNDLE]
        scripts = []
        for pack in self.packs:
            for path in pack.extra_javascript:
                script = ExtraScriptValue(f"{site_files.ASSETS_DIR}/{path}")
                if path in pack.module_javascript:
                    script.type = "module"
                else:
                    script.defer = True  # nothing of ours holds up the first paint
                scripts.append(script)
        config.extra_javascript[:0] = scripts

    def on_serve(self, server, config, builder):
        """`mkdocs serve` rebuilds when a quiz bank, the course's macros/ or site_assets/, or a pack's data
        file changes too."""
        if not self.config.enabled:
            return server
        for folder in self._data_dirs():
            server.watch(str(folder))
        return server

    def _data_dirs(self) -> list[Path]:
        """The quizzes folder, the course's own code and browser files, and every enabled pack's data
        folders that exist, each once."""
        folders = [self.project.quizzes_dir, self.project.macros_dir, self.project.site_assets_dir]
        folders += [self.project.root / name for pack in self.packs for name in pack.data_dirs]
        return [folder for folder in dict.fromkeys(folders) if folder.is_dir()]

    def on_files(self, files, config):
        if not self.config.enabled:
            return files
        try:
            python = site_files.python_files(self.project, self.packs)
            assets = site_files.asset_files(self.project, self.packs)
            extra = assets + python.files
            extra += site_files.qr_library_files()
            if _offline_plugin_enabled(config):
                extra.append(site_files.iframe_worker_shim(self.project))
        except (site_files.MissingRuntime, LockError) as error:
            raise PluginError(str(error)) from None
        try:
            css = css_bundle.bundle_site_files(extra, self.css_sources)
        except css_bundle.CssBundleError as error:
            raise PluginError(str(error)) from None
        extra.append(site_files.SiteFile(dest=css_bundle.BUNDLE, content=css.encode()))
        self.runtime_bytes = offline_control.runtime_size(extra)  # "Save this course for offline use"
        short_name = self.config.short_name or config.site_name
        extra += self._quiz_exports(config.site_url or "", short_name)
        description = config.site_description or config.site_name
        try:
            extra += site_files.root_files(config.site_name, short_name, description, self.config.theme_color, assets)
        except site_files.IconError as error:
            raise PluginError(error.report()) from None
        self.engine_url = python.lock.dest
        try:  # the packs' own generated files (drawings from their data): their addresses are new
            taken = {file.dest_uri for file in files} | {item.dest for item in extra}
            extra += site_files.pack_site_files(self.project, self.packs, taken)
        except HipdropError as error:
            raise PluginError(error.report()) from None
        for item in extra:
            if item.content is not None:
                files.append(File.generated(config, item.dest, content=item.content))
            else:
                files.append(File.generated(config, item.dest, abs_src_path=str(item.source)))
        self.sources = {f.dest_uri: Path(f.abs_src_path) for f in files if f.abs_src_path}
        # Every link our macros write goes through the build's own URL mapping (page_urls).
        self.urls = page_urls.PageUrls.from_files(files)
        config.extra[page_urls.CONFIG_KEY] = self.urls
        return files

    def _quiz_exports(self, site_url: str, short_name: str) -> list[site_files.SiteFile]:
        """The quiz banks for learning platforms, made again only when a bank file or the
        addresses they carry have changed."""
        banks = sorted(self.project.quizzes_dir.glob("*.yml"))
        versions = self.config.handouts.worksheet_versions
        files = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in banks)
        key = (site_url, short_name, versions, files)
        if self.exports is None or self.exports[0] != key:
            self.exports = (key, site_files.quiz_export_files(self.project, site_url, short_name, versions))
        return list(self.exports[1])

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        try:
            return self.macros.render(
                markdown, macros.MacroPage(page.url, page.file.src_uri, self.urls, self.runtime_bytes)
            )
        except macros.MacroFailure as error:
            raise PluginError(f"{self.project.docs}/{page.file.src_uri}: {error}") from None

    def on_page_content(self, html, page, config, files):
        if not self.config.enabled:
            return html
        return material_classes(html)

    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        if WIDGET_MARKER in output:
            engine = get_relative_url(self.engine_url, page.url)
            pyodide = get_relative_url(site_files.PYODIDE_DIR + "/", page.url)
            metas = (
                f'<meta name="hipdrop-engine-lock" content="{engine}"><meta name="hipdrop-pyodide" content="{pyodide}">'
            )
            output = output.replace("</head>", metas + "</head>", 1)
        output = self._teaching_and_offline(output, page, config)
        # Pictures keep their place before they load.
        output = image_sizes.with_image_heights(output, page.file.dest_uri, self.sources)
        output = messages_html.with_messages(output, config)  # the scripts' words, in the site's language
        if _offline_plugin_enabled(config):
            return csp.with_csp_meta(offline_build.defer_module_scripts(output), inline_scripts=True)
        # `mkdocs serve` injects its live-reload script inline into every page it sends: allowed
        # there (an author's own machine), never in a built site.
        return csp.with_csp_meta(output, inline_scripts=self.serving)

    def _teaching_and_offline(self, output, page, config):
        """The web app manifest, presentation mode on the chosen sections, the page's QR code, and
        widget data that survives instant navigation."""
        head = f'<link rel="manifest" href="{get_relative_url(offline.MANIFEST, page.url)}">'
        head += f'<meta name="theme-color" content="{self.config.theme_color}">'
        if page.file.src_uri.startswith(tuple(self.config.present)):
            head += '<meta name="hipdrop-present" content="on">'
            output = present_slot.with_slot(output)
        if self.serving or not self.config.offline:
            head += '<meta name="hipdrop-offline" content="off">'
        output = output.replace("</head>", head + "</head>", 1)
        if config.site_url:
            figure = qr.qr_figure(qr.page_address(config.site_url, page.file.src_uri))
            output = output.replace("</article>", figure + "</article>", 1)
        return instant_nav.wrap_widget_data(output)

    def on_post_template(self, output_content, template_name, config):
        """Static theme pages (404.html) get the same policy; MkDocs never runs on_post_page on them."""
        if not self.config.enabled:
            return output_content
        if template_name.endswith(".html"):
            return csp.with_csp_meta(messages_html.with_messages(output_content, config), inline_scripts=self.serving)
        return output_content

    @event_priority(-200)  # after every plugin's on_post_build (the offline plugin's runs at -100)
    def on_post_build(self, config):
        if not self.config.enabled:
            return
        if self.serving:
            return
        if scorm.is_scorm_build():  # a platform's pages get no service worker: the launch page and manifest
            self._write_scorm_files(config)
            return
        if self.config.offline:
            template = (CORE_ASSETS_DIR / offline.TEMPLATE_NAME).read_text(encoding="utf-8")
            offline.write_service_worker(Path(config.site_dir), template, list(self.urls.pages))
        # Last: every file is final now, the service worker included. A server sends these copies.
        if self.config.precompress:
            precompress.precompress_site(Path(config.site_dir), self.project.cache_dir / "precompress")

    def _write_scorm_files(self, config):
        from hipdrop_tools.course.quizzes import load_banks

        try:
            settings = scorm.settings({"scorm": dict(self.config.scorm)}, set(load_banks(self.project)))
        except scorm.ScormError as error:
            raise PluginError(str(error)) from None
        scorm.write_launch_files(
            Path(config.site_dir), config.site_name, settings, site_files.ASSETS_DIR, scorm.build_version()
        )


def _offline_plugin_enabled(config) -> bool:
    """Material's offline plugin (the classroom bundle's build: pages that work from disk)."""
    plugin = next((p for name, p in config.plugins.items() if name.split("/")[-1] == "offline"), None)
    return bool(plugin is not None and plugin.config.enabled)
