"""Run by Pyodide's own Python under Node (``compile.mjs``, from ``bytecode.compile_zip``): a zip of
Python sources -> the same zip with each module compiled by the browser's Python version.

Not imported by the generator: ``compile.mjs`` reads this file and calls ``compile_zip``. Its
``.pyc`` files are unchecked hash-based (PEP 552), so Python takes them without the source.
"""

import importlib._bootstrap_external as external
import importlib.util
import sys
import zipfile


def archive_prefix(mode: str) -> str:
    """Where the modules are found at run time (their ``co_filename``): the standard library's
    zip, or site-packages for the engine wheel."""
    major, minor = sys.version_info[:2]
    return f"/lib/python{major}{minor}.zip/" if mode == "sourceless" else f"/lib/python{major}.{minor}/site-packages/"


def compile_zip(source_path: str, target_path: str, mode: str) -> None:
    """``mode`` "sourceless": each ``<module>.py`` becomes ``<module>.pyc`` (the standard library);
    "cached": the sources stay and ``__pycache__/<module>.<tag>.pyc`` is added (the engine)."""
    prefix = archive_prefix(mode)
    with zipfile.ZipFile(source_path) as source, zipfile.ZipFile(target_path, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if not info.filename.endswith(".py") or info.filename.startswith("_sysconfigdata"):
                out.writestr(info, data)
                continue
            code = compile(data, prefix + info.filename, "exec", dont_inherit=True)
            pyc = external._code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)  # type: ignore[attr-defined]
            if mode == "sourceless":  # the module's .pyc in place of its .py
                name = info.filename + "c"
            else:  # next to the source, where Python looks first: __pycache__/<module>.<tag>.pyc
                name = importlib.util.cache_from_source("/" + info.filename)[1:]
                out.writestr(info, data)
            entry = zipfile.ZipInfo(name, date_time=info.date_time)
            entry.external_attr = info.external_attr
            out.writestr(entry, bytes(pyc))
