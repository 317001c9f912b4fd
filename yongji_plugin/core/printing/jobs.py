"""The list of print jobs for a request: each sheet, the township atlas, the site atlas.

Each job is a small callable, so the GUI can run them one per event-loop turn (export has to
happen on the GUI thread) and Processing or ``make demo`` can run them in a loop.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional

from .atlases import export_atlas, site_atlas, township_atlas
from .sheets import PDF, SheetBuilder, export_layout, sheet_file


@dataclass
class PrintJob:
    name: str
    run: Callable[[], List[Path]]


def print_jobs(builder: SheetBuilder, folder, sheet_ids: Optional[List[str]] = None, fmt: str = PDF,
               dpi: int = 150, township_coverage: Optional[Callable] = None,
               site_layers: Optional[Callable] = None) -> List[PrintJob]:
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
        jobs.append(PrintJob(sheet.title, lambda sheet=sheet: [export_layout(
            builder.sheet_layout(sheet), sheet_file(folder, sheet, fmt), fmt, dpi)]))
    if township_coverage is not None:
        jobs.append(PrintJob("township_atlas", lambda: export_atlas(
            township_atlas(builder, township_coverage()), folder / "atlas_townships" / f"townships.{fmt}",
            fmt, dpi)))
    if site_layers is not None:
        jobs.append(PrintJob("site_atlas", lambda: export_atlas(
            site_atlas(builder, *site_layers()), folder / "atlas_sites" / f"sites.{fmt}", fmt, dpi)))
    return jobs


def run_jobs(jobs: List[PrintJob], feedback=None) -> List[Path]:
    paths = []
    for number, job in enumerate(jobs):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * number / len(jobs))
        paths += job.run()
    return paths
