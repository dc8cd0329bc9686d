"""Macro ``mechanics_lab()``: the one-leg-stance mechanics lab as static HTML, made live by the
mechanics widget."""

from .engine.mechanics.page import lab_html


def macros(project) -> dict:
    def mechanics_lab(page, prefix: str = "hd-mech") -> str:
        return lab_html(prefix)

    return {"mechanics_lab": mechanics_lab}
