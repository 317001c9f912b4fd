"""The vectorized backend: GEOS on numpy arrays through shapely ≥ 2, over all cores.

The control features under the sites (``footprint``: the whole layer for a batch over much of it,
chunks of neighbouring sites for one too large to hold) are read in bulk (GDAL's Arrow stream for
GeoPackage and Shapefile, through the layer's spatial index), reprojected on coordinate arrays and
indexed in an STRtree. Pairs come from one bulk tree query; validity is
checked and repaired in one vectorized pass over the touched control features; a control feature
wholly inside its site takes its own area, a site wholly inside a control feature the site's, and
only boundary pairs are intersected. The pair work runs in chunks of sites on a thread pool
(vectorized shapely releases the GIL; started only for work worth spreading), so progress and
cancel are checked between chunks.

Import only after ``selector`` found shapely ≥ 2 working here: it needs shapely ≥ 2 and numpy.
"""

import os
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely
from qgis.core import QgsGeometry

from ...i18n import tr
from ..shared import optional
from ..shared.areas import PLANAR
from ..shared.memory import give_back
from .backend import GAP_NOISE, INTERIORS_MEET, TILE_PIECES, Backend, Overlay, Sites, grid, read_attributes
from .bulk_read import BulkRead, read_layer
from .layers import ControlLayer
from .piece_store import blocks, spill_pieces, store
from .wkb_spill import Spill

CHUNK_PAIRS = 16384  # pairs per unit of work, at most (a chunk never splits a site)
MIN_CHUNKS = 32  # units of work per overlay, at least, when there are as many sites
NONE, CONTROL_INSIDE, SITE_INSIDE, CUT = 0, 1, 2, 3
POLYGON, MULTIPOLYGON, COLLECTION = 3, 6, 7


