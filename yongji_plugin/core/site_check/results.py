"""What a compliance check produces per site and rule: outcomes, conflict pieces, site results.

Kept apart from the check itself so the rule kinds (``kinds/``, ``use_fit``, ``farmland``) and
the check share them without importing each other.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

import numpy as np
from qgis.core import QgsGeometry

from ..engine.selector import AUTO
from ..shared.areas import DEFAULT_TOLERANCE, AreaMethod
from ..shared.output_table import geometry_box, geometry_wkb
from .site_input import Site

if TYPE_CHECKING:  # the rule set imports the kinds, which import these results
    from .ruleset import Rule

COMPLIANT, NONCOMPLIANT, UNCHECKED = "compliant", "noncompliant", "unchecked"
NEEDS_REVIEW = "needs_review"  # a verdict of its own: no conflict, but a rule admits the site only after 论证
VERDICTS = (COMPLIANT, NEEDS_REVIEW, NONCOMPLIANT, UNCHECKED)
CONFLICT, SLIVER = "conflict", "sliver"
REVIEW = "review"  # 规划用途符合性: the planned use admits the project only after 论证


@dataclass
class CheckParams:
    area: AreaMethod
    tolerance: float = DEFAULT_TOLERANCE
    id_field: Optional[str] = None
    name_field: Optional[str] = None
    type_field: Optional[str] = None
    use_field: Optional[str] = None  # the project's use (用地用海 code or name); None: found by name
    data_source: str = ""
    backend: str = AUTO  # overlay engine backend: auto, shapely, qgis or postgis
    site_origin: object = None  # the layer sites given as a feature source come from (for ``auto``)


class Piece:
    """One conflict piece: a site's part on a control feature (or outside the layer).

    Its geometry and the control feature's attributes may come from the engine on first read
    (``source``, ``position``), so a run with hundreds of thousands of pieces builds them only
    for the outputs that show them.
    """

    __slots__ = (
        "site_id",
        "rule_id",
        "layer",
        "control_fid",
        "_attributes",
        "_geometry",
        "area",
        "status",
        "site_key",
        "_source",
        "_position",
    )

    def __init__(
        self,
        site_id: str,
        rule_id: str,
        layer: str,
        control_fid: Optional[int],
        attributes: dict,
        geometry: QgsGeometry,
        area: float,
        status: str = CONFLICT,
        site_key: Optional[int] = None,
        source=None,
        position: int = None,
    ):
        self.site_id, self.rule_id, self.layer, self.control_fid = site_id, rule_id, layer, control_fid
        self._attributes, self._geometry, self.area, self.status = attributes, geometry, area, status
        self.site_key = site_key  # Site.key of the site it belongs to (site ids may repeat)
        self._source, self._position = source, position

    @property
    def geometry(self) -> QgsGeometry:
        if self._geometry is None and self._source is not None:
            self._geometry = self._source.geometry(self._position)
        return self._geometry

    @staticmethod
    def files(pieces: list) -> tuple[list, np.ndarray]:
        """The pieces' WKB and boxes (n × 4, NaN where none) for a file written in bulk: taken by
        source from the engine's arrays, not piece by piece."""
        wkb, boxes = [None] * len(pieces), np.full((len(pieces), 4), np.nan)
        by_source = {}
        for row, piece in enumerate(pieces):
            if piece._geometry is None and piece._source is not None:
                by_source.setdefault(id(piece._source), (piece._source, [], []))
                _, rows, positions = by_source[id(piece._source)]
                rows.append(row)
                positions.append(piece._position)
            else:
                wkb[row], box = geometry_wkb(piece._geometry), geometry_box(piece._geometry)
                boxes[row] = box if box is not None else np.nan
        for source, rows, positions in by_source.values():
            source_wkb, source_boxes = source.files()
            boxes[rows] = source_boxes[positions]
            for row, position in zip(rows, positions):
                wkb[row] = source_wkb[position]
        return wkb, boxes

    @property
    def attributes(self) -> dict:
        if self._attributes is None and self._source is not None:
            self._attributes = self._source.attributes(self._position)
        return self._attributes

    def __repr__(self):
        return f"Piece({self.site_id!r}, {self.rule_id!r}, {self.control_fid!r}, {self.area:.2f}, {self.status!r})"


@dataclass
class RuleOutcome:
    rule: "Rule"
    area: float = 0.0
    share: float = 0.0
    applicable: bool = True
    status: str = COMPLIANT  # or CONFLICT / SLIVER / REVIEW
    reason: str = ""  # the finding in words, where the kind words it itself (use_fit)
    note: str = ""  # why the rule does not apply, where that is not applies_to (use_fit)
    fit_share: Optional[float] = None  # use_fit: the share of the site whose planned use fits
    review_share: Optional[float] = None  # use_fit: the share that fits only after 论证


@dataclass
class SiteResult:
    site: Site
    area: float
    outcomes: dict[str, RuleOutcome] = field(default_factory=dict)
    breakdown: list[dict] = field(default_factory=list)
    farmland: dict[str, dict] = field(default_factory=dict)  # rule id → 耕地 figures (farmland.py)
    verdict: str = COMPLIANT
    reasons: list[str] = field(default_factory=list)
