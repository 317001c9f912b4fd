"""Coordinate files → project-site polygons, plus every problem found, with progress and cancel.

The work is linear in the size of the files: problems are grouped by parcel once, never searched
per parcel. Features are built in whatever thread runs the import; the memory layer is made only
when asked for (``ImportResult.layer``), so a dialog can import in a task and make the layer on
its own thread. A cancelled import raises ImportCanceled (a core.shared.cancel.Canceled) and
returns nothing.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsVectorLayer,
)

from ...i18n import tr
from ..shared.cancel import Canceled
from ..shared.errors import PlanError
from ..shared.qt_compat import new_field
from .crs import DETECT, FileCrs, file_crs, range_problem
from .geometry import SQM_PER_HA
from .model import CoordinateFile, Problem
from .parser import parse_decoded, read_text
from .validation import validate_parcel

FIELDS = [
    ("DKBH", "string"),
    ("DKMC", "string"),
    ("DKYT", "string"),
    ("DLBM", "string"),
    ("TFH", "string"),
    ("JZDS", "int"),
    ("BSMJ_HA", "double"),
    ("JSMJ_M2", "double"),
    ("WJ", "string"),
]
PARSE_SHARE = 1  # progress steps per line read …
CHECK_SHARE = 2  # … and per line checked and built (validation costs about twice the parsing)


class ImportCanceled(Canceled):
    """The user cancelled: nothing was imported.

    Unlike a check, an import has no partial result worth keeping (a preview of some parcels would
    look like the whole file), so import_files raises this instead of returning a result flagged
    canceled; a cancel arriving after the last step still raises (see core/shared/cancel.py).
    """


@dataclass
class ParcelRow:
    """One parcel as the preview and report show it."""

    file: str
    number: str
    name: str
    stated_ha: Optional[float]
    computed_ha: float
    imported: bool
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportResult:
    crs: str
    name: str
    features: list[QgsFeature]
    rows: list[ParcelRow]
    problems: list[Problem]
    files: list[CoordinateFile]
    canceled: bool = False  # only a job's (core.coordfile.job) stand-in for an import canceled

    @cached_property
    def layer(self) -> QgsVectorLayer:
        """A memory layer of the imported parcels, made on first use in the calling thread."""
        layer = new_site_layer(self.crs, self.name)
        layer.dataProvider().addFeatures(self.features)
        layer.updateExtents()
        return layer


def site_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(new_field(name, kind))
    return fields


def new_site_layer(crs: str, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}", name, "memory")
    layer.dataProvider().addAttributes([new_field(n, t) for n, t in FIELDS])
    layer.updateFields()
    return layer


class Progress:
    """Progress in whole percent over a known number of steps, and the cancel check, for a feedback."""

    def __init__(self, feedback, total: int):
        self.feedback, self.total, self.done, self.percent = feedback, max(total, 1), 0, None
        self.report(0)

    def check(self):
        if self.feedback is not None and self.feedback.isCanceled():
            raise ImportCanceled(tr("Coordinate import canceled: nothing was imported"))

    def advance(self, steps: int):
        self.done += steps
        self.report(min(99, 100 * self.done // self.total))

    def report(self, percent: int):
        self.check()
        if self.feedback is not None and percent != self.percent:
            self.percent = percent
            self.feedback.setProgress(percent)
            self.check()


def import_files(paths, mode: str = DETECT, name: str = None, feedback=None, close_rings: bool = False) -> ImportResult:
    """Parse, check and build one or many files; the result takes the first file's CRS.

    ``close_rings``: a ring whose last point is not its first (several bureau tools write them so)
    is closed with a warning instead of leaving its parcel out; off unless the user asks.

    Raises PlanError for a file that cannot be read as a coordinate file at all (empty, no parcel,
    another encoding, no zone in China) and ImportCanceled when ``feedback`` is cancelled.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise PlanError(tr("No coordinate file given"))
    if feedback is not None and feedback.isCanceled():
        raise ImportCanceled(tr("Coordinate import canceled: nothing was imported"))
    texts = [read_text(path) for path in paths]
    lines = sum(text.count("\n") + 1 for text, _ in texts)
    progress = Progress(feedback, (PARSE_SHARE + CHECK_SHARE) * lines)
    files = [parse_decoded(path, text, encoding, progress.advance) for path, (text, encoding) in zip(paths, texts)]
    crs_list = [file_crs(f, mode) for f in files]
    target = crs_list[0].authid
    if not QgsCoordinateReferenceSystem(target).isValid():
        raise PlanError(tr("Unknown CRS {crs}").format(crs=target))
    fields = site_fields()
    rows, problems, features = [], [], []
    for coordinates, crs in zip(files, crs_list):
        transform = None
        if crs.authid != target:
            # all CGCS2000 zones: no datum shift, and no project read from a worker thread
            transform = QgsCoordinateTransform(
                QgsCoordinateReferenceSystem(crs.authid),
                QgsCoordinateReferenceSystem(target),
                QgsCoordinateTransformContext(),
            )
        built = _FileImport(coordinates, crs, transform, fields, progress, close_rings)
        rows += built.rows
        problems += built.problems
        features += built.features
    if feedback is not None:
        feedback.setProgress(100)
    progress.check()
    return ImportResult(target, name or paths[0].stem, features, rows, problems, files)


