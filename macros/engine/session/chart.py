"""The log week by week: three small SVG charts (pain, repetitions, one-leg time) and the same
numbers in a table beside them. Each chart is an image with a title and a description that says
what it shows in words; the series differ by line style and marker shape, not by colour alone.

Weeks are 7-day blocks counted from the first session; a week without a session shows no point.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from html import escape

from .log import Log
from .progress import day
from .rules import ONE_LEG_TARGET_S

W, H = 320, 160  # each chart's drawing box
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 14, 30


def _e(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass(frozen=True)
class Week:
    number: int
    first: str
    last: str
    sessions: int = 0
    pain_during: int | None = None
    pain_morning: int | None = None
    reps: int = 0
    one_leg: dict[str, int] = field(default_factory=dict)  # side -> the longest hold that week


def weeks(log: Log) -> list[Week]:
    """Every week from the first session to the last, with what was logged in it."""
    sessions = [s for s in log.sessions if s.exercises or s.one_leg or s.pain_next_morning is not None]
    if not sessions:
        return []
    first = day(sessions[0].date)
    count = (day(sessions[-1].date) - first).days // 7 + 1
    table = []
    for index in range(count):
        start = first + timedelta(days=7 * index)
        inside = [s for s in sessions if (day(s.date) - first).days // 7 == index]
        during = [e.pain_during for s in inside for e in s.exercises]
        morning = [s.pain_next_morning for s in inside if s.pain_next_morning is not None]
        legs: dict[str, int] = {}
        for s in inside:
            for result in s.one_leg:
                legs[result.side] = max(legs.get(result.side, 0), result.seconds)
        table.append(
            Week(
                number=index + 1,
                first=start.isoformat(),
                last=(start + timedelta(days=6)).isoformat(),
                sessions=sum(1 for s in inside if s.exercises),
                pain_during=max(during) if during else None,
                pain_morning=max(morning) if morning else None,
                reps=sum(e.reps_done for s in inside for e in s.exercises),
                one_leg=legs,
            )
        )
    return table


@dataclass(frozen=True)
class Series:
    name: str
    css: str  # line style class
    marker: str  # circle | square | triangle | diamond
    values: tuple[int | None, ...]


def _x(index: int, count: int) -> float:
    span = W - LEFT - RIGHT
    return LEFT + (span / 2 if count == 1 else span * index / (count - 1))


def _y(value: float, top: float) -> float:
    return TOP + (H - TOP - BOTTOM) * (1 - value / top)


def _marker(kind: str, x: float, y: float, css: str) -> str:
    if kind == "circle":
        return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="3.5"/>'
    if kind == "square":
        return f'<rect class="{css}" x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7"/>'
    if kind == "triangle":
        points = f"{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f} {x - 4.5:.1f},{y + 3.5:.1f}"
        return f'<polygon class="{css}" points="{points}"/>'
    points = f"{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y:.1f} {x:.1f},{y + 4.5:.1f} {x - 4.5:.1f},{y:.1f}"
    return f'<polygon class="{css}" points="{points}"/>'


def _axes(count: int, top: int, ticks: tuple[int, ...], guide: tuple[int, str] | None) -> str:
    parts = [
        f'<line class="hd-chart-axis" x1="{LEFT}" y1="{H - BOTTOM}" x2="{W - RIGHT}" y2="{H - BOTTOM}"/>',
        f'<line class="hd-chart-axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{H - BOTTOM}"/>',
    ]
    for tick in ticks:
        y = _y(tick, top)
        parts.append(f'<text class="hd-chart-tick" x="{LEFT - 5}" y="{y + 3:.1f}" text-anchor="end">{tick}</text>')
        parts.append(f'<line class="hd-chart-grid" x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}"/>')
    step = max(1, (count + 7) // 8)
    for index in range(0, count, step):
        parts.append(
            f'<text class="hd-chart-tick" x="{_x(index, count):.1f}" y="{H - BOTTOM + 13}" '
            f'text-anchor="middle">{index + 1}</text>'
        )
    parts.append(f'<text class="hd-chart-tick" x="{(W + LEFT) / 2:.1f}" y="{H - 3}" text-anchor="middle">week</text>')
    if guide is not None:
        value, label = guide
        y = _y(value, top)
        parts.append(f'<line class="hd-chart-guide" x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}"/>')
        parts.append(
            f'<text class="hd-chart-tick" x="{W - RIGHT}" y="{y - 3:.1f}" text-anchor="end">{_e(label)}</text>'
        )
    return "".join(parts)


def _lines(series: tuple[Series, ...], top: int) -> str:
    parts = []
    for s in series:
        count = len(s.values)
        points = [(_x(i, count), _y(v, top)) for i, v in enumerate(s.values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline class="hd-chart-line {s.css}" points="{path}"/>')
        parts += [_marker(s.marker, x, y, f"hd-chart-mark {s.css}") for x, y in points]
    return "".join(parts)


def _legend(series: tuple[Series, ...]) -> str:
    items = "".join(
        f'<li><svg class="hd-chart-key" viewBox="0 0 24 10" aria-hidden="true" focusable="false">'
        f'<line class="hd-chart-line {s.css}" x1="1" y1="5" x2="23" y2="5"/>'
        f"{_marker(s.marker, 12, 5, 'hd-chart-mark ' + s.css)}</svg>"
        f"{_e(s.name)}</li>"
        for s in series
    )
    return f'<ul class="hd-chart-legend">{items}</ul>'


def _svg(ident: str, title: str, desc: str, body: str) -> str:
    return (
        f'<svg class="hd-chart-svg" id="{ident}" viewBox="0 0 {W} {H}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc">'
        f'<title id="{ident}-title">{_e(title)}</title><desc id="{ident}-desc">{_e(desc)}</desc>{body}</svg>'
    )


def _trend(name: str, values: list[int | None], unit: str = "") -> str:
    known = [(i + 1, v) for i, v in enumerate(values) if v is not None]
    if not known:
        return f"No {name} logged yet."
    (w1, v1), (w2, v2) = known[0], known[-1]
    if w1 == w2:
        return f"{name.capitalize()}: {v1}{unit} in week {w1}."
    return f"{name.capitalize()}: {v1}{unit} in week {w1}, {v2}{unit} in week {w2}."


def chart_html(log: Log, usual: int, sides: tuple[str, ...]) -> str:
    table = weeks(log)
    if not table:
        return '<p class="hd-session-empty">No session is logged yet: the charts start with your first session.</p>'
    count = len(table)
    pain = (
        Series("Highest pain during", "hd-chart-a", "circle", tuple(w.pain_during for w in table)),
        Series("Highest pain next morning", "hd-chart-b", "square", tuple(w.pain_morning for w in table)),
    )
    pain_desc = " ".join(
        [
            _trend("highest pain during the exercises", [w.pain_during for w in table], " out of 10"),
            _trend("highest pain the next morning", [w.pain_morning for w in table], " out of 10"),
            f"Your usual pain is {usual}.",
        ]
    )
    top_reps = max(10, max(w.reps for w in table))
    top_reps = -(-top_reps // 50) * 50
    bar = (W - LEFT - RIGHT) / max(count, 1) * 0.6
    bars = "".join(
        f'<rect class="hd-chart-bar" x="{_x(i, count) - bar / 2:.1f}" y="{_y(w.reps, top_reps):.1f}" '
        f'width="{bar:.1f}" height="{H - BOTTOM - _y(w.reps, top_reps):.1f}"/>'
        for i, w in enumerate(table)
        if w.reps
    )
    reps_desc = _trend("repetitions a week", [w.reps or None for w in table])
    legs = tuple(
        Series(f"One-leg time, {side} leg", css, marker, tuple(w.one_leg.get(side) for w in table))
        for side, css, marker in zip(sides, ("hd-chart-a", "hd-chart-b"), ("triangle", "diamond"), strict=False)
    )
    legs_desc = " ".join(
        _trend(f"one-leg time on the {s} leg", [w.one_leg.get(s) for w in table], " seconds") for s in sides
    )
    charts = [
        '<figure class="hd-chart"><figcaption>Pain, 0 to 10</figcaption>'
        + _svg(
            "hd-chart-pain",
            "Pain week by week",
            pain_desc,
            _axes(count, 10, (0, 5, 10), (usual, f"usual {usual}")) + _lines(pain, 10),
        )
        + _legend(pain)
        + "</figure>",
        '<figure class="hd-chart"><figcaption>Repetitions a week</figcaption>'
        + _svg(
            "hd-chart-reps",
            "Repetitions week by week",
            reps_desc,
            _axes(count, top_reps, (0, top_reps // 2, top_reps), None) + bars,
        )
        + "</figure>",
        '<figure class="hd-chart"><figcaption>One-leg time, seconds</figcaption>'
        + _svg(
            "hd-chart-one-leg",
            "One-leg time week by week",
            legs_desc,
            _axes(count, ONE_LEG_TARGET_S, (0, 15, 30), (ONE_LEG_TARGET_S, "target")) + _lines(legs, ONE_LEG_TARGET_S),
        )
        + _legend(legs)
        + "</figure>",
    ]
    return (
        '<div class="hd-session-progress"><div class="hd-chart-set">'
        + "".join(charts)
        + "</div>"
        + table_html(table, sides)
        + "</div>"
    )


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(iso: str) -> str:
    value = day(iso)
    return f"{value.day} {MONTHS[value.month - 1]}"


def _cell(value: int | None) -> str:
    return "–" if value is None else str(value)


def table_html(
    table: list[Week], sides: tuple[str, ...], ident: str = "hd-session-table", caption: str = "Your log week by week"
) -> str:
    """The log week by week. With ``caption=""`` the table has no caption of its own and is labelled
    by the heading just above it, whose id must be ``<ident>-heading`` (the summary sheet's)."""
    head = ["Week", "Dates", "Sessions", "Highest pain during", "Highest pain next morning", "Repetitions"]
    head += [f"One-leg, {side} leg (s)" for side in sides]
    rows = []
    for w in table:
        cells = [
            str(w.number),
            f"{short_date(w.first)} to {short_date(w.last)}",
            str(w.sessions),
            _cell(w.pain_during),
            _cell(w.pain_morning),
            str(w.reps),
        ]
        cells += [_cell(w.one_leg.get(side)) for side in sides]
        rows.append(
            "<tr>" + f'<th scope="row">{cells[0]}</th>' + "".join(f"<td>{_e(c)}</td>" for c in cells[1:]) + "</tr>"
        )
    label = f"{ident}-caption" if caption else f"{ident}-heading"
    caption_html = f'<caption id="{label}">{_e(caption)}</caption>' if caption else ""
    return (
        f'<div class="hd-table-scroll hd-session-table" tabindex="0" role="region" aria-labelledby="{label}">'
        f'<table class="hd-log-table">{caption_html}<thead><tr>'
        + "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )
