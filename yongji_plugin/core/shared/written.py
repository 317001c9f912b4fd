"""What a run has written so far, removed again if the run fails or is canceled before it is whole.

The one cleanup contract of every capability (dialog and Processing alike): a delivery registers
each output before writing it — files and folders not there yet, layers added to a GeoPackage that
was there before — and writes inside ``with Written(feedback)``. If an exception leaves the block,
or the feedback is canceled by the time it ends, everything registered is removed and
:attr:`canceled` (or the exception) says so; what existed before the run is never touched.
"""

from pathlib import Path

from .cancel import is_canceled, remove_geopackage_layers, remove_outputs


class Written:
    def __init__(self, feedback=None):
        self.feedback = feedback
        self.canceled = False
        self._new_paths: list[Path] = []
        self._layers_in: list[tuple[Path, list[str]]] = []
        self._holders: list[dict] = []

    def will_create(self, *destinations) -> None:
        """Files or folders about to be written: those not there yet are this run's to remove."""
        for destination in destinations:
            if not destination:
                continue
            path = Path(str(destination).split("|")[0])
            if path.is_absolute() and not path.exists():  # not TEMPORARY_OUTPUT, memory: …
                self._new_paths.append(path)

    def will_add_layers(self, geopackage, names) -> None:
        """Layers about to be written into ``geopackage``: the whole file if it is new, else the layers."""
        path = Path(geopackage)
        if path.exists():
            self._layers_in.append((path, list(names)))
        else:
            self.will_create(path)

    def holding(self, layers: dict) -> dict:
        """Layers read back from the outputs: emptied before a removal (they hold the files open)."""
        self._holders.append(layers)
        return layers

    def __enter__(self):
        if is_canceled(self.feedback):
            self.canceled = True
        return self

    def __exit__(self, kind, error, traceback):
        if kind is None and not is_canceled(self.feedback):
            return False
        self.canceled = kind is None
        self.remove()
        return False

    def remove(self) -> None:
        for layers in self._holders:
            layers.clear()
        remove_outputs(self._new_paths)
        for path, names in self._layers_in:
            remove_geopackage_layers(path, names)
