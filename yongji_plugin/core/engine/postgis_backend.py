"""The PostGIS backend: when sites and control layers live in one PostGIS database, the overlay
runs there as SQL and only numbers and the pieces asked for cross the wire.

Sites go to temporary tables (uploaded with COPY, or selected from a PostGIS layer); the control
table is only read, through its GiST index (``&&``), the layer's own SQL filter and a QGIS
expression filter applied as the key values of the features QGIS keeps (no filter text in SQL), and a reprojection when
its SRID is not the area CRS's. A feature is known by its key value (for an integer key QGIS's
feature id is the same number; for a bigint key QGIS numbers features itself, and the
backend asks QGIS for its ids), and attributes are read through QGIS so their types match the
other backends. Touched control features are checked with ``ST_IsValid`` once per session and
repaired on the fly (``ST_MakeValid``); a control feature inside its site takes its own area,
a site inside a control feature the site's, and only the rest is intersected. Temporary tables
cannot be read by parallel query workers, so the sites are split over as many sessions as a
parallel query would use (``max_parallel_workers_per_gather`` + 1) and run side by side.
Identifiers are quoted with ``psycopg2.sql``; nothing but temporary tables is ever written.
"""

import io
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

import numpy as np
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDataSourceUri,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
)

from ...i18n import tr
from ..shared import optional
from ..shared.areas import PLANAR
from ..shared.cancel import is_canceled
from ..shared.errors import PlanError
from ..shared.memory import give_back
from . import footprint
from .backend import INTERIORS_MEET, Backend, Canceled, Overlay, Sites
from .bulk_read import object_array
from .geometry_repair import polygon_part
from .layers import ControlLayer
from .wkb_spill import Spill

SMALL_INTEGER_TYPES = ("int2", "int4", "integer", "smallint", "serial")
INTEGER_TYPES = SMALL_INTEGER_TYPES + ("int8", "bigint", "bigserial")
MAX_SESSIONS = 8  # sessions side by side, at most
FEW_SITES = 200  # sites one session checks about as fast as several (the daily case): one connection
KEY_BATCH = 5000
SITE_BATCH = 5000  # sites whose pieces one query fetches (a province's 3 million pieces in parts)
CHUNKS_PER_SESSION = 4


# One chunk of sites against the control table, in one pass over the bounding-box pairs: the
# control's validity (its reason kept on the row when invalid, even for a pair that turns out
# not to overlap: kind 0, deleted once the reasons are read), the repaired geometry, the kind of
# pair and the piece. ``OFFSET 0`` keeps PostgreSQL from inlining the lateral steps, which
# would evaluate ST_Intersection more than once per pair.
PAIRS_SQL = (
    "INSERT INTO {pieces} (site, fid, kind, geom, area, problem)"
    " SELECT site, fid, kind, geom, area, problem FROM ("
    "  SELECT s.id AS site, c.yj_fid AS fid, k.kind, p.geom, {area} AS area,"
    "   CASE WHEN v.ok THEN NULL ELSE ST_IsValidReason(c.yj_geom) END AS problem"
    "  FROM {site_table} s JOIN {source} c ON {join}"
    "  CROSS JOIN LATERAL (SELECT ST_IsValid(c.yj_geom) AS ok OFFSET 0) v"
    "  CROSS JOIN LATERAL (SELECT CASE WHEN v.ok THEN c.yj_geom"
    "   ELSE ST_CollectionExtract(ST_MakeValid(c.yj_geom), 3) END AS g OFFSET 0) x"
    "  CROSS JOIN LATERAL (SELECT CASE WHEN ST_IsEmpty(x.g) THEN 0"
    "   WHEN s.geom ~ x.g AND ST_Contains(s.geom, x.g) THEN 1"
    "   WHEN x.g ~ s.geom AND ST_Contains(x.g, s.geom) THEN 2"
    "   WHEN {meet} THEN 3 ELSE 0 END AS kind OFFSET 0) k"
    "  CROSS JOIN LATERAL (SELECT CASE k.kind WHEN 0 THEN NULL WHEN 1 THEN x.g WHEN 2 THEN s.geom"
    "   ELSE ST_CollectionExtract(ST_Intersection(s.geom, x.g), 3) END AS geom OFFSET 0) p"
    "  WHERE s.id >= %s AND s.id < %s{once} OFFSET 0) q"
    " WHERE (kind > 0 AND NOT ST_IsEmpty(geom)) OR problem IS NOT NULL"
)

