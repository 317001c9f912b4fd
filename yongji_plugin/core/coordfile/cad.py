"""CAD red lines: the closed polylines and hatches of DXF drawings → project sites, and every problem.

Design institutes hand red lines over as CAD drawings; this is one more exchange format for what
the coordinate file import makes, so the result is the same kind of site layer (DKBH, DKMC, …,
JSMJ_M2, WJ) plus where each shape came from (CAD_LAYER, CAD_BLOCK, CAD_HANDLE, CAD_TYPE), and
the dialog, Processing and "send to the compliance check" treat it alike. Decisions:
- a site is a closed polyline (LWPOLYLINE, POLYLINE, closed flag or first point = last point; also
  a closed spline, circle or ellipse) or a hatch/solid; a hatch's islands are its holes. Nested
  closed polylines stay separate sites (a polyline knows nothing of the one around it; draw a
  hatch with an island for a hole) and the inner one is warned about, as both are counted;
- DKBH: the block name for a shape inserted from a block, else the CAD layer name, with "-handle"
  appended when several sites would share it; DKMC: that name without the handle. The CAD layer,
  block and handle are kept so every site can be found in the drawing again;
- open polylines are not imported; each is listed with its handle and the gap between its ends;
  lines, arcs, texts and other entities are counted in one note;
- the same outline twice (within 1 mm, e.g. a polyline and the hatch drawn on it) is imported once,
  the first in the file; the other is listed with both handles;
- a shape of no area is left out; a self-intersecting one is imported as drawn with a warning (the
  checks repair their copy, never the data, and list the repair);
- DXF has no CRS: the caller names it; implausible coordinates are a warning naming the likely CRS;
- a drawing with no closed shape, or one GDAL cannot read, stops with an error; nothing is written.
Problems carry the entity's line in the DXF file (0 for a binary DXF) and its handle.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...i18n import tr
from ..shared.errors import PlanError
from ..shared.geos_reasons import geos_reason_with_source
from ..shared.qt_compat import new_field
from .cad_place import placement_warning
from .cad_reader import CadEntity, read_entities
from .crs import DEFAULT_CRS
from .geometry import SQM_PER_HA
from .importer import FIELDS, ImportCanceled, ImportResult, ParcelRow, Progress
from .model import ERROR, NOTE, WARNING, Problem

CAD_FIELDS = FIELDS + [
    ("CAD_LAYER", "string"),
    ("CAD_BLOCK", "string"),
    ("CAD_HANDLE", "string"),
    ("CAD_TYPE", "string"),
]
CLOSED_GAP = 1e-6  # drawing units: ends closer than this close a polyline
SAME_OUTLINE = 0.001  # drawing units (1 mm): mean width of the difference of two "same" outlines
POLYLINES = ("LWPOLYLINE", "POLYLINE")


def default_crs() -> str:
    """The project's CRS when it has one, else the plan's (EPSG:4546)."""
    crs = QgsProject.instance().crs()
    return crs.authid() if crs.isValid() and crs.authid() else DEFAULT_CRS


def is_dxf(path) -> bool:
    return Path(path).suffix.lower() == ".dxf"


@dataclass
class CadImportResult(ImportResult):
    """An ImportResult whose layer has the CAD fields too."""

    @cached_property
    def layer(self) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"MultiPolygon?crs={self.crs}", self.name, "memory")
        layer.dataProvider().addAttributes([new_field(n, t) for n, t in CAD_FIELDS])
        layer.updateFields()
        layer.dataProvider().addFeatures(self.features)
        layer.updateExtents()
        return layer


@dataclass
class Shape:
    entity: CadEntity
    geometry: QgsGeometry  # a polygon or multipolygon in drawing coordinates
    area: float  # m², set by the check
    problems: list[Problem] = field(default_factory=list)
    kept: bool = True
    number: str = ""
    name: str = ""


def layer_names(text: str) -> list[str]:
    """CAD layer names from what a user types: separated by commas (also Chinese ones) or semicolons."""
    return [name.strip() for name in re.split(r"[,，;；]", text or "") if name.strip()]


def import_dxf(paths, crs: str, name: str = None, feedback=None, layers=()) -> CadImportResult:
    """Read, check and build the sites of one or many DXF drawings, all in ``crs`` (an auth id);
    ``layers``: the CAD layers to import (names, compared without case as CAD does), empty for all.

    Raises PlanError for a drawing GDAL cannot read or one without a closed shape, and
    ImportCanceled when ``feedback`` is cancelled.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise PlanError(tr("No DXF file given"))
    reference = QgsCoordinateReferenceSystem(crs or "")
    if not reference.isValid():
        raise PlanError(tr("Unknown CRS {crs}").format(crs=crs))
    progress = _Progress(feedback, 2 * len(paths))
    rows, problems, features = [], [], []
    for path in paths:
        drawing = _Drawing(path, reference, progress, layers)
        new_rows, new_problems = drawing.rows_and_problems(len(rows))
        rows += new_rows
        problems += new_problems
        features += drawing.features()
        progress.advance(1)
    if feedback is not None:
        feedback.setProgress(100)
    _check(feedback)
    return CadImportResult(reference.authid(), name or paths[0].stem, features, rows, problems, [])