def polygonal(geometries: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry (None where there is none), as QGIS's polygon_part."""
    out = np.array(geometries, dtype=object, copy=True)
    types = shapely.get_type_id(out)
    empty = shapely.is_empty(out)
    out[~np.isin(types, (POLYGON, MULTIPOLYGON, COLLECTION)) | empty] = None
    for i in np.flatnonzero((types == COLLECTION) & ~empty):
        parts = shapely.get_parts(shapely.get_parts(out[i]))
        parts = parts[(shapely.get_type_id(parts) == POLYGON) & ~shapely.is_empty(parts)]
        out[i] = parts[0] if len(parts) == 1 else (shapely.multipolygons(parts) if len(parts) else None)
    return out


def validity_reason(geometry) -> str:
    """GEOS's reason without the location, as QGIS's validator words it."""
    return shapely.is_valid_reason(geometry).split("[")[0]


def to_qgis(geometry) -> QgsGeometry:
    if geometry is None:
        return QgsGeometry()
    result = QgsGeometry()
    result.fromWkb(shapely.to_wkb(geometry))
    return result


def to_qgis_all(geometries: np.ndarray) -> list[QgsGeometry]:
    """Many geometries at once: WKB written in one vectorized call."""
    out = []
    for wkb in shapely.to_wkb(geometries):
        geometry = QgsGeometry()
        if wkb is not None:
            geometry.fromWkb(wkb)
        out.append(geometry)
    return out


def _from_qgis(geometries: Sequence[QgsGeometry]) -> np.ndarray:
    wkb = np.empty(len(geometries), dtype=object)
    wkb[:] = [bytes(g.asWkb()) if g is not None and not g.isNull() and not g.isEmpty() else None for g in geometries]
    return shapely.from_wkb(wkb)


def _transform(geometries: np.ndarray, source_crs, area_crs) -> np.ndarray:
    """Reproject coordinate arrays in one call (PROJ through pyproj, else GDAL's osr)."""
    move = _pyproj_move(source_crs, area_crs) or _osr_move(source_crs, area_crs)
    return shapely.transform(geometries, move)


def _pyproj_move(source_crs, area_crs):
    """pyproj's transform, or None where pyproj is missing or finds no PROJ data (pyproj in a
    virtual environment looks under the environment's prefix, where QGIS's PROJ data is not)."""
    pyproj = optional.module("pyproj")
    if pyproj is None:
        return None
    from pyproj import Transformer

    # newer pyproj roots its errors in PyProjError, older ones (Debian 12's 3.4) in RuntimeError,
    # as DataDirError still is
    errors = (getattr(pyproj.exceptions, "PyProjError", RuntimeError), RuntimeError)
    try:
        transformer = Transformer.from_crs(_crs_text(source_crs), _crs_text(area_crs), always_xy=True)
    except errors:
        return None

    def move(xy):
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return move


def _osr_move(source_crs, area_crs):
    from osgeo import osr

    def srs(crs):
        ref = osr.SpatialReference()
        ref.SetFromUserInput(_crs_text(crs))
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return ref

    transformation = osr.CoordinateTransformation(srs(source_crs), srs(area_crs))

    def move(xy):
        return np.asarray(transformation.TransformPoints(xy), dtype=float)[:, :2]

    return move


def _crs_text(crs) -> str:
    return crs.authid() if crs.authid() else crs.toWkt()


class ShapelySites(Sites):
    def __init__(self, keys, geometries: np.ndarray, areas):
        super().__init__(keys, areas)
        self.area_array = np.asarray(self.areas, dtype=float)
        self.geometries = geometries
        self.present = np.flatnonzero(~shapely.is_missing(geometries) & ~shapely.is_empty(geometries))
        self.bounds = shapely.bounds(geometries)
        shapely.prepare(geometries[self.present])

    def geometry(self, index: int) -> QgsGeometry:
        return to_qgis(self.geometries[index])


class _Controls:
    """One control layer (with its filter) read in bulk; validity checked once per feature."""

    def __init__(self, backend: "ShapelyBackend", control: ControlLayer, rects=None):
        self.backend, self.name = backend, control.name
        try:
            read = read_layer(control, backend.area.crs, backend.from_wkb, rects=rects)
        except shapely.errors.ShapelyError:  # e.g. curves: QGIS reads them segmentized
            read = read_layer(control, backend.area.crs, backend.from_wkb, route="qgis", rects=rects)
        geometries = read.geometries
        if not read.transformed and control.layer.crs() != backend.area.crs:
            geometries = _transform(geometries, control.layer.crs(), backend.area.crs)
        present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
        self.read = read
        self.fids = read.fids[present]
        self.positions = np.flatnonzero(present)  # rows of ``read`` (for its columns)
        self.geometries = geometries[present]
        self.bounds = shapely.bounds(self.geometries)
        self.tree = shapely.STRtree(self.geometries)
        self.checked = np.zeros(len(self.fids), dtype=bool)
        self.areas = np.full(len(self.fids), np.nan)

    def check(self, indices: np.ndarray) -> None:
        """Validity of these features (first time only); invalid ones repaired on a copy."""
        indices = indices[~self.checked[indices]]
        if not len(indices):
            return
        valid = self.backend.parallel(shapely.is_valid, self.geometries[indices])
        for i in indices[~valid]:
            geometry = self.geometries[i]
            self.backend._record(self.name, int(self.fids[i]), validity_reason(geometry))
            self.geometries[i] = polygonal(np.array([shapely.make_valid(geometry)], dtype=object))[0]
        self.checked[indices] = True
        missing = indices[np.isnan(self.areas[indices])]
        self.areas[missing] = self.backend.measure(self.geometries[missing])

    def table(self, found: np.ndarray) -> BulkRead:
        """The fids and read columns of these features only (what an overlay keeps of a read)."""
        rows = np.unique(found)
        positions = self.positions[rows]
        return BulkRead(
            self.fids[rows], None, True, {name: column[positions] for name, column in self.read.columns.items()}
        )


class ShapelyBackend(Backend):
    name = "shapely"

    def __init__(self, area, feedback=None, workers: int = None):
        super().__init__(area, feedback)
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._threads = None  # started on the first work worth spreading (a one-site check has none)

    def describe(self) -> str:
        geos = ".".join(str(v) for v in shapely.geos_version)
        return tr("shapely {version} (GEOS {geos}), {threads} threads").format(
            version=shapely.__version__, geos=geos, threads=self.workers
        )

    def close(self) -> None:
        if self._threads is not None:
            self._threads.shutdown(wait=True)
            self._threads = None
        super().close()

    def _pool(self, parts: int):
        """The thread pool where ``parts`` pieces of work are worth spreading (None: work here)."""
        if self.workers < 2 or parts < 2:
            return None
        if self._threads is None:
            self._threads = ThreadPoolExecutor(self.workers)
        return self._threads

    # -- shared helpers ----------------------------------------------------------------------
    def parallel(self, function, *arrays, chunk: int = 8192):
        """``function`` over equal slices of the arrays on the pool, results concatenated."""
        count = len(arrays[0])
        pool = self._pool(count // chunk)
        if pool is None or count <= chunk:
            return function(*arrays)
        step = max(chunk, -(-count // (4 * self.workers)))
        parts = pool.map(lambda start: function(*(a[start : start + step] for a in arrays)), range(0, count, step))
        return np.concatenate(list(parts))

    def from_wkb(self, batches: list[np.ndarray]) -> np.ndarray:
        """WKB batches to geometries, the batches spread over the pool."""
        pool = self._pool(len(batches))
        parts = list(pool.map(shapely.from_wkb, batches)) if pool else [shapely.from_wkb(batch) for batch in batches]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=object)

    def measure(self, geometries: np.ndarray) -> np.ndarray:
        """Areas in m² by the area method (planar: vectorized; ellipsoidal: QGIS's, per geometry)."""
        if self.area.method == PLANAR:
            return shapely.area(geometries)
        return np.array([self.area.area(to_qgis(g)) for g in geometries], dtype=float)

    def _read_control(self, control: ControlLayer, rects) -> _Controls:
        return _Controls(self, control, rects)

    # -- the interface -----------------------------------------------------------------------
    def sites(self, geometries: Sequence[QgsGeometry], keys=None) -> ShapelySites:
        keys = list(range(len(geometries))) if keys is None else keys
        shapes = _from_qgis(geometries)
        areas = np.zeros(len(shapes))
        present = ~shapely.is_missing(shapes)
        areas[present] = self.measure(shapes[present])
        return ShapelySites(keys, shapes, areas.tolist())

    def layer_sites(self, control: ControlLayer) -> ShapelySites:
        controls = self._control(control)
        controls.check(np.arange(len(controls.fids)))
        keep = ~shapely.is_missing(controls.geometries)
        return ShapelySites(controls.fids[keep].tolist(), controls.geometries[keep], controls.areas[keep].tolist())

    def overlay(self, sites: ShapelySites, control: ControlLayer, progress=None, once=False) -> "ShapelyOverlay":
        """Sites × control layer, region by region of the read layout (``footprint``): one region
        reading the features under the sites, or the whole layer, or chunks of neighbouring sites
        reading their own features (pairs never cross regions: each site is in one)."""
        boxes = dict(zip(sites.present.tolist(), map(tuple, sites.bounds[sites.present].tolist())))
        regions = self._layout(control, boxes, chunks=True)
        chunked = len(regions) > 1  # then pieces go to a spill file and caches go with their chunk
        spill = Spill() if chunked else None
        parts = []
        for number, region in enumerate(regions):
            controls = self._control(control, region.rects, keep=not chunked)
            step = None if progress is None else (lambda f, n=number: progress((n + f) / len(regions)))
            present = np.asarray(region.sites, dtype=np.int64)
            parts.append(self._region_pairs(sites, present, controls, step, once, spill))
            if chunked:
                _unprepare(sites.geometries[present])
                give_back()
        site_index, fids, kinds, pieces, areas = (np.concatenate([part[i] for part in parts]) for i in range(5))
        order = np.lexsort((fids, site_index))
        table = parts[0][5] if len(parts) == 1 else _merged([part[5] for part in parts])
        pieces = store(pieces[order], spill)
        pairs = site_index[order], fids[order], kinds[order]
        overlay = ShapelyOverlay(self, sites, control, table, *pairs, pieces, areas[order])
        if chunked:
            del parts, pairs, site_index, fids, kinds, areas  # the unordered copies go back now
            give_back()
        return overlay

    def _region_pairs(self, sites: ShapelySites, present: np.ndarray, controls: _Controls, progress, once, spill):
        """(site index, fid, kind, piece, area, attribute table) of the pairs of some sites; the
        pieces written to ``spill`` where given (``piece_store``: then their rows in it)."""
        found_sites, found = controls.tree.query(sites.geometries[present])
        self.check_canceled()  # each vectorised step below takes up to a second on a county
        site_index = present[found_sites]
        if once:
            later = np.asarray(sites.keys, dtype=np.int64)[site_index] < controls.fids[found]
            site_index, found = site_index[later], found[later]
        controls.check(np.unique(found))
        usable = ~shapely.is_missing(controls.geometries[found])
        site_index, found = site_index[usable], found[usable]
        order = np.lexsort((controls.fids[found], site_index))
        site_index, found = site_index[order], found[order]
        kind = self._site_inside(sites, controls, site_index, found)
        self.check_canceled()
        chunks = self._chunks(site_index)
        results = self._run(
            chunks, lambda sl: self._pairs(sites, controls, site_index[sl], found[sl], kind[sl], once), progress
        )
        kinds = np.concatenate([r[0] for r in results]) if results else np.zeros(0, np.int8)
        pieces = np.concatenate([r[1] for r in results]) if results else np.zeros(0, object)
        areas = np.concatenate([r[2] for r in results]) if results else np.zeros(0)
        keep = kinds != NONE
        if self.area.method != PLANAR:
            cut = kinds == CUT
            areas[cut] = self.measure(pieces[cut])
        found, pieces = found[keep], pieces[keep]
        pieces = pieces if spill is None else spill_pieces(spill, pieces)
        return (site_index[keep], controls.fids[found], kinds[keep], pieces, areas[keep], controls.table(found))

    def _site_inside(self, sites, controls, site_index, found) -> np.ndarray:
        """SITE_INSIDE where a control feature contains the whole site (tested here, in one
        thread: a prepared geometry must not be shared between threads)."""
        kind = np.zeros(len(site_index), dtype=np.int8)
        sb, cb = sites.bounds[site_index], controls.bounds[found]
        maybe = np.flatnonzero(
            (cb[:, 0] <= sb[:, 0]) & (cb[:, 1] <= sb[:, 1]) & (cb[:, 2] >= sb[:, 2]) & (cb[:, 3] >= sb[:, 3])
        )
        if len(maybe):
            outer = controls.geometries[found[maybe]]
            shapely.prepare(outer)
            inside = shapely.contains(outer, sites.geometries[site_index[maybe]])
            kind[maybe[inside]] = SITE_INSIDE
        return kind

    def _chunks(self, site_index: np.ndarray) -> list[slice]:
        """Slices that never split a site's pairs: at most CHUNK_PAIRS pairs, and at least
        MIN_CHUNKS of them when there are as many sites (progress and cancel have a grain)."""
        return blocks(site_index, max(1, min(CHUNK_PAIRS, len(site_index) // MIN_CHUNKS)))

    def _run(self, chunks, work, progress):
        """Chunks on the pool, a few ahead; progress and cancel between chunks; results in order."""
        results, pending = [], deque()

        def collect(result):
            results.append(result)
            if progress is not None:
                progress(len(results) / len(chunks))

        pool = self._pool(len(chunks))
        try:
            for chunk in chunks:
                self.check_canceled()
                if pool is None:
                    collect(work(chunk))
                    continue
                pending.append(pool.submit(work, chunk))
                while len(pending) > 2 * self.workers:
                    collect(pending.popleft().result())
            while pending:
                self.check_canceled()
                collect(pending.popleft().result())
        finally:
            for future in pending:
                future.cancel()
        return results

    def _pairs(self, sites, controls, site_index, found, kind, once=False):
        """(kind, piece, area) per pair of one chunk; kind NONE drops the pair."""
        kind = kind.copy()
        site_shapes, control_shapes = sites.geometries[site_index], controls.geometries[found]
        pieces = np.empty(len(kind), dtype=object)
        areas = np.zeros(len(kind))
        sb, cb = sites.bounds[site_index], controls.bounds[found]
        maybe = np.flatnonzero(
            (kind == NONE)
            & (sb[:, 0] <= cb[:, 0])
            & (sb[:, 1] <= cb[:, 1])
            & (sb[:, 2] >= cb[:, 2])
            & (sb[:, 3] >= cb[:, 3])
        )
        inside = maybe[shapely.contains(site_shapes[maybe], control_shapes[maybe])]
        kind[inside] = CONTROL_INSIDE
        pieces[inside] = control_shapes[inside]
        areas[inside] = controls.areas[found[inside]]
        whole = kind == SITE_INSIDE
        pieces[whole] = site_shapes[whole]
        areas[whole] = sites.area_array[site_index[whole]]
        rest = np.flatnonzero(kind == NONE)
        if once:  # a layer against itself: neighbours mostly touch, which relate tells cheaper
            rest = rest[shapely.relate_pattern(site_shapes[rest], control_shapes[rest], INTERIORS_MEET)]
        else:
            rest = rest[shapely.intersects(site_shapes[rest], control_shapes[rest])]
        cut = polygonal(shapely.intersection(site_shapes[rest], control_shapes[rest]))
        kept = ~shapely.is_missing(cut)
        rest, cut = rest[kept], cut[kept]
        kind[rest] = CUT
        pieces[rest] = cut
        if self.area.method == PLANAR:  # ellipsoidal areas go through QGIS, in the main thread
            areas[rest] = shapely.area(cut)
        return kind, pieces, areas


class ShapelyOverlay(Overlay):
    def __init__(
        self,
        backend: ShapelyBackend,
        sites: ShapelySites,
        control,
        table: BulkRead,
        site_index,
        fids,
        kinds,
        pieces,
        areas,
    ):
        """``table``: fids and read columns of the control features in pairs (their attributes);
        ``pieces``: a ``piece_store`` store."""
        super().__init__(ShapelyBackend.name, sites, control, site_index, fids.tolist(), areas.tolist())
        self._backend, self._table = backend, table
        self._site_index, self._kinds = site_index, kinds
        self._store, self._areas = pieces, areas

    def covered_areas(self) -> list[float]:
        if self._covered is None:
            self._covered = self._union_by_group(self._site_index, len(self.sites)).tolist()
        return self._covered

    def _group_union_areas(self, groups: list[list[int]]) -> list[float]:
        flat = np.concatenate([np.asarray(g, dtype=np.int64) for g in groups])
        group = np.full(len(self._areas), -1, dtype=np.int64)
        group[flat] = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        return self._union_by_group(group, len(groups)).tolist()

    def _union_by_group(self, group: np.ndarray, count: int) -> np.ndarray:
        """Per group (one id per pair, -1 for none): the union's area, the groups walked in blocks
        of pieces (a compact store decodes one block at a time; a group is never split)."""
        member = np.flatnonzero(group >= 0)
        member = member[np.argsort(group[member], kind="stable")]
        totals = np.zeros(count)
        for block in blocks(group[member]):
            self._backend.check_canceled()
            pairs = member[block]
            totals += self._block_union(pairs, group[pairs], count)
        return totals

    def _block_union(self, pairs: np.ndarray, group: np.ndarray, count: int) -> np.ndarray:
        """The union areas of whole groups (sorted): pieces that share no interior with another
        of their group are summed; only the others are unioned."""
        shapes = self._store.take(pairs)
        flagged = self._overlapping(shapes, group)
        totals = np.bincount(group[~flagged], weights=self._areas[pairs[~flagged]], minlength=count)
        overlapping = np.flatnonzero(flagged)
        groups, starts = np.unique(group[overlapping], return_index=True)
        for g, members in zip(groups, np.split(overlapping, starts[1:])):
            union = polygonal(np.array([shapely.union_all(shapes[members])], dtype=object))
            totals[g] += self._backend.measure(union[~shapely.is_missing(union)]).sum()
        return totals

    def _overlapping(self, shapes: np.ndarray, group: np.ndarray) -> np.ndarray:
        """Which of these pieces share interior with another piece of their group: candidate
        pairs from one bounding-box query of a tree of the pieces, then GEOS on those."""
        prepared = shapely.is_prepared(shapes)
        if prepared.any():  # a prepared geometry must not be used by two threads: plain copies
            shapes = shapes.copy()
            shapes[prepared] = shapely.from_wkb(shapely.to_wkb(shapes[prepared]))
        a, b = shapely.STRtree(shapes).query(shapes)
        same = (a < b) & (group[a] == group[b])
        a, b = a[same], b[same]
        hit = self._backend.parallel(shapely.intersects, shapes[a], shapes[b])
        a, b = a[hit], b[hit]
        interior = ~self._backend.parallel(shapely.touches, shapes[a], shapes[b])
        flagged = np.zeros(len(shapes), dtype=bool)
        flagged[a[interior]] = True
        flagged[b[interior]] = True
        return flagged

    def _piece_builder(self, pair_indices: list[int]):
        pieces = self._store.subset(np.asarray(pair_indices, dtype=np.int64))
        return (lambda: to_qgis_all(pieces.take(slice(None)))), pieces.files

    def _union_geometries(self, groups: list[list[int]]) -> list[QgsGeometry]:
        out = []
        for pairs in groups:
            shapes = self._store.take(np.asarray(pairs, dtype=np.int64))
            union = shapes[0] if len(shapes) == 1 else polygonal(np.array([shapely.union_all(shapes)], dtype=object))[0]
            out.append(to_qgis(union))
        return out

    def _pieces(self, pair_indices: list[int]) -> list[QgsGeometry]:
        return to_qgis_all(self._store.take(np.asarray(pair_indices, dtype=np.int64)))

    def _compute_outside(self, site_indices: list[int], geometries: bool) -> dict[int, tuple]:
        by_site = self.pairs_by_site()
        sites: ShapelySites = self.sites
        result, single, several = {}, [], []
        for site in site_indices:
            pairs = by_site.get(site, [])
            if sites.geometries[site] is None or any(self._kinds[p] == SITE_INSIDE for p in pairs):
                result[site] = (0.0, None)
            elif not pairs:
                result[site] = (sites.areas[site], to_qgis(sites.geometries[site]) if geometries else None)
            elif len(pairs) == 1:
                single.append((site, pairs[0]))
            else:
                several.append((site, pairs))
        shapes = np.empty(len(single) + len(several), dtype=object)
        if single:
            site_ids, pair_ids = (np.array(v, dtype=np.int64) for v in zip(*single))
            shapes[: len(single)] = polygonal(
                self._backend.parallel(shapely.difference, sites.geometries[site_ids], self._store.take(pair_ids))
            )
        for number, (site, pairs) in enumerate(several):
            self._backend.check_canceled()
            shapes[len(single) + number] = _outside(
                sites.geometries[site], self._store.take(np.asarray(pairs, dtype=np.int64))
            )
        present = ~shapely.is_missing(shapes)
        areas = np.zeros(len(shapes))
        areas[present] = self._backend.measure(shapes[present])
        for (site, _), shape, area in zip(single + several, shapes, areas):
            result[site] = (float(area), to_qgis(shape) if geometries and shape is not None else None)
        return result

    def _read_attributes(self, fids: list[int]) -> dict[int, dict]:
        """From the columns read with the pairs' features; other fields (and features in no
        pair) through QGIS."""
        table = self._table
        wanted = np.asarray(fids, dtype=np.int64)
        rows = np.minimum(np.searchsorted(table.fids, wanted), max(0, len(table.fids) - 1))
        known = table.fids[rows] == wanted if len(table.fids) else np.zeros(len(fids), dtype=bool)
        plain = [name for name in self.control.fields if name in table.columns]
        columns = [table.values(name, rows[known]) for name in plain]
        known_fids = wanted[known].tolist()
        rows_of = zip(*columns) if plain else [()] * len(known_fids)
        result = {fid: dict(zip(plain, values)) for fid, values in zip(known_fids, rows_of)}
        result.update((fid, {}) for fid in wanted[~known].tolist())
        rest = tuple(n for n in self.control.fields if n not in plain)
        for names, which in ((rest, fids), (tuple(plain), wanted[~known].tolist())):
            if names and which:
                others = read_attributes(ControlLayer(self.control.layer, self.control.name, None, names), which)
                for fid in which:
                    result[fid].update(others.get(fid, {}))
        if not rest:  # already in the fields' order
            return result
        return {
            fid: {name: values[name] for name in self.control.fields if name in values}
            for fid, values in result.items()
        }


def _unprepare(geometries: np.ndarray) -> None:
    """Drop what GEOS cached for these prepared geometries (about 6 KB a five-vertex site: 0.6 GB
    for 100,000 sites), keeping them prepared for the next use."""
    shapely.destroy_prepared(geometries)
    shapely.prepare(geometries)


def _merged(tables: list[BulkRead]) -> BulkRead:
    """The attribute tables of several regions as one, each feature once, by fid."""
    fids = np.concatenate([t.fids for t in tables])
    names = [name for name in tables[0].columns if all(name in t.columns for t in tables)]
    columns = {name: np.ma.concatenate([t.columns[name] for t in tables]) for name in names}
    _, rows = np.unique(fids, return_index=True)
    return BulkRead(fids[rows], None, True, {name: column[rows] for name, column in columns.items()})


def _outside(site, pieces: np.ndarray):
    """site − union(pieces), polygonal or None; very many pieces: cell by cell."""
    if len(pieces) <= TILE_PIECES:
        covered = pieces[0] if len(pieces) == 1 else shapely.union_all(pieces)
        return polygonal(np.array([shapely.difference(site, covered)], dtype=object))[0]
    tree = shapely.STRtree(pieces)
    parts = []
    xmin, ymin, xmax, ymax = shapely.bounds(site)
    for cell in grid(xmin, ymin, xmax, ymax, len(pieces)):
        area = polygonal(np.array([shapely.clip_by_rect(site, *cell)], dtype=object))[0]
        if area is None:
            continue
        covering = shapely.clip_by_rect(pieces[tree.query(shapely.box(*cell))], *cell)
        covered = shapely.union_all(covering) if len(covering) else None
        gap = (
            area
            if covered is None or shapely.is_empty(covered)
            else polygonal(np.array([shapely.difference(area, covered)], dtype=object))[0]
        )
        if gap is not None and shapely.area(gap) > GAP_NOISE:
            parts.append(gap)
    if not parts:
        return None
    return polygonal(np.array([shapely.union_all(np.array(parts, dtype=object))], dtype=object))[0]