# Sites whose pieces, collected, are no valid multipolygon (so may overlap): their union.
OVERLAPPING_SQL = (
    "SELECT site, ST_AsBinary(ST_Union(geom)) FROM {pieces} WHERE site IN ("
    " SELECT p.site FROM {pieces} p, LATERAL ST_Dump(p.geom) d GROUP BY p.site"
    " HAVING count(*) > 1 AND NOT ST_IsValid(ST_Collect(d.geom))) GROUP BY site"
)


def _uri(layer) -> QgsDataSourceUri:
    return QgsDataSourceUri(layer.source())


def database_of(layer) -> tuple:
    uri = _uri(layer)
    return (uri.service(), uri.host(), uri.port(), uri.database(), uri.username())


def _unusable(layer) -> Optional[str]:
    """Why one layer cannot be read by SQL here (None: it can)."""
    if layer is None:
        return tr("an input is not a layer")
    if layer.providerType() != "postgres":
        return tr("layer {name} is not in PostGIS").format(name=layer.name())
    uri = _uri(layer)
    if not uri.table() or uri.table().startswith("("):
        return tr("layer {name} is a query, not a table").format(name=layer.name())
    key = uri.keyColumn().strip('"')
    index = layer.fields().lookupField(key) if key and "," not in key else -1
    if index < 0 or layer.fields().at(index).typeName().lower() not in INTEGER_TYPES:
        return tr("layer {name} has no single integer key column").format(name=layer.name())
    if layer.isModified():
        return tr("layer {name} has unsaved edits").format(name=layer.name())
    return None


class _Table:
    """How SQL reads one control layer: its quoted names and its SRID."""

    def __init__(self, layer):
        uri = _uri(layer)
        self.schema, self.table = uri.schema() or "public", uri.table()
        self.geometry, self.key = uri.geometryColumn(), uri.keyColumn().strip('"')
        self.srid = layer.crs().postgisSrid()

    def source(self, sql, area_srid: int):
        """A subquery with columns yj_fid, yj_raw (native CRS) and yj_geom (area CRS).

        Names only as identifiers; the layer's own SQL filter is never copied in (QGIS applies
        it, see :func:`kept_keys`)."""
        raw = sql.Identifier(self.geometry)
        geom = raw if self.srid == area_srid else sql.SQL("ST_Transform({}, {})").format(raw, sql.Literal(area_srid))
        return sql.SQL("(SELECT {key} AS yj_fid, {raw} AS yj_raw, {geom} AS yj_geom FROM {table})").format(
            key=sql.Identifier(self.key), raw=raw, geom=geom, table=sql.Identifier(self.schema, self.table)
        )

    def bbox_join(self, sql, site_geometry, area_srid: int):
        """The index-using bbox condition between a site and the subquery's raw geometry."""
        if self.srid == area_srid:
            return sql.SQL("c.yj_raw && {}").format(site_geometry)
        return sql.SQL("c.yj_raw && ST_Transform(ST_Expand({}, 10), {})").format(site_geometry, sql.Literal(self.srid))


def kept_keys(control: ControlLayer, key: str, area_crs=None, rects=None) -> Optional[list]:
    """Key values of the features the layer's SQL filter (subset string) and the QGIS expression
    filter keep, as QGIS reads them: the plugin's SQL takes them as a parameter, so neither
    filter's text is ever part of it (None: no filter, every feature). ``rects`` (area CRS):
    only those under them (the sites' footprint, read through the GiST index)."""
    if not control.filter and not control.layer.subsetString():
        return None
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([key], control.layer.fields())
    if control.filter:
        expression = QgsExpression(control.filter)
        request = QgsFeatureRequest().setFilterExpression(control.filter)
        if not expression.needsGeometry():
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        if QgsFeatureRequest.ALL_ATTRIBUTES not in expression.referencedColumns():
            request.setSubsetOfAttributes(list(expression.referencedColumns()) + [key], control.layer.fields())
    if rects is None:
        return [feature[key] for feature in control.layer.getFeatures(request)]
    request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    found = set()
    for rect in rects:
        request.setFilterRect(QgsRectangle(*rect))
        found.update(feature[key] for feature in control.layer.getFeatures(request))
    return sorted(found)


