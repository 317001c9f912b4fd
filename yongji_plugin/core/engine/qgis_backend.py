"""The QGIS-only backend: QGIS geometries and GEOS through QgsGeometryEngine, no shapely.

For QGIS builds without shapely 2 (Debian 12's shapely 1.8, macOS). The control features under
the sites (``footprint``; the whole layer for a batch over much of it) are read once into a
spatial index with their geometries; each site is prepared once and asked only
about its bounding-box neighbours; a control feature wholly inside the site is counted with its
own area, a site wholly inside a control feature with the site's, and only the rest is
intersected. Validity is checked (and repaired on a copy) once per touched control feature.
"""

from collections.abc import Sequence
from typing import Optional

from qgis.core import (
    Qgis,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsSpatialIndex,
)

from ...i18n import tr
from ..shared.areas import PLANAR
from .backend import GAP_NOISE, INTERIORS_MEET, TILE_PIECES, Backend, Overlay, Sites, grid
from .geometry_repair import POLYGONAL, polygon_part, repaired
from .layers import ControlLayer
from .spatial_index import bulk_index

PROGRESS_EVERY = 64  # sites between progress reports, at most


class QgisSites(Sites):
    def __init__(self, keys, geometries: list[QgsGeometry], area):
        self.geometries = [g if g is not None and not g.isNull() and not g.isEmpty() else None for g in geometries]
        super().__init__(keys, [area.area(g) if g is not None else 0.0 for g in self.geometries])
        self._engines: dict[int, object] = {}

    def geometry(self, index: int) -> QgsGeometry:
        geometry = self.geometries[index]
        return QgsGeometry(geometry) if geometry is not None else QgsGeometry()

    def engine(self, index: int):
        engine = self._engines.get(index)
        if engine is None:
            engine = _prepared(self.geometries[index])
            self._engines[index] = engine
        return engine

    def release(self, index: int) -> None:
        self._engines.pop(index, None)


def _prepared(geometry: QgsGeometry):
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return engine


def _request(control: ControlLayer, area_crs) -> QgsFeatureRequest:
    request = QgsFeatureRequest()
    request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    if control.filter:
        request.setFilterExpression(control.filter)
    else:
        request.setNoAttributes()
    return request


class _Controls:
    """A control layer in a bulk spatial index; geometries checked and repaired on first use."""

    def __init__(self, backend: "QgisBackend", control: ControlLayer, rects=None):
        self.backend, self.name = backend, control.name
        if rects is None:
            self.index = bulk_index(control.layer.getFeatures(_request(control, backend.area.crs)), backend.feedback)
        else:
            self.index = _index_under(control, backend, rects)
        self._checked: dict[int, tuple] = {}  # fid -> (geometry, bbox, abstract geometry) or None
        self._areas: dict[int, float] = {}
        self._engines: dict[int, object] = {}

    def get(self, fid: int) -> Optional[tuple]:
        entry = self._checked.get(fid, False)
        if entry is False:
            geometry, problem = repaired(self.index.geometry(fid))
            if problem:
                self.backend._record(self.name, fid, problem)
            entry = None if geometry.isEmpty() else (geometry, geometry.boundingBox(), geometry.constGet())
            self._checked[fid] = entry
        return entry

    def area(self, fid: int) -> float:
        area = self._areas.get(fid)
        if area is None:
            area = self._areas[fid] = self.backend.area.area(self._checked[fid][0])
        return area

    def engine(self, fid: int):
        engine = self._engines.get(fid)
        if engine is None:
            engine = self._engines[fid] = _prepared(self._checked[fid][0])
        return engine


