"""The contract every overlay backend keeps, and the bookkeeping they share.

A backend turns sites (polygons in the area CRS) and a control layer into an :class:`Overlay`:
the overlapping pairs with their piece areas, and on demand areas counted once per group, areas
outside the layer, piece geometries and control attributes. Backends differ only in where the
GEOS work runs (numpy arrays, QGIS geometries, the database); their numbers agree to 1e-9.
"""

import math
from array import array
from collections.abc import Callable, Hashable, Sequence
from typing import Optional

import numpy as np
from qgis.core import Qgis, QgsFeatureRequest, QgsGeometry, QgsMessageLog

from ..shared.cancel import Canceled, raise_if_canceled  # noqa: F401 - the backends raise it
from ..shared.output_table import boxes_array, geometry_box, geometry_wkb
from . import footprint
from .geometry_repair import Repair
from .layers import ControlLayer

TILE_PIECES = 2000  # a site with more pieces than this is differenced cell by cell
CELL_PIECES = 150  # pieces per cell when tiling
GAP_NOISE = 1e-6  # m²: cell-edge noise dropped when an outside part is found cell by cell
INTERIORS_MEET = "T********"  # DE-9IM: the interiors intersect (a layer against itself)
LOG_TAG = "Yongji"  # QGIS's message log tab, the plugin's own (as gui.shared.messages)


