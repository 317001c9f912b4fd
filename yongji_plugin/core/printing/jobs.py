"""The list of print jobs for a request: each sheet, the township atlas, the site atlas.

Each job is a small callable, so the GUI can run them one per event-loop turn (export has to
happen on the GUI thread) and Processing or ``make demo`` can run them in a loop.

Cancel (the rules in ``core.shared.cancel``): a run stops before the next job, and an atlas
stops between its pages. A job cut short (or failing) deletes every file it wrote, so what stays
on disk is whole sheets and whole atlases only, and exactly those are the result's ``paths``; the
result of a run canceled at any moment says ``canceled=True``.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from qgis.core import QgsFeedback

from ...i18n import tr
from ..shared.cancel import Canceled, raise_if_canceled
from .atlases import check_atlas, export_atlas, site_atlas, township_atlas
from .sheets import PDF, SheetBuilder, export_layout, sheet_file


@dataclass
class PrintJob:
    name: str
    run: Callable[[Optional[QgsFeedback]], list[Path]]  # given a feedback, returns the files written
    target: Path  # the file or folder the job writes: what it deletes when cut short


@dataclass
class PrintResult:
    paths: list[Path] = field(default_factory=list)  # whole files only
    canceled: bool = False


def print_jobs(
    builder: SheetBuilder,
    folder,
    sheet_ids: Optional[list[str]] = None,
    fmt: str = PDF,
    dpi: int = 150,
    township_coverage: Optional[Callable] = None,
    site_layers: Optional[Callable] = None,
) -> list[PrintJob]:
    """Jobs for the chosen sheets and atlases.

    ``township_coverage`` and ``site_layers`` are callables giving the atlases' layers (the
    township figures; the styled site summary and its extra layers): the capabilities that compute
    them are not printing's to import, and they run only when their job does.
    """
    folder = Path(folder)
    jobs = []
    for sheet in builder.sheets.sheets:
        if sheet_ids is not None and sheet.id not in sheet_ids:
            continue
        builder.check(sheet)  # a missing layer fails before anything is written
        path = sheet_file(folder, sheet, fmt)
        jobs.append(
            PrintJob(
                sheet.title,
                lambda feedback, sheet=sheet, path=path: [export_layout(builder.sheet_layout(sheet), path, fmt, dpi)],
                path,
            )
        )
    for kind, wanted in (("township", township_coverage), ("site", site_layers)):
        if wanted is not None:
            check_atlas(builder, kind)  # as the sheets: before anything is written
    if township_coverage is not None:
        jobs.append(
            _atlas_job(
                tr("Township atlas"),
                lambda: township_atlas(builder, township_coverage()),
                folder / "atlas_townships" / f"townships.{fmt}",
                fmt,
                dpi,
            )
        )
    if site_layers is not None:
        jobs.append(
            _atlas_job(
                tr("Site atlas"),
                lambda: site_atlas(builder, *site_layers()),
                folder / "atlas_sites" / f"sites.{fmt}",
                fmt,
                dpi,
            )
        )
    return jobs


def _atlas_job(name: str, layout: Callable, path: Path, fmt: str, dpi: int) -> PrintJob:
    """A job exporting the atlas ``layout()`` builds to ``path`` (its folder for PNG pages)."""
    return PrintJob(name, lambda feedback: export_atlas(layout(), path, fmt, dpi, feedback), path.parent)


class StepFeedback(QgsFeedback):
    """The feedback one job of a run sees: canceled with the run's, its progress a slice of the run's.

    Printing runs on the GUI thread, so the signals connect directly.
    """

    def __init__(self, run: Optional[QgsFeedback], number: int, count: int):
        super().__init__()
        if run is None:
            return
        if run.isCanceled():
            self.cancel()
        run.canceled.connect(self.cancel)
        start, span = 100.0 * number / count, 100.0 / count
        self.progressChanged.connect(lambda value: run.setProgress(start + span * value / 100.0))


def _snapshot(target: Path) -> dict[Path, int]:
    files = [target] if target.is_file() else (p for p in target.rglob("*") if p.is_file())
    return {p: p.stat().st_mtime_ns for p in files}


def _discard(target: Path, before: dict[Path, int], existed: bool) -> None:
    """Delete the files a job wrote or rewrote (and its folder, if it made it)."""
    for path, stamp in _snapshot(target).items() if target.exists() else ():
        if before.get(path) != stamp:
            path.unlink()
    if not existed and target.is_dir() and not any(target.rglob("*")):
        target.rmdir()


def run_job(job: PrintJob, feedback: QgsFeedback = None) -> list[Path]:
    """One job; cut short by a cancel (``Canceled``) or an error, it deletes what it wrote and raises."""
    raise_if_canceled(feedback)
    existed = job.target.exists()
    before = _snapshot(job.target) if existed else {}
    try:
        return job.run(feedback)
    except BaseException:
        _discard(job.target, before, existed)
        raise


def run_jobs(jobs: list[PrintJob], feedback=None) -> PrintResult:
    result = PrintResult()
    try:
        for number, job in enumerate(jobs):
            raise_if_canceled(feedback)
            if feedback is not None:
                feedback.setProgress(100.0 * number / len(jobs))
            result.paths += run_job(job, StepFeedback(feedback, number, len(jobs)))
        raise_if_canceled(feedback)
    except Canceled:
        result.canceled = True
    return result
