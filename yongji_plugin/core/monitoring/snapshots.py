"""现状 snapshots: 地类图斑 layers by year, checked and read once into one shape the run works on.

A snapshot is a polygon layer with a class field (DLBM by the 三调 工作分类) and a year: given with
it, else from a year field (NF, BGNF, YEAR: one value for the whole layer), else the one year its
name holds (``DLTB_2022``). Without a year, with a year given twice, at or before the reference
year, or without its class field, the run stops with a sentence naming the layer. A code the
class table lacks is listed as a problem with its feature and counted as neither 建设用地 nor 耕地
(never guessed). Each snapshot is read into a memory layer in the area CRS (geometries repaired
on the copy and reported; the user's layer is only read) with the fields ``src_fid``, ``DLBM``,
``CAT`` (category) and ``KCXS`` (the 田坎 share, plan_data.tiankan), so a snapshot in another CRS
or with its class field under another name reads like any other.
"""

from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...i18n import tr
from ..engine.geometry_repair import Repair, repaired
from ..plan_data.tiankan import COEFFICIENT, DEDUCTED, PARCEL_AREA, tiankan_share
from ..shared.cancel import raise_if_canceled
from ..shared.errors import PlanError
from ..shared.layer_crs import crs_problem
from ..shared.qt_compat import new_field
from .classes import LandClasses
from .text import text, year_in_name

YEAR_FIELDS = ("NF", "BGNF", "YEAR", "年份")
CLASS_FIELD = "DLBM"
UNKNOWN_CLASS, NO_TIANKAN, PATCH_MISMATCH = "unknown_class", "no_tiankan", "patch_mismatch"


@dataclass
class SnapshotInput:
    """A layer the user gives as 现状 of a year (``year`` None: found as the module says)."""

    layer: object
    year: Optional[int] = None
    class_field: str = CLASS_FIELD


@dataclass(frozen=True)
class Problem:
    """A listed finding on the input: the run goes on, the report and the problems table name it."""

    kind: str
    year: int
    layer: str
    feature: str
    text: str


@dataclass
class Snapshot:
    year: int
    name: str  # the user's layer name
    layer: QgsVectorLayer  # the normalized memory copy (area CRS)
    source: str = ""  # the user's layer source, for the report
    parcels: int = 0
    unknown: int = 0
    undeducted: int = 0
    repairs: list = field(default_factory=list)


def _layer_name(layer) -> str:
    return layer.name() if layer is not None else "—"


def _check_layer(given: SnapshotInput, area_crs) -> None:
    layer = given.layer
    if layer is None or not layer.isValid():
        raise PlanError(tr("Snapshot layer {name} cannot be read").format(name=_layer_name(layer)))
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise PlanError(tr("Snapshot layer {name} is not a polygon layer of 地类图斑").format(name=layer.name()))
    if layer.fields().lookupField(given.class_field) < 0:
        raise PlanError(
            tr("Snapshot layer {name} lacks the class field {field} (its fields: {fields})").format(
                name=layer.name(), field=given.class_field, fields=", ".join(layer.fields().names())
            )
        )
    problem = crs_problem(layer.crs(), area_crs, layer.extent())
    if problem:
        raise PlanError(tr("Snapshot layer {name} {problem}").format(name=layer.name(), problem=problem))


def _field_year(layer) -> Optional[int]:
    for name in YEAR_FIELDS:
        index = layer.fields().lookupField(name)
        if index < 0:
            continue
        values = {text(v) for v in layer.uniqueValues(index)} - {None}
        if len(values) > 1:
            raise PlanError(
                tr(
                    "Snapshot layer {name}: its field {field} holds several years ({years}); give one layer per year"
                ).format(name=layer.name(), field=name, years=", ".join(sorted(values)))
            )
        if values:
            value = values.pop()
            if not value.isdigit():
                raise PlanError(
                    tr("Snapshot layer {name}: its field {field} holds {value}, not a year").format(
                        name=layer.name(), field=name, value=value
                    )
                )
            return int(value)
    return None


