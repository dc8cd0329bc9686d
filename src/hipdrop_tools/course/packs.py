"""The extension point: what a course pack (and the core itself) registers.

A pack is a ``Pack`` value that a module exposes (``hipdrop_course:PACK``), found by name through
the entry-point group ``hipdrop.packs`` (``water = "water_pack:PACK"`` in the pack's
pyproject) or given directly as ``module:attribute``. A course enables it with the plugin option
``packs: [water]``; nothing is ever enabled by default, so a course without the pack carries none
of its code, assets or words. The core registers through the same fields (``CORE``).

Every reference is a string (``module:attribute`` or a dotted package name), so listing a pack
imports nothing of it, and the engine wheel can carry the method table as plain names.
"""

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from hipdrop.browser import CORE_METHODS
from hipdrop_tools.course.errors import HipdropError

ENTRY_POINT_GROUP = "hipdrop.packs"


@dataclass(frozen=True)
class Pack:
    """What a pack brings. All fields but ``name`` are optional.

    - ``engine_packages``: dotted names of pure-Python packages (standard library only) that go into
      the course's engine wheel, which the browser's Pyodide imports (``"hipdrop_course.engine"``).
    - ``build_only``: modules of those packages used only at build time (static HTML renderers),
      left out of the wheel.
    - ``methods``: worker method name -> ``"module:function"`` inside those packages; the browser
      dispatcher calls ``function(params: dict) -> dict`` (JSON in, JSON out).
    - ``generators``: problem generator name -> ``"module:function"`` inside those packages;
      ``function(seed: int) -> hipdrop.quiz.generated.Problem`` (pure, the same problem for the
      same seed in every runtime). A ``generated_numeric`` quiz question names one; the engine
      wheel's registry carries the table, so the browser grades with the same function.
    - ``macros``: ``"module:function"``; ``function(project) -> {name: macro}``, called once per
      build; each macro is called as ``macro(page, *args)`` with a ``MacroPage`` and returns HTML
      or Markdown. Authors write ``{{ name(args) }}`` in any page.
    - ``assets``: a folder (a ``Path``: the course's ``site_assets/``), or ``"package"`` whose
      ``assets/`` folder, copied under ``assets/hipdrop/`` of the site (so a widget ``kind`` lives at
      ``assets/js/widgets/<kind>.js``).
    - ``extra_css``, ``extra_javascript``: paths inside ``assets/hipdrop/`` every page links to
      (JavaScript as ES modules when the path is in ``module_javascript``); ``late_css`` come
      after every pack's stylesheets (the core's print and accessibility overrides).
    - ``loaders``: data name -> ``"module:function"``; ``function(project)`` returns the loaded data
      (something with ``len``) or raises ``DataError`` listing every problem. ``hipdrop check`` runs
      them all.
    - ``data_dirs``: folders of the course, relative to its root, that the pack's loaders read
      (``"recipes"``); ``mkdocs serve`` rebuilds when a file in one changes.
    - ``bundle_notice``: a paragraph the classroom bundle's README.txt ends with (a disclaimer).
    - ``commands``: modules that are ``hipdrop`` subcommands (``NAME``, ``HELP``,
      ``add_arguments(parser)``, ``run(args, project) -> int``).
    - ``site_files``: ``"module:function"``; ``function(project) -> {destination: bytes}`` gives
      files the pack makes at build time (drawings made from its data, say), written into the site
      at those paths, which must be under ``assets/hipdrop/figures/`` (``"assets/hipdrop/figures/x.svg"``;
      saved with the course for offline use); a macro links to one with ``page.link(destination)``.
      It may raise ``DataError``, which stops the build.
    - ``handouts``: ``"module:function"``; ``function(site) -> [Handout]`` gives the pack's own
      PDFs for ``hipdrop handouts``, besides the core's (``hipdrop_tools.handouts.plan``: a
      ``Handout`` names the page printed, the heading it is listed under and, in ``script``, a
      module of the pack's assets whose ``prepare(article, script_args)`` readies the page).
    """

    name: str
    engine_packages: tuple[str, ...] = ()
    build_only: tuple[str, ...] = ()
    methods: Mapping[str, str] = field(default_factory=dict)
    generators: Mapping[str, str] = field(default_factory=dict)
    macros: str | None = None
    assets: str | Path | None = None
    extra_css: tuple[str, ...] = ()
    late_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()
    module_javascript: tuple[str, ...] = ()
    loaders: Mapping[str, str] = field(default_factory=dict)
    data_dirs: tuple[str, ...] = ()
    bundle_notice: str = ""
    commands: tuple[str, ...] = ()
    handouts: str | None = None
    site_files: str | None = None

    def assets_dir(self) -> Path | None:
        if self.assets is None:
            return None
        if isinstance(self.assets, Path):
            return self.assets
        module_file = importlib.import_module(self.assets).__file__
        if module_file is None:  # a namespace package: no folder of its own
            return None
        return Path(module_file).parent / "assets"


