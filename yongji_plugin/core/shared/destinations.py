"""Where a dialog's run puts its layers: a GeoPackage the user named, or the project's memory.

(Processing's sinks are the third destination: ``processing.sinks``.) Both keep each memory
layer's style on what they return, so the layers added to the project look as the capability
styled them.
"""

from pathlib import Path

from qgis.core import Qgis, QgsMessageLog

from ...i18n import tr
from .geopackage_writer import write_geopackage
from .job import Destination
from .output_table import as_layer

LOG_TAG = "Yongji"  # QGIS's message log tab, the plugin's own (as gui.shared.messages)


class GeoPackageDestination(Destination):
    """Every layer into one GeoPackage; a file that exists keeps its other layers."""

    def __init__(self, path):
        self.path = Path(path)
        self.existed = False  # the file was there before this run: its other layers are kept

    def write(self, layers: dict, written, feedback) -> dict:
        self.existed = self.path.is_file()
        written.will_add_layers(self.path, list(layers))
        again = write_geopackage(layers, self.path)
        for name, layer in again.items():
            renderer = layers[name].renderer() if hasattr(layers[name], "renderer") else None
            if renderer is not None:  # tables (and OutputTables) have none
                layer.setRenderer(renderer.clone())
        if self.existed:
            _say(self.note(list(layers)), feedback)
        return again

    def note(self, names) -> str:
        if self.existed:
            return tr("the layers {layers} added to the existing GeoPackage {path} (its other layers kept)").format(
                layers=", ".join(names), path=self.path
            )
        return tr("the layers {layers} of {path}").format(layers=", ".join(names), path=self.path)


def _say(text: str, feedback) -> None:
    """Into Processing's log when the run has one, else QGIS's message log (a dialog's task)."""
    if hasattr(feedback, "pushInfo"):
        feedback.pushInfo(text)
    else:
        QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Info)


class MemoryDestination(Destination):
    """The memory layers themselves, for the dialog to add to the project."""

    def write(self, layers: dict, written, feedback) -> dict:
        return {name: as_layer(layer) for name, layer in layers.items()}

    def note(self, names) -> str:
        return tr("the temporary layers {layers} added to the project").format(layers=", ".join(names))


def destination_for(output) -> Destination:
    """A GeoPackage when the user named one, else memory."""
    return GeoPackageDestination(output) if output else MemoryDestination()
