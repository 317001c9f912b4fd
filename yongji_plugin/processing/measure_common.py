"""What the measures' algorithms share: their group, layers by parameter or plan code, writing their
layers (the area method is every algorithm's: processing.base)."""
from pathlib import Path

from qgis.core import QgsProviderRegistry

from ..core.plan_data.catalogue import default_catalogue
from ..core.shared.errors import PlanError
from ..i18n import tr


def report_files(report: str):
    """The files a report writes: the HTML, its PDF and its map."""
    html = Path(report)
    return html, html.with_suffix(".pdf"), html.with_name(html.stem + "_map.png")


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
            raise PlanError(tr("{label}: no usable layer given ({value})").format(
                label=label, value=parameters.get(name) or "—"))
        return _named(layer)

    def write_layers(self, parameters, context, feedback, written, layers: dict) -> dict:
        """Each result layer into its sink (optional ones only when asked for), registered for a cancel."""
        outputs = {}
        for key, layer in layers.items():
            written.will_write(self.parameterAsOutputLayer(parameters, key, context))
            destination = self.write_output(parameters, key, context, layer, feedback)
            if destination is not None:
                outputs[key] = destination
        return outputs

    def plan_layer(self, parameters, context, name: str, gpkg_name: str, code: str, optional: bool = False):
        """The layer given as ``name``, else the catalogue layer ``code`` of the plan data."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is not None and layer.isValid():
            return _named(layer)
        found = self.plan_source_layers(parameters, context, gpkg_name).get(code)
        if found is None and not optional:
            spec = default_catalogue().layer(code)
            raise PlanError(tr("Give the {name} layer ({code}) or plan data that hold it").format(
                name=spec.name, code=code))
        return found