def snapshot_year(given: SnapshotInput) -> int:
    """The snapshot's year: given, else its year field, else its name; a PlanError when it has none."""
    year = given.year or _field_year(given.layer) or year_in_name(given.layer.name())
    if year is None:
        raise PlanError(
            tr(
                "Snapshot layer {name} has no year: give its year, a field {fields} holding it, or a "
                "name with the year (DLTB_2022)"
            ).format(name=given.layer.name(), fields="/".join(YEAR_FIELDS))
        )
    return int(year)


def check_snapshots(given: list, base_year: int, area_crs, patches: bool = False) -> list[int]:
    """Every snapshot usable, each with its own year after the base year; returns the years.
    ``patches``: change patches come too (then no snapshot is needed)."""
    if not given and not patches:
        raise PlanError(
            tr("Give at least one 现状 snapshot or change-patch layer of a year after {year}").format(year=base_year)
        )
    years = []
    for item in given:
        _check_layer(item, area_crs)
        years.append(snapshot_year(item))
    for item, year in zip(given, years):
        if year <= base_year:
            raise PlanError(
                tr("Snapshot layer {name} is of {year}, not after the reference year {base}").format(
                    name=item.layer.name(), year=year, base=base_year
                )
            )
        twice = [g.layer.name() for g, y in zip(given, years) if y == year]
        if len(twice) > 1:
            raise PlanError(
                tr("Two snapshots are of the same year {year}: {names}").format(year=year, names=", ".join(twice))
            )
    return years


def memory_parcels(name: str, crs) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", name, "memory")
    layer.dataProvider().addAttributes(
        [
            new_field("src_fid", "long"),
            new_field("DLBM", "string"),
            new_field("CAT", "string"),
            new_field("KCXS", "double"),
        ]
    )
    layer.updateFields()
    return layer


def read_snapshot(
    given: SnapshotInput, year: int, classes: LandClasses, area_crs, problems: list, feedback=None
) -> Snapshot:
    """The snapshot as a memory layer in the area CRS; unknown codes and parcels without 田坎 listed."""
    layer = given.layer
    wanted = [n for n in (given.class_field, COEFFICIENT, DEDUCTED, PARCEL_AREA) if layer.fields().lookupField(n) >= 0]
    request = QgsFeatureRequest().setSubsetOfAttributes(wanted, layer.fields())
    request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    memory = memory_parcels(f"{layer.name()} ({year})", area_crs)
    snapshot = Snapshot(year, layer.name(), memory, layer.source())
    features = []
    for feature in layer.getFeatures(request):
        raise_if_canceled(feedback)
        features.append(_parcel(feature, given, year, classes, snapshot, problems, memory))
    memory.dataProvider().addFeatures([f for f in features if f is not None])
    memory.updateExtents()
    snapshot.parcels = memory.featureCount()
    return snapshot


def _parcel(feature, given, year, classes, snapshot, problems, memory) -> Optional[QgsFeature]:
    if not feature.hasGeometry() or feature.geometry().isEmpty():
        return None
    geometry, problem = repaired(feature.geometry())
    if problem:
        snapshot.repairs.append(Repair(snapshot.name, str(feature.id()), problem))
    raw = text(feature[given.class_field])
    found = classes.lookup(raw)
    if found is None:
        snapshot.unknown += 1
        problems.append(
            Problem(
                UNKNOWN_CLASS,
                year,
                snapshot.name,
                str(feature.id()),
                tr("class code {code} is not in the 三调 工作分类: counted neither as 建设用地 nor as 耕地").format(
                    code=raw if raw is not None else tr("(empty)")
                ),
            )
        )
    values = {n: feature[n] for n in (COEFFICIENT, DEDUCTED, PARCEL_AREA) if feature.fields().lookupField(n) >= 0}
    share = tiankan_share(values, snapshot.name, feature.id())
    if found is not None and found[2] == "farmland" and share is None:
        snapshot.undeducted += 1
    out = QgsFeature(memory.fields())
    out.setAttributes([feature.id(), found[0] if found else raw, found[2] if found else None, share])
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()
    out.setGeometry(geometry)
    return out
