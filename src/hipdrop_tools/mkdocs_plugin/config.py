"""The plugin's settings (``plugins: - hipdrop: {...}`` in mkdocs.yml), every one with its default.

MkDocs validates them: a misspelt option or a value of the wrong type stops a ``--strict`` build
with a message naming the option. The documented list is in README.md ("The plugin's options").
"""

import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from hipdrop_tools.build.icons import BadColour, parse_colour
from hipdrop_tools.course.config import plugin_options
from hipdrop_tools.course.errors import HipdropError
from hipdrop_tools.handouts.plan import HandoutOptions, Section
from hipdrop_tools.lms.scorm import mastery_score_problem


class Colour(c.Type):
    """A colour written ``#rrggbb`` or ``#rgb`` (the default app icon is drawn in it)."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            parse_colour(text)
        except BadColour as error:
            raise base.ValidationError(str(error)) from None
        return text


class PassMark(c.Type):
    """A whole number from 0 to 100, checked when mkdocs.yml is read: a wrong one stops every build
    at once, naming the option, not only the SCORM build at its end."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        problem = mastery_score_problem(value)
        if problem:
            raise c.ValidationError(problem)
        return super().run_validation(value)


class ScormConfig(base.Config):
    # The SCORM 1.2 package (`hipdrop scorm`): the final quiz's percentage that passes, and that quiz.
    mastery_score = PassMark(default=80)
    final_quiz = c.Type(str, default="final")


class HandoutSectionConfig(base.Config):
    # A folder of the docs (`lessons/`) whose pages are each printed on their own (not its index).
    path = c.Type(str)
    # Its heading on the Handouts page and in the booklet's contents (`Lessons`).
    title = c.Type(str)
    # Each page's PDF is `<file_prefix>-<page>.pdf`; empty: the folder's name (`lessons-<page>.pdf`).
    file_prefix = c.Type(str, default="")


class HandoutsConfig(base.Config):
    # `hipdrop handouts`: the folders whose pages are printed one by one, in this order (none: only
    # the quizzes' worksheets and answer keys, and what the course's packs add).
    sections = c.ListOfItems(c.SubConfig(HandoutSectionConfig), default=[])
    # The booklet: every page of the sections in one PDF, `<course>-booklet.pdf`.
    booklet = c.Type(bool, default=True)
    # How many versions of each generated numeric question the worksheets print (`hipdrop
    # worksheets`) and the quiz exports carry (a Moodle category, a QTI selection): version n is the
    # same numbers on paper and on the platform. At least 1.
    worksheet_versions = c.Type(int, default=3)


# The course's own folders, relative to mkdocs.yml: when an option keeps its default, the folder may
# be missing (a course with no Python or browser files of its own); a folder the author names must exist.
DEFAULT_MACROS = "macros"
DEFAULT_SITE_ASSETS = "site_assets"


class HipdropConfig(base.Config):
    # Off: the plugin does nothing (a quick build of the pages alone).
    enabled = c.Type(bool, default=True)
    # The course's own Python (its pack: widgets' engines, macros, data loaders), relative to
    # mkdocs.yml, loaded by path; a missing folder is fine when it is the default.
    macros = c.Type(str, default=DEFAULT_MACROS)
    # The course's own browser files (widgets' JS, CSS, the app icon), copied under assets/hipdrop/.
    site_assets = c.Type(str, default=DEFAULT_SITE_ASSETS)
    # Where builds keep what they can reuse (the compiled standard library, compressed copies),
    # relative to mkdocs.yml; empty: the user's cache folder ($XDG_CACHE_HOME/hipdrop), shared by courses.
    cache_dir = c.Type(str, default="")
    # The folder of the quiz banks (`<bank-id>.yml`), relative to mkdocs.yml.
    quizzes = c.Type(str, default="quizzes")
    # Pages with presentation mode: docs paths or folder prefixes (`lessons/`, `final-quiz.md`).
    present = c.ListOfItems(c.Type(str), default=[])
    # A folder (relative to mkdocs.yml) with Pyodide's boot files; empty: the runtime the package brings.
    pyodide = c.Type(str, default="")
    # The service worker that keeps the course readable offline (off: no sw.js is written).
    offline = c.Type(bool, default=True)
    # The gzip and Brotli (quality 11) copies next to each file, that a server sends compressed
    # (off: a quicker build of a site that no server sends compressed, such as a build for a test).
    precompress = c.Type(bool, default=True)
    # The web app's short name (home screen); empty: site_name.
    short_name = c.Type(str, default="")
    # The browser's and the installed app's theme colour (#rrggbb), the default app icon's too.
    theme_color = Colour(default="#3f51b5")
    # Installed course packs to enable, by entry-point name or `module:attribute` (the course's own
    # pack is its macros folder and needs no entry here).
    packs = c.ListOfItems(c.Type(str), default=[])
    scorm = c.SubConfig(ScormConfig)
    handouts = c.SubConfig(HandoutsConfig)


class OptionError(HipdropError):
    """A plugin option in mkdocs.yml is wrong: the message names it (``plugins.hipdrop.<option>``)."""


def course_config(root: Path) -> HipdropConfig:
    """The plugin's options as ``root/mkdocs.yml`` gives them, validated as a build validates them
    (for the ``hipdrop`` command, which runs no build); a warning is an error, as under --strict."""
    config = HipdropConfig(config_file_path=str(root / "mkdocs.yml"))
    config.load_dict(plugin_options(root))
    failed, warnings = config.validate()
    problems = [f"mkdocs.yml: plugins.hipdrop.{name}: {error}" for name, error in [*failed, *warnings]]
    if problems:
        raise OptionError("\n".join(problems))
    return config


def handout_options(config: HipdropConfig, docs_dir: Path, file_stem: str) -> HandoutOptions:
    """The ``handouts`` option as ``hipdrop handouts`` uses it; each section must be a folder of
    ``docs_dir``. ``file_stem``: what the course's downloads are called (the booklet is
    ``<file_stem>-booklet.pdf``)."""
    sections, problems = [], []
    for number, section in enumerate(config.handouts.sections, 1):
        where = f"mkdocs.yml: plugins.hipdrop.handouts.sections: section {number}"
        folder = section.path.strip("/")
        if not folder:
            problems.append(f"{where}: path: names no folder (write the folder of the docs, as 'lessons/')")
        elif not (docs_dir / folder).is_dir():
            problems.append(f"{where}: path: no folder '{folder}/' in {docs_dir}")
        prefix = section.file_prefix or re.sub(r"[^a-z0-9]+", "-", folder.rsplit("/", 1)[-1].lower()).strip("-")
        sections.append(Section(path=f"{folder}/", title=section.title, file_prefix=prefix))
    if problems:
        raise OptionError("\n".join(problems))
    return HandoutOptions(tuple(sections), config.handouts.booklet, f"{file_stem}-booklet.pdf")
