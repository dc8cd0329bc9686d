"""Only a guard: a wheel built without the staged runtime would give courses with no Python in
the browser, so building one stops here (run `make setup` first). Everything else is in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.bdist_wheel import bdist_wheel

RUNTIME = Path(__file__).parent / "src" / "hipdrop_tools" / "vendor"
REQUIRED = [
    "pyodide/pyodide.mjs",
    "pyodide/pyodide.asm.mjs",
    "pyodide/pyodide.asm.wasm",
    "pyodide/python_stdlib.zip",
    "pyodide/pyodide-lock.json",
    "iframe-worker-shim.js",
    "qr/index.js",
    "qr/decode.js",
    "qr/LICENSE-MIT",
]


class bdist_wheel_with_runtime(bdist_wheel):
    def run(self):
        missing = [name for name in REQUIRED if not (RUNTIME / name).is_file()]
        if missing:
            raise SystemExit(f"hipdrop wheel: {RUNTIME} lacks {', '.join(missing)}; run `make setup` to stage the runtime")
        super().run()


setup(cmdclass={"bdist_wheel": bdist_wheel_with_runtime})
