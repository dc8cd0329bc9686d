"""The one base of the errors that list every problem found, never only the first: the quiz and
catalog data (hipdrop_tools.course.errors.DataError), a widget's answers or settings."""


class ProblemsError(ValueError):
    """Carries `problems`; its message is a head that counts them, then one line each.

    A subclass names what was checked in `subject` (the head reads "2 problems with the
    answers:") and, when a problem is not already its own sentence, says how it reads in `line`.
    """

    subject = "with the input"

    def __init__(self, problems: list):
        self.problems = list(problems)
        super().__init__(self.report())

    def line(self, problem) -> str:
        return str(problem)

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} {self.subject}:"
        return "\n".join([head, *(f"  - {self.line(p)}" for p in self.problems)])
