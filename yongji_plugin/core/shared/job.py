"""One way through every capability: inputs → result → output layers → report, one cancel contract.

Each capability binds its inputs into a :class:`Job` in its own ``job`` module (``core/<capability>/
job.py``). The dialog's background task (``gui.shared.job_task``) and the Processing algorithm both
take that job and call :func:`compute` and then :func:`deliver` — the dialog into a GeoPackage or
the project's memory, the algorithm into its sinks (each a :class:`Destination`) — so what a run
computes, writes and removes again is the same code whichever way the user started it.

The contract (see also ``cancel``): :func:`compute` returns the capability's result, canceled or
not, never raising for a cancel. :func:`deliver` writes the layers and the report inside one
:class:`~.written.Written`: an error or a cancel before the last file is written removes every
output this run created and leaves what was there before; a :class:`Delivery` is whole or canceled.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from .cancel import Canceled, refuse_canceled, watching
from .output_table import as_layer
from .written import Written


class Destination:
    """Where a run's layers go. ``write`` registers what it is about to create on ``written`` first,
    writes every layer (each row arriving, or an error) and returns the written layers by name
    (layer objects or, for Processing's sinks, their destinations)."""

    def write(self, layers: dict, written: Written, feedback) -> dict:
        raise NotImplementedError

    def note(self, names) -> str:
        """Where the layers went, in a sentence for the report's outputs line."""
        raise NotImplementedError


@dataclass
class Job:
    """A capability's run with its inputs bound.

    ``compute(feedback)`` is the check (any thread); ``layers(result)`` its result layers by name
    (memory layers, or output tables a GeoPackage takes in bulk); ``report(result, path, layers, note,
    feedback)`` writes the report at ``path`` and returns
    its files by kind (``html``, ``pdf``, …; ``file`` for a job whose one output is a file, such as an
    export), or None when canceled part way (having removed its files); ``report_files(path)`` the
    files and folders a report at ``path`` may create.
    ``files``: what the report step writes besides the report, bound when the job is built (a
    table file, a map sheet and its chart): the step then runs also without a report path, and
    ``report`` is called with ``path`` None. ``thread_safe_outputs``: layers and report may be
    written in a worker thread (else the dialog delivers on the GUI thread).
    """

    title: str
    canceled_text: str
    compute: Callable[[Any], Any]
    layers: Callable[[Any], dict]
    report: Optional[Callable[..., Optional[dict]]] = None
    report_files: Callable[[Path], list] = field(default=lambda path: standard_report_files(path))
    files: list = field(default_factory=list)
    thread_safe_outputs: bool = True


@dataclass
class Delivery:
    """What a run left: its result, its written layers by name and its report files (or None)."""

    result: Any
    layers: dict = field(default_factory=dict)
    report: Optional[dict] = None
    canceled: bool = False


def standard_report_files(path: Path) -> list:
    """The HTML, its PDF and the folder or image of its maps."""
    path = Path(path)
    return [path, path.with_suffix(".pdf"), path.with_name(path.stem + "_maps"), path.with_name(path.stem + "_map.png")]


def compute(job: Job, feedback):
    """The capability's result; ``canceled`` set on it when the feedback was canceled."""
    result = job.compute(feedback)
    if feedback is not None and feedback.isCanceled() and hasattr(result, "canceled"):
        result.canceled = True
    return result


def _as_layers(layers: dict) -> dict:
    return {name: as_layer(layer) for name, layer in layers.items()}


def deliver(job: Job, result, destination: Optional[Destination], report: Optional[Path], feedback) -> Delivery:
    """The result's layers into ``destination`` (none: not written) and its report at ``report``.

    Raises PlanError (or what a writer raised) after removing this run's outputs; returns a
    canceled Delivery, with nothing kept, when the feedback was canceled before the end (a writer
    deep down that noticed it raised Canceled: see ``cancel.watching``).
    """
    refuse_canceled(result)
    try:
        with watching(feedback):
            return _deliver(job, result, destination, report, feedback)
    except Canceled:
        result.canceled = True
        return Delivery(result, canceled=True)


def _deliver(job: Job, result, destination, report, feedback) -> Delivery:
    layers = job.layers(result)
    with Written(feedback) as written:
        out = written.holding(destination.write(layers, written, feedback) if destination else _as_layers(layers))
        report_paths = None
        if (report or job.files) and job.report is not None and not written.canceled:
            written.will_create(*(job.report_files(Path(report)) if report else []), *job.files)
            note = destination.note(list(layers)) if destination else ""
            report_paths = job.report(result, Path(report) if report else None, out, note, feedback)
            if report_paths is None:  # the report stopped at a cancel and removed its files
                written.canceled = True
                written.remove()
    if written.canceled:
        result.canceled = True
        return Delivery(result, canceled=True)
    return Delivery(result, dict(out), report_paths)
