"""Cancelling a coordinate import at any moment (issue #11 item 5): in the core, in the Processing
algorithm and in the dialog. A cancelled run says so, raises no traceback and leaves nothing that
could be mistaken for a result: no layer, no output file, no preview."""

import pytest
from qgis.core import QgsFeedback, QgsProcessingException, QgsProcessingFeedback, QgsProject

from bench.coordfile_bench import coordinate_text
from cancel_feedback import CancelAt, spread
from helpers import wait_for_task, wait_until
from test_coordfile import write
from yongji_plugin.core.coordfile.importer import ImportCanceled, import_files
from yongji_plugin.gui.coordfile.dialog import CoordinateImportDialog

POINTS = [0, 1, 20, 45, 70, 95]  # percent of progress at which to cancel


def cancelling_at(feedback, percent):
    """Cancel ``feedback`` the first time it reports ``percent`` or more; returns the reports seen."""
    seen = []

    def on_progress(value):
        seen.append(value)
        if value >= percent:
            feedback.cancel()

    feedback.progressChanged.connect(on_progress)
    return seen


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    return write(tmp_path_factory.mktemp("cancel"), coordinate_text(600), "big.txt", encoding="gbk")


@pytest.mark.parametrize("percent", POINTS)
def test_core_import_cancelled_at_several_points(big_file, percent):
    feedback = QgsFeedback()
    seen = cancelling_at(feedback, percent)
    with pytest.raises(ImportCanceled, match="canceled"):
        import_files([big_file], feedback=feedback)
    assert seen and seen[-1] >= percent and max(seen) < 100


def test_core_import_cancelled_before_it_starts(big_file):
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(ImportCanceled):
        import_files([big_file], feedback=feedback)


def test_core_import_runs_to_100_percent_when_not_cancelled(big_file):
    feedback = QgsFeedback()
    seen = cancelling_at(feedback, 101)
    result = import_files([big_file], feedback=feedback)
    assert seen[-1] == 100 and seen == sorted(seen)
    assert len(result.rows) == 600


@pytest.mark.parametrize("percent", [0, 30, 90])
def test_processing_import_cancelled_writes_nothing(provider, big_file, tmp_path, percent):
    import processing

    feedback = QgsProcessingFeedback()
    cancelling_at(feedback, percent)
    out, problems = tmp_path / "sites.gpkg", tmp_path / "problems.csv"
    with pytest.raises(QgsProcessingException, match="canceled"):
        processing.run(
            "yongji:importcoordinates",
            {"INPUT": str(big_file), "MODE": 0, "OUTPUT": str(out), "PROBLEMS": str(problems)},
            feedback=feedback,
        )
    assert not out.exists() and not problems.exists()


def test_processing_import_cancelled_at_any_check_writes_nothing(provider, tmp_path):
    """Spread over every place the run asks whether it was cancelled, the writing of outputs included."""
    import processing

    source = write(tmp_path, coordinate_text(60), "sixty.txt")

    def run(feedback, name):
        out, problems = tmp_path / f"{name}.gpkg", tmp_path / f"{name}_problems.gpkg"
        params = {"INPUT": str(source), "MODE": 0, "OUTPUT": str(out), "PROBLEMS": str(problems)}
        return processing.run("yongji:importcoordinates", params, feedback=feedback), out, problems

    counting = CancelAt()
    _, out, problems = run(counting, "whole")
    assert out.exists() and problems.exists() and counting.checks > 20
    for at in spread(counting.checks):
        with pytest.raises(QgsProcessingException, match="canceled"):
            run(CancelAt(checks=at), f"cut{at}")
        assert not list(tmp_path.glob(f"cut{at}*")), at


def _assert_cancelled(dialog, layers_before):
    assert dialog.result is None
    assert dialog.previewTable.model().rowCount() == 0 and dialog.problemTable.model().rowCount() == 0
    assert not dialog.importButton.isEnabled() and not dialog.cancelButton.isEnabled()
    assert "canceled" in dialog.statusLabel.text()
    assert dialog.import_sites() is None
    assert len(QgsProject.instance().mapLayers()) == layers_before


def test_dialog_cancelled_before_during_and_after_the_import(tmp_path, qgis_iface):
    path = write(tmp_path, coordinate_text(20000), "huge.txt")
    layers_before = len(QgsProject.instance().mapLayers())
    dialog = CoordinateImportDialog(qgis_iface)

    dialog.set_files([path])  # cancelled straight away, before the worker reports anything
    assert dialog.cancelButton.isEnabled()
    dialog.cancel()
    wait_for_task(dialog, pause=0.01)
    _assert_cancelled(dialog, layers_before)

    dialog.preview()  # cancelled while running, once it has reported progress
    wait_until(lambda: dialog.progressBar.value() > 0, seconds=60, pause=0.005, message="no progress reported")
    assert 0 < dialog.progressBar.value() < 100
    dialog.cancel()
    wait_for_task(dialog, pause=0.01)
    _assert_cancelled(dialog, layers_before)

    dialog.set_files([write(tmp_path, coordinate_text(30), "small.txt")])  # cancel after it finished: no-op
    wait_for_task(dialog, pause=0.01)
    dialog.cancel()
    assert dialog.previewTable.model().rowCount() == 30 and dialog.importButton.isEnabled()
    layer = dialog.import_sites()
    assert layer.featureCount() == 30
    QgsProject.instance().removeMapLayer(layer.id())


def test_closing_the_dialog_cancels_its_import(tmp_path, qgis_iface):
    dialog = CoordinateImportDialog(qgis_iface)
    dialog.set_files([write(tmp_path, coordinate_text(5000), "closing.txt")])
    dialog.reject()
    wait_for_task(dialog, pause=0.01)
    assert dialog.result is None and dialog.previewTable.model().rowCount() == 0