def _check(feedback):
    if feedback is not None and feedback.isCanceled():
        raise ImportCanceled(tr("DXF import canceled: nothing was imported"))


class _Progress(Progress):
    """The coordinate import's progress, cancelled with the DXF import's own message."""

    def check(self):
        _check(self.feedback)


class _Drawing:
    """One drawing: its shapes checked, compared and named, and the problems of the file as a whole."""

    def __init__(self, path: Path, crs: QgsCoordinateReferenceSystem, progress: Progress, layers=()):
        self.file = path.name
        self.notes: list[Problem] = []
        self.area = _area_measure(crs)
        entities = read_entities(path, progress.check)
        progress.advance(1)
        self.shapes = self.find_shapes(self.select_layers(entities, layers) if layers else entities)
        for shape in self.shapes:
            self.check_shape(shape)
        compare_shapes([s for s in self.shapes if s.kept], progress.check)
        name_shapes(self.shapes)
        extent = QgsRectangle()
        for shape in self.shapes:
            extent.combineExtentWith(shape.geometry.boundingBox())
        warning = placement_warning(extent, crs.authid())
        if warning:
            self.notes.insert(0, Problem(0, "", warning, WARNING, None, self.file))

    def problem(self, entity: CadEntity, reason: str, level: str) -> Problem:
        return Problem(entity.line, tr("handle {handle}").format(handle=entity.handle), reason, level, None, self.file)

    def select_layers(self, entities: list[CadEntity], layers) -> list[CadEntity]:
        """The entities on the CAD layers asked for; closed shapes elsewhere are counted in a note, and
        none on those layers is an error naming the layers that do hold closed shapes."""
        wanted = {layer.casefold() for layer in layers}
        chosen = [e for e in entities if e.layer.casefold() in wanted]
        elsewhere = Counter(e.layer for e in entities if e.layer.casefold() not in wanted and _is_shape(e))
        if not any(_is_shape(e) for e in chosen):
            raise PlanError(
                tr(
                    "{file}: no closed polyline or hatch on the CAD layers {asked}; closed shapes are on: {found}"
                ).format(file=self.file, asked=", ".join(layers), found=", ".join(sorted(elsewhere)) or tr("no layer"))
            )
        if elsewhere:
            counted = ", ".join(f"{layer} × {count}" for layer, count in sorted(elsewhere.items()))
            self.notes.append(
                Problem(
                    0,
                    "",
                    tr("closed shapes on other CAD layers, not imported: {layers}").format(layers=counted),
                    NOTE,
                    None,
                    self.file,
                )
            )
        return chosen

    def find_shapes(self, entities: list[CadEntity]) -> list[Shape]:
        """Polygons and closed lines become shapes; open polylines are listed, the rest counted."""
        shapes, others = [], Counter()
        for entity in entities:
            geometry = entity.geometry
            kind = geometry.type()
            if kind == QgsWkbTypes.GeometryType.PolygonGeometry:
                shapes.append(Shape(entity, geometry, 0.0))
            elif kind == QgsWkbTypes.GeometryType.LineGeometry and _closed(geometry.asPolyline()):
                line = geometry.asPolyline()
                polygon = QgsGeometry.fromPolygonXY([line[:-1] + [line[0]]])
                shapes.append(Shape(entity, polygon, 0.0))
            elif kind == QgsWkbTypes.GeometryType.LineGeometry and entity.kind in POLYLINES:
                line = geometry.asPolyline()
                self.notes.append(
                    self.problem(
                        entity,
                        tr(
                            "{kind} on layer {layer} is open (its ends are {gap:.3f} apart): not imported; close it in "
                            "CAD"
                        ).format(kind=entity.kind, layer=entity.layer, gap=line[0].distance(line[-1])),
                        WARNING,
                    )
                )
            else:
                others[entity.kind or tr("other")] += 1
        if others:
            counted = ", ".join(f"{kind} × {count}" for kind, count in sorted(others.items()))
            self.notes.append(
                Problem(0, "", tr("not red lines, ignored: {entities}").format(entities=counted), NOTE, None, self.file)
            )
        if not shapes:
            opened = sum(1 for p in self.notes if p.parcel)
            raise PlanError(
                tr(
                    "{file}: the drawing has no closed polyline or hatch to import ({open} open "
                    "polylines; close the red lines in CAD); nothing was imported"
                ).format(file=self.file, open=opened)
            )
        return shapes

    def check_shape(self, shape: Shape):
        """No area: left out. Not valid (self-intersecting, hole outside): imported with a warning, its
        area that of GEOS's repair (a bow-tie's signed halves would cancel out)."""
        entity = shape.entity
        errors = shape.geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
        shape.area = self.area(shape.geometry if not errors else shape.geometry.makeValid())
        if shape.area <= 0.0:
            shape.kept = False
            shape.problems.append(
                self.problem(
                    entity,
                    tr("{kind} on layer {layer} encloses no area: not imported").format(
                        kind=entity.kind or tr("shape"), layer=entity.layer
                    ),
                    ERROR,
                )
            )
        elif errors:
            where = errors[0].where() if errors[0].hasWhere() else None
            at = tr(" at ({x:.3f}, {y:.3f})").format(x=where.x(), y=where.y()) if where is not None else ""
            shape.problems.append(
                self.problem(
                    entity,
                    tr(
                        "{kind} on layer {layer} is not a valid polygon: {reason}{at}; imported as drawn (the checks "
                        "repair a copy and list the repair)"
                    ).format(
                        kind=entity.kind or tr("shape"),
                        layer=entity.layer,
                        reason=geos_reason_with_source(errors[0].what()),
                        at=at,
                    ),
                    WARNING,
                )
            )

    def rows_and_problems(self, first_row: int):
        """The preview rows (one per shape) and every problem, each shape's tied to its row."""
        rows, problems = [], list(self.notes)
        for index, shape in enumerate(self.shapes):
            tied = [replace(p, file=self.file, index=first_row + index) for p in shape.problems]
            rows.append(ParcelRow(self.file, shape.number, shape.name, None, shape.area / SQM_PER_HA, shape.kept, tied))
            problems += tied
        return rows, sorted(problems, key=lambda p: p.line)  # the file's own (line 0) first

    def features(self) -> list[QgsFeature]:
        fields = QgsFields()
        for name, kind in CAD_FIELDS:
            fields.append(new_field(name, kind))
        features = []
        for shape in self.shapes:
            if not shape.kept:
                continue
            entity, geometry = shape.entity, QgsGeometry(shape.geometry)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes(
                [
                    shape.number,
                    shape.name,
                    "",
                    "",
                    "",
                    _vertices(geometry),
                    None,
                    round(shape.area, 2),
                    self.file,
                    entity.layer,
                    entity.block,
                    entity.handle,
                    entity.kind,
                ]
            )
            features.append(feature)
        return features


