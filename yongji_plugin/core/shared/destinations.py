"""Where a dialog's run puts its layers: a GeoPackage the user named, or the project's memory.

(Processing's sinks are the third destination: ``processing.sinks``.) Both keep each memory
layer's style on what they return, so the layers added to the project look as the capability
styled them.
"""

from pathlib import Path

from ...i18n import tr
from .geopackage_writer import write_geopackage
from .job import Destination
from .output_table import as_layer


class GeoPackageDestination(Destination):
    """Every layer into one GeoPackage; a file that exists keeps its other layers."""

    def __init__(self, path):
        self.path = Path(path)

    def write(self, layers: dict, written, feedback) -> dict:
        written.will_add_layers(self.path, list(layers))
        again = write_geopackage(layers, self.path)
        for name, layer in again.items():
            renderer = layers[name].renderer() if hasattr(layers[name], "renderer") else None
            if renderer is not None:  # tables (and OutputTables) have none
                layer.setRenderer(renderer.clone())
        return again

    def note(self, names) -> str:
        return tr("the layers {layers} of {path}").format(layers=", ".join(names), path=self.path)


class MemoryDestination(Destination):
    """The memory layers themselves, for the dialog to add to the project."""

    def write(self, layers: dict, written, feedback) -> dict:
        return {name: as_layer(layer) for name, layer in layers.items()}

    def note(self, names) -> str:
        return tr("the temporary layers {layers} added to the project").format(layers=", ".join(names))


def destination_for(output) -> Destination:
    """A GeoPackage when the user named one, else memory."""
    return GeoPackageDestination(output) if output else MemoryDestination()
