"""The optional packages the plugin uses where QGIS ships them, each detected once per process.

Stock QGIS builds differ: shapely 2 and pyproj (the shapely backend and its reprojection),
matplotlib (the indicator charts), psycopg2 (the PostGIS backend) may each be missing, or shapely
may be 1.8. Every module asks here instead of trying its own import, so a missing package is
found (and said) the same way everywhere, and the attempt is made once, not per run or per chart.
The reasons are translated when asked for, never stored translated (the locale may change).
"""

from typing import Optional

from ...i18n import tr

_modules: dict[str, Optional[object]] = {}


def module(name: str):
    """The imported package ``name``, or None where it cannot be imported (cached)."""
    if name not in _modules:
        try:
            # the builtin __import__ with this module's globals: import guards (tests) see who asks
            _modules[name] = __import__(name, globals(), None, [], 0)
        except ImportError:
            _modules[name] = None
    return _modules[name]


def version(name: str) -> Optional[str]:
    """The package's version, or None where it cannot be imported."""
    found = module(name)
    return None if found is None else str(getattr(found, "__version__", "") or "?")


def shapely2_missing() -> Optional[str]:
    """Why shapely ≥ 2 (with numpy) cannot be imported here (None: it can)."""
    if module("shapely") is None:
        return tr("shapely is not installed")
    found = version("shapely")
    if not found.split(".")[0].isdigit() or int(found.split(".")[0]) < 2:
        return tr("shapely {version} is installed; the backend needs shapely 2 or newer").format(version=found)
    if module("numpy") is None:
        return tr("numpy is not installed")
    return None


def forget(name: Optional[str] = None) -> None:
    """Detect ``name`` (every package when None) again on the next question: after a package was
    installed or removed while QGIS runs, and in tests that block an import."""
    if name is None:
        _modules.clear()
    else:
        _modules.pop(name, None)
