"""The plugin's settings (``plugins: - hipdrop: {...}`` in mkdocs.yml), every one with its default.

MkDocs validates them: a misspelt option or a value of the wrong type stops a ``--strict`` build
with a message naming the option. The documented list is in README.md ("The plugin's options").
"""

from mkdocs.config import base
from mkdocs.config import config_options as c

from hipdrop_tools.lms.scorm import mastery_score_problem


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
    # The browser's and the installed app's theme colour.
    theme_color = c.Type(str, default="#3f51b5")
    # Installed course packs to enable, by entry-point name or `module:attribute` (the course's own
    # pack is its macros folder and needs no entry here).
    packs = c.ListOfItems(c.Type(str), default=[])
    scorm = c.SubConfig(ScormConfig)
