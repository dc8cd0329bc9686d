"""Calendar reminders as an iCalendar file (RFC 5545), following the dosing rules (``calendar``):
strength exercises on days with a day between them, low-load drills on their days in a row (every
day at 7), each a weekly series of ``CALENDAR_WEEKS`` weeks from the day the reader picks, at the
time they pick, with a reminder at the start. Times are floating (the reader's own local time).

``calendar_text(groups, start, time, stamp, uid_seed)`` is pure; ``session_days(count, strength)``
gives the days of a week (0 = the first day) and is the rule the tests check.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from hashlib import sha256

from .log import is_date
from .rules import CALENDAR_WEEKS

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRODID = "-//Hip Drop course//guided sessions//EN"


class CalendarError(ValueError):
    pass


@dataclass(frozen=True)
class Group:
    """A series of reminders: what it says, which exercises, how many days a week, and whether
    the days must not be next to each other."""

    title: str
    exercises: tuple[str, ...]
    days: int
    strength: bool
    minutes: int


def session_days(count: int, strength: bool) -> tuple[int, ...]:
    """The days of each week (0 is the start day): strength days with a day between them
    (2: 0 and 3; 3: 0, 2 and 4), other sessions on ``count`` days in a row."""
    count = max(1, min(count, 7))
    if strength:
        return {1: (0,), 2: (0, 3)}.get(count, (0, 2, 4))
    return tuple(range(count))


def escape_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued on the next line after a space (never inside a character)."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def parse_time(text: object) -> tuple[int, int]:
    if not isinstance(text, str) or len(text) != 5 or text[2] != ":" or not (text[:2] + text[3:]).isdigit():
        raise CalendarError(f"the time must be written HH:MM, got {text!r}")
    hour, minute = int(text[:2]), int(text[3:])
    if hour > 23 or minute > 59:
        raise CalendarError(f"the time must be written HH:MM, got {text!r}")
    return hour, minute


def parse_stamp(text: object) -> str:
    """The browser's clock (ISO 8601 in UTC, '2026-01-05T10:00:00.000Z') as an iCalendar UTC time."""
    digits = "".join(ch for ch in str(text)[:19] if ch.isdigit())
    if len(digits) != 14 or not str(text).endswith("Z"):
        raise CalendarError(f"the time stamp must be ISO 8601 in UTC, got {text!r}")
    return f"{digits[:8]}T{digits[8:]}Z"


def _event(group: Group, start: date, hour: int, minute: int, stamp: str, uid: str) -> list[str]:
    offsets = session_days(group.days, group.strength)
    weekdays = ",".join(WEEKDAYS[(start + timedelta(days=o)).weekday()] for o in offsets)
    rule = (
        f"FREQ=DAILY;COUNT={7 * CALENDAR_WEEKS}"
        if len(offsets) == 7
        else f"FREQ=WEEKLY;BYDAY={weekdays};COUNT={len(offsets) * CALENDAR_WEEKS}"
    )
    description = "\n".join(
        [
            *group.exercises,
            "",
            "Stop rules first: pain, walking and the warning signs (see your program).",
            "Education, not medical advice.",
        ]
    )
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{start.strftime('%Y%m%d')}T{hour:02d}{minute:02d}00",
        f"DURATION:PT{max(5, group.minutes)}M",
        f"RRULE:{rule}",
        f"SUMMARY:{escape_text(group.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(group.title)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
    ]


def calendar_text(groups: tuple[Group, ...], start: object, time: object, stamp: object, uid_seed: str) -> str:
    """The .ics text; ``start``, ``time`` and ``stamp`` come from the page and are checked here."""
    if not isinstance(start, str) or not is_date(start):
        raise CalendarError(f"the start date must be written YYYY-MM-DD, got {start!r}")
    first = date.fromisoformat(start)
    hour, minute = parse_time(time)
    utc = parse_stamp(stamp)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for index, group in enumerate(groups):
        digest = sha256(f"{uid_seed}|{start}|{time}|{index}|{group.title}".encode()).hexdigest()[:24]
        lines += _event(group, first, hour, minute, utc, f"{digest}@hip-drop.course.invalid")
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
