"""Project sites as the check reads them: validated, transformed to the area CRS, repaired."""
import math
from dataclasses import dataclass, field
from typing import List, Optional

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsWkbTypes,
)

from ...i18n import tr
from ..engine.geometry_repair import Repair, repaired
from ..shared.errors import PlanError

ID_FIELDS = ("XMBH", "DKBH", "id", "ID")
NAME_FIELDS = ("XMMC", "DKMC", "name", "NAME")
TYPE_FIELDS = ("XMLX",)


@dataclass
class Site:
    fid: int
    site_id: str
    name: str
    site_type: Optional[str]
    geometry: QgsGeometry  # in the area CRS, valid
    source_geometry: QgsGeometry
    notes: List[str] = field(default_factory=list)


def _pick(fields, candidates, explicit=None):
    if explicit:
        if fields.lookupField(explicit) < 0:
            return None
        return explicit
    return next((name for name in candidates if fields.lookupField(name) >= 0), None)


def check_site_layer(layer, name: str) -> None:
    """Raise a clear error for a site layer the check cannot use."""
    if layer is None:
        raise PlanError(tr("No site layer given"))
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise PlanError(tr("Site layer {name} must contain polygons, not {type}").format(
            name=name, type=QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(layer.wkbType()))))
    if not layer.sourceCrs().isValid():
        raise PlanError(tr("Site layer {name} has no CRS; set its CRS first").format(name=name))
    if layer.featureCount() == 0:
        raise PlanError(tr("Site layer {name} has no features").format(name=name))


def read_sites(layer, name: str, area_crs, id_field=None, name_field=None, type_field=None,
               repairs: List[Repair] = None) -> List[Site]:
    check_site_layer(layer, name)
    fields = layer.fields()
    for explicit in (id_field, name_field, type_field):
        if explicit and fields.lookupField(explicit) < 0:
            raise PlanError(tr("Site layer {name} lacks field {field}").format(name=name, field=explicit))
    id_field = _pick(fields, ID_FIELDS, id_field)
    name_field = _pick(fields, NAME_FIELDS, name_field)
    type_field = _pick(fields, TYPE_FIELDS, type_field)
    request = QgsFeatureRequest().setDestinationCrs(area_crs, QgsCoordinateTransformContext())
    sites = []
    for feature in layer.getFeatures(request):
        sites.append(_site(feature, id_field, name_field, type_field, name, repairs))
    return sites


def _site(feature, id_field, name_field, type_field, layer_name, repairs) -> Site:
    site_id = str(feature[id_field]) if id_field and feature[id_field] not in (None, "") \
        else str(feature.id())
    site = Site(feature.id(), site_id, str(feature[name_field] or "") if name_field else "",
                str(feature[type_field]) if type_field and feature[type_field] is not None else None,
                QgsGeometry(), feature.geometry())
    geometry = feature.geometry()
    if geometry.isNull() or geometry.isEmpty():
        site.notes.append(tr("site has no geometry"))
        return site
    box = geometry.boundingBox()
    if not all(math.isfinite(v) and abs(v) < 1e9 for v in (box.xMinimum(), box.yMinimum(),
                                                            box.xMaximum(), box.yMaximum())):
        site.notes.append(tr("site coordinates cannot be transformed to the area CRS"))
        return site
    geometry, problem = repaired(geometry)
    if problem:
        site.notes.append(tr("geometry repaired ({problem})").format(problem=problem))
        if repairs is not None:
            repairs.append(Repair(layer_name, site_id, problem))
    site.geometry = geometry
    return site
