"""The one interface every check calls: sites against control layers, on the chosen backend.

::

    with OverlayEngine(area, backend="auto", layers=[sites_layer, *control_layers]) as engine:
        sites = engine.sites(geometries)            # or engine.layer_sites(ControlLayer(...))
        result = engine.overlay(sites, ControlLayer(layer, name, filter, fields))
        result.covered_areas(), result.outside(...), result.pieces(...), result.attributes(...)
    engine.repairs, engine.name

The engine knows nothing of verdicts or rule sets: it returns numbers, pairs, pieces and repairs.

While an engine is open (``with`` or until ``close()``) Python's cyclic garbage collector is paused:
a run holds hundreds of thousands of small objects, none of them in cycles, and the collector's
repeated scans of them cost more than the GEOS work of the QGIS backend (16 → 11 CPU seconds on
the bench's 600,000 parcels).
"""

import gc
from collections.abc import Sequence

from ...i18n import tr
from .backend import Canceled, Overlay, Sites
from .geometry_repair import Repair
from .layers import ControlLayer
from .selector import AUTO, selection

__all__ = ["Canceled", "ControlLayer", "OverlayEngine"]


class OverlayEngine:
    def __init__(self, area, backend: str = AUTO, layers: Sequence = (), feedback=None, site_layers: Sequence = ()):
        """``layers``: the layers the run reads (controls, and layers whose features are sites);
        ``site_layers``: where sites given as geometries come from (None: not a layer)."""
        self.area = area
        backend_class, self.fallback = selection(backend, list(layers), list(site_layers))
        self._backend = backend_class(area, feedback)
        self._collecting = gc.isenabled()
        gc.disable()

    @property
    def name(self) -> str:
        """The backend that runs: ``shapely``, ``qgis`` or ``postgis``."""
        return self._backend.name

    def describe(self) -> str:
        """The backend in words, for reports and logs; where ``auto`` passed over a shapely that
        does not work here, why."""
        if self.fallback:
            return tr("{engine}; shapely not used: {reason}").format(
                engine=self._backend.describe(), reason=self.fallback
            )
        return self._backend.describe()

    @property
    def repairs(self) -> list[Repair]:
        return self._backend.repairs

    @property
    def layouts(self) -> list[tuple[str, str]]:
        """How each overlay read its control layer, in order: (name, ``whole``, ``filtered`` —
        only the features under the sites —, ``chunked`` or ``empty``), for logs and tests.
        The PostGIS backend lists only overlays with a filter (it reads their keys so; the
        overlay itself always meets the table through its index)."""
        return list(self._backend.layouts)

    def sites(self, geometries, keys=None) -> Sites:
        return self._backend.sites(geometries, keys)

    def layer_sites(self, control: ControlLayer) -> Sites:
        return self._backend.layer_sites(control.validate())

    def overlay(self, sites: Sites, control: ControlLayer, progress=None, once: bool = False) -> Overlay:
        """Sites × control layer; ``progress(fraction)`` is called between chunks of work.

        ``once``: the sites are this layer's own features (``layer_sites`` of the same layer):
        a feature is not paired with itself, each unordered pair is kept once (the site's key
        below the control's) and only where the interiors meet (touching neighbours are skipped
        without an intersection).
        """
        return self._backend.overlay(sites, control.validate(), progress, once)

    def close(self) -> None:
        self._backend.close()
        if self._collecting:
            self._collecting = False
            gc.enable()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
