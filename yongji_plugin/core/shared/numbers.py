"""Numbers where they enter: from a field, a parameter or a file, NaN and ±inf are no numbers.

A NaN compares false with everything, so a limit, a tolerance or a speed of NaN let every check
pass (``excess > nan`` is never true) and an infinite one swallowed every case. Values given by
the user are refused with what they are for; values read per feature become None, which the
caller reports as "no valid value" and counts, never as a pass.
"""

import math
from typing import Optional

from ...i18n import tr
from .errors import PlanError


def finite_number(value) -> Optional[float]:
    """The value as a float, or None when it is NULL, text that is no number, a bool, NaN or ±inf."""
    if value is None or isinstance(value, bool) or (hasattr(value, "isNull") and value.isNull()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def positive(value, what: str) -> float:
    """A user-given number that must be finite and above zero (a speed, minutes, a storey height)."""
    number = finite_number(value)
    if number is None or number <= 0:
        raise PlanError(tr("{what} must be a number above 0, not {value}").format(what=what, value=value))
    return number


def non_negative(value, what: str) -> float:
    """A user-given number that must be finite and at least zero (a tolerance, a distance)."""
    number = finite_number(value)
    if number is None or number < 0:
        raise PlanError(tr("{what} must be a number of at least 0, not {value}").format(what=what, value=value))
    return number
