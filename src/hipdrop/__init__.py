"""The hipdrop engine: pure functions over data, shared by CPython and Pyodide.

No I/O and no imports beyond the standard library, so the same code runs at build
time, in tests and inside the reader's browser.
"""

__version__ = "0.1.0"
