"""Change patches (变更图斑, 卫片图斑): polygons with the class before and after and a year.

Patches of a year that has a snapshot are checked against the snapshots: the class before must be
the class of the 现状 before it (the parcel under most of the patch), the class after that of the
year's snapshot — each disagreement is a listed problem naming the patch, both codes and the share
of the patch the 现状 class covers. Patches of a year without a snapshot make that year's 现状:
the one before with the patches laid over it (each patch a parcel of its class after, its 田坎
share its own KCXS, else the share of the parcel it replaced), so the year is monitored like any
snapshot; the before-check applies to them too. A patch without a year (a feature field NF, BGNF or
YEAR, else the layer's year as for snapshots), a year not after the reference, or a layer without
its before/after fields stops the run naming the layer and the feature.
"""

from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ...i18n import tr
from ..engine.geometry_repair import repaired
from ..plan_data.tiankan import COEFFICIENT, tiankan_share
from ..shared.errors import PlanError
from ..shared.layer_crs import crs_problem
from .snapshots import (
    PATCH_MISMATCH,
    UNKNOWN_CLASS,
    YEAR_FIELDS,
    Problem,
    Snapshot,
    SnapshotInput,
    memory_parcels,
    snapshot_year,
)
from .text import text

BEFORE_FIELD, AFTER_FIELD = "BGQDLBM", "BGHDLBM"  # 变更前 / 变更后地类编码


@dataclass
class PatchInput:
    layer: object
    year: Optional[int] = None  # the layer's year when its features carry none
    before_field: str = BEFORE_FIELD
    after_field: str = AFTER_FIELD


@dataclass
class Patch:
    layer: str
    fid: int
    year: int
    before: Optional[tuple]  # LandClasses.lookup of the class before (None: unknown)
    after: Optional[tuple]
    raw_after: str
    share: Optional[float]
    geometry: QgsGeometry


def check_patch_layer(given: PatchInput, area_crs) -> None:
    layer = given.layer
    if layer is None or not layer.isValid():
        raise PlanError(tr("Change-patch layer {name} cannot be read").format(name=layer.name() if layer else "—"))
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise PlanError(tr("Change-patch layer {name} is not a polygon layer").format(name=layer.name()))
    missing = [f for f in (given.before_field, given.after_field) if layer.fields().lookupField(f) < 0]
    if missing:
        raise PlanError(
            tr(
                "Change-patch layer {name} lacks the field {field} of the class before or after (its fields: {fields})"
            ).format(name=layer.name(), field=", ".join(missing), fields=", ".join(layer.fields().names()))
        )
    problem = crs_problem(layer.crs(), area_crs, layer.extent())
    if problem:
        raise PlanError(tr("Change-patch layer {name} {problem}").format(name=layer.name(), problem=problem))


def _layer_year(given: PatchInput) -> Optional[int]:
    try:
        return snapshot_year(SnapshotInput(given.layer, given.year))
    except PlanError:
        return None


def read_patches(given: PatchInput, base_year: int, classes, area_crs, problems: list) -> list:
    """Every patch in the area CRS with its year; a patch without one, or not after the base year, stops."""
    check_patch_layer(given, area_crs)
    layer, fallback = given.layer, _layer_year(given)
    year_field = next((f for f in YEAR_FIELDS if layer.fields().lookupField(f) >= 0), None)
    request = QgsFeatureRequest().setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    patches = []
    for feature in layer.getFeatures(request):
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            continue
        year = _feature_year(feature, year_field) or fallback
        if year is None or year <= base_year:
            raise PlanError(
                tr("Change-patch layer {name}, feature {fid}: {problem}").format(
                    name=layer.name(),
                    fid=feature.id(),
                    problem=tr("no year (a field {fields} or the layer's)").format(fields="/".join(YEAR_FIELDS))
                    if year is None
                    else tr("year {year} is not after {base}").format(year=year, base=base_year),
                )
            )
        patches.append(_patch(feature, given, year, classes, problems))
    return patches


def _feature_year(feature, field) -> Optional[int]:
    value = text(feature[field]) if field else None
    return int(value) if value and value.isdigit() else None


