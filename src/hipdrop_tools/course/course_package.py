"""The course's own Python: its ``macros/`` folder, loaded by path as the package ``hipdrop_course``.

As MkDocs loads a ``hooks:`` file and mkdocs-macros its ``module_name``, the plugin imports the
course folder's ``macros/__init__.py`` from its path (``importlib.util.spec_from_file_location``),
never through ``sys.path``, under one private name, so no installed module can shadow it and a
second course built in the same process gets its own. Its submodules are ``hipdrop_course.<name>``
(``macros/engine/`` is ``hipdrop_course.engine``, the name the browser's wheel gives it too).

What the folder offers the generator (any of):

- ``PACK``: a ``hipdrop_tools.course.packs.Pack`` (widgets' worker methods, macros, data loaders,
  CSS, ``hipdrop`` subcommands...), exactly what an installed pack offers;
- or only ``macros(project) -> {name: macro}``: a course whose pages need a few macros and nothing else.

The course's ``site_assets/`` folder is that pack's assets (copied under ``assets/hipdrop/``), also
when there is no ``macros/`` folder at all.
"""

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from hipdrop_tools.course.errors import HipdropError
from hipdrop_tools.course.packs import Pack, enabled_packs
from hipdrop_tools.course.project import Project

PACKAGE = "hipdrop_course"
COURSE_PACK_NAME = "course"


class CourseCodeError(HipdropError):
    """The course's ``macros/`` folder cannot be used: the message names the file and the reason."""


def load_course_package(folder: Path) -> ModuleType | None:
    """``folder/__init__.py`` imported as ``hipdrop_course`` (None: no such folder).

    The same folder with no source file changed since it was loaded is not imported again; a
    changed or another folder is (``mkdocs serve`` picks up an edited macro).
    """
    if not folder.is_dir():
        return None
    init = folder / "__init__.py"
    if not init.is_file():
        raise CourseCodeError(
            f"{folder}: the course's Python folder needs an __init__.py (it is imported as a package)"
        )
    stamp = _source_stamp(folder)
    loaded = sys.modules.get(PACKAGE)
    if loaded is not None and getattr(loaded, "__hipdrop_stamp__", None) == (str(init.resolve()), stamp):
        return loaded
    _forget_package()
    spec = importlib.util.spec_from_file_location(PACKAGE, init, submodule_search_locations=[str(folder)])
    assert spec is not None and spec.loader is not None  # a file location always gives both
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    try:
        spec.loader.exec_module(module)
    except HipdropError:
        _forget_package()
        raise
    except Exception as error:
        _forget_package()
        where = _innermost_course_frame(error, folder) or str(init)
        raise CourseCodeError(
            f"{where}: the course's Python failed to import: {type(error).__name__}: {error}"
        ) from error
    module.__hipdrop_stamp__ = (str(init.resolve()), stamp)  # type: ignore[attr-defined]
    return module


def course_pack(project: Project) -> Pack | None:
    """The course folder's own pack: ``macros/``'s ``PACK`` (or its ``macros`` function alone),
    with ``site_assets/`` as its assets; None when the course has neither folder."""
    module = load_course_package(project.macros_dir)
    assets = project.site_assets_dir if project.site_assets_dir.is_dir() else None
    if module is None:
        return Pack(name=COURSE_PACK_NAME, assets=assets) if assets else None
    pack = getattr(module, "PACK", None)
    if pack is None:
        if not callable(getattr(module, "macros", None)):
            raise CourseCodeError(
                f"{project.macros_dir / '__init__.py'}: defines neither PACK (a hipdrop_tools.course.packs.Pack) "
                "nor a macros(project) function"
            )
        pack = Pack(name=COURSE_PACK_NAME, macros=f"{PACKAGE}:macros")
    if not isinstance(pack, Pack):
        raise CourseCodeError(
            f"{project.macros_dir / '__init__.py'}: PACK is a {type(pack).__name__}, "
            "not a hipdrop_tools.course.packs.Pack"
        )
    if pack.assets is None and assets is not None:
        pack = dataclasses.replace(pack, assets=assets)
    return pack


def course_packs(project: Project) -> tuple[Pack, ...]:
    """Every pack this course builds with: the core, the installed packs its ``packs`` option names,
    then its own (``macros/`` and ``site_assets/``), if it has one."""
    own = course_pack(project)
    return (*enabled_packs(project.packs), *((own,) if own else ()))


def _source_stamp(folder: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*.py") if "__pycache__" not in p.parts))


def _forget_package() -> None:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def _innermost_course_frame(error: BaseException, folder: Path) -> str | None:
    """'file:line' of the deepest traceback frame inside the course folder, for the message."""
    frame, found = error.__traceback__, None
    root = str(folder.resolve())
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        if str(Path(filename).resolve()).startswith(root):
            found = f"{filename}:{frame.tb_lineno}"
        frame = frame.tb_next
    if found is None and isinstance(error, SyntaxError) and error.filename:
        found = f"{error.filename}:{error.lineno}"
    return found
