"""The pack's engine: pure functions over data (standard library only), shipped in the course's
engine wheel and run by Pyodide in the reader's browser."""
