"""Data errors that name the file, the entry and the field, and list every problem found."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str  # question id, exercise id, or "" for the file as a whole
    field: str  # dotted path inside the entry, or "" when the entry itself is wrong
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f": {self.entry}"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, never only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the course data:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])
