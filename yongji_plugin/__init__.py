"""永济国土空间规划 QGIS plugin.

QGIS imports this package and calls :func:`classFactory`; nothing else happens at import time so
that the core modules stay importable from tests, scripts and ``qgis_process`` without a GUI.
"""


def classFactory(iface):
    """Entry point QGIS calls with its interface object."""
    from .plugin import YongjiPlugin

    return YongjiPlugin(iface)
