"""加载规划图层: pick a source, see each catalogue layer's status, load the checked ones."""

from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDialogButtonBox, QTableWidgetItem

from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.loader import FOUND, MISSING, inspect_source, load_into_project
from ...core.plan_data.source_text import SOURCE_KINDS as KINDS
from ...core.plan_data.source_text import source_kind_labels
from ...core.plan_data.sources import Source, saved_postgis_connections
from ...core.shared.errors import PlanError
from ...i18n import tr
from ..shared.encoding_combo import choose_encoding, fill_encoding_combo
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info
from ..shared.source_browse import browse_source

FORM, BASE = load_form("load_layers.ui")
SETTINGS_KIND, SETTINGS_LOCATION = "yongji/load/kind", "yongji/load/location"
SETTINGS_ENCODING = "yongji/load/encoding"
ENCODING_COLUMN = 5
STATUS_COLOURS = {FOUND: "#1e8449", MISSING: "#7f8c8d"}


class LoadLayersDialog(BASE, FORM):
    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.statuses = []
        self.kindCombo.addItems(source_kind_labels())
        fill_encoding_combo(self.encodingCombo)
        self.loadButton = self.buttonBox.addButton(tr("Load checked layers"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.loadButton.setEnabled(False)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.browseButton.clicked.connect(self._browse)
        self.inspectButton.clicked.connect(self.inspect)
        self.loadButton.clicked.connect(self.load)
        self.buttonBox.rejected.connect(self.reject)
        self._restore()

    # --- source -----------------------------------------------------------------------------
    def source(self) -> Source:
        kind = KINDS[self.kindCombo.currentIndex()]
        encoding = (self.encodingCombo.currentData() or "") if kind == "folder" else ""
        return Source(kind, self.locationCombo.currentText().strip(), encoding=encoding)

    def set_source(self, source: Source) -> None:
        self.kindCombo.setCurrentIndex(KINDS.index(source.kind))
        self.locationCombo.setEditText(source.location)
        choose_encoding(self.encodingCombo, source.encoding)

    def _kind_changed(self, index):
        self.locationCombo.clear()
        if KINDS[index] == "postgis":
            self.locationCombo.addItems(saved_postgis_connections())
        self.browseButton.setEnabled(KINDS[index] != "postgis")
        self.encodingCombo.setEnabled(KINDS[index] == "folder")

    def _browse(self):
        path = browse_source(self, self.source().kind)
        if path:
            self.locationCombo.setEditText(path)

    def _restore(self):
        settings = QgsSettings()
        kind = settings.value(SETTINGS_KIND, "gpkg")
        self.kindCombo.setCurrentIndex(KINDS.index(kind) if kind in KINDS else 0)
        self._kind_changed(self.kindCombo.currentIndex())
        self.locationCombo.setEditText(settings.value(SETTINGS_LOCATION, ""))
        choose_encoding(self.encodingCombo, settings.value(SETTINGS_ENCODING, ""))

    def _remember(self, source: Source):
        settings = QgsSettings()
        settings.setValue(SETTINGS_KIND, source.kind)
        settings.setValue(SETTINGS_LOCATION, source.location)
        settings.setValue(SETTINGS_ENCODING, source.encoding)

    # --- actions ----------------------------------------------------------------------------
    def inspect(self) -> bool:
        source = self.source()
        try:
            self.statuses = inspect_source(source)
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return False
        self._remember(source)
        self._fill_table()
        return True

    def _fill_table(self):
        catalogue = default_catalogue()
        self.layerTable.setRowCount(len(self.statuses))
        for row, status in enumerate(self.statuses):
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                if status.source_layer
                else Qt.ItemFlag.ItemIsUserCheckable
            )
            check.setCheckState(Qt.CheckState.Checked if status.status == FOUND else Qt.CheckState.Unchecked)
            encoding = status.source_layer.encoding if status.source_layer else None
            values = [
                status.spec.code,
                status.spec.name,
                catalogue.group(status.spec.group).name,
                status.describe(),
                encoding.describe() if encoding else "",
            ]
            self.layerTable.setItem(row, 0, check)
            for column, value in enumerate(values, start=1):
                self.layerTable.setItem(row, column, QTableWidgetItem(value))
            colour = QColor(STATUS_COLOURS.get(status.status, "#c0392b"))
            self.layerTable.item(row, 4).setForeground(colour)
        self.layerTable.resizeColumnsToContents()
        counts = {k: sum(1 for s in self.statuses if s.status == k) for k in (FOUND, MISSING)}
        self.summaryLabel.setText(
            tr("{found} found, {missing} missing, {bad} non-conforming").format(
                found=counts[FOUND], missing=counts[MISSING], bad=len(self.statuses) - counts[FOUND] - counts[MISSING]
            )
        )
        self.loadButton.setEnabled(bool(self.statuses))

    def checked_codes(self):
        return [
            status.spec.code
            for row, status in enumerate(self.statuses)
            if self.layerTable.item(row, 0).checkState() == Qt.CheckState.Checked and status.source_layer is not None
        ]

    def load(self):
        try:
            layers = load_into_project(self.statuses, QgsProject.instance(), codes=self.checked_codes())
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return []
        show_info(self.iface, tr("Loaded {count} plan layers").format(count=len(layers)))
        if self.iface is not None and layers:
            self.iface.mapCanvas().setDestinationCrs(QgsProject.instance().crs())
        return layers
