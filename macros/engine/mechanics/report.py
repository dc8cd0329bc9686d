"""Results as HTML (for the page) and as plain text (for the command line)."""

from html import escape

from .model import Result
from .presets import PARAMS, PRESETS
from .text import cm, newtons, times


def result_rows(result: Result) -> list[tuple[str, str]]:
    i = result.inputs
    rows = [
        ("Weight above the hip (W)", newtons(result.superincumbent_weight_n)),
        ("Body-weight arm after lean (b)", cm(round(result.effective_arm_cm, 2))),
        ("Abductor force (F)", f"{newtons(result.abductor_force_n)} = {times(result.abductor_force_bw)} body weight"),
        ("Hip joint force (R)", f"{newtons(result.joint_force_n)} = {times(result.joint_force_bw)} body weight"),
        ("Joint force direction", f"{result.joint_force_angle_deg:.0f}° from vertical"),
        ("Abductor capacity", newtons(i.abductor_capacity_n)),
        ("Pelvis", "stays level" if result.holds_level else "drops on the swing side"),
    ]
    if not result.holds_level:
        rows.append(("Lean that would hold it", f"about {cm(round(result.lean_needed_cm, 1))} toward the stance hip"))
    return rows


def results_html(result: Result) -> str:
    body = "".join(
        f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>' for label, value in result_rows(result)
    )
    state = "hd-mech-level" if result.holds_level else "hd-mech-drops"
    return f'<table class="hd-mech-results {state}"><tbody>{body}</tbody></table>'


def text_report(result: Result, title: str = "") -> str:
    i = result.inputs
    lines = [title] if title else []
    lines.append("Settings:")
    for spec in PARAMS:
        lines.append(f"  {spec.label}: {getattr(i, spec.name):g} {spec.unit}")
    lines.append(f"  Cane hand: {i.cane_hand}")
    lines.append("Results:")
    width = max(len(label) for label, _ in result_rows(result))
    lines.extend(f"  {label.ljust(width)}  {value}" for label, value in result_rows(result))
    return "\n".join(lines)


def presets_table_html(results: list[tuple[str, Result]]) -> str:
    """One row per preset: the values that differ and what the model gives."""
    titles = {p.name: p.title for p in PRESETS}
    head = (
        '<thead><tr><th scope="col">Preset</th><th scope="col">Lean</th><th scope="col">Cane</th>'
        '<th scope="col">Abductor force</th><th scope="col">Hip joint force</th>'
        '<th scope="col">Capacity</th><th scope="col">Pelvis</th></tr></thead>'
    )
    rows = []
    for name, r in results:
        i = r.inputs
        cane = "none" if i.cane_force_n == 0 else f"{newtons(i.cane_force_n)}, {i.cane_hand} hand"
        rows.append(
            f'<tr><th scope="row">{escape(titles.get(name, name))}</th><td>{escape(cm(i.lean_cm))}</td>'
            f"<td>{escape(cane)}</td>"
            f"<td>{escape(newtons(r.abductor_force_n))} ({escape(times(r.abductor_force_bw))} BW)</td>"
            f"<td>{escape(newtons(r.joint_force_n))} ({escape(times(r.joint_force_bw))} BW)</td>"
            f"<td>{escape(newtons(i.abductor_capacity_n))}</td>"
            f"<td>{'level' if r.holds_level else 'drops'}</td></tr>"
        )
    table = f'<table class="hd-mech-presets">{head}<tbody>{"".join(rows)}</tbody></table>'
    # A wide table scrolls inside its own box on a phone instead of widening the page.
    return f'<div class="hd-scroll" role="region" aria-label="Results for each preset" tabindex="0">{table}</div>'
