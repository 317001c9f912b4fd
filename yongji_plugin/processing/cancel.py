"""Cancel in Processing: a canceled algorithm fails and leaves no output behind.

QGIS's own task runner treats a canceled feedback as a failed run, but ``processing.run`` and
``qgis_process`` (whose Ctrl+C cancels the feedback) only see an algorithm fail when it raises: an
algorithm that returns after a cancel "succeeds", and ``qgis_process`` exits 0. So an algorithm
raises ``QgsProcessingException`` once its run comes back canceled, and writes its outputs inside
:class:`WrittenUnlessCanceled`, which deletes the files it was about to create and raises if the
feedback is canceled by the time they are written.
"""

from pathlib import Path

from qgis.core import QgsProcessingException

from ..core.shared.cancel import remove_outputs


class WrittenUnlessCanceled:
    def __init__(self, feedback, message: str):
        self.feedback, self.message = feedback, message
        self._new = []

    def will_write(self, *destinations) -> None:
        """Register outputs before writing them: files or folders not there yet are this run's."""
        for destination in destinations:
            if not destination:
                continue
            path = Path(str(destination).split("|")[0])
            if path.is_absolute() and not path.exists():  # not TEMPORARY_OUTPUT, memory: …
                self._new.append(path)

    def __enter__(self):
        if self.feedback.isCanceled():
            raise QgsProcessingException(self.message)
        return self

    def __exit__(self, kind, error, traceback):
        if kind is None and not self.feedback.isCanceled():
            return False
        remove_outputs(self._new)
        if kind is None:
            raise QgsProcessingException(self.message)
        return False
