"""A real QgsFeedback that cancels itself at a chosen point, for tests that cancel a run midway.

``CancelAt(reports=n)`` cancels at its n-th progress report, ``CancelAt(checks=n)`` at the n-th
time Python code asks ``isCanceled()``; 0 means canceled before the run starts, None never. A run
with ``CancelAt()`` counts both, so a test can spread its cancel points over the whole run.
The reports are counted with a direct connection, so the cancel happens in the thread that
reports (a QgsTask's worker), at exactly that point.
"""

from qgis.core import QgsProcessingFeedback
from qgis.PyQt.QtCore import Qt


class CancelAt(QgsProcessingFeedback):
    def __init__(self, reports=None, checks=None):
        super().__init__()
        self.at_report, self.at_check = reports, checks
        self.reports = self.checks = 0
        if reports == 0 or checks == 0:
            self.cancel()
        self.progressChanged.connect(self._reported, Qt.ConnectionType.DirectConnection)

    def _reported(self, _value):
        self.reports += 1
        if self.reports == self.at_report:
            self.cancel()

    def isCanceled(self):
        self.checks += 1
        if self.checks == self.at_check:
            self.cancel()
        return super().isCanceled()


def spread(total: int, parts=(0.1, 0.3, 0.5, 0.7, 0.9)):
    """Cancel points over a run of ``total`` reports or checks: before it, spread, and the last."""
    return sorted({0, total} | {max(1, round(total * part)) for part in parts})
