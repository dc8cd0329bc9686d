"""The generator's fixes to Material's templates, for every course (``src/hipdrop_tools/overrides/``).

MkDocs looks a template up in ``theme.dirs`` in order: the course's ``custom_dir`` first, then the
theme's own folders. The generator's folder goes right after the course's ``custom_dir`` (or first
when there is none), so a course can still override any template, and every course gets the fixes
(the storage-safe helpers, the search dialog's name, labelled scroll regions) without copying them.
"""

from hipdrop_tools.course.project import THEME_OVERRIDES_DIR


def add_to(theme) -> None:
    """Put the generator's overrides into ``theme.dirs`` (once) before the theme's own folders."""
    folder = str(THEME_OVERRIDES_DIR)
    if folder in theme.dirs:
        return
    position = 1 if theme.custom_dir else 0
    theme.dirs.insert(position, folder)


# Material's own favicon (its logo), the theme's default for ``theme.favicon``.
MATERIAL_FAVICON = "assets/images/favicon.png"


def use_course_icon(theme, icon: str) -> None:
    """The pages' ``<link rel="icon">`` shows the course's app icon (``icon``, a site path), unless
    the course names a favicon of its own in ``theme.favicon``."""
    if theme.get("favicon") in (None, MATERIAL_FAVICON):
        theme["favicon"] = icon
