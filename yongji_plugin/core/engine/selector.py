"""Which backend runs: the user's choice (Settings, a Processing parameter) or the best available.

``auto``: PostGIS when every input (control layers and the layer the sites come from) lives in
one PostGIS database, else shapely ≥ 2 when it can be imported and works in this process (see
``shapely_probe``: a pip wheel's GEOS can clash with QGIS's), else QGIS alone — saying why where
an installed shapely 2 was passed over. A named backend that cannot run here is a clear error,
never a silent fallback; ``postgis`` by name needs only the control layers in one database (the
sites are uploaded). shapely is imported only when the shapely backend is asked for or tried.
"""

from collections.abc import Sequence
from typing import Optional

from ...i18n import tr
from ..shared import optional
from ..shared.errors import PlanError
from . import shapely_probe

AUTO, SHAPELY, QGIS, POSTGIS = "auto", "shapely", "qgis", "postgis"
NAMES = (AUTO, SHAPELY, QGIS, POSTGIS)


def shapely2_missing() -> Optional[str]:
    """Why the shapely backend cannot run (None: it can): not importable, or not working here."""
    return optional.shapely2_missing() or shapely_probe.failure()


def backend_class(name: str):
    if name == SHAPELY:
        from .shapely_backend import ShapelyBackend

        return ShapelyBackend
    if name == QGIS:
        from .qgis_backend import QgisBackend

        return QgisBackend
    if name == POSTGIS:
        from .postgis_backend import PostgisBackend

        return PostgisBackend
    raise PlanError(
        tr("Unknown engine backend {name}; choose one of {names}").format(name=name, names=", ".join(NAMES))
    )


def unavailable(name: str, layers: Sequence = ()) -> Optional[str]:
    """Why a named backend cannot run on these layers here (None: it can)."""
    if name == SHAPELY:
        return shapely2_missing()
    return backend_class(name).unavailable(layers)


def choose(name: str = AUTO, layers: Sequence = (), site_layers: Sequence = ()):
    """The backend class to run: ``name`` if it can run here, the best available for ``auto``."""
    return selection(name, layers, site_layers)[0]


def selection(name: str = AUTO, layers: Sequence = (), site_layers: Sequence = ()) -> tuple[type, str]:
    """(backend class, why ``auto`` passed over an installed shapely 2, else "").

    ``layers``: the control layers; ``site_layers``: where the sites come from (None for a
    source that is not a layer). A shapely that is simply absent or 1.x goes unmentioned (stock
    QGIS builds); one that is installed but fails here is named, so the log says why QGIS ran.
    """
    name = (name or AUTO).strip().lower()
    if name == AUTO:
        if unavailable(POSTGIS, list(layers) + list(site_layers)) is None:
            return backend_class(POSTGIS), ""
        reason = unavailable(SHAPELY)
        if reason is None:
            return backend_class(SHAPELY), ""
        return backend_class(QGIS), ("" if optional.shapely2_missing() else reason)
    backend_class(name)  # unknown names fail here, with the list of known ones
    reason = unavailable(name, layers)
    if reason is not None:
        raise PlanError(tr("The {name} engine backend cannot run here: {reason}").format(name=name, reason=reason))
    return backend_class(name), ""
