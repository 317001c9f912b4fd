"""A DXF drawing as plain entities (handle, CAD layer, block, kind, 2D geometry, line in the file).

Read with GDAL/OGR's DXF driver, which every QGIS ships. Its behaviour is set per read through
thread-local configuration options (GDAL 3.6 has no open options for DXF; thread-local ones do not
disturb another read in another thread):
- ``DXF_INLINE_BLOCKS=TRUE``: block references come as the block's own entities, moved, scaled
  and rotated into place, carrying the INSERT's handle and layer;
- ``DXF_MERGE_BLOCK_GEOMETRIES=FALSE``: each of those entities stays a feature of its own, so a
  block holding a red line and its hatch gives two shapes, not one collection;
- ``DXF_CLOSED_LINE_AS_POLYGON=FALSE``: closed polylines come as closed LineStrings, so an open
  polyline can be told from a closed one (and reported).
Inlined entities do not say which block they came from, so a second, cheap read with
``DXF_INLINE_BLOCKS=FALSE`` maps each INSERT's handle to its block name.

Texts are recoded by GDAL from the drawing's code page ($DWGCODEPAGE, UTF-8 from AutoCAD 2007
on); GDAL 3.6 leaves block names undecoded, so every text is read as bytes and decoded as UTF-8,
else GB18030 (what a Chinese AutoCAD writes).
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from osgeo import gdal, ogr
from qgis.core import QgsGeometry

from ...i18n import tr
from ..shared.errors import PlanError

READ_OPTIONS = {
    "DXF_INLINE_BLOCKS": "TRUE",
    "DXF_MERGE_BLOCK_GEOMETRIES": "FALSE",
    "DXF_CLOSED_LINE_AS_POLYGON": "FALSE",
}
# OGR's SubClasses → the DXF entity type users know from CAD
ENTITY_TYPES = (
    ("AcDbHatch", "HATCH"),
    ("AcDbPolyline", "LWPOLYLINE"),
    ("AcDb2dPolyline", "POLYLINE"),
    ("AcDb3dPolyline", "POLYLINE"),
    ("AcDbArc", "ARC"),
    ("AcDbCircle", "CIRCLE"),
    ("AcDbEllipse", "ELLIPSE"),
    ("AcDbSpline", "SPLINE"),
    ("AcDbLine", "LINE"),
    ("AcDbTrace", "SOLID"),
    ("AcDbText", "TEXT"),
    ("AcDbMText", "MTEXT"),
)


@dataclass
class CadEntity:
    handle: str
    layer: str
    block: str  # the block it was inserted from, "" for an entity drawn in model space
    kind: str  # LWPOLYLINE, HATCH, … ("" when OGR does not say: entities of a block)
    geometry: QgsGeometry  # 2D, linear (arcs already divided into segments by GDAL)
    line: int  # line of the entity (or its INSERT) in the file, 0 when unknown


class _Options:
    """GDAL configuration options set for this thread while reading, restored afterwards."""

    def __init__(self, options: dict[str, str]):
        self.options = options
        self.saved = {}

    def __enter__(self):
        for key, value in self.options.items():
            self.saved[key] = gdal.GetThreadLocalConfigOption(key, None)
            gdal.SetThreadLocalConfigOption(key, value)

    def __exit__(self, *exc):
        for key, value in self.saved.items():
            gdal.SetThreadLocalConfigOption(key, value)


def open_dxf(path: Path, options: dict[str, str]):
    """The OGR dataset of a DXF file; PlanError naming the file when GDAL cannot read it as DXF."""
    if not path.is_file():
        raise PlanError(tr("{file}: no such file").format(file=path.name))
    with _Options(options):
        try:
            dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["DXF"])
        except RuntimeError as error:  # gdal.UseExceptions() is on in some QGIS builds
            dataset = None
            reason = str(error)
        else:
            reason = gdal.GetLastErrorMsg()
    if dataset is None or dataset.GetLayerByName("entities") is None:
        raise PlanError(
            tr(
                "{file}: GDAL cannot read it as a DXF drawing ({reason}); save it from CAD as "
                "DXF (ASCII, AutoCAD R12 to 2018)"
            ).format(file=path.name, reason=reason or tr("not DXF"))
        )
    return dataset


def text(feature, name: str) -> str:
    """A string field as UTF-8 or GB18030 text, "" when unset (see the module's note on encodings)."""
    index = feature.GetFieldIndex(name)
    if index < 0 or not feature.IsFieldSetAndNotNull(index):
        return ""
    raw = bytes(feature.GetFieldAsBinary(index))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def entity_kind(subclasses: str) -> str:
    for subclass, kind in ENTITY_TYPES:
        if subclass in subclasses.split(":"):
            return kind
    return ""


@dataclass
class Scan:
    """What a look at the file's text gives: each handle's line, and the encoding GDAL should use."""

    lines: dict[str, int]
    encoding: Optional[str]  # None: the drawing declares its own (or is binary)


def scan(path: Path) -> Scan:
    """Handle → line of the entity's "0" tag in an ASCII DXF (tags are code/value line pairs), and
    an encoding when the drawing declares none.

    Handles (group code 5, 105 for DIMSTYLE) are unique in a drawing. A binary DXF has no lines.
    Without $DWGCODEPAGE (and before AutoCAD 2007's UTF-8) GDAL reads texts as CP1252, which turns
    Chinese layer names into noise: such a drawing is read as UTF-8 when it is valid UTF-8, else
    as GB18030 (what Chinese CAD writes). A drawing that declares ANSI_1252 but holds UTF-8 text
    beyond ASCII (GDAL's own DXF writer does that) is read as UTF-8: CP1252 text with accents is
    never valid UTF-8. GDAL honours the encoding only in a drawing with a HEADER section, which
    every CAD program writes.
    """
    with open(path, "rb") as stream:
        data = stream.read()
    if data.startswith(b"AutoCAD Binary DXF"):
        return Scan({}, None)
    lines = data.splitlines()
    found, start, codepage = {}, 0, None
    for index in range(0, len(lines) - 1, 2):
        code, value = lines[index].strip(), lines[index + 1].strip()
        if code == b"0":
            start = index + 1
        elif code in (b"5", b"105"):
            found.setdefault(value.decode("ascii", errors="replace"), start)
        elif code == b"9" and value == b"$DWGCODEPAGE" and index + 3 < len(lines):
            codepage = lines[index + 3].strip().upper()
    return Scan(found, _encoding(data, codepage))


def _encoding(data: bytes, codepage: Optional[bytes]) -> Optional[str]:
    """The encoding to impose on GDAL (see scan), None to let it follow the drawing."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "CP936" if codepage is None else None
    if codepage is None or (codepage == b"ANSI_1252" and not data.isascii()):
        return "UTF-8"
    return None


def entities_of(dataset, path: Path):
    """The drawing's features; a drawing GDAL fails on part way is a PlanError naming the file (with
    GDAL's exceptions on, as QGIS 3.40's Processing leaves them, the read raised a RuntimeError)."""
    layer = dataset.GetLayerByName("entities")
    try:
        yield from layer
    except RuntimeError as error:
        raise PlanError(
            tr(
                "{file}: GDAL cannot read it as a DXF drawing ({reason}); save it from CAD as "
                "DXF (ASCII, AutoCAD R12 to 2018)"
            ).format(file=path.name, reason=error)
        ) from error


def insert_blocks(path: Path, encoding: dict[str, str]) -> dict[str, str]:
    """INSERT handle → block name, from a read that keeps block references as points."""
    dataset = open_dxf(path, {"DXF_INLINE_BLOCKS": "FALSE", **encoding})
    blocks = {}
    for feature in entities_of(dataset, path):
        name = text(feature, "BlockName")
        if name:
            blocks[text(feature, "EntityHandle")] = name
    return blocks


def read_entities(path, check=None) -> list[CadEntity]:
    """Every entity of the drawing's model space with a geometry; ``check()`` is called now and then
    (it raises to cancel). PlanError when GDAL cannot read the file."""
    path = Path(path)
    found = scan(path)
    encoding = {"DXF_ENCODING": found.encoding} if found.encoding else {}
    dataset = open_dxf(path, {**READ_OPTIONS, **encoding})
    blocks, lines = insert_blocks(path, encoding), found.lines
    entities = []
    for number, feature in enumerate(entities_of(dataset, path)):
        if check is not None and number % 500 == 0:
            check()
        geometry = feature.GetGeometryRef()
        if geometry is None or _in_paper_space(feature):
            continue
        handle = text(feature, "EntityHandle")
        for part in _parts(geometry):
            entities.append(
                CadEntity(
                    handle,
                    text(feature, "Layer"),
                    blocks.get(handle, ""),
                    entity_kind(text(feature, "SubClasses")),
                    part,
                    lines.get(handle, 0),
                )
            )
    return entities


def _in_paper_space(feature) -> bool:
    """A title block or viewport frame on a layout sheet, not a shape in the drawing's coordinates."""
    index = feature.GetFieldIndex("PaperSpace")
    return index >= 0 and feature.IsFieldSetAndNotNull(index) and bool(feature.GetFieldAsInteger(index))


def _parts(geometry) -> list[QgsGeometry]:
    """The geometry flattened to 2D and linear, a collection split into its members."""
    geometry = geometry.GetLinearGeometry() if geometry.HasCurveGeometry() else geometry.Clone()
    geometry.FlattenTo2D()
    if ogr.GT_Flatten(geometry.GetGeometryType()) in (
        ogr.wkbGeometryCollection,
        ogr.wkbMultiLineString,
        ogr.wkbMultiPoint,
    ):
        members = [geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())]
        return [part for member in members for part in _parts(member)]
    converted = QgsGeometry()
    converted.fromWkb(bytes(geometry.ExportToWkb()))
    return [converted]
