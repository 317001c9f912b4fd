"""Topology rules of plan QA: overlaps between layers, coverage (gaps, overlaps, outside), within.

Each rule is one or two overlays on the engine: a layer's features as sites against another
layer (or itself), so the cost grows with the features and their neighbours, never with all
pairs, and runs on whichever backend the engine chose. Gaps are the boundary's parts outside
the layer, which the engine finds cell by cell when the layer is large.

Cancel: the engine checks the run's feedback between chunks of work and raises ``Canceled``
(core.shared.cancel); a check never returns a partial list, which would read as fewer errors
than there are.
"""

from qgis.core import QgsGeometry

from ...i18n import tr
from ..engine.geometry_repair import polygon_part
from ..engine.layers import ControlLayer
from ..engine.overlay import OverlayEngine
from .model import QaError, QaRule


def overlap_between(
    rule: QaRule, engine: OverlayEngine, a: ControlLayer, b: ControlLayer, tolerance: float
) -> list[QaError]:
    """One error per feature of ``a``: its overlap with all of ``b``, counted once."""
    sites = engine.layer_sites(a)
    overlay = engine.overlay(sites, b)
    covered = overlay.covered_areas()
    by_site = overlay.pairs_by_site()
    flagged = [i for i in range(len(sites)) if covered[i] > tolerance]
    errors = []
    for i, overlap in zip(flagged, overlay.union_geometries([by_site[i] for i in flagged])):
        others = ", ".join(str(fid) for fid in sorted(overlay.pair_fids[p] for p in by_site[i]))
        errors.append(
            QaError(
                rule,
                a.name,
                sites.keys[i],
                tr("{rule}: overlaps {layer} feature {fid} by {area:.2f} m²").format(
                    rule=rule.description, layer=b.name, fid=others, area=covered[i]
                ),
                overlap,
            )
        )
    return errors


def self_overlaps(rule: QaRule, engine: OverlayEngine, layer: ControlLayer, tolerance: float) -> list[QaError]:
    """One error per pair of features of one layer that overlap by more than the tolerance."""
    sites = engine.layer_sites(layer)
    overlay = engine.overlay(sites, layer, once=True)
    found = [p for p, area in enumerate(overlay.pair_areas) if area > tolerance]
    errors = []
    for pair, piece in zip(found, overlay.pieces(found)):
        errors.append(
            QaError(
                rule,
                layer.name,
                sites.keys[overlay.pair_sites[pair]],
                tr("{rule}: overlaps feature {fid} of the same layer by {area:.2f} m²").format(
                    rule=rule.description, fid=overlay.pair_fids[pair], area=overlay.pair_areas[pair]
                ),
                piece,
            )
        )
    return errors


def _outside(engine: OverlayEngine, layer: ControlLayer, other: ControlLayer):
    """(sites, {site: (area, geometry)}) of each feature of ``layer`` outside ``other``."""
    sites = engine.layer_sites(layer)
    overlay = engine.overlay(sites, other)
    return sites, overlay.outside(range(len(sites)))


def outside_boundary(
    rule: QaRule, engine: OverlayEngine, layer: ControlLayer, boundary: ControlLayer, tolerance: float
) -> list[QaError]:
    sites, outside = _outside(engine, layer, boundary)
    return [
        QaError(
            rule,
            layer.name,
            sites.keys[i],
            tr("{rule}: {area:.2f} m² outside the boundary").format(rule=rule.description, area=area),
            piece,
        )
        for i, (area, piece) in outside.items()
        if area > tolerance
    ]


def gaps(
    rule: QaRule, engine: OverlayEngine, layer: ControlLayer, boundary: ControlLayer, tolerance: float
) -> list[QaError]:
    """Parts of the boundary no feature covers, merged across the boundary's features."""
    _, outside = _outside(engine, boundary, layer)
    pieces = [piece for area, piece in outside.values() if piece is not None and area > 0]
    if not pieces:
        return []
    merged = polygon_part(QgsGeometry.unaryUnion(pieces))
    errors = []
    for part in merged.asGeometryCollection():
        if part.area() > tolerance:
            errors.append(
                QaError(
                    rule,
                    layer.name,
                    None,
                    tr("{rule}: gap of {area:.2f} m²").format(rule=rule.description, area=part.area()),
                    part,
                )
            )
    return errors


def outside_container(
    rule: QaRule, engine: OverlayEngine, layer: ControlLayer, container: ControlLayer, tolerance: float
) -> list[QaError]:
    sites, outside = _outside(engine, layer, container)
    return [
        QaError(
            rule,
            layer.name,
            sites.keys[i],
            tr("{rule}: {area:.2f} m² outside {container}").format(
                rule=rule.description, area=area, container=container.name
            ),
            piece,
        )
        for i, (area, piece) in outside.items()
        if area > tolerance
    ]
