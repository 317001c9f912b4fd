"""Load Qt Designer forms from ``forms/`` at run time (no generated code in the repository)."""

import warnings

from qgis.PyQt import uic

from ...paths import form


def load_form(name: str):
    """(FormClass, BaseClass) for a ``.ui`` file, as ``uic.loadUiType`` gives them."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        return uic.loadUiType(str(form(name)))
