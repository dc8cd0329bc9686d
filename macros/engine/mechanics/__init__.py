"""The mechanics lab: frontal-plane statics of one-leg stance (why the pelvis drops, why leaning
or a cane helps), with its figure, chart and plain-text description. Pure functions, stdlib only."""

from .lab import resolve, run
from .model import Inputs, MechanicsInputError, Result
from .statics import solve

__all__ = ["Inputs", "MechanicsInputError", "Result", "resolve", "run", "solve"]