def _patch(feature, given, year, classes, problems) -> Patch:
    name = given.layer.name()
    raw = {}
    for key, field in (("before", given.before_field), ("after", given.after_field)):
        raw[key] = text(feature[field])
        if classes.lookup(raw[key]) is None:
            text_ = tr(
                "class code {code} ({which}) is not in the 三调 工作分类: counted neither as 建设用地 nor as 耕地"
            ).format(code=raw[key] or tr("(empty)"), which=tr("before") if key == "before" else tr("after"))
            problems.append(Problem(UNKNOWN_CLASS, year, name, str(feature.id()), text_))
    values = {COEFFICIENT: feature[COEFFICIENT]} if feature.fields().lookupField(COEFFICIENT) >= 0 else {}
    geometry, _ = repaired(feature.geometry())
    return Patch(
        name,
        feature.id(),
        year,
        classes.lookup(raw["before"]),
        classes.lookup(raw["after"]),
        raw["after"] or "",
        tiankan_share(values, name, feature.id()),
        geometry,
    )


class Under:
    """What lies under a patch in a snapshot: the parcel covering most of it."""

    def __init__(self, snapshot: Snapshot):
        self.layer = snapshot.layer
        self.features = {f.id(): f for f in self.layer.getFeatures()}
        self.index = QgsSpatialIndex()
        for feature in self.features.values():
            self.index.addFeature(feature)

    def dominant(self, geometry: QgsGeometry) -> tuple:
        """(feature, share of the patch it covers) or (None, 0)."""
        best, best_area = None, 0.0
        for fid in self.index.intersects(geometry.boundingBox()):
            area = self.features[fid].geometry().intersection(geometry).area()
            if area > best_area:
                best, best_area = self.features[fid], area
        whole = geometry.area()
        return best, (best_area / whole if whole else 0.0)

    def touching(self, geometry: QgsGeometry) -> list:
        return [self.features[fid] for fid in self.index.intersects(geometry.boundingBox())]


def check_against(patches: list, snapshot: Snapshot, which: str, problems: list) -> None:
    """A listed problem for each patch whose class ``which`` (before/after) is not the snapshot's."""
    under = Under(snapshot)
    for patch in patches:
        code = patch.before if which == "before" else patch.after
        feature, share = under.dominant(patch.geometry)
        found = feature["DLBM"] if feature is not None else None
        if code is not None and found != code[0]:
            problems.append(
                Problem(
                    PATCH_MISMATCH,
                    patch.year,
                    patch.layer,
                    str(patch.fid),
                    tr("class {which} {code}, but the {year} 现状 has {found} under {share:.0%} of the patch").format(
                        which=tr("before") if which == "before" else tr("after"),
                        code=code[0],
                        year=snapshot.year,
                        found=found or tr("nothing"),
                        share=share,
                    ),
                )
            )


def apply_patches(previous: Snapshot, patches: list, year: int) -> Snapshot:
    """The 现状 of ``year``: ``previous`` with the patches laid over it (see the module)."""
    name = ", ".join(dict.fromkeys(p.layer for p in patches))
    under = Under(previous)
    memory = memory_parcels(f"{name} ({year})", previous.layer.crs())
    union = QgsGeometry.unaryUnion([p.geometry for p in patches])
    touched = {f.id() for p in patches for f in under.touching(p.geometry)}
    features = []
    for fid, feature in under.features.items():
        geometry = feature.geometry().difference(union) if fid in touched else feature.geometry()
        if not geometry.isEmpty() and geometry.area() > 0:
            features.append(_parcel(memory, feature.attributes(), geometry))
    for patch in patches:
        replaced, _ = under.dominant(patch.geometry)
        share = patch.share if patch.share is not None else (replaced["KCXS"] if replaced is not None else None)
        code = patch.after[0] if patch.after else patch.raw_after
        features.append(
            _parcel(memory, [patch.fid, code, patch.after[2] if patch.after else None, share], patch.geometry)
        )
    memory.dataProvider().addFeatures(features)
    memory.updateExtents()
    return Snapshot(year, name, memory, name, memory.featureCount())


def _parcel(memory, attributes, geometry) -> QgsFeature:
    feature = QgsFeature(memory.fields())
    feature.setAttributes(list(attributes))
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()
    feature.setGeometry(geometry)
    return feature
