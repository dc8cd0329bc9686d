"""Data errors that name the file, the entry and the field, and list every problem found."""

from dataclasses import dataclass

from hipdrop.problems import ProblemsError


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


class DataError(ProblemsError):
    """Raised with every problem found (each a Problem naming file, entry and field), never only
    the first."""

    subject = "in the course data"
