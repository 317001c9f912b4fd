"""坐标文件导入: pick files, preview parcels with stated and computed areas, import as sites."""
from qgis.core import QgsProject
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QFileDialog, QTableWidgetItem

from ...core.coordfile.crs import MODES, mode_labels
from ...core.coordfile.importer import import_files
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info

FORM, BASE = load_form("coords_import.ui")


class CoordinateImportDialog(BASE, FORM):
    def __init__(self, iface=None, parent=None, open_check=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.open_check = open_check
        self.result = None
        self.modeCombo.addItems(mode_labels())
        self.importButton = self.buttonBox.addButton(tr("Import"), self.buttonBox.AcceptRole)
        self.importButton.setEnabled(False)
        self.addButton.clicked.connect(self._add_files)
        self.removeButton.clicked.connect(self._remove_file)
        self.modeCombo.currentIndexChanged.connect(self.preview)
        self.importButton.clicked.connect(self.import_sites)
        self.buttonBox.rejected.connect(self.reject)

    def files(self):
        return [self.fileList.item(i).text() for i in range(self.fileList.count())]

    def set_files(self, paths):
        self.fileList.clear()
        self.fileList.addItems([str(p) for p in paths])
        return self.preview()

    def _add_files(self):
        paths, _ = QFileDialog.getOpenFileNames(self, tr("Choose coordinate files"), "",
                                                tr("Coordinate files (*.txt)"))
        if paths:
            self.set_files(self.files() + paths)

    def _remove_file(self):
        for item in self.fileList.selectedItems():
            self.fileList.takeItem(self.fileList.row(item))
        self.preview()

    def preview(self):
        self.result = None
        self.previewTable.setRowCount(0)
        self.importButton.setEnabled(False)
        if not self.files():
            return None
        try:
            self.result = import_files(self.files(), MODES[self.modeCombo.currentIndex()])
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return None
        self._fill(self.result.rows)
        self.crsLabel.setText(tr("CRS: {crs}; {ok} of {total} parcels can be imported").format(
            crs=self.result.layer.crs().authid(), ok=self.result.layer.featureCount(),
            total=len(self.result.rows)))
        self.importButton.setEnabled(self.result.layer.featureCount() > 0)
        return self.result

    def _fill(self, rows):
        self.previewTable.setRowCount(len(rows))
        for i, row in enumerate(rows):
            stated = "" if row.stated_ha is None else f"{row.stated_ha:.4f}"
            values = [row.file, row.number, row.name, stated, f"{row.computed_ha:.4f}",
                      "; ".join(row.problems)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not row.imported:
                    item.setForeground(QColor("#c0392b"))
                self.previewTable.setItem(i, column, item)
        self.previewTable.resizeColumnsToContents()

    def import_sites(self):
        if self.result is None or self.result.layer.featureCount() == 0:
            return None
        layer = self.result.layer
        QgsProject.instance().addMapLayer(layer)
        show_info(self.iface, tr("Imported {count} parcels into {name}").format(
            count=layer.featureCount(), name=layer.name()))
        if self.sendToCheckBox.isChecked() and self.open_check is not None:
            self.open_check(layer)
        self.result = None
        self.importButton.setEnabled(False)
        return layer
