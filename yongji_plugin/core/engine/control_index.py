"""A control layer prepared for many site lookups: geometries in the area CRS, indexed in bulk.

The spatial index (with its geometries) is built in one C++ pass; validity is checked and
repaired only for features a site actually touches, and attributes are fetched in batches for the
features that end up in the output. So a site's work does not grow with the whole layer.

Built under a feedback, the index is either whole or not built: a cancel before, during or right
after the build raises ``core.shared.cancel.Canceled`` (see ``spatial_index.bulk_index``).
"""
from typing import Dict, Iterable, Iterator, List, Tuple

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsRectangle,
)

from ...i18n import tr
from ..shared.errors import PlanError
from ..shared.extents import extent_in
from ..shared.layer_crs import crs_problem
from .geometry_repair import Repair, repaired
from .spatial_index import bulk_index


class ControlIndex:
    def __init__(self, layer, name: str, area_crs, key_fields=(), filter_expression=None,
                 class_field=None, feedback: QgsFeedback = None):
        self.name = name
        self.layer = layer
        self.key_fields = tuple(key_fields) + ((class_field,) if class_field else ())
        self.repairs: List[Repair] = []
        self._checked: Dict[int, QgsGeometry] = {}
        self._attributes: Dict[int, dict] = {}
        request = self._request(layer, area_crs, self.key_fields, filter_expression)
        self.index = bulk_index(layer.getFeatures(request), feedback)
        self.extent = extent_in(layer, area_crs).buffered(1.0)

    def _request(self, layer, area_crs, fields, filter_expression) -> QgsFeatureRequest:
        problem = crs_problem(layer.crs(), area_crs, layer.extent())
        if problem:  # an undefined or untransformable CRS would put every feature nowhere (or anywhere)
            raise PlanError(tr("Control layer {name} {problem}").format(name=self.name, problem=problem))
        missing = [f for f in fields if layer.fields().lookupField(f) < 0]
        if missing:
            raise PlanError(tr("Control layer {name} lacks field {field}").format(
                name=self.name, field=", ".join(missing)))
        request = QgsFeatureRequest()
        request.setDestinationCrs(area_crs, QgsCoordinateTransformContext())
        request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        if filter_expression:
            if QgsExpression(filter_expression).hasParserError():
                raise PlanError(tr("Rule filter {expr} is not a valid expression").format(
                    expr=filter_expression))
            request.setFilterExpression(filter_expression)
        else:
            request.setNoAttributes()
        return request

    def geometry(self, fid: int) -> QgsGeometry:
        """The feature's geometry in the area CRS, repaired on a copy (and the repair recorded)."""
        geometry = self._checked.get(fid)
        if geometry is None:
            geometry, problem = repaired(self.index.geometry(fid))
            if problem:
                self.repairs.append(Repair(self.name, str(fid), problem))
            self._checked[fid] = geometry
        return geometry

    def candidates(self, rect: QgsRectangle) -> List[int]:
        return self.index.intersects(rect)

    def fids(self) -> List[int]:
        return sorted(self.index.intersects(self.extent))

    def items(self) -> Iterator[Tuple[int, QgsGeometry]]:
        for fid in self.fids():
            geometry = self.geometry(fid)
            if not geometry.isEmpty():
                yield fid, geometry

    def attributes(self, fids: Iterable[int]) -> Dict[int, dict]:
        """Key and class field values of the given features, fetched in one request."""
        fids = [fid for fid in fids if fid is not None]
        wanted = [fid for fid in set(fids) if fid not in self._attributes]
        if wanted and self.key_fields:
            request = QgsFeatureRequest().setFilterFids(wanted)
            request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
            request.setSubsetOfAttributes(list(self.key_fields), self.layer.fields())
            for feature in self.layer.getFeatures(request):
                self._attributes[feature.id()] = {f: feature[f] for f in self.key_fields}
        return {fid: self._attributes.get(fid, {}) for fid in fids}

    def __len__(self):
        return len(self.fids())
