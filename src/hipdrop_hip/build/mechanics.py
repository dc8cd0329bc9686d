"""Macro ``mechanics_lab()``: the one-leg-stance mechanics lab as static HTML, made live by the
mechanics widget."""

from hipdrop.mechanics.page import lab_html


def register(env, project):
    @env.macro
    def mechanics_lab(prefix: str = "hd-mech") -> str:
        return lab_html(prefix)
