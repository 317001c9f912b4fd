"""What the measures' algorithms share: their group and layers by parameter or plan code (the area
method is every algorithm's: processing.base; writing goes through processing.sinks.run_job)."""

from qgis.core import QgsProviderRegistry

from ..core.plan_data.catalogue import default_catalogue
from ..core.shared.errors import PlanError
from ..i18n import tr


def _named(layer):
    """A layer read from ``file.gpkg|layername=x`` is named x (not the file's name) in messages."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    if parts.get("layerName") and layer.name() != parts["layerName"]:
        layer.setName(parts["layerName"])
    return layer


class MeasureAlgorithm:
    """Mixed into YongjiAlgorithm by each measure's algorithm."""

    def group(self):
        return tr("Plan measures")

    def groupId(self):
        return "measures"

    def input_layer(self, parameters, name: str, context, label: str):
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None or not layer.isValid():
            raise PlanError(
                tr("{label}: no usable layer given ({value})").format(label=label, value=parameters.get(name) or "—")
            )
        return _named(layer)

    def plan_layer(self, parameters, context, name: str, gpkg_name: str, code: str, optional: bool = False):
        """The layer given as ``name``, else the catalogue layer ``code`` of the plan data."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is not None and layer.isValid():
            return _named(layer)
        found = self.plan_source_layers(parameters, context, gpkg_name).get(code)
        if found is None and not optional:
            spec = default_catalogue().layer(code)
            raise PlanError(
                tr("Give the {name} layer ({code}) or plan data that hold it").format(name=spec.name, code=code)
            )
        return found
