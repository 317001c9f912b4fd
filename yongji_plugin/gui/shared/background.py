"""Run core work in a QgsTask: progress and cancel through a QgsFeedback, result back on the GUI thread.

Layers cannot be shared across threads: callers pass copies made with :func:`thread_copy`.

How a task ends (``on_done(task, ok)``): ``ok`` — the work returned a result that is not
canceled; not ``ok`` with ``error`` — a sentence for the user (bad input, or an unexpected error
whose traceback goes to the message log only); not ``ok`` without ``error`` — canceled. The work's
result decides (its ``canceled`` flag; the core sets it when the feedback was canceled at any
moment of the run), so a task never reports a canceled run as a result, nor the reverse.

A task that ended not whole keeps why, for a bug report or a test that failed on a busy machine
(:meth:`BackgroundTask.why_not_whole`): the traceback of an unexpected error (the user sees its
sentence, the message log its traceback), and where a cancel came from (the Python stack that
called :meth:`~BackgroundTask.cancel`; none when QGIS's task manager canceled it from C++, and
no call at all when something canceled the feedback itself).
"""

import traceback

from qgis.core import Qgis, QgsFeatureRequest, QgsFeedback, QgsMessageLog, QgsTask

from ...core.shared.cancel import Canceled
from ...core.shared.errors import PlanError
from ...i18n import tr
from .messages import LOG_TAG

CANCEL_STACK = 12  # frames kept of a cancel() call's stack


class BackgroundTask(QgsTask):
    def __init__(self, description, work, on_done=None):
        """``work(feedback)`` runs in the worker thread; ``on_done(task, ok)`` on the GUI thread."""
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.work = work
        self.on_done = on_done
        self.result = None
        self.error = None
        self.exit_traceback = None  # where the work stopped: a Canceled, a PlanError or an unexpected error
        self.cancel_calls = []  # the Python stack of each cancel() call
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self.setProgress)

    def cancel(self):
        self.cancel_calls.append("".join(traceback.format_stack(limit=CANCEL_STACK)[:-1]))
        self.feedback.cancel()
        super().cancel()

    def run(self):
        try:
            self.result = self.work(self.feedback)
        except Canceled:
            self.exit_traceback = traceback.format_exc()
            return False
        except PlanError as error:
            self.exit_traceback = traceback.format_exc()
            self.error = str(error)
            return False
        except Exception as error:  # a sentence for the user, the traceback in the log
            self.exit_traceback = traceback.format_exc()
            QgsMessageLog.logMessage(self.exit_traceback, LOG_TAG, Qgis.MessageLevel.Critical)
            self.error = tr("Unexpected error: {error}").format(error=error)
            return False
        canceled = getattr(self.result, "canceled", None)
        return not (self.feedback.isCanceled() if canceled is None else canceled)

    def why_not_whole(self) -> str:
        """For a bug report (not translated: not shown to users): how the run ended, where the work
        stopped (a traceback) and where each cancel() call came from."""
        lines = [
            f"task {self.description()!r}: error {self.error!r}, feedback canceled {self.feedback.isCanceled()},"
            f" result canceled {getattr(self.result, 'canceled', None)}, cancel() calls {len(self.cancel_calls)}"
        ]
        if self.exit_traceback:
            lines.append(self.exit_traceback)
        lines += [f"cancel() called from:\n{stack or '(C++: QGIS itself)'}" for stack in self.cancel_calls]
        return "\n".join(lines)

    def finished(self, ok):
        if self.on_done is not None:
            self.on_done(self, ok)


def thread_copy(layer):
    """A copy another thread may read: memory layers copied with their features, others cloned."""
    if layer.providerType() == "memory":
        copy = layer.materialize(QgsFeatureRequest())
        copy.setName(layer.name())
        return copy
    return layer.clone()


class TaskDialogMixin:
    """A dialog's Run and Cancel buttons, progress bar and status label driving one task.

    The dialog provides ``progressBar``, ``statusLabel``, ``iface`` and either ``runButton`` and
    ``cancelButton`` or a ``buttonBox`` for :meth:`setup_task_buttons` to add them to. It starts
    its task with :meth:`start_task` (or implements ``build_task`` and leaves starting to
    :meth:`run`) and, from its task's ``on_done``, calls :meth:`task_ended`.
    """

    task = None

    def setup_task_buttons(self, run_text: str, cancel_text: str) -> None:
        """Run and Cancel in the dialog's ``buttonBox``; Cancel is enabled while a task runs."""
        from qgis.PyQt.QtWidgets import QDialogButtonBox

        self.runButton = self.buttonBox.addButton(run_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancelButton = self.buttonBox.addButton(cancel_text, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancelButton.setEnabled(False)
        self.runButton.clicked.connect(self.run)
        self.cancelButton.clicked.connect(self.cancel)
        self.buttonBox.rejected.connect(self.reject)

    def run(self):
        """Start the task ``build_task()`` returns; bad input (a PlanError) is shown as a sentence
        and starts nothing. Returns the task, or None."""
        from .messages import show_error

        try:
            task = self.build_task()
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return None
        return self.start_task(task)

    def start_task(self, task):
        from qgis.core import QgsApplication

        self.task = task
        task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        self.runButton.setEnabled(False)
        self.cancelButton.setEnabled(True)
        self.statusLabel.setText(tr("Checking…"))
        QgsApplication.taskManager().addTask(task)
        return task

    def cancel(self):
        if self.task is not None:
            self.task.cancel()

    def task_ended(self, task, ok) -> bool:
        """Reset the controls; True when the task finished with a result to show.

        Not ok: the error is shown, or the status says the check was canceled; either way the
        caller adds nothing (no layer, no report).
        """
        from .messages import show_error

        self.task = None
        self.runButton.setEnabled(True)
        self.cancelButton.setEnabled(False)
        if not ok:
            self.statusLabel.setText(task.error or tr("The check was canceled"))
            if task.error:
                show_error(self, task.error, self.iface)
            return False
        self.progressBar.setValue(100)
        return True
