"""规划版本对比 as one job: the dialog and the Processing algorithm run exactly this.

The worker opens both versions, compares them and, when a report is asked for, draws the change
maps (the layers are read by the thread that opened them); the report, its PDF and the change map
sheets are written where the job's outputs are delivered (Qt's PDF writer from QTextDocument: on
the GUI thread in the dialog).
"""

from pathlib import Path

from ...i18n import tr
from ..plan_data.sources import Source
from ..shared.job import Job
from .compare import compare_sources
from .model import CompareParams
from .outputs import result_layers
from .report import change_map_images, save_maps, write_report


def report_files(path) -> list:
    """The HTML, its PDF, the change maps and the change map sheets."""
    path = Path(path)
    return [path, path.with_suffix(".pdf"), maps_folder(path), path.with_name(path.stem + "_sheets")]


def maps_folder(path) -> Path:
    return Path(path).with_name(Path(path).stem + "_maps")


def versions_job(old: Source, new: Source, params: CompareParams, with_maps: bool = True) -> Job:
    """``with_maps``: draw the change maps for a report (the run will be asked for one)."""

    def compute(feedback):
        result, old_layers, new_layers = compare_sources(old, new, params, feedback)
        if with_maps and not result.canceled:
            result.map_images = change_map_images(result, old_layers, new_layers)
        return result

    def report(result, path, written, note, feedback):
        return write_report(result, path, save_maps(result.map_images, maps_folder(path)))

    return Job(
        title=tr("Compare plan versions"),
        canceled_text=tr("The version comparison was canceled: nothing was written"),
        compute=compute,
        layers=result_layers,
        report=report,
        report_files=report_files,
        thread_safe_outputs=False,
    )
