"""15分钟社区生活圈: facilities, residential areas, network and walk; service areas in the background."""

from qgis.core import QgsSettings, QgsWkbTypes
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFileDialog, QLabel

from ...core.life_circle.check import LifeCircleParams, method_label
from ...core.life_circle.job import life_circle_job
from ...core.life_circle.table import default_table_path, load_life_circle_table
from ...core.shared.destinations import destination_for
from ...core.shared.errors import PlanError
from ...core.shared.outputs_guard import refuse_run
from ...i18n import tr
from ..shared.forms import load_form
from ..shared.job_task import JobTask
from ..shared.layer_choice import follow_project
from ..shared.measure_dialogs import (
    LayerMeasureDialogMixin,
    chosen_layer,
    fill_fields,
    fill_layers,
    plan_layer,
    report_path,
    setup_area_options,
    show_results,
    worker_copy,
)
from ..shared.messages import show_error
from ..shared.plan_inputs import area_method

FORM, BASE = load_form("life_circle.ui")
Geometry = QgsWkbTypes.GeometryType
SETTINGS_TABLE = "yongji/life_circle/table"


class LifeCircleDialog(LayerMeasureDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.outputs = {}
        self.minute_spins = {}
        setup_area_options(self)
        self.setup_task_buttons(tr("Run analysis"), tr("Cancel analysis"))
        self.tableButton.clicked.connect(self._choose_table)
        self.tableEdit.editingFinished.connect(self._table_changed)
        self.facilitiesCombo.currentIndexChanged.connect(self._facility_fields)
        self.tableEdit.setText(QgsSettings().value(SETTINGS_TABLE, str(default_table_path())))
        self._table_changed()
        self.refresh_layers()
        follow_project(self)

    def refresh_layers(self):
        # the active layer is the default where its geometry fits, as for sites and buildings
        facilities, areas = plan_layer("GGFWSS"), plan_layer("JZQ")
        fill_layers(
            self.facilitiesCombo, Geometry.PointGeometry, facilities, key="lifecircle/facilities", iface=self.iface
        )
        fill_layers(self.areasCombo, Geometry.PolygonGeometry, areas, key="lifecircle/areas", iface=self.iface)
        fill_layers(
            self.networkCombo, Geometry.LineGeometry, plan_layer("ZXCQDL"), allow_none=True, key="lifecircle/network"
        )

    def _facility_fields(self):
        layer = chosen_layer(self.facilitiesCombo)
        fill_fields(self.typeFieldCombo, layer, "SSLX", allow_none=False)
        fill_fields(self.levelFieldCombo, layer, "SHQJB")

    def _choose_table(self):
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a life-circle table"), self.tableEdit.text(), tr("Life-circle tables (*.yaml *.yml)")
        )
        if path:
            self.tableEdit.setText(path)
            self._table_changed()

    def _table_changed(self):
        """One minutes box per level of the table, with the table's minutes and speed."""
        try:
            table = load_life_circle_table(self.tableEdit.text().strip() or None)
        except PlanError as error:
            self.statusLabel.setText(str(error))
            return None
        while self.minutesLayout.count():
            widget = self.minutesLayout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.minute_spins = {}
        for level in table.levels:
            spin = QDoubleSpinBox(self)
            spin.setRange(0.5, 120.0)
            spin.setDecimals(1)
            spin.setValue(level.minutes)
            spin.setObjectName(f"minutes_{level.code}")
            self.minutesLayout.addWidget(QLabel(level.name, self))
            self.minutesLayout.addWidget(spin)
            self.minute_spins[level.code] = spin
        self.speedSpin.setValue(table.speed_kmh)
        self.statusLabel.setText("")
        return table

    def params(self) -> LifeCircleParams:
        return LifeCircleParams(
            area_method(self),
            speed_kmh=self.speedSpin.value(),
            minutes={code: spin.value() for code, spin in self.minute_spins.items()},
            access_distance=self.accessSpin.value(),
            fallback=self.fallbackCheck.isChecked(),
            type_field=self.typeFieldCombo.currentText() or None,
            level_field=self.levelFieldCombo.currentText() or None,
        )

    def build_task(self) -> JobTask:
        table = load_life_circle_table(self.tableEdit.text().strip() or None)
        if set(self.minute_spins) != {level.code for level in table.levels}:
            self._table_changed()  # the file changed under the dialog: its levels, not the old ones
        facilities, areas = chosen_layer(self.facilitiesCombo), chosen_layer(self.areasCombo)
        network = chosen_layer(self.networkCombo)
        if facilities is None:
            raise PlanError(tr("Choose the public service facility layer (load the plan layers first)"))
        if areas is None:
            raise PlanError(tr("Choose the residential area layer (load the plan layers first)"))
        params = self.params()
        if network is None and not params.fallback:
            raise PlanError(tr("Choose a street network, or allow the straight-line fallback"))
        QgsSettings().setValue(SETTINGS_TABLE, self.tableEdit.text())
        output = self.outputEdit.text().strip() or None
        refuse_run([facilities, areas, network], [(output, tr("Output GeoPackage"), False)])
        job = life_circle_job(*[worker_copy(layer) for layer in (facilities, areas, network)], table, params)
        return JobTask(job, destination_for(output), report_path(self, job.title), self._done)

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        self.outputs = task.layers_out
        result = task.result
        lacking = sum(1 for area in result.areas if result.lacks(area))
        text = tr("{method}: {lacking} of {total} residential areas lack at least one required facility").format(
            method=method_label(result.method), lacking=lacking, total=len(result.areas)
        )
        show_results(self, task, tr("Life circle results"), text)
        if result.fallback_reason or result.warnings:
            show_error(
                self,
                "\n".join(
                    (
                        [tr("Straight-line fallback: {reason}").format(reason=result.fallback_reason)]
                        if result.fallback_reason
                        else []
                    )
                    + result.warnings
                ),
                self.iface,
            )