def grid(xmin, ymin, xmax, ymax, count):
    """Square cells over an extent, about CELL_PIECES pieces each (the same grid in every backend)."""
    cells = max(1, count // CELL_PIECES)
    side = math.sqrt((xmax - xmin) * (ymax - ymin) / cells) or 1.0
    y = ymin
    while y < ymax:
        x = xmin
        while x < xmax:
            yield x, y, min(x + side, xmax), min(y + side, ymax)
            x += side
        y += side


class Sites:
    """Polygons to overlay, valid and in the area CRS; site ``i`` is the caller's ``i``-th."""

    def __init__(self, keys: Sequence, areas: Sequence[float]):
        self.keys = list(keys)  # the caller's ids (feature ids for a layer's features)
        self.areas = list(areas)

    def __len__(self):
        return len(self.keys)

    def geometry(self, index: int) -> QgsGeometry:
        raise NotImplementedError


class Overlay:
    """Sites × one control layer. Pairs are ordered by site, then control feature id."""

    def __init__(
        self,
        backend: str,
        sites: Sites,
        control: ControlLayer,
        pair_sites: Sequence[int],
        pair_fids: list[int],
        pair_areas: list[float],
    ):
        self.backend = backend
        self.sites = sites
        self.control = control
        self.pair_sites = _site_numbers(pair_sites)
        self.pair_fids = pair_fids
        self.pair_areas = pair_areas
        self._covered: Optional[list[float]] = None
        self._outside: dict[int, tuple] = {}
        self._attributes: dict[int, dict] = {}

    # -- what every caller reads -------------------------------------------------------------
    def pairs_by_site(self) -> dict[int, Sequence[int]]:
        """Pair indices per site index: a range each, as pairs are ordered by site (a province's
        millions of pairs held as ranges, not as a list of numbers each)."""
        sites = np.asarray(self.pair_sites, dtype=np.int64)
        starts = np.flatnonzero(np.r_[True, sites[1:] != sites[:-1]]) if len(sites) else sites
        keys = sites[starts].tolist()
        if len(set(keys)) == len(keys):
            return dict(zip(keys, map(range, starts.tolist(), np.r_[starts[1:], len(sites)].tolist())))
        groups: dict[int, list[int]] = {}  # pairs out of site order (a backend's own bookkeeping)
        for pair, site in enumerate(self.pair_sites):
            groups.setdefault(site, []).append(pair)
        return groups

    def covered_areas(self) -> list[float]:
        """Per site: the area it shares with the layer, control features' overlaps counted once."""
        if self._covered is None:
            areas = self.union_areas(self.pair_sites)
            self._covered = [areas.get(i, 0.0) for i in range(len(self.sites))]
        return self._covered

    def union_areas(self, keys: Sequence[Hashable]) -> dict[Hashable, float]:
        """Area of the union of the pieces sharing a key (one key per pair; None skips a pair)."""
        groups: dict[Hashable, list[int]] = {}
        for pair, key in enumerate(keys):
            if key is not None:
                groups.setdefault(key, []).append(pair)
        result = {key: self.pair_areas[pairs[0]] for key, pairs in groups.items() if len(pairs) == 1}
        several = [(key, pairs) for key, pairs in groups.items() if len(pairs) > 1]
        if several:
            areas = self._group_union_areas([pairs for _, pairs in several])
            result.update((key, area) for (key, _), area in zip(several, areas))
        return result

    def union_geometries(self, groups: Sequence[Sequence[int]]) -> list[QgsGeometry]:
        """The union of each group of pieces, as QGIS geometries."""
        return self._union_geometries([list(g) for g in groups])

    def outside(self, site_indices: Sequence[int], geometries: bool = True) -> dict[int, tuple]:
        """(area, geometry or None) of each site's part outside the layer (site − layer)."""
        wanted = [
            i
            for i in site_indices
            if i not in self._outside or (geometries and self._outside[i][1] is None and self._outside[i][0] > 0)
        ]
        if wanted:
            self._outside.update(self._compute_outside(wanted, geometries))
        return {i: self._outside[i] for i in site_indices}

    def pieces(self, pair_indices: Sequence[int]) -> list[QgsGeometry]:
        """Piece geometries (site ∩ control feature, polygonal) of the given pairs."""
        return self._pieces(list(pair_indices))

    def detach(self, pair_indices: Sequence[int]) -> "PieceSet":
        """The pieces and control attributes of these pairs, readable after the engine closes;
        both are built when first read (the attributes through QGIS, never a session)."""
        pair_indices = list(pair_indices)
        fids = [self.pair_fids[p] for p in pair_indices]
        build_geometries, build_wkb = self._piece_builder(pair_indices)
        return PieceSet(
            build_geometries=build_geometries,
            build_attributes=lambda: in_order(self.attributes(fids), fids),
            build_wkb=build_wkb,
        )

    def attributes(self, fids) -> dict[int, dict]:
        """The control layer's wanted fields of the given features, read once, in one request."""
        fids = [fid for fid in fids if fid is not None]
        wanted = sorted({fid for fid in fids if fid not in self._attributes})
        if wanted and self.control.fields:
            self._attributes.update(self._read_attributes(wanted))
        return {fid: self._attributes.get(fid, {}) for fid in fids}

    # -- what each backend supplies ----------------------------------------------------------
    def _piece_builder(self, pair_indices: list[int]) -> tuple[Callable[[], list], Optional[Callable[[], list]]]:
        """What builds the pieces of these pairs later: their QGIS geometries, and their multipolygon
        WKB with their boxes where the backend has them in bulk (None: from the geometries); what
        must be fetched now
        (a database's rows, before its sessions close) is fetched here."""
        raise NotImplementedError

    def _group_union_areas(self, groups: list[list[int]]) -> list[float]:
        raise NotImplementedError

    def _union_geometries(self, groups: list[list[int]]) -> list[QgsGeometry]:
        raise NotImplementedError

    def _compute_outside(self, site_indices: list[int], geometries: bool) -> dict[int, tuple]:
        raise NotImplementedError

    def _pieces(self, pair_indices: list[int]) -> list[QgsGeometry]:
        raise NotImplementedError

    def _read_attributes(self, fids: list[int]) -> dict[int, dict]:
        return read_attributes(self.control, fids)


def _site_numbers(values) -> array:
    """Site indices as an array of 8-byte integers (read as a list is: by index, in a loop): a
    province's 3 million pairs held 28-byte integer objects each (85 MB more)."""
    if isinstance(values, np.ndarray):
        return array("q", values.astype(np.int64).tobytes())
    return array("q", values)


class PieceSet:
    """Geometries (or their WKB, for a file written in bulk) and control attributes of chosen
    pieces, by position; each built on first read."""

    def __init__(self, geometries=None, attributes=None, build_geometries=None, build_attributes=None, build_wkb=None):
        self._geometries, self._attributes, self._wkb, self._boxes = geometries, attributes, None, None
        self._build_geometries, self._build_attributes, self._build_wkb = build_geometries, build_attributes, build_wkb

    def geometry(self, position: int) -> QgsGeometry:
        return self._all_geometries()[position]

    def _all_geometries(self) -> list:
        if self._geometries is None:
            self._geometries, self._build_geometries = self._build_geometries(), None
        return self._geometries

    def files(self) -> tuple[list, np.ndarray]:
        """Every piece's WKB and its box (n × 4, NaN where none), what a file written in bulk takes:
        the backend's own, or from the geometries."""
        if self._wkb is None:
            if self._build_wkb is None:
                shapes = self._all_geometries()
                self._wkb, self._boxes = [geometry_wkb(g) for g in shapes], boxes_array(map(geometry_box, shapes))
            else:
                (self._wkb, self._boxes), self._build_wkb = self._build_wkb(), None
        return self._wkb, self._boxes

    def attributes(self, position: int) -> dict:
        if self._attributes is None:
            self._attributes, self._build_attributes = self._build_attributes(), None
        return self._attributes[position]


def in_order(values: dict[int, dict], fids: list[int]) -> list[dict]:
    """Attributes by position from attributes by fid (a feature missing: no attributes)."""
    return [values.get(fid, {}) for fid in fids]


def read_attributes(control: ControlLayer, fids: list[int]) -> dict[int, dict]:
    """The wanted fields of some features: by id, or in one sequential pass when they are many."""
    layer = control.layer
    fields = list(control.fields)
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(fields, layer.fields())
    many = len(fids) * 8 > max(1, layer.featureCount())
    if not many:
        request.setFilterFids(fids)
    wanted = set(fids)
    indices = [layer.fields().lookupField(name) for name in fields]
    result = {}
    for feature in layer.getFeatures(request):
        fid = feature.id()
        if fid in wanted:
            values = feature.attributes()
            result[fid] = {name: values[i] for name, i in zip(fields, indices)}
    return result


class Backend:
    """One way to run the overlay. Subclasses: one per backend, registered in ``selector``."""

    name = ""

    @classmethod
    def unavailable(cls, layers: Sequence = ()) -> Optional[str]:
        """Why this backend cannot run on these layers (None: it can)."""
        return None

    def describe(self) -> str:
        """The backend in words (name, version, threads), for reports and algorithm logs."""
        return self.name

    def __init__(self, area, feedback=None):
        self.area = area  # shared.areas.AreaMethod
        self.feedback = feedback
        self._repairs: dict[tuple, Repair] = {}
        self._controls: dict[tuple, object] = {}  # (layer and filter, rectangles or None) -> its read
        self._noted: set = set()
        self.layouts: list[tuple[str, str]] = []  # (control name, how it was read), in order

    def _read_control(self, control: ControlLayer, rects):
        """Read a control layer's features (under ``rects`` of the area CRS, else all)."""
        raise NotImplementedError

    def _control(self, control: ControlLayer, rects=None, keep: bool = True):
        """The control layer's features under ``rects`` (None: all), read once while ``keep``
        (chunks are not kept: their point is to hold one at a time); a whole read, once made,
        serves every later overlay of the layer."""
        whole = self._controls.get((control.key, None))
        if whole is not None:
            return whole
        key = (control.key, None if rects is None else tuple(rects))
        found = self._controls.get(key)
        if found is None:
            found = self._read_control(control, rects)
            if keep:
                self._controls[key] = found
        return found

    def _layout(self, control: ControlLayer, boxes: dict, chunks: bool = False) -> list:
        """The regions an overlay of sites with these boxes reads (``footprint``); a layer
        already read whole is used whole. A layer without a spatial index is said once."""
        if (control.key, None) in self._controls:
            self.layouts.append((control.name, "whole"))
            return [footprint.Region(sorted(boxes), None)]
        layout = footprint.layout(control.layer, self.area.crs, boxes, chunks)
        self.layouts.append((control.name, layout.how))
        if layout.unindexed and control.layer.id() not in self._noted:
            self._noted.add(control.layer.id())
            self.note(footprint.unindexed_note(control.name, control.layer.featureCount()))
        return layout.regions

    def note(self, text: str) -> None:
        """A line for the run's log: the algorithm's feedback, and QGIS's message log."""
        if hasattr(self.feedback, "pushInfo"):
            self.feedback.pushInfo(text)
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Info)

    @property
    def repairs(self) -> list[Repair]:
        """Control and layer-site features repaired on a copy, each once, in the order found."""
        return list(self._repairs.values())

    def _record(self, layer: str, fid, problem: str) -> None:
        self._repairs.setdefault((layer, str(fid)), Repair(layer, str(fid), problem))

    def check_canceled(self) -> None:
        """Raise core.shared.cancel.Canceled once the run's feedback is canceled."""
        raise_if_canceled(self.feedback)

    def sites(self, geometries: Sequence[QgsGeometry], keys: Sequence = None) -> Sites:
        """Sites from QGIS geometries (valid, in the area CRS; null or empty ones get no pairs)."""
        raise NotImplementedError

    def layer_sites(self, control: ControlLayer) -> Sites:
        """Every feature of a layer as a site (keys = feature ids), repaired in bulk and reported."""
        raise NotImplementedError

    def overlay(self, sites: Sites, control: ControlLayer, progress=None, once: bool = False) -> Overlay:
        raise NotImplementedError

    def close(self) -> None:
        """Release what the backend holds (connections, caches)."""
        self._controls.clear()