class _SameIds:
    """Key value → feature id where they are the same number (no dict of a province's millions)."""

    def __getitem__(self, key: int) -> int:
        return key


def feature_ids(layer, key: str, keys: Sequence[int]):
    """QGIS's feature id of each key value (a mapping). The same number for an int4 key; for a
    bigint key QGIS numbers features itself, so the ids are asked of QGIS (in batches of one IN
    list)."""
    if layer.fields().field(key).typeName().lower() in SMALL_INTEGER_TYPES:
        return _SameIds()
    wanted, found = sorted(set(keys)), {}
    for start in range(0, len(wanted), KEY_BATCH):
        request = QgsFeatureRequest().setFilterExpression(
            "{} IN ({})".format(
                QgsExpression.quotedColumnRef(key), ", ".join(str(int(k)) for k in wanted[start : start + KEY_BATCH])
            )
        )
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes([key], layer.fields())
        found.update((feature[key], feature.id()) for feature in layer.getFeatures(request))
    return found


class _Session:
    """One connection with its temporary tables; used by one thread at a time."""

    def __init__(self, conninfo: str):
        self.connection = optional.module("psycopg2").connect(conninfo)
        self.connection.autocommit = True  # each statement alone; temporary tables live for the session
        self.lock = threading.Lock()
        self.run("SET jit = off")  # compiling each statement costs more than it saves here
        self.run("SET enable_memoize = off")  # it would hash geometries to cache a per-pair step

    def run(self, query, args=None, fetch=False):
        with self.lock, self.connection.cursor() as cursor:
            cursor.execute(query, args)
            return cursor.fetchall() if fetch else None

    def cancel(self):
        self.connection.cancel()

    def close(self):
        self.connection.close()


class PostgisSites(Sites):
    def __init__(self, keys, areas, number: int, geometries=None):
        super().__init__(keys, areas)
        self.number = number  # temporary table yj_sites_<number> in every session
        self.geometries = geometries  # QGIS geometries (uploaded ones), else fetched on demand
        self.ranges: list[range] = []  # site indices held by each session

    def geometry(self, index: int) -> QgsGeometry:
        return QgsGeometry(self.geometries[index]) if self.geometries else QgsGeometry()


