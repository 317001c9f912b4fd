"""A background task that ended not whole keeps why (``BackgroundTask.why_not_whole``): the
traceback where its work stopped and where each cancel came from. A flaky failure on a busy test
host (the compliance dialog's run ending at 57 % on QGIS 3.40, once in a whole suite) then says
whether it was an error, and which, or a cancel, and from where."""

import threading

from qgis.core import QgsApplication

from helpers import wait_until
from yongji_plugin.core.shared.cancel import raise_if_canceled
from yongji_plugin.core.shared.errors import PlanError
from yongji_plugin.gui.shared.background import BackgroundTask


def _run(work, before_end=None):
    ended = []
    task = BackgroundTask("test run", work, lambda task, ok: ended.append(ok))
    QgsApplication.taskManager().addTask(task)
    if before_end is not None:
        before_end(task)
    wait_until(lambda: ended, 60)
    return task, ended[0]


def _broken_step(feedback):
    return {}["no such key"]


def test_an_unexpected_error_keeps_its_traceback():
    task, ok = _run(_broken_step)
    assert not ok and task.error == "Unexpected error: 'no such key'"
    why = task.why_not_whole()
    assert "KeyError" in why and "_broken_step" in why and "cancel() calls 0" in why


def test_a_plan_error_keeps_where_it_was_raised():
    def refused(feedback):
        raise PlanError("bad input")

    task, ok = _run(refused)
    assert not ok and task.error == "bad input"
    assert "in refused" in task.why_not_whole()


def test_a_cancel_keeps_where_it_came_from():
    started, release = threading.Event(), threading.Event()

    def waits_for_the_cancel(feedback):
        started.set()
        release.wait(30)
        raise_if_canceled(feedback)

    def cancel_from_here(task):
        started.wait(30)
        task.cancel()
        release.set()

    task, ok = _run(waits_for_the_cancel, cancel_from_here)
    assert not ok and task.error is None
    why = task.why_not_whole()
    assert "feedback canceled True" in why and "cancel() calls 1" in why
    assert "in cancel_from_here" in why  # the caller's frame, not only the task's own
    assert "Canceled" in why and "in waits_for_the_cancel" in why  # where the work stopped


def test_a_whole_run_has_nothing_to_explain():
    task, ok = _run(lambda feedback: "done")
    assert ok and task.result == "done" and task.exit_traceback is None and task.cancel_calls == []