class UnknownPack(HipdropError):
    """A pack the course names that cannot be found or imported."""


CORE = Pack(
    name="core",
    engine_packages=("hipdrop",),
    build_only=("hipdrop.quiz.render",),
    methods=CORE_METHODS,
    macros="hipdrop_tools.mkdocs_plugin.core_macros:macros",
    assets="hipdrop_tools",
    extra_css=("css/hipdrop.css", "css/present.css", "css/class-results.css"),
    late_css=("css/print.css", "css/a11y.css"),
    extra_javascript=("js/bridge.js", "js/print.js", "js/present.js", "js/offline.js"),
    module_javascript=("js/bridge.js", "js/present.js", "js/offline.js"),
    loaders={"quiz banks": "hipdrop_tools.course.quizzes:load_banks"},
    commands=(
        "hipdrop_tools.cli.check",
        "hipdrop_tools.cli.handouts",
        "hipdrop_tools.cli.worksheets",
        "hipdrop_tools.cli.export",
        "hipdrop_tools.cli.bundle",
        "hipdrop_tools.cli.scorm",
        "hipdrop_tools.cli.verify",
    ),
)


def resolve(reference: str) -> Any:
    """``"module:attribute"`` -> the attribute (``"module"`` alone -> the module)."""
    module_name, _, attribute = reference.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module


def installed_names() -> list[str]:
    return sorted(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))


def find_pack(name: str) -> Pack:
    """A pack by entry-point name (``water``) or by ``module:attribute``."""
    if ":" in name:
        try:
            pack = resolve(name)
        except (ImportError, AttributeError) as error:
            raise UnknownPack(f"pack '{name}': cannot import it ({error})") from None
    else:
        found = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
        if not found:
            known = ", ".join(installed_names()) or "none installed"
            raise UnknownPack(f"pack '{name}': no such pack (installed packs: {known})")
        pack = found[0].load()
    if not isinstance(pack, Pack):
        raise UnknownPack(f"pack '{name}': {type(pack).__name__} is not a hipdrop_tools.course.packs.Pack")
    return pack


def enabled_packs(names: list[str] | tuple[str, ...]) -> tuple[Pack, ...]:
    """The core first, then the course's packs in the order the course lists them."""
    return (CORE, *(find_pack(name) for name in names))


def method_table(packs: tuple[Pack, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for pack in packs:
        for method, target in pack.methods.items():
            if method in table:
                raise UnknownPack(f"pack '{pack.name}': worker method '{method}' is already registered by another pack")
            table[method] = target
    return table


def macro_factories(packs: tuple[Pack, ...]) -> list[Callable]:
    return [resolve(pack.macros) for pack in packs if pack.macros]


def generator_table(packs: tuple[Pack, ...]) -> dict[str, str]:
    """Problem generator name -> ``"module:function"``, from every pack; a name registered twice is refused."""
    table: dict[str, str] = {}
    for pack in packs:
        for name, target in pack.generators.items():
            if name in table:
                raise UnknownPack(
                    f"pack '{pack.name}': problem generator '{name}' is already registered by another pack"
                )
            table[name] = target
    return table
