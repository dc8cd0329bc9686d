"""Read YAML data files and check them against a JSON Schema, reporting every problem by place."""

import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema
import yaml

from hipdrop_tools.course.errors import DataError, Problem

# libyaml's safe loader when PyYAML was built with it (it parses the banks about ten times faster).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def schema(name: str, package: str = "hipdrop_tools") -> dict:
    """``<package>/schemas/<name>.schema.json``: the core's schemas, or a course pack's."""
    text = resources.files(package).joinpath("schemas", f"{name}.schema.json").read_text()
    return json.loads(text)


@cache
def _validator(name: str, package: str) -> jsonschema.Draft202012Validator:
    """One validator per schema (building one resolves the schema's references each time)."""
    return jsonschema.Draft202012Validator(schema(name, package))


def read_yaml(path: Path, shown_as: str) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except UnicodeDecodeError as error:
        raise DataError([Problem(shown_as, "", "", f"not UTF-8 text ({error.reason} at byte {error.start})")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        # One line: PyYAML's own text spans several and repeats the position.
        reason = (
            "; ".join(part for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part)
            or str(error).splitlines()[0]
        )
        raise DataError([Problem(shown_as, "", "", f"not valid YAML{where}: {reason}")]) from None


def schema_problems(
    data: object,
    schema_name: str,
    shown_as: str,
    entry_of: Callable[[object, list], tuple[str, str]],
    package: str = "hipdrop_tools",
) -> list[Problem]:
    validator = _validator(schema_name, package)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        entry, field = entry_of(data, list(error.absolute_path))
        problems.append(Problem(shown_as, entry, field, error.message))
    return problems


class EntryNamer:
    """Turns a JSON path like ['questions', 2, 'options', 0, 'text'] into (entry, field).

    ``list_key`` is the top-level list whose items are the entries (questions, recipes).
    """

    def __init__(self, list_key: str, entry_label: str):
        self.list_key = list_key
        self.entry_label = entry_label

    def __call__(self, data: object, path: list) -> tuple[str, str]:
        if len(path) >= 2 and path[0] == self.list_key and isinstance(path[1], int):
            items = data.get(self.list_key) if isinstance(data, dict) else None
            item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
            name = item.get("id") if isinstance(item, dict) else None
            entry = f"{self.entry_label} '{name}'" if name else f"{self.entry_label} #{path[1] + 1}"
            return entry, dotted(path[2:])
        return "", dotted(path)


def dotted(path: list) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def yaml_files(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.glob("*.yml") if p.is_file())
