"""The one MkDocs build hook: adds our assets, the Pyodide runtime and the engine wheel to the
site, and gives every page its Content-Security-Policy. The work is done in ``hipdrop_tools``.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from hipdrop_tools import csp, site_files
from hipdrop_tools.project import Project

WIDGET_MARKER = "data-hipdrop-widget="


def on_config(config):
    config.extra["hipdrop_project_root"] = str(Path(config.config_file_path).parent)
    return config


def on_files(files, config):
    project = Project(root=Path(config.extra["hipdrop_project_root"]))
    try:
        extra = site_files.asset_files(project) + site_files.pyodide_files(project)
    except site_files.MissingRuntime as error:
        raise PluginError(str(error)) from error
    wheel_file, _ = site_files.engine_wheel(project)
    extra.append(wheel_file)
    extra += site_files.quiz_export_files(project, config.site_url or "")
    config.extra["hipdrop_engine_url"] = wheel_file.dest
    for item in extra:
        if item.source is not None:
            files.append(File.generated(config, item.dest, abs_src_path=str(item.source)))
        else:
            files.append(File.generated(config, item.dest, content=item.content))
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
    return csp.with_csp_meta(output)
