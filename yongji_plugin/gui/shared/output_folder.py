"""Where a dialog writes its report and files: a folder the user chooses, remembered, shown after the run.

Each run gets its own sub-folder named for the tool and the time (``合规性检查_20261206_0930``), so a
second run never overwrites the report a reviewer is reading. The base folder defaults to
``永济规划成果`` beside the saved project (else in the user's documents), and the last choice is
remembered for the next run. After a run the dialog's status line links the folder, and the
message bar links it too.
"""

import html
from datetime import datetime
from pathlib import Path

from qgis.core import Qgis, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QStandardPaths, QUrl
from qgis.PyQt.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QToolButton

from ...core.shared.errors import PlanError
from ...i18n import tr

SETTINGS_KEY = "yongji_plugin/output_folder"
_MADE: set = set()  # run folders made here: removed again if their run leaves them empty


def default_folder() -> Path:
    """``永济规划成果`` beside the saved project, else in the user's documents folder."""
    home = QgsProject.instance().homePath()
    if not home:
        home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return Path(home) / tr("Yongji plan outputs")


def remembered_folder() -> Path:
    text = QgsSettings().value(SETTINGS_KEY, "")
    return Path(text) if text else default_folder()


def run_folder(base, tool: str) -> Path:
    """A new folder for one run of ``tool`` under ``base``, created; never one that exists."""
    stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
    folder, number = Path(base) / f"{tool}_{stamp}", 1
    while folder.exists():
        number += 1
        folder = Path(base) / f"{tool}_{stamp}_{number}"
    folder.mkdir(parents=True)
    _MADE.add(folder)
    return folder


def discard_if_empty(folder) -> None:
    """Remove a run folder made here that its failed or canceled run left empty."""
    folder = Path(folder)
    if folder in _MADE and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        _MADE.discard(folder)


class OutputFolderRow:
    """A row "Output folder: [path] […]" for a dialog without one in its form, above its buttons."""

    def __init__(self, dialog, layout):
        self.dialog = dialog
        self.edit = QLineEdit(str(remembered_folder()), dialog)
        self.edit.setObjectName("outputFolderEdit")
        browse = QToolButton(dialog)
        browse.setText("…")
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Output folder"), dialog))
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        layout.insertLayout(max(0, layout.count() - 1), row)  # above the button box

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.dialog, tr("Output folder"), self.edit.text())
        if folder:
            self.edit.setText(folder)

    def new_run_folder(self, tool: str) -> Path:
        """The folder of this run (its base remembered for the next)."""
        base = self.edit.text().strip() or str(default_folder())
        folder = new_run_folder(base, tool)
        QgsSettings().setValue(SETTINGS_KEY, base)  # remembered once it proved usable
        return folder


def new_run_folder(base, tool: str) -> Path:
    """:func:`run_folder`, a folder that cannot be made a sentence naming it."""
    try:
        return run_folder(base, tool)
    except OSError as error:
        raise PlanError(
            tr("Cannot create a folder in the output folder {folder}: {error}").format(
                folder=base, error=error.strerror or error
            )
        ) from error


def announce_folder(dialog, folder: Path) -> None:
    """The folder as a link in the dialog's status line and in QGIS's message bar."""
    url = QUrl.fromLocalFile(str(folder)).toString()
    link = f'<a href="{url}">{html.escape(str(folder))}</a>'
    label = getattr(dialog, "statusLabel", None)
    if label is not None:
        label.setOpenExternalLinks(True)
        label.setText(f"{label.text()}<br>{html.escape(tr('Written to'))} {link}")
    iface = getattr(dialog, "iface", None)
    if iface is None or iface.messageBar() is None:
        return
    text = tr("Written to {folder}").format(folder=link)  # the message bar opens the link
    iface.messageBar().pushMessage(tr("Yongji One Map"), text, Qgis.MessageLevel.Info, 10)
