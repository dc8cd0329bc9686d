"""``hipdrop check``: validate every data file of the course and list every problem found."""

from hipdrop_tools.course.loading import load_course

NAME = "check"
HELP = "check the quiz banks and the data of the course's packs; list every problem with file, entry and field"


def add_arguments(parser) -> None:
    pass


def run(args, project) -> int:
    course = load_course(project)  # raises DataError, reported by the CLI with exit code 1
    print(f"ok: {course.summary()}")
    return 0
