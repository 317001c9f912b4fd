"""What the measure dialogs share: Run and Cancel, the area method, the output folder, the plan
layers and the job's background task.

Plan layers are taken from the project (matched to the catalogue by code or name) and copied for
the worker thread; a measure that needs a layer the project lacks stops before any work starts.
"""

from collections.abc import Iterable
from pathlib import Path

from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtWidgets import QFileDialog

from ...core.measuring.unit_areas import CITY
from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.loader import layers_by_code
from ...core.shared.areas import ELLIPSOIDAL, PLANAR, AreaMethod
from ...core.shared.destinations import MemoryDestination
from ...core.shared.errors import PlanError
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from .background import TaskDialogMixin, thread_copy
from .job_task import JobTask
from .output_folder import new_run_folder, remembered_folder

METHODS = (PLANAR, ELLIPSOIDAL)


def fill_area_controls(dialog) -> None:
    """``methodCombo`` and ``crsEdit`` from the plugin's settings."""
    dialog.methodCombo.addItems([tr("Planar (plan CRS)"), tr("CGCS2000 ellipsoidal")])
    defaults = PluginSettings.load()
    dialog.methodCombo.setCurrentIndex(METHODS.index(defaults.area_method))
    dialog.crsEdit.setText(defaults.area_crs)


def area_method(dialog) -> AreaMethod:
    return AreaMethod.create(dialog.crsEdit.text().strip(), METHODS[dialog.methodCombo.currentIndex()])


def choose_folder(dialog, key: str) -> None:
    folder = QFileDialog.getExistingDirectory(dialog, tr("Output folder"), dialog.folderEdit.text())
    if folder:
        dialog.folderEdit.setText(folder)
        QgsSettings().setValue(key, folder)


def output_folder(dialog, tool: str) -> Path:
    """This run's own folder, named for the tool and the time, under the chosen output folder."""
    return new_run_folder(dialog.folderEdit.text().strip() or remembered_folder(), tool)


def project_plan() -> dict[str, object]:
    return layers_by_code(QgsProject.instance().mapLayers().values())


def require_layers(plan: dict, codes: Iterable[str]) -> None:
    """A clear error naming every plan layer the project lacks."""
    missing = [code for code in dict.fromkeys(codes) if code not in plan]
    if missing:
        names = ", ".join(f"{default_catalogue().layer(code).name} ({code})" for code in missing)
        raise PlanError(tr("The project lacks plan layers {names}: load the plan layers first").format(names=names))


def thread_copies(plan: dict, codes: Iterable[str]) -> dict:
    return {code: thread_copy(plan[code]) for code in dict.fromkeys(codes) if code in plan}


class PlanMeasureDialogMixin(TaskDialogMixin):
    """A measure over the plan's own layers (the project's, by catalogue code): ``buttonBox``,
    ``methodCombo``, ``crsEdit``, ``folderEdit``, ``folderButton``;
    it implements ``build_task`` (with :meth:`job_task`) and ``_done``."""

    def setup_controls(self, run_text: str, cancel_text: str, folder_key: str) -> None:
        fill_area_controls(self)
        self.folderEdit.setText(QgsSettings().value(folder_key, "") or str(remembered_folder()))
        self.setup_task_buttons(run_text, cancel_text)
        self.folderButton.clicked.connect(lambda: choose_folder(self, folder_key))

    def job_task(self, codes, tool: str, make_job) -> JobTask:
        """The job ``make_job(layers, backend, folder)`` returns as (job, report path) in a JobTask:
        on thread copies of the plan layers (``codes`` required, the city outline when there), with
        the Settings' engine backend, the layers kept in memory for the project, the report and the
        files beside it in the output folder."""
        plan = project_plan()
        require_layers(plan, codes)
        copies = thread_copies(plan, list(codes) + [CITY])
        self._plan, self._folder = plan, output_folder(self, tool)
        job, report = make_job(copies, PluginSettings.load().engine_backend, self._folder)
        return JobTask(job, MemoryDestination(), report, self._done)
