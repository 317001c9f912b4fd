"""How the measures read their input layers: refused up front with one sentence, attributes as text."""

from typing import Optional

from qgis.core import QgsWkbTypes

from ...i18n import tr
from ..shared.errors import PlanError
from ..shared.layer_crs import crs_problem


def check_layer(layer, role: str, geometry_type, area_crs) -> None:
    """A layer of the wanted geometry type, in a CRS that reaches the area CRS, with features."""
    if layer is None:
        raise PlanError(tr("No {role} layer given").format(role=role))
    if QgsWkbTypes.geometryType(layer.wkbType()) != geometry_type:
        raise PlanError(
            tr("{role} layer {name} must contain {want}, not {type}").format(
                role=role,
                name=layer.name(),
                want=QgsWkbTypes.geometryDisplayString(geometry_type),
                type=QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(layer.wkbType())),
            )
        )
    problem = crs_problem(layer.crs(), area_crs, layer.extent())
    if problem:
        raise PlanError(tr("{role} layer {name} {problem}").format(role=role, name=layer.name(), problem=problem))
    if layer.featureCount() == 0:
        raise PlanError(tr("{role} layer {name} has no features").format(role=role, name=layer.name()))


def text(value) -> Optional[str]:
    """An attribute as trimmed text; None for NULL (None or a null QVariant) and blanks."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return str(value).strip() or None
