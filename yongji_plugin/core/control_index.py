"""A control layer prepared for many site lookups: geometries in the area CRS, repaired, indexed.

Built once per check; each site then touches only the features its bounding box meets, so a
site's work does not grow with the size of the whole control layer.
"""
from typing import Dict, List

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsRectangle,
    QgsSpatialIndex,
)

from ..i18n import tr
from .errors import PlanError
from .geometry_repair import Repair, repaired


class ControlIndex:
    def __init__(self, layer, name: str, area_crs, key_fields=(), filter_expression=None,
                 class_field=None, feedback: QgsFeedback = None):
        self.name = name
        self.geometries: Dict[int, QgsGeometry] = {}
        self.attributes: Dict[int, dict] = {}
        self.repairs: List[Repair] = []
        self.index = QgsSpatialIndex()
        self._load(layer, area_crs, tuple(key_fields) + ((class_field,) if class_field else ()),
                   filter_expression, feedback)

    def _request(self, layer, area_crs, fields, filter_expression) -> QgsFeatureRequest:
        if not layer.crs().isValid():
            raise PlanError(tr("Control layer {name} has no CRS").format(name=self.name))
        missing = [f for f in fields if layer.fields().lookupField(f) < 0]
        if missing:
            raise PlanError(tr("Control layer {name} lacks field {field}").format(
                name=self.name, field=", ".join(missing)))
        request = QgsFeatureRequest()
        request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
        if filter_expression:
            expression = QgsExpression(filter_expression)
            if expression.hasParserError():
                raise PlanError(tr("Rule filter {expr} is not a valid expression").format(
                    expr=filter_expression))
            request.setFilterExpression(filter_expression)
        request.setSubsetOfAttributes(list(fields), layer.fields())
        return request

    def _load(self, layer, area_crs, fields, filter_expression, feedback):
        for feature in layer.getFeatures(self._request(layer, area_crs, fields, filter_expression)):
            if feedback is not None and feedback.isCanceled():
                return
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry, problem = repaired(geometry)
            if problem:
                self.repairs.append(Repair(self.name, str(feature.id()), problem))
            fid = feature.id()
            self.geometries[fid] = geometry
            self.attributes[fid] = {f: feature[f] for f in fields}
            self.index.addFeature(fid, geometry.boundingBox())

    def candidates(self, rect: QgsRectangle) -> List[int]:
        return self.index.intersects(rect)

    def __len__(self):
        return len(self.geometries)
