"""The pages' macros: ``{{ quiz("bank-id") }}`` and the enabled packs' own, rendered by Jinja.

Each pack's ``macros`` factory is called once per build with the course (``Project``) and returns
``{name: macro}``; a macro is called as ``macro(page, *args)`` with the ``MacroPage`` at hand.
Undefined names stop the build (``StrictUndefined``), and so does any error in a macro, with one
line naming the page and the macro. ``{{ "{{" }}`` writes a literal ``{{``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import jinja2

from hipdrop_tools.build.page_urls import PageUrls
from hipdrop_tools.course.errors import DataError
from hipdrop_tools.course.packs import Pack, macro_factories
from hipdrop_tools.course.project import Project


@dataclass(frozen=True)
class MacroPage:
    """The page a macro renders into: its URL (``lessons/dosing/``), its source path inside the
    docs folder (``lessons/dosing.md``) and the build's URL mapping (``urls.url(docs_path, url)``)."""

    url: str
    src_uri: str
    urls: PageUrls
    runtime_bytes: int = 0  # the Pyodide runtime and engine wheel this build ships (offline_control)

    def link(self, docs_path: str) -> str:
        """A docs path (``lessons/x.md#part``) as a link from this page; raises UnknownPage."""
        return self.urls.url(docs_path, self.url)

    def link_or_none(self, docs_path: str) -> str | None:
        return self.link(docs_path) if docs_path.partition("#")[0] in self.urls.by_source else None


class MacroFailure(Exception):
    pass


def _message(error: Exception) -> str:
    if isinstance(error, DataError):
        return error.report()
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return str(error) or type(error).__name__


def _bound(name: str, macro: Callable, page: MacroPage) -> Callable:
    def call(*args, **kwargs):
        try:
            return macro(page, *args, **kwargs)
        except MacroFailure:
            raise
        except Exception as error:  # any macro error: the page and macro named, no traceback
            raise MacroFailure(f"macro {name}(): {_message(error)}") from None

    return call


@dataclass(frozen=True)
class Macros:
    table: Mapping[str, Callable]

    @classmethod
    def load(cls, packs: tuple[Pack, ...], project: Project) -> "Macros":
        table: dict[str, Callable] = {}
        for factory in macro_factories(packs):
            for name, macro in factory(project).items():
                if name in table:
                    raise ValueError(f"macro {name}() is registered twice")
                table[name] = macro
        return cls(table)

    def render(self, markdown: str, page: MacroPage) -> str:
        if "{{" not in markdown and "{%" not in markdown:
            return markdown
        env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
        env.globals.update({name: _bound(name, macro, page) for name, macro in self.table.items()})
        try:
            return env.from_string(markdown).render()
        except jinja2.TemplateSyntaxError as error:
            raise MacroFailure(f"line {error.lineno}: {error.message}") from None
        except jinja2.UndefinedError as error:
            known = ", ".join(sorted(self.table)) or "none"
            raise MacroFailure(f"{error.message} (macros: {known})") from None
