"""Figures that move: a stick figure posed by joint angles (``rig``), placed with its props
(``scene``), drawn to SVG (``draw``) and timed (``animation``); exercises' movements from their
descriptions (``exercise``). Pure functions, stdlib only; the static HTML is ``html`` (build time)."""