class PostgisBackend(Backend):
    name = "postgis"

    @classmethod
    def unavailable(cls, layers: Sequence = ()) -> Optional[str]:
        if optional.module("psycopg2") is None:
            return tr("psycopg2 is not installed")
        if not layers:
            return tr("no layer lives in PostGIS")
        for layer in layers:
            reason = _unusable(layer)
            if reason:
                return reason
        if len({database_of(layer) for layer in layers}) > 1:
            return tr("the layers are in different PostGIS databases")
        return None

    def __init__(self, area, feedback=None):
        super().__init__(area, feedback)
        self.srid = area.crs.postgisSrid()
        self._sessions: list[_Session] = []
        self._database = None
        self._counter = 0
        self._pending_sites: list[PostgisSites] = []
        self._server = ""

    def describe(self) -> str:
        return tr("PostGIS {version} in the database, {sessions} sessions").format(
            version=self._server or "?", sessions=len(self._sessions) or "?"
        )

    # -- sessions ----------------------------------------------------------------------------
    def _connect(self, layer, sites: Optional[PostgisSites] = None) -> None:
        """The sessions, on first use: as many as the server runs parallel workers (+1), or one
        when the first work is ``sites`` that few — each connection costs ~20 ms, about what
        checking a handful of sites costs."""
        reason = _unusable(layer)
        if reason:
            raise PlanError(tr("The postgis engine backend cannot run here: {reason}").format(reason=reason))
        if self._sessions:
            if database_of(layer) != self._database:
                raise PlanError(
                    tr("The postgis engine backend cannot run here: {reason}").format(
                        reason=tr("the layers are in different PostGIS databases")
                    )
                )
            return
        self._database = database_of(layer)
        conninfo = _uri(layer).connectionInfo(True)
        first = _Session(conninfo)
        workers = int(first.run("SHOW max_parallel_workers_per_gather", fetch=True)[0][0])
        self._server = first.run("SELECT postgis_lib_version()", fetch=True)[0][0]
        few = sites is not None and sum(len(s) for s in self._pending_sites) <= FEW_SITES
        self._sessions = [first] + [_Session(conninfo) for _ in range(0 if few else min(MAX_SESSIONS, workers + 1) - 1)]
        self._pool = ThreadPoolExecutor(len(self._sessions))
        for sites in self._pending_sites:
            self._upload(sites)
        self._pending_sites.clear()

    def close(self) -> None:
        for session in self._sessions:
            session.close()
        self._sessions = []
        if getattr(self, "_pool", None) is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _next(self) -> int:
        self._counter += 1
        return self._counter

    def _ranges(self, count: int) -> list[range]:
        step = -(-count // len(self._sessions)) if count else 1
        return [range(min(i * step, count), min((i + 1) * step, count)) for i in range(len(self._sessions))]

    def _each(self, work, report=None):
        """``work(session, index)`` on every session side by side, waiting here: ``report()`` is
        called while waiting (progress from this thread), a cancel stops every session."""
        from psycopg2 import errors

        futures = [self._pool.submit(work, session, index) for index, session in enumerate(self._sessions)]
        try:
            results = []
            for future in futures:
                while True:
                    try:
                        results.append(future.result(timeout=0.2))
                        break
                    except TimeoutError:
                        if report is not None:
                            report()
                        if is_canceled(self.feedback):
                            for session in self._sessions:
                                session.cancel()
                    except errors.QueryCanceled as error:
                        raise Canceled() from error
            self.check_canceled()
            return results
        finally:
            for future in futures:
                future.cancel()

    # -- sites -------------------------------------------------------------------------------
    def sites(self, geometries: Sequence[QgsGeometry], keys=None) -> PostgisSites:
        keys = list(range(len(geometries))) if keys is None else keys
        geometries = [g if g is not None and not g.isNull() and not g.isEmpty() else None for g in geometries]
        sites = PostgisSites(
            keys, [self.area.area(g) if g is not None else 0.0 for g in geometries], self._next(), geometries
        )
        if self._sessions:
            self._upload(sites)
        else:
            self._pending_sites.append(sites)
        return sites

    def _upload(self, sites: PostgisSites) -> None:
        from psycopg2 import sql

        sites.ranges = self._ranges(len(sites))
        table = sql.Identifier(f"yj_sites_{sites.number}")

        def upload(session, index):
            rows = io.StringIO()
            for i in sites.ranges[index]:
                geometry = sites.geometries[i]
                if geometry is not None:
                    rows.write(f"{i}\t\\\\x{bytes(geometry.asWkb()).hex()}\n")
            rows.seek(0)
            session.run(
                sql.SQL("CREATE TEMP TABLE {} (id integer PRIMARY KEY, wkb bytea)").format(
                    sql.Identifier(f"yj_upload_{sites.number}")
                )
            )
            with session.lock, session.connection.cursor() as cursor:
                cursor.copy_expert(
                    sql.SQL("COPY {} FROM STDIN").format(sql.Identifier(f"yj_upload_{sites.number}")).as_string(cursor),
                    rows,
                )
            session.run(
                sql.SQL(
                    "CREATE TEMP TABLE {} AS SELECT id, id::bigint AS key, "
                    "ST_SetSRID(ST_GeomFromWKB(wkb), {}) AS geom FROM {}"
                ).format(table, sql.Literal(self.srid), sql.Identifier(f"yj_upload_{sites.number}"))
            )
            self._index_sites(session, table)

        self._each(upload)

    def _index_sites(self, session, table) -> None:
        from psycopg2 import sql

        session.run(sql.SQL("CREATE INDEX ON {} USING gist (geom)").format(table))
        session.run(sql.SQL("CREATE INDEX ON {} (id)").format(table))
        session.run(sql.SQL("ANALYZE {}").format(table))

    def layer_sites(self, control: ControlLayer) -> PostgisSites:
        from psycopg2 import sql

        self._connect(control.layer)
        table = _Table(control.layer)
        source = table.source(sql, self.srid)
        kept = kept_keys(control, table.key)
        rows = self._sessions[0].run(
            sql.SQL(
                "SELECT c.yj_fid, ST_IsValid(c.yj_geom), ST_IsValidReason(c.yj_geom) FROM {} c "
                "WHERE c.yj_geom IS NOT NULL AND NOT ST_IsEmpty(c.yj_geom) ORDER BY c.yj_fid"
            ).format(source),
            fetch=True,
        )
        if kept is not None:
            keep = set(kept)
            rows = [row for row in rows if row[0] in keep]
        ids = feature_ids(control.layer, table.key, [row[0] for row in rows])
        for key, valid, reason in rows:
            if not valid:
                self._record(control.name, ids[key], reason.split("[")[0])
        fids = [row[0] for row in rows]
        sites = PostgisSites([ids[key] for key in fids], [0.0] * len(fids), self._next())
        sites.ranges = self._ranges(len(fids))
        name = sql.Identifier(f"yj_sites_{sites.number}")

        def select(session, index):
            part = sites.ranges[index]
            session.run(
                sql.SQL(
                    "CREATE TEMP TABLE {name} AS SELECT k.id, k.fid AS key, "
                    "CASE WHEN ST_IsValid(c.yj_geom) THEN c.yj_geom "
                    "ELSE ST_CollectionExtract(ST_MakeValid(c.yj_geom), 3) END AS geom "
                    "FROM {source} c JOIN unnest(%s::bigint[], %s::integer[]) AS k(fid, id) ON k.fid = c.yj_fid"
                ).format(name=name, source=source),
                (fids[part.start : part.stop], list(part)),
            )
            session.run(sql.SQL("DELETE FROM {} WHERE geom IS NULL OR ST_IsEmpty(geom)").format(name))
            self._index_sites(session, name)
            return session.run(sql.SQL("SELECT id, ST_AsBinary(geom) FROM {} ORDER BY id").format(name), fetch=True)

        geometries = [None] * len(fids)
        for part in self._each(select):
            for i, wkb in part:
                geometries[i] = _geometry(wkb)
        sites.geometries = geometries
        sites.areas = [self.area.area(g) if g is not None else 0.0 for g in geometries]
        return sites

    # -- the overlay -------------------------------------------------------------------------
    def _footprint(self, sites: PostgisSites, control: ControlLayer) -> Optional[list]:
        """Rectangles (area CRS) around the sites where a filter's keys are better read only
        under them (None: read them all). The overlay itself always meets the control table
        through its GiST index (``&&``) site by site, so only the filter's keys need this."""
        if not control.filter and not control.layer.subsetString():
            return None
        boxes = {}
        for index, geometry in enumerate(sites.geometries or []):
            if geometry is not None:
                box = geometry.boundingBox()
                boxes[index] = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        layout = footprint.layout(control.layer, self.area.crs, boxes)
        self.layouts.append((control.name, layout.how))
        return layout.regions[0].rects

    def overlay(self, sites: PostgisSites, control: ControlLayer, progress=None, once=False) -> "PostgisOverlay":
        from psycopg2 import sql

        self.check_canceled()
        self._connect(control.layer, sites)
        table = _Table(control.layer)
        number = self._next()
        names = {k: sql.Identifier(f"yj_{k}_{number}") for k in ("keep", "pieces")}
        site_table = sql.Identifier(f"yj_sites_{sites.number}")
        pairs_query, overlapping_query = sql.SQL(PAIRS_SQL), sql.SQL(OVERLAPPING_SQL)
        kept = kept_keys(control, table.key, self.area.crs, self._footprint(sites, control))
        source = table.source(sql, self.srid)
        if kept is not None:
            source = sql.SQL("(SELECT * FROM {} x WHERE x.yj_fid IN (SELECT fid FROM {}))").format(
                source, names["keep"]
            )
        join = table.bbox_join(sql, sql.SQL("s.geom"), self.srid)
        planar = self.area.method == PLANAR
        meet = (
            sql.SQL("ST_Relate(s.geom, x.g, {})").format(sql.Literal(INTERIORS_MEET))
            if once
            else sql.SQL("ST_Intersects(s.geom, x.g)")
        )
        done, total = [0] * len(self._sessions), max(1, len(self._sessions) * CHUNKS_PER_SESSION)

        def work(session, index):
            if kept is not None:
                session.run(sql.SQL("CREATE TEMP TABLE {} (fid bigint PRIMARY KEY)").format(names["keep"]))
                session.run(sql.SQL("INSERT INTO {} SELECT unnest(%s::bigint[])").format(names["keep"]), (kept,))
            session.run(
                sql.SQL(
                    "CREATE TEMP TABLE {} (site integer, fid bigint, kind smallint, geom geometry, "
                    "area double precision, problem text)"
                ).format(names["pieces"])
            )
            part = sites.ranges[index]
            step = max(1, -(-len(part) // CHUNKS_PER_SESSION))
            for start in range(part.start, part.stop, step):
                session.run(
                    pairs_query.format(
                        pieces=names["pieces"],
                        site_table=site_table,
                        source=source,
                        join=join,
                        area=sql.SQL("ST_Area(p.geom)" if planar else "NULL::double precision"),
                        once=sql.SQL(" AND s.key < c.yj_fid" if once else ""),
                        meet=meet,
                    ),
                    (start, min(start + step, part.stop)),
                )
                done[index] += 1  # read by the waiting thread, which reports progress
            problems = session.run(
                sql.SQL("SELECT DISTINCT fid, problem FROM {} WHERE problem IS NOT NULL").format(names["pieces"]),
                fetch=True,
            )
            if problems:  # rows kept only for their control's reason
                session.run(sql.SQL("DELETE FROM {} WHERE kind = 0 OR ST_IsEmpty(geom)").format(names["pieces"]))
            session.run(sql.SQL("CREATE INDEX ON {} (site, fid)").format(names["pieces"]))
            pairs = session.run(
                sql.SQL("SELECT site, fid, kind, area FROM {} ORDER BY site, fid").format(names["pieces"]), fetch=True
            )
            unions = session.run(overlapping_query.format(pieces=names["pieces"]), fetch=True)
            return pairs, problems, unions

        results = self._each(work, (lambda: progress(min(1.0, sum(done) / total))) if progress else None)
        rows = [row for pairs, _, _ in results for row in pairs]
        problems = sorted({p for _, found, _ in results for p in found})
        ids = feature_ids(control.layer, table.key, [row[1] for row in rows] + [key for key, _ in problems])
        for key, problem in problems:
            self._record(control.name, ids[key], problem.split("[")[0])
        unions = {site: wkb for _, _, found in results for site, wkb in found}
        overlay = PostgisOverlay(self, sites, control, names["pieces"], rows, ids, unions)
        del rows, results  # a province's millions of fetched rows: what they held goes back now
        give_back()
        return overlay


def _site_batches(pairs: list[int], sites) -> list[list[int]]:
    """Consecutive pairs (in site order) of at most SITE_BATCH sites each."""
    batches, count, last = [], SITE_BATCH, None
    for pair in pairs:
        if sites[pair] != last:
            last, count = sites[pair], count + 1
            if count > SITE_BATCH:
                batches.append([])
                count = 1
        batches[-1].append(pair)
    return batches


def _merged(batch: list[int], rows, sites, keys) -> list:
    """The WKB of each pair of ``batch`` from rows (site, key, WKB), both in (site, key) order
    (the pairs' own order); None for a pair without a row."""
    out, at = [None] * len(batch), 0
    for site, key, wkb in rows:
        while at < len(batch) and (sites[batch[at]], keys[batch[at]]) < (site, key):
            at += 1
        if at < len(batch) and (sites[batch[at]], keys[batch[at]]) == (site, key):
            out[at] = None if wkb is None else bytes(wkb)
            at += 1
    return out


def _geometry(wkb) -> Optional[QgsGeometry]:
    if wkb is None:
        return None
    geometry = QgsGeometry()
    geometry.fromWkb(bytes(wkb))
    geometry = polygon_part(geometry)
    return None if geometry.isEmpty() else geometry


class PostgisOverlay(Overlay):
    def __init__(self, backend: PostgisBackend, sites: PostgisSites, control, pieces_table, rows, ids, unions):
        areas = [row[3] for row in rows]
        self._backend, self._table, self._unions = backend, pieces_table, unions
        self._kinds = [row[2] for row in rows]
        self._keys = [row[1] for row in rows]  # key values in the table (pair_fids are QGIS's ids)
        self._owner = None  # session holding each site, built on first use
        super().__init__(
            PostgisBackend.name, sites, control, [row[0] for row in rows], [ids[row[1]] for row in rows], areas
        )
        if backend.area.method != PLANAR:  # QGIS's ellipsoidal measure, on the pieces themselves
            geometries = self._pieces(list(range(len(rows))))
            self.pair_areas = [backend.area.area(g) for g in geometries]

    def _session_of(self, site: int) -> int:
        if not self._backend._sessions:
            raise RuntimeError("the overlay engine was closed before its PostGIS results were read")
        if self._owner is None:
            self._owner = [number for number, part in enumerate(self.sites.ranges) for _ in part]
        return self._owner[site]

    def _by_session(self, pairs: Sequence[int]) -> dict[int, list[int]]:
        split: dict[int, list[int]] = {}
        for pair in pairs:
            split.setdefault(self._session_of(self.pair_sites[pair]), []).append(pair)
        return split

    def covered_areas(self) -> list[float]:
        """Sums per site, except where the database found pieces that may overlap: their union."""
        if self._covered is None:
            covered = [0.0] * len(self.sites)
            for site, area in zip(self.pair_sites, self.pair_areas):
                covered[site] += area
            for site, wkb in self._unions.items():
                geometry = _geometry(wkb)
                covered[site] = self._backend.area.area(geometry) if geometry is not None else 0.0
            self._covered = covered
        return self._covered

    def _piece_builder(self, pair_indices: list[int]):
        """The pieces' WKB is fetched now (the sessions close with the engine) into a spill file:
        a province's millions of pieces are not held in memory."""
        spill = Spill()
        where = self._fetched(pair_indices, spill.write)
        return (lambda: [_geometry(w) or QgsGeometry() for w in spill.read(where)]), None

    def _pieces(self, pair_indices: list[int]) -> list[QgsGeometry]:
        return [_geometry(w) or QgsGeometry() for w in self._fetched(pair_indices, object_array)]

    def _fetched(self, pair_indices, keep) -> np.ndarray:
        """What ``keep`` makes of the WKB of these pairs' pieces (a row per pair, as asked): the
        sessions side by side, each fetching the pieces of SITE_BATCH sites at a time."""
        from psycopg2 import sql

        unique, back = np.unique(np.asarray(pair_indices, dtype=np.int64), return_inverse=True)
        wanted = self._by_session(unique.tolist())
        query = sql.SQL("SELECT site, fid, ST_AsBinary(geom) FROM {} WHERE site = ANY(%s) ORDER BY site, fid")

        def work(session, index):
            parts = []
            for batch in _site_batches(wanted.get(index, []), self.pair_sites):
                self._backend.check_canceled()
                sites = sorted({self.pair_sites[p] for p in batch})
                rows = session.run(query.format(self._table), (sites,), fetch=True)
                parts.append((batch, keep(_merged(batch, rows, self.pair_sites, self._keys))))
            return parts

        parts = [part for found in self._backend._each(work) for part in found]
        if not parts:
            return keep([])[back]
        kept = np.concatenate([rows for _, rows in parts])
        result = np.empty_like(kept)
        result[np.searchsorted(unique, np.concatenate([batch for batch, _ in parts]))] = kept
        return result[back]

    def _grouped(self, groups: list[list[int]], select):
        """Run ``select`` (SQL over a CTE ``p`` of g, geom: the pieces of each group) on every
        session holding pieces of the groups, side by side; rows by group number."""
        from psycopg2 import sql

        per_session: dict[int, list[tuple]] = {}
        for number, pairs in enumerate(groups):
            session = self._session_of(self.pair_sites[pairs[0]])
            per_session.setdefault(session, []).extend((number, self.pair_sites[p], self._keys[p]) for p in pairs)
        query = (
            sql.SQL(
                "WITH m AS (SELECT * FROM unnest(%s::integer[], %s::integer[], %s::bigint[]) AS m(g, site, fid)), "
                "p AS MATERIALIZED (SELECT m.g, p.geom FROM m JOIN {} p ON p.site = m.site AND p.fid = m.fid) "
            ).format(self._table)
            + select
        )

        def work(session, index):
            members = per_session.get(index)
            if not members:
                return []
            return session.run(query, tuple(list(v) for v in zip(*members)), fetch=True)

        results = {}
        for rows in self._backend._each(work):
            for row in rows:
                results.setdefault(row[0], []).append(row[1:])
        return results

    def _group_union_areas(self, groups: list[list[int]]) -> list[float]:
        from psycopg2 import sql

        unions = self._grouped(
            groups,
            sql.SQL(
                ", bad AS (SELECT p.g FROM p, LATERAL ST_Dump(p.geom) d GROUP BY p.g "
                "HAVING count(*) > 1 AND NOT ST_IsValid(ST_Collect(d.geom))) "
                "SELECT g, ST_AsBinary(ST_Union(geom)) FROM p WHERE g IN (SELECT g FROM bad) GROUP BY g"
            ),
        )
        areas = []
        for number, pairs in enumerate(groups):
            if number in unions:  # pieces that may overlap: the area of their union
                geometry = _geometry(unions[number][0][0])
                areas.append(self._backend.area.area(geometry) if geometry is not None else 0.0)
            else:
                areas.append(sum(self.pair_areas[p] for p in pairs))
        return areas

    def _union_geometries(self, groups: list[list[int]]) -> list[QgsGeometry]:
        from psycopg2 import sql

        rows = self._grouped(groups, sql.SQL("SELECT g, ST_AsBinary(ST_Union(geom)) FROM p GROUP BY g"))
        return [(_geometry(rows[n][0][0]) if n in rows else None) or QgsGeometry() for n in range(len(groups))]

    def _compute_outside(self, site_indices: list[int], geometries: bool) -> dict[int, tuple]:
        from psycopg2 import sql

        sites: PostgisSites = self.sites
        by_site = self.pairs_by_site()
        result, asked = {}, {}
        for site in site_indices:
            pairs = by_site.get(site, [])
            if sites.geometries[site] is None or any(self._kinds[p] == 2 for p in pairs):
                result[site] = (0.0, None)
            elif not pairs:
                result[site] = (sites.areas[site], QgsGeometry(sites.geometries[site]))
            else:
                asked.setdefault(self._session_of(site), []).append(site)
        site_table = sql.Identifier(f"yj_sites_{sites.number}")
        for session, wanted in asked.items():
            self._backend.check_canceled()
            rows = self._backend._sessions[session].run(
                sql.SQL(
                    "SELECT s.id, ST_AsBinary(ST_Difference(s.geom, ST_Union(p.geom))) FROM {} s "
                    "JOIN {} p ON p.site = s.id WHERE s.id = ANY(%s) GROUP BY s.id, s.geom"
                ).format(site_table, self._table),
                (wanted,),
                fetch=True,
            )
            for site, wkb in rows:
                geometry = _geometry(wkb)
                result[site] = (self._backend.area.area(geometry), geometry) if geometry is not None else (0.0, None)
        return result
