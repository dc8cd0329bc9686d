"""The one MkDocs build hook: adds our assets, the Pyodide runtime and the engine wheel to the
site, and gives every page its Content-Security-Policy. The work is done in ``hipdrop_tools``.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from hipdrop_tools import css_bundle, csp, instant_nav, offline, offline_build, offline_control, page_urls, qr, scorm, site_files
from hipdrop_tools.project import Project

WIDGET_MARKER = "data-hipdrop-widget="
# Teaching and offline use: pages that get presentation mode; the classic script that tells a
# reader of the classroom bundle, opened from disk, that the launcher turns the widgets on.
PRESENT_SECTIONS = ("lessons/", "final-quiz.md")
FILE_NOTICE_SCRIPT = site_files.ASSETS_DIR + "/js/file-notice.js"
log = logging.getLogger("mkdocs.hooks.hipdrop")
# `mkdocs serve` rebuilds on every edit: there the offline cache would show stale pages, so the
# pages ask offline.js to remove it instead, and no service worker is written.
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def _offline_plugin_enabled(config) -> bool:
    plugin = next((p for name, p in config.plugins.items() if name.split("/")[-1] == "offline"), None)
    return bool(plugin is not None and plugin.config.enabled)


def on_config(config):
    config.extra["hipdrop_project_root"] = str(Path(config.config_file_path).parent)
    if not config.site_url:
        # INFO, not WARNING: builds run with --strict and the default course has no site_url.
        log.info("hipdrop: no site_url in mkdocs.yml, so pages get no QR code; set site_url to the public address to add them")
    if _offline_plugin_enabled(config):
        # The offline plugin would load its file:// search shim from a CDN: use the vendored copy.
        polyfills = config.extra.get("polyfills") or []
        config.extra["polyfills"] = [p for p in polyfills if "iframe-worker" not in str(p)]
        config.extra["polyfills"].append(site_files.IFRAME_WORKER_SHIM)
        config.extra_javascript.append(FILE_NOTICE_SCRIPT)
        config.extra_javascript.append(f"{site_files.ASSETS_DIR}/{offline_build.MODULE_LOADER}")
    # Our stylesheets, one file for the page to wait for (hipdrop_tools.css_bundle).
    config.extra[css_bundle.CONFIG_KEY] = css_bundle.our_stylesheets(config.extra_css)
    config.extra_css = css_bundle.linked_stylesheets(config.extra_css)
    if scorm.is_scorm_build():  # `hipdrop scorm`: no service worker, the page script for the adapter
        config.extra_javascript = scorm.scorm_javascript(config.extra_javascript, site_files.ASSETS_DIR)
    return config


def on_files(files, config):
    project = Project(root=Path(config.extra["hipdrop_project_root"]))
    try:
        extra = site_files.asset_files(project) + site_files.pyodide_files(project)
    except site_files.MissingRuntime as error:
        raise PluginError(str(error)) from error
    wheel_file, _ = site_files.engine_wheel(project)
    extra.append(wheel_file)
    try:
        css = css_bundle.bundle_files(project.site_assets_dir, config.extra[css_bundle.CONFIG_KEY])
    except css_bundle.CssBundleError as error:
        raise PluginError(str(error)) from error
    extra.append(site_files.SiteFile(dest=css_bundle.BUNDLE, content=css.encode()))
    extra += site_files.quiz_export_files(project, config.site_url or "")
    extra += site_files.root_files(config.site_name, "Hip Drop", config.site_description or config.site_name)
    if _offline_plugin_enabled(config):
        try:
            extra.append(site_files.iframe_worker_shim(project))
        except site_files.MissingRuntime as error:
            raise PluginError(str(error)) from error
    config.extra["hipdrop_engine_url"] = wheel_file.dest
    config.extra[offline_control.CONFIG_KEY] = offline_control.runtime_size(extra)  # "Keep ... offline"
    for item in extra:
        if item.source is not None:
            files.append(File.generated(config, item.dest, abs_src_path=str(item.source)))
        else:
            files.append(File.generated(config, item.dest, content=item.content))
    # Every link our macros write goes through the build's own URL mapping (page_urls).
    config.extra[page_urls.CONFIG_KEY] = page_urls.PageUrls.from_files(files)
    return files


def on_post_page(output, page, config):
    if WIDGET_MARKER in output:
        engine = get_relative_url(config.extra["hipdrop_engine_url"], page.url)
        pyodide = get_relative_url(site_files.PYODIDE_DIR + "/", page.url)
        metas = (
            f'<meta name="hipdrop-engine" content="{engine}">'
            f'<meta name="hipdrop-pyodide" content="{pyodide}">'
        )
        output = output.replace("</head>", metas + "</head>", 1)
    output = _teaching_and_offline(output, page, config)
    if _offline_plugin_enabled(config):
        return csp.with_csp_meta(offline_build.defer_module_scripts(output), inline_scripts=True)
    return csp.with_csp_meta(output)


def _teaching_and_offline(output, page, config):
    """The web app manifest, presentation mode on lessons, the page's QR code, and widget data
    that survives instant navigation."""
    head = f'<link rel="manifest" href="{get_relative_url(offline.MANIFEST, page.url)}">'
    head += f'<meta name="theme-color" content="{offline.THEME_COLOR}">'
    if page.file.src_uri.startswith(PRESENT_SECTIONS):
        head += '<meta name="hipdrop-present" content="on">'
    if _serving:
        head += '<meta name="hipdrop-offline" content="off">'
    output = output.replace("</head>", head + "</head>", 1)
    if config.site_url:
        figure = qr.qr_figure(qr.page_address(config.site_url, page.file.src_uri))
        output = output.replace("</article>", figure + "</article>", 1)
    return instant_nav.wrap_widget_data(output)


def on_post_template(output_content, template_name, config):
    """Static theme pages (404.html) get the same policy; MkDocs never runs on_post_page on them."""
    if template_name.endswith(".html"):
        return csp.with_csp_meta(output_content)
    return output_content


@event_priority(-200)  # after every plugin's on_post_build (the offline plugin's runs at -100)
def on_post_build(config):
    if _serving:
        return
    project = Project(root=Path(config.extra["hipdrop_project_root"]))
    if scorm.is_scorm_build():  # a platform's pages get no service worker: the launch page and manifest instead
        _write_scorm_files(project, config)
        return
    template = (project.site_assets_dir / offline.TEMPLATE_NAME).read_text(encoding="utf-8")
    pages = list(page_urls.from_config(config).pages)  # the sitemap the worker answers with
    offline.write_service_worker(Path(config.site_dir), template, pages)


def _write_scorm_files(project, config):
    from hipdrop_tools.quizzes import load_banks

    try:
        settings = scorm.settings(config.extra, set(load_banks(project)))
    except scorm.ScormError as error:
        raise PluginError(str(error)) from error
    scorm.write_launch_files(Path(config.site_dir), config.site_name, settings, site_files.ASSETS_DIR, scorm.build_version())
