"""Topology rules of plan QA: overlaps between layers, coverage (gaps, overlaps, outside), within.

Every check walks one layer and asks a spatial index for neighbours, so the cost grows with the
features and their neighbours, never with all pairs; gaps are found cell by cell over a grid.

Each check takes the run's feedback and stops with ``Canceled`` (core.shared.cancel) at the next
feature or cell once it is canceled: it never returns a partial list, which would read as fewer
errors than there are (an engine replacing these loops must keep that).
"""
import math
from typing import List

from qgis.core import QgsGeometry, QgsRectangle

from ...i18n import tr
from ..engine.control_index import ControlIndex
from ..engine.geometry_repair import polygon_part
from ..shared.cancel import raise_if_canceled
from .model import QaError, QaRule


def _engine(geometry: QgsGeometry):
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return engine


def _touching(index: ControlIndex, geometry: QgsGeometry, engine=None):
    engine = engine or _engine(geometry)
    for fid in index.candidates(geometry.boundingBox()):
        other = index.geometry(fid)
        if engine.intersects(other.constGet()):
            yield fid, other


def overlap_between(rule: QaRule, a: ControlIndex, b: ControlIndex, tolerance: float,
                    feedback=None) -> List[QaError]:
    """One error per feature of ``a``: its overlap with all of ``b``, counted once."""
    errors = []
    for fid, geometry in a.items():
        raise_if_canceled(feedback)
        pieces, others = [], []
        for other_fid, other in _touching(b, geometry):
            piece = polygon_part(geometry.intersection(other))
            if not piece.isEmpty():
                pieces.append(piece)
                others.append(str(other_fid))
        if not pieces:
            continue
        overlap = pieces[0] if len(pieces) == 1 else polygon_part(QgsGeometry.unaryUnion(pieces))
        if overlap.area() > tolerance:
            errors.append(QaError(rule, a.name, fid, tr("{rule}: overlaps {layer} feature {fid} by {area:.2f} m²").format(
                rule=rule.description, layer=b.name, fid=", ".join(others), area=overlap.area()), overlap))
    return errors


def self_overlaps(rule: QaRule, layer: ControlIndex, tolerance: float, feedback=None) -> List[QaError]:
    errors = []
    for fid, geometry in layer.items():
        raise_if_canceled(feedback)
        for other_fid, other in _touching(layer, geometry):
            if other_fid <= fid:
                continue
            piece = polygon_part(geometry.intersection(other))
            if piece.area() > tolerance:
                errors.append(QaError(rule, layer.name, fid, tr("{rule}: overlaps feature {fid} of the same layer by {area:.2f} m²").format(
                    rule=rule.description, fid=other_fid, area=piece.area()), piece))
    return errors


def outside_boundary(rule: QaRule, layer: ControlIndex, boundary: QgsGeometry, tolerance: float,
                     feedback=None) -> List[QaError]:
    engine = _engine(boundary)
    errors = []
    for fid, geometry in layer.items():
        raise_if_canceled(feedback)
        if engine.contains(geometry.constGet()):
            continue
        piece = polygon_part(geometry.difference(boundary))
        if piece.area() > tolerance:
            errors.append(QaError(rule, layer.name, fid, tr("{rule}: {area:.2f} m² outside the boundary").format(
                rule=rule.description, area=piece.area()), piece))
    return errors


def _cells(extent: QgsRectangle, count: int):
    cells = max(1, count // 150)
    side = math.sqrt(extent.width() * extent.height() / cells) or 1.0
    y = extent.yMinimum()
    while y < extent.yMaximum():
        x = extent.xMinimum()
        while x < extent.xMaximum():
            yield QgsRectangle(x, y, min(x + side, extent.xMaximum()), min(y + side, extent.yMaximum()))
            x += side
        y += side


def gaps(rule: QaRule, layer: ControlIndex, boundary: QgsGeometry, tolerance: float, feedback=None) -> List[QaError]:
    """Parts of the boundary no feature covers, found per grid cell and merged across cells."""
    pieces = []
    for cell in _cells(boundary.boundingBox(), len(layer.fids())):
        raise_if_canceled(feedback)
        area = polygon_part(boundary.clipped(cell))
        if area.isEmpty():
            continue
        covering = [layer.geometry(fid).clipped(cell) for fid in layer.candidates(cell)]
        covered = QgsGeometry.unaryUnion(covering) if covering else QgsGeometry()
        gap = area if covered.isEmpty() else polygon_part(area.difference(covered))
        if not gap.isEmpty() and gap.area() > 1e-6:
            pieces.append(gap)
    if not pieces:
        return []
    merged = polygon_part(QgsGeometry.unaryUnion(pieces))
    errors = []
    for part in merged.asGeometryCollection():
        if part.area() > tolerance:
            errors.append(QaError(rule, layer.name, None, tr("{rule}: gap of {area:.2f} m²").format(
                rule=rule.description, area=part.area()), part))
    return errors


def outside_container(rule: QaRule, layer: ControlIndex, container: ControlIndex, tolerance: float,
                      feedback=None) -> List[QaError]:
    errors = []
    for fid, geometry in layer.items():
        raise_if_canceled(feedback)
        engine = _engine(geometry)
        inside = []
        for _, other in _touching(container, geometry, engine):
            if engine.within(other.constGet()):
                inside = None
                break
            inside.append(polygon_part(geometry.intersection(other)))
        if inside is None:
            continue
        covered = QgsGeometry.unaryUnion(inside) if inside else QgsGeometry()
        outside = geometry if covered.isEmpty() else polygon_part(geometry.difference(covered))
        if outside.area() > tolerance:
            errors.append(QaError(rule, layer.name, fid, tr("{rule}: {area:.2f} m² outside {container}").format(
                rule=rule.description, area=outside.area(), container=container.name), outside))
    return errors
