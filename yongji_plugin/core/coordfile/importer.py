"""Coordinate files → a polygon layer of project sites, plus a list of every problem found."""
from dataclasses import dataclass, field
from pathlib import Path
from typing import List

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsProject,
    QgsVectorLayer,
)

from ...i18n import tr
from ..shared.errors import PlanError
from ..shared.qt_compat import new_field
from .crs import DETECT, file_crs
from .geometry import SQM_PER_HA, parcel_area, parcel_geometry
from .model import CoordinateFile, Problem
from .parser import parse_file

FIELDS = [("DKBH", "string"), ("DKMC", "string"), ("DKYT", "string"), ("DLBM", "string"), ("TFH", "string"),
          ("JZDS", "int"), ("BSMJ_HA", "double"), ("JSMJ_M2", "double"), ("WJ", "string")]


@dataclass
class ParcelRow:
    """One parcel as the preview and report show it."""
    file: str
    number: str
    name: str
    stated_ha: float
    computed_ha: float
    imported: bool
    problems: List[str] = field(default_factory=list)


@dataclass
class ImportResult:
    layer: QgsVectorLayer
    rows: List[ParcelRow]
    problems: List[Problem]
    files: List[CoordinateFile]


def new_site_layer(crs: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}", name, "memory")
    layer.dataProvider().addAttributes([new_field(n, t) for n, t in FIELDS])
    layer.updateFields()
    return layer


def import_files(paths, mode: str = DETECT, name: str = None) -> ImportResult:
    """Parse and import one or many files; the layer takes the first file's CRS."""
    files = [parse_file(p) for p in paths]
    if not files:
        raise PlanError(tr("No coordinate file given"))
    crs_list = [file_crs(f, mode) for f in files]
    target = crs_list[0].authid
    if not QgsCoordinateReferenceSystem(target).isValid():
        raise PlanError(tr("Unknown CRS {crs}").format(crs=target))
    layer = new_site_layer(target, name or Path(files[0].path).stem)
    rows, problems, features = [], [], []
    for coordinates, crs in zip(files, crs_list):
        transform = None
        if crs.authid != target:
            transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(crs.authid),
                                               QgsCoordinateReferenceSystem(target), QgsProject.instance())
        problems.extend(_with_file(coordinates))
        rows_here, features_here = _parcels(coordinates, crs.easting_offset, transform, layer)
        rows += rows_here
        features += features_here
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return ImportResult(layer, rows, problems, files)


def _with_file(coordinates: CoordinateFile) -> List[Problem]:
    name = Path(coordinates.path).name
    return [Problem(p.line, p.parcel, f"{name}:{p.line}: {p.reason}", p.fatal) for p in coordinates.problems]


def _parcels(coordinates, offset, transform, layer):
    bad = coordinates.bad_parcels()
    name = Path(coordinates.path).name
    rows, features = [], []
    for parcel in coordinates.parcels:
        reasons = [p.reason for p in coordinates.problems if p.parcel == parcel.number]
        ok = parcel.number not in bad
        computed = parcel_area(parcel) if ok else 0.0
        rows.append(ParcelRow(name, parcel.number, parcel.name, parcel.area_ha,
                              computed / SQM_PER_HA, ok, reasons))
        if not ok:
            continue
        geometry = parcel_geometry(parcel, offset)
        if transform is not None:
            geometry.transform(transform)
        geometry.convertToMultiType()
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([parcel.number, parcel.name, parcel.use, parcel.land_code, parcel.sheet,
                               len(parcel.points), parcel.area_ha, computed, name])
        features.append(feature)
    return rows, features