def _index_under(control: ControlLayer, backend: "QgisBackend", rects) -> QgsSpatialIndex:
    """An index of the features under the rectangles (area CRS), each once, read through the
    layer's own spatial index (the request's filter rectangle)."""
    index = QgsSpatialIndex(QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
    seen = set()
    for rect in rects:
        backend.check_canceled()
        request = _request(control, backend.area.crs).setFilterRect(QgsRectangle(*rect))
        for feature in control.layer.getFeatures(request):
            if feature.id() not in seen and feature.hasGeometry():
                seen.add(feature.id())
                index.addFeature(feature)
    return index


class QgisOverlay(Overlay):
    def __init__(self, backend, sites: QgisSites, control, pairs, pieces, site_inside):
        super().__init__(
            QgisBackend.name, sites, control, [p[0] for p in pairs], [p[1] for p in pairs], [p[2] for p in pairs]
        )
        self._backend = backend
        self._geometries: list[QgsGeometry] = pieces
        self._site_inside = site_inside  # sites wholly inside one control feature

    def _areas(self, geometry: QgsGeometry) -> float:
        return self._backend.area.area(geometry)

    def _group_union_areas(self, groups: list[list[int]]) -> list[float]:
        areas = []
        for pairs in groups:
            if _disjoint(pairs, self._geometries):  # a valid multipolygon: no two pieces overlap
                areas.append(sum(self.pair_areas[p] for p in pairs))
                continue
            flagged = _overlapping(pairs, self._geometries)
            total = sum(self.pair_areas[p] for p in pairs if p not in flagged)
            if flagged:
                total += self._areas(_union([self._geometries[p] for p in sorted(flagged)]))
            areas.append(total)
        return areas

    def _union_geometries(self, groups: list[list[int]]) -> list[QgsGeometry]:
        return [_union([self._geometries[p] for p in pairs]) for pairs in groups]

    def _pieces(self, pair_indices: list[int]) -> list[QgsGeometry]:
        return [QgsGeometry(self._geometries[p]) for p in pair_indices]

    def _piece_builder(self, pair_indices: list[int]):
        return (lambda: [self._geometries[p] for p in pair_indices]), None  # shared, no copy

    def _compute_outside(self, site_indices: list[int], geometries: bool) -> dict[int, tuple]:
        by_site = self.pairs_by_site()
        result = {}
        for site in site_indices:
            self._backend.check_canceled()
            geometry = self.sites.geometries[site]
            pairs = by_site.get(site, [])
            if geometry is None or site in self._site_inside:
                result[site] = (0.0, None)
            elif not pairs:
                result[site] = (self.sites.areas[site], QgsGeometry(geometry))
            else:
                outside = _outside(geometry, [self._geometries[p] for p in pairs])
                result[site] = (self._areas(outside), outside if not outside.isEmpty() else None)
        return result


def _union(geometries: list[QgsGeometry]) -> QgsGeometry:
    if len(geometries) == 1:
        return QgsGeometry(geometries[0])
    return polygon_part(QgsGeometry.unaryUnion(geometries))


def _disjoint(pairs: list[int], geometries: list[QgsGeometry]) -> bool:
    """True when the pieces, collected, make a valid multipolygon (so no two share interior);
    False may also mean pieces that only share edges: the caller then looks pair by pair."""
    return QgsGeometry.collectGeometry([geometries[p] for p in pairs]).isGeosValid()


def _overlapping(pairs: list[int], geometries: list[QgsGeometry]) -> set:
    """Pairs whose piece shares interior with another piece of the group."""
    boxes = [geometries[p].boundingBox() for p in pairs]
    flagged = set()
    if len(pairs) <= 64:
        candidates = (
            (i, j) for i in range(len(pairs)) for j in range(i + 1, len(pairs)) if boxes[i].intersects(boxes[j])
        )
    else:
        index = QgsSpatialIndex()
        for i, box in enumerate(boxes):
            index.addFeature(i, box)
        candidates = ((i, j) for i, box in enumerate(boxes) for j in index.intersects(box) if j > i)
    engines = {}
    for i, j in candidates:
        engine = engines.get(i) or engines.setdefault(i, _prepared(geometries[pairs[i]]))
        other = geometries[pairs[j]].constGet()
        if engine.intersects(other) and not engine.touches(other):
            flagged.update((pairs[i], pairs[j]))
    return flagged


def _outside(site: QgsGeometry, pieces: list[QgsGeometry]) -> QgsGeometry:
    """site − union(pieces); a site with very many pieces is done cell by cell."""
    if len(pieces) <= TILE_PIECES:
        return polygon_part(site.difference(_union(pieces)))
    index = QgsSpatialIndex()
    for i, piece in enumerate(pieces):
        index.addFeature(i, piece.boundingBox())
    parts = []
    for cell in grid_cells(site.boundingBox(), len(pieces)):
        area = polygon_part(site.clipped(cell))
        if area.isEmpty():
            continue
        covering = [pieces[i].clipped(cell) for i in index.intersects(cell)]
        covered = QgsGeometry.unaryUnion(covering) if covering else QgsGeometry()
        gap = area if covered.isEmpty() else polygon_part(area.difference(covered))
        if not gap.isEmpty() and gap.area() > GAP_NOISE:
            parts.append(gap)
    return polygon_part(QgsGeometry.unaryUnion(parts)) if parts else QgsGeometry()


def _box(geometry: QgsGeometry) -> tuple:
    box = geometry.boundingBox()
    return box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()


def grid_cells(extent: QgsRectangle, count: int):
    for x0, y0, x1, y1 in grid(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum(), count):
        yield QgsRectangle(x0, y0, x1, y1)


class QgisBackend(Backend):
    name = "qgis"

    def describe(self) -> str:
        return tr("QGIS {version} (GEOS {geos}), one thread").format(
            version=Qgis.QGIS_VERSION.split("-")[0], geos=Qgis.geosVersion().split("-")[0]
        )

    def _read_control(self, control: ControlLayer, rects) -> _Controls:
        return _Controls(self, control, rects)

    def sites(self, geometries: Sequence[QgsGeometry], keys=None) -> QgisSites:
        keys = list(range(len(geometries))) if keys is None else keys
        return QgisSites(keys, list(geometries), self.area)

    def layer_sites(self, control: ControlLayer) -> QgisSites:
        keys, geometries = [], []
        for feature in control.layer.getFeatures(_request(control, self.area.crs)):
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry, problem = repaired(geometry)
            if problem:
                self._record(control.name, feature.id(), problem)
            if not geometry.isEmpty():
                keys.append(feature.id())
                geometries.append(geometry)
        order = sorted(range(len(keys)), key=keys.__getitem__)
        return QgisSites([keys[i] for i in order], [geometries[i] for i in order], self.area)

    def overlay(self, sites: QgisSites, control: ControlLayer, progress=None, once=False) -> QgisOverlay:
        """Sites × control layer, reading the features under the sites or the whole layer
        (``footprint``; not chunked: province-sized batches are the shapely and PostGIS backends')."""
        boxes = {i: _box(g) for i, g in enumerate(sites.geometries) if g is not None}
        region = self._layout(control, boxes)[0]
        controls = self._control(control, region.rects)
        pairs, pieces, site_inside = [], [], set()
        every = max(1, min(PROGRESS_EVERY, len(sites) // 32))
        for site, geometry in enumerate(sites.geometries):
            self.check_canceled()  # every site: a large site over a dense layer takes a while
            if site % every == 0 and progress is not None:
                progress(site / max(1, len(sites)))
            if geometry is None:
                continue
            self._site_pairs(
                site, geometry, sites, controls, pairs, pieces, site_inside, sites.keys[site] if once else None
            )
            sites.release(site)
        return QgisOverlay(self, sites, control, pairs, pieces, site_inside)

    def _site_pairs(self, site, geometry, sites, controls, pairs, pieces, site_inside, after=None):
        """Pairs of one site; ``after``: only control features with a larger id, where the
        interiors meet (a layer against itself)."""
        box = geometry.boundingBox()
        engine = sites.engine(site)
        shape = geometry.constGet()
        measure = (lambda g: g.area()) if self.area.method == PLANAR else self.area.area
        for fid in sorted(controls.index.intersects(box)):
            if after is not None and fid <= after:
                continue
            entry = controls.get(fid)
            if entry is None:
                continue
            control, control_box, control_shape = entry
            if box.contains(control_box) and engine.contains(control_shape):
                piece, area = control, controls.area(fid)
            elif control_box.contains(box) and controls.engine(fid).contains(shape):
                piece, area = geometry, sites.areas[site]
                site_inside.add(site)
            elif (
                engine.intersects(control_shape)
                if after is None
                else engine.relatePattern(control_shape, INTERIORS_MEET)
            ):
                piece = QgsGeometry(engine.intersection(control_shape))
                if piece.wkbType() not in POLYGONAL:
                    piece = polygon_part(piece)
                if piece.isEmpty():
                    continue
                area = measure(piece)
            else:
                continue
            pairs.append((site, fid, area))
            pieces.append(piece)
