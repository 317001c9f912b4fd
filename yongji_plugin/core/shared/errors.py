"""The one exception type the core raises for bad input.

Its message is already translated and names the layer, feature and problem, so a dialog or a
Processing algorithm can show it as it is (never a traceback).
"""


class PlanError(Exception):
    """Bad input the user can fix: the message says what and where."""
