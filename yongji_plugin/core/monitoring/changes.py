"""What changed from one 现状 to the next, on the overlay engine: new 建设用地 held against the
control lines, and 耕地 lost and gained, each split by township.

Between two snapshots (the first against the reference): new 建设用地 is each later construction
parcel's part outside every earlier construction parcel (``outside``), split at the township
borders; a piece is then overlaid with each rule's control layer — its part inside (``inside``
rules: 生态保护红线, 永久基本农田, …) or outside (城镇开发边界) is a finding. Each change is counted in
the year it first appears, so the years add up to the change since the reference. 耕地 lost is the
earlier 耕地 outside the later 耕地, gained the reverse; net of 田坎 with the share of the parcel it
comes from (the earlier parcel for a loss, the later for a gain). Land whose code is unknown in
either year (listed as a problem) counts as unchanged: no change is guessed from it. Pieces below
the tolerance are slivers: counted, never findings.
"""

from dataclasses import dataclass, field

from ...i18n import tr
from ..engine.layers import ControlLayer
from ..measuring.unit_areas import NAME_FIELD
from ..shared.cancel import raise_if_canceled
from .classes import CONSTRUCTION, FARMLAND
from .rules import INSIDE, NORMAL, RED, YELLOW
from .text import text

LOST, GAINED = "lost", "gained"
LEVEL_ORDER = {NORMAL: 0, YELLOW: 1, RED: 2}


@dataclass
class Piece:
    """Part of a parcel that changed, in one township (geometry in the area CRS, area in m²)."""

    year: int
    since: int
    township: str
    src_fid: int
    code: str
    geometry: object
    area: float
    share: float = 0.0  # 田坎 share of the parcel it comes from (耕地 pieces)
    level: str = NORMAL  # the worst level of its findings (construction pieces)
    rules: list = field(default_factory=list)  # ids of the rules it breaks

    @property
    def net(self) -> float:
        return self.area * (1.0 - self.share)


@dataclass
class Finding:
    """疑似违规图斑: the part of a piece of new 建设用地 a rule forbids."""

    piece: Piece
    rule: object  # rules.Rule
    geometry: object
    area: float


@dataclass
class YearChange:
    year: int
    since: int
    construction: list = field(default_factory=list)  # Pieces of new 建设用地
    findings: list = field(default_factory=list)
    farmland: dict = field(default_factory=lambda: {LOST: [], GAINED: []})
    slivers: int = 0
    sliver_area: float = 0.0


def category_filter(category: str) -> str:
    return f"\"CAT\" = '{category}'"


class ChangeFinder:
    """The overlays of one run, on one open engine, with the townships and rules bound."""

    def __init__(self, engine, townships, rules, controls: dict, tolerance: float, feedback=None):
        self.engine, self.townships, self.rules = engine, townships, rules
        self.controls, self.tolerance, self.feedback = controls, tolerance, feedback

    def year(self, earlier, later) -> YearChange:
        change = YearChange(later.year, earlier.year)
        built = self._difference(later, earlier, CONSTRUCTION)
        change.construction = self._kept(change, self._split(built, later.year, earlier.year))
        for rule in self.rules:
            raise_if_canceled(self.feedback)
            self._findings(change, rule)
        for piece in change.construction:
            found = [f for f in change.findings if f.piece is piece]
            piece.rules = [f.rule.id for f in found]
            piece.level = max((f.rule.level for f in found), key=LEVEL_ORDER.get, default=NORMAL)
        lost = self._difference(earlier, later, FARMLAND)
        gained = self._difference(later, earlier, FARMLAND)
        change.farmland[LOST] = self._kept(change, self._split(lost, later.year, earlier.year))
        change.farmland[GAINED] = self._kept(change, self._split(gained, later.year, earlier.year))
        return change

    def _difference(self, snapshot, other, category: str) -> list[tuple]:
        """(src_fid, code, 田坎 share, geometry) of each ``category`` parcel's part outside ``other``'s."""
        parcels = ControlLayer(snapshot.layer, snapshot.name, category_filter(category), ("src_fid", "DLBM", "KCXS"))
        sites = self.engine.layer_sites(parcels)
        if not len(sites):
            return []
        against = ControlLayer(other.layer, other.name, f'{category_filter(category)} OR "CAT" IS NULL')
        overlay = self.engine.overlay(sites, against)
        outside = overlay.outside(range(len(sites)))
        values = _attributes(snapshot.layer, sites.keys)
        rows = []
        for index, (area, geometry) in outside.items():
            if area > 0.0 and geometry is not None and not geometry.isEmpty():
                attrs = values[sites.keys[index]]
                rows.append((attrs["src_fid"], attrs["DLBM"], attrs["KCXS"] or 0.0, geometry))
        return rows

    def _split(self, rows: list[tuple], year: int, since: int) -> list[Piece]:
        """Each changed part split at the township borders (a part outside every township kept as such)."""
        if not rows:
            return []
        sites = self.engine.sites([r[3] for r in rows], list(range(len(rows))))
        overlay = self.engine.overlay(sites, ControlLayer(self.townships, self.townships.name(), None, (NAME_FIELD,)))
        names = overlay.attributes(overlay.pair_fids)
        geometries = overlay.pieces(range(len(overlay.pair_sites)))
        pieces = []
        for pair, site in enumerate(overlay.pair_sites):
            fid, code, share, _ = rows[site]
            township = text(names[overlay.pair_fids[pair]].get(NAME_FIELD)) or tr("(no name)")
            pieces.append(Piece(year, since, township, fid, code, geometries[pair], overlay.pair_areas[pair], share))
        for index, (area, geometry) in overlay.outside(range(len(rows))).items():
            if area > 0.0:
                fid, code, share, _ = rows[index]
                pieces.append(Piece(year, since, tr("(outside the townships)"), fid, code, geometry, area, share))
        return pieces

    def _kept(self, change: YearChange, pieces: list[Piece]) -> list[Piece]:
        kept = [p for p in pieces if p.area >= self.tolerance]
        change.slivers += len(pieces) - len(kept)
        change.sliver_area += sum(p.area for p in pieces if p.area < self.tolerance)
        return kept

    def _findings(self, change: YearChange, rule) -> None:
        pieces = change.construction
        if not pieces:
            return
        sites = self.engine.sites([p.geometry for p in pieces], list(range(len(pieces))))
        control = ControlLayer(self.controls[rule.layer], self.controls[rule.layer].name(), rule.filter)
        overlay = self.engine.overlay(sites, control)
        if rule.relation == INSIDE:
            groups = overlay.pairs_by_site()
            order = sorted(groups)
            geometries = overlay.union_geometries([groups[i] for i in order])
            areas = overlay.covered_areas()
            found = [(i, geometry, areas[i]) for i, geometry in zip(order, geometries)]
        else:
            found = [(i, geometry, area) for i, (area, geometry) in overlay.outside(range(len(pieces))).items()]
        for index, geometry, area in sorted(found, key=lambda item: item[0]):
            if area >= self.tolerance:
                change.findings.append(Finding(pieces[index], rule, geometry, area))
            elif area > 0.0:
                change.slivers += 1
                change.sliver_area += area


def _attributes(layer, fids) -> dict:
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest().setFilterFids(list(fids)).setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return {
        f.id(): {"src_fid": f["src_fid"], "DLBM": f["DLBM"], "KCXS": _number(f["KCXS"])}
        for f in layer.getFeatures(request)
    }


def _number(value):
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else float(value)