class _FileImport:
    """One parsed file checked parcel by parcel: rows, problems (sorted by line) and features."""

    def __init__(
        self,
        coordinates: CoordinateFile,
        crs: FileCrs,
        transform,
        fields: QgsFields,
        progress: Progress,
        close_rings: bool = False,
    ):
        self.name, self.close_rings = Path(coordinates.path).name, close_rings
        self.crs, self.transform, self.fields = crs, transform, fields
        self.rows, self.features = [], []
        by_parcel = defaultdict(list)
        found = list(crs.problems)
        for problem in coordinates.problems:
            (found if problem.index is None else by_parcel[problem.index]).append(problem)
        for parcel in coordinates.parcels:
            own = by_parcel[parcel.index]
            found += self.parcel(parcel, own)
            progress.advance(CHECK_SHARE * (1 + len(parcel.points)))
        self.problems = [replace(p, file=self.name) for p in sorted(found, key=lambda p: p.line)]
        named = defaultdict(list)
        for problem in self.problems:
            if problem.index is not None:
                named[problem.index].append(problem)
        for index, row in enumerate(self.rows):  # rows are in parcel order: row i is Parcel.index i
            row.problems = named[index]

    def parcel(self, parcel, own: list[Problem]) -> list[Problem]:
        """Check and build one parcel; returns all its problems (those of the parser included)."""
        problems = list(own)
        checked = None
        if not any(p.fatal for p in problems):  # the range and the rings alike: one problem hides no other
            out_of_range = range_problem(parcel, self.crs.range, self.crs.authid)
            if out_of_range is not None:
                problems.append(out_of_range)
            checked = validate_parcel(parcel, self.close_rings)
            same_point = out_of_range.line if out_of_range is not None else None  # already named
            problems += [p for p in checked.problems if p.line != same_point]
        ok = checked is not None and checked.geometry is not None and not any(p.fatal for p in problems)
        computed = checked.area if ok else 0.0
        self.rows.append(ParcelRow(self.name, parcel.number, parcel.name, parcel.area_ha, computed / SQM_PER_HA, ok))
        if ok:
            self.features.append(self.feature(parcel, checked.geometry, computed))
        return problems

    def feature(self, parcel, geometry, computed: float) -> QgsFeature:
        if self.crs.easting_offset:
            geometry.translate(-self.crs.easting_offset, 0.0)
        if self.transform is not None:
            geometry.transform(self.transform)
        geometry.convertToMultiType()
        feature = QgsFeature(self.fields)
        feature.setGeometry(geometry)
        feature.setAttributes(
            [
                parcel.number,
                parcel.name,
                parcel.use,
                parcel.land_code,
                parcel.sheet,
                len(parcel.points),
                parcel.area_ha,
                computed,
                self.name,
            ]
        )
        return feature
