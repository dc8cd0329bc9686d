"""The toy pack's engine: shipped in the course's wheel, run by Pyodide."""


def shout(params: dict) -> dict:
    return {"text": str(params.get("text", "")).upper() + "!"}