def _is_shape(entity: CadEntity) -> bool:
    kind = entity.geometry.type()
    return kind == QgsWkbTypes.GeometryType.PolygonGeometry or (
        kind == QgsWkbTypes.GeometryType.LineGeometry and _closed(entity.geometry.asPolyline())
    )


def _closed(line) -> bool:
    return len(line) >= 3 and line[0].distance(line[-1]) <= CLOSED_GAP


def _vertices(geometry: QgsGeometry) -> int:
    """Boundary points as a coordinate file counts them: each ring's closing point not repeated."""
    return sum(len(ring) - 1 for polygon in geometry.asMultiPolygon() for ring in polygon)


def _area_measure(crs: QgsCoordinateReferenceSystem):
    """m² of a geometry in ``crs``: planar for a projected CRS, on the ellipsoid for longitude/latitude."""
    if not crs.isGeographic():
        return lambda geometry: geometry.area()
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    measure.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7019")
    return measure.measureArea


def same_outline(one: QgsGeometry, other: QgsGeometry) -> bool:
    """The same area within SAME_OUTLINE: their difference is a sliver at most 1 mm wide on average."""
    if one.isGeosEqual(other):
        return True
    if not (one.isGeosValid() and other.isGeosValid()):
        return False
    tolerance = SAME_OUTLINE * max(one.length(), other.length())
    if abs(one.area() - other.area()) > tolerance:
        return False
    difference = one.symDifference(other)
    if difference is None or difference.isNull():
        return False  # GEOS could not tell
    return difference.isEmpty() or difference.area() <= tolerance


