"""规划指标: pick the file and indicators; the core's job (``core.indicators.job``) in the background: layers,
report and map sheet."""

from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QFileDialog, QListWidgetItem

from ...core.indicators.definitions import YEARS, default_indicator_path, load_indicators
from ...core.indicators.job import indicator_job
from ...core.measuring.unit_areas import TOWNSHIPS
from ...core.plan_data.loader import describe_sources
from ...core.shared.errors import PlanError
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from ..shared.forms import load_form
from ..shared.job_task import JobTask
from ..shared.messages import show_error, show_info
from ..shared.output_folder import announce_folder
from ..shared.plan_inputs import PlanMeasureDialogMixin, area_method
from ..shared.result_group import result_group

FORM, BASE = load_form("indicators.ui")
SETTINGS_FILE = "yongji/indicators/file"
SETTINGS_FOLDER = "yongji/indicators/folder"


def sheet_name(year: int) -> str:
    """The map sheet's file name in the user's language (规划指标达标情况图_2035.pdf)."""
    return tr("indicator_sheet_{year}").format(year=year) + ".pdf"


def report_name() -> str:
    return tr("indicator_report") + ".html"


class IndicatorDialog(PlanMeasureDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.outputs = {}
        self.report_paths = self.sheet_path = None
        self.setup_controls(tr("Run check"), tr("Cancel check"), SETTINGS_FOLDER)
        for year in sorted(YEARS, reverse=True):
            self.yearCombo.addItem(str(year), year)
        self.fileEdit.setText(QgsSettings().value(SETTINGS_FILE, str(default_indicator_path())))
        self.fileButton.clicked.connect(self._choose_file)
        self.fileEdit.editingFinished.connect(self.load_file)
        self.load_file(quiet=True)

    def _choose_file(self):
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose an indicator file"), self.fileEdit.text(), tr("Indicator files (*.yaml *.yml)")
        )
        if path:
            self.fileEdit.setText(path)
            self.load_file()

    def load_file(self, quiet: bool = False):
        """List the file's indicators, all ticked; a malformed file is reported and lists none."""
        self.indicatorList.clear()
        try:
            indicators = load_indicators(self.fileEdit.text().strip() or None)
        except PlanError as error:
            if not quiet:
                show_error(self, str(error), self.iface)
            self.statusLabel.setText(str(error))
            return None
        self.statusLabel.setText("")
        for indicator in indicators.indicators:
            item = QListWidgetItem(f"{indicator.code}  {indicator.name}（{indicator.unit_label}）")
            item.setData(Qt.ItemDataRole.UserRole, indicator.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.indicatorList.addItem(item)
        return indicators

    def checked_codes(self):
        return [
            self.indicatorList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.indicatorList.count())
            if self.indicatorList.item(i).checkState() == Qt.CheckState.Checked
        ]

    def build_task(self) -> JobTask:
        indicators = load_indicators(self.fileEdit.text().strip() or None)
        codes = self.checked_codes()
        if not codes:
            raise PlanError(tr("Tick at least one indicator"))
        indicators = indicators.subset(codes)
        area, year, with_sheet = area_method(self), self.yearCombo.currentData(), self.sheetCheck.isChecked()
        QgsSettings().setValue(SETTINGS_FILE, self.fileEdit.text().strip())

        def make_job(layers, backend, folder):
            sheet = folder / sheet_name(year) if with_sheet else None
            job = indicator_job(
                layers,
                indicators,
                area,
                year,
                backend,
                describe_sources(self._plan.values()),
                sheet,
                PluginSettings.load().print_dpi,
                sheet_layers=self._plan,
            )
            return job, folder / report_name()

        self._year = year
        return self.job_task([TOWNSHIPS] + indicators.layer_codes(), tr("Plan indicators"), make_job)

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        result, year = task.result, self._year
        self.outputs, self.report_paths = task.layers_out, task.report_paths
        self.sheet_path = self.report_paths.get("sheet")
        group = result_group(tr("Plan indicators"))
        for layer in self.outputs.values():
            QgsProject.instance().addMapLayer(layer, False)
            group.addLayer(layer)
        short = [name for name in result.townships if result.status(name, year).achieved is False]
        city = result.status(result.city_name, year)
        text = tr("{year}: the city {city}; {count} of {total} townships miss a binding target{names}").format(
            year=year,
            city=tr("achieves its targets") if city.achieved is not False else tr("misses a binding target"),
            count=len(short),
            total=len(result.townships),
            names=f"（{'、'.join(short)}）" if short else "",
        )
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
            show_error(self, text, self.iface)
        else:
            show_info(self.iface, text)
        self.statusLabel.setText(text)
        announce_folder(self, self._folder)
        if self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))
