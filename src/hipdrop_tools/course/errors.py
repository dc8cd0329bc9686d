"""The errors the generator reports to a course author: each names the file (and, for data, the
entry and the field). ``HipdropError`` is their one base: the plugin and the ``hipdrop`` command
catch it once and print ``report()``, never a traceback."""

from dataclasses import dataclass

from hipdrop.problems import ProblemsError


class HipdropError(Exception):
    """An author's mistake or a missing piece, told in words: ``report()`` is the whole message."""

    def report(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Problem:
    file: str
    entry: str  # question id, an entry's id in a pack's data, or "" for the file as a whole
    field: str  # dotted path inside the entry, or "" when the entry itself is wrong
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f": {self.entry}"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class DataError(ProblemsError, HipdropError):
    """Raised with every problem found (each a Problem naming file, entry and field), never only
    the first."""

    subject = "in the course data"