def compare_shapes(shapes: list[Shape], check):
    """Duplicates (kept once, the first in the file) and shapes inside another (kept, warned about)."""
    index, placed = QgsSpatialIndex(), []
    for number, shape in enumerate(shapes):
        if number % 200 == 0:
            check()
        box = shape.geometry.boundingBox()
        for candidate in index.intersects(box):
            other = placed[candidate]
            if _compare_pair(shape, other):
                break
        if shape.kept:
            index.addFeature(_indexed(len(placed), box))
            placed.append(shape)


def _compare_pair(shape: Shape, other: Shape) -> bool:
    """Record how ``shape`` relates to the earlier ``other``; True when it is a duplicate of it."""
    mine, theirs = shape.entity, other.entity
    if same_outline(shape.geometry, other.geometry):
        shape.kept = False
        shape.problems.append(
            replace(
                _problem_of(shape),
                reason=tr(
                    "{kind} on layer {layer} has the same outline as {other_kind} handle {other} "
                    "on layer {other_layer}: "
                    "imported once (handle {other}), handle {handle} left out"
                ).format(
                    kind=mine.kind,
                    layer=mine.layer,
                    other_kind=theirs.kind,
                    other=theirs.handle,
                    other_layer=theirs.layer,
                    handle=mine.handle,
                ),
            )
        )
        return True
    inner, outer = (shape, other) if other.geometry.contains(shape.geometry) else (other, shape)
    if outer.geometry.contains(inner.geometry):
        inner.problems.append(
            replace(
                _problem_of(inner),
                reason=tr(
                    "{kind} handle {handle} lies inside {outer_kind} handle {outer} on layer {outer_layer}: both are "
                    "imported as separate sites, so the area inside is counted twice; nested outlines are not made "
                    "holes (draw a hatch with an island for that)"
                ).format(
                    kind=inner.entity.kind,
                    handle=inner.entity.handle,
                    outer_kind=outer.entity.kind,
                    outer=outer.entity.handle,
                    outer_layer=outer.entity.layer,
                ),
            )
        )
    return False


def _problem_of(shape: Shape) -> Problem:
    return Problem(shape.entity.line, tr("handle {handle}").format(handle=shape.entity.handle), "", WARNING)


def _indexed(fid: int, box: QgsRectangle) -> QgsFeature:
    feature = QgsFeature(fid)
    feature.setGeometry(QgsGeometry.fromRect(box))
    return feature


def name_shapes(shapes: list[Shape]):
    """DKMC: the block name, else the CAD layer; DKBH: that name, "-handle" added where it is shared."""
    for shape in shapes:
        shape.name = shape.entity.block or shape.entity.layer
    counts = Counter(shape.name for shape in shapes if shape.kept)
    for shape in shapes:
        shared = counts[shape.name] > 1 or not shape.kept
        shape.number = f"{shape.name}-{shape.entity.handle}" if shared else shape.name
