"""What a comparison of two versions of the 一张图 finds: per layer, each changed feature and the
area gained and lost per class and township; and the parameters it was made with.

A feature of one version is a :class:`Record` (geometry in the area CRS, attributes as plain
Python values). A :class:`FeatureChange` pairs an earlier and a later record (or has one side
only: added, removed). :class:`ClassArea` rows hold the areas and pieces the class unions gained
and lost, split by township; they add up to the class totals, which add up to the layer's.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from qgis.core import QgsGeometry

from ...i18n import tr
from ..plan_data.catalogue import LayerSpec
from ..shared.areas import DEFAULT_TOLERANCE, AreaMethod
from ..shared.errors import PlanError
from ..shared.numbers import non_negative, positive

OLD, NEW = "old", "new"
# feature changes
ADDED, REMOVED, GEOMETRY, ATTRIBUTES, BOTH = "added", "removed", "geometry", "attributes", "both"
CHANGES = (ADDED, REMOVED, GEOMETRY, ATTRIBUTES, BOTH)
# layer presence
BOTH_VERSIONS, ONLY_OLD, ONLY_NEW, NEITHER = "both", "only_old", "only_new", "neither"
# how features were paired
BY_KEY, BY_GEOMETRY = "key", "geometry"

DEFAULT_DISTANCE_TOLERANCE = 0.01  # m: lines and points that moved less are unchanged
DEFAULT_MATCH_OVERLAP = 0.5  # intersection over union: polygons paired by geometry
DEFAULT_MATCH_DISTANCE = 5.0  # m: lines (Hausdorff) and points paired by geometry
PIECE_NOISE = 0.005  # m²: pieces smaller than the stored precision (0.01 m²) are floating-point noise


@dataclass
class CompareParams:
    area: AreaMethod
    tolerance: float = DEFAULT_TOLERANCE  # m²: polygons whose symmetric difference is smaller are unchanged
    distance_tolerance: float = DEFAULT_DISTANCE_TOLERANCE
    match_overlap: float = DEFAULT_MATCH_OVERLAP
    match_distance: float = DEFAULT_MATCH_DISTANCE
    townships: str = NEW  # which version's 乡镇级行政区 splits the areas
    backend: str = "auto"  # the overlay engine's backend
    codes: Optional[tuple[str, ...]] = None  # catalogue layers to compare (None: all)

    def __post_init__(self):
        """Numbers where they enter: a NaN tolerance found no geometry changed (``area >= nan`` is
        never true) and a NaN overlap paired no polygon, so every feature read as added and removed."""
        non_negative(self.tolerance, tr("The area tolerance"))
        non_negative(self.distance_tolerance, tr("The distance tolerance"))
        non_negative(self.match_distance, tr("The matching distance"))
        overlap = positive(self.match_overlap, tr("The matching overlap"))
        if overlap > 1:
            raise PlanError(
                tr("The matching overlap must be a share between 0 and 1, not {value}").format(value=overlap)
            )


def version_name(side: str) -> str:
    return tr("earlier version") if side == OLD else tr("later version")


def layer_label(spec: LayerSpec, side: str) -> str:
    """How reports name one version of a layer (repairs, errors)."""
    return tr("{name} ({version})").format(name=spec.name, version=version_name(side))


class Record:
    """One feature of one version: id, geometry in the area CRS, attributes, key and class."""

    __slots__ = ("fid", "geometry", "attributes", "key", "klass", "checked")

    def __init__(
        self, fid: int, geometry: QgsGeometry, attributes: dict[str, object], key: Optional[tuple], klass: Optional[str]
    ):
        self.fid, self.geometry, self.attributes = fid, geometry, attributes
        self.key, self.klass = key, klass
        self.checked = False  # validity checked (and repaired on a copy if need be)


@dataclass
class FeatureChange:
    change: str  # one of CHANGES
    old: Optional[Record] = None
    new: Optional[Record] = None
    match: str = ""  # BY_KEY, BY_GEOMETRY or "" (added, removed)
    fields: tuple[str, ...] = ()  # attributes that differ

    @property
    def record(self) -> Record:
        """The side a map shows: the later version's, the earlier one's for a removal."""
        return self.new if self.new is not None else self.old

    @property
    def geometry_changed(self) -> bool:
        return self.change in (ADDED, REMOVED, GEOMETRY, BOTH)


@dataclass
class ClassArea:
    """Area one class gained and lost within one township (None: outside every township)."""

    klass: Optional[str]
    township: Optional[str]
    township_code: Optional[str] = None
    gained: float = 0.0
    lost: float = 0.0
    gained_pieces: list[QgsGeometry] = field(default_factory=list)
    lost_pieces: list[QgsGeometry] = field(default_factory=list)

    @property
    def net(self) -> float:
        return self.gained - self.lost


@dataclass
class LayerComparison:
    spec: LayerSpec
    status: str  # BOTH_VERSIONS, ONLY_OLD, ONLY_NEW or NEITHER
    old_count: int = 0
    new_count: int = 0
    match: str = ""  # BY_KEY or BY_GEOMETRY
    key_fields: tuple[str, ...] = ()
    class_field: Optional[str] = None
    changes: list[FeatureChange] = field(default_factory=list)
    unchanged: int = 0
    fields_only_old: list[str] = field(default_factory=list)
    fields_only_new: list[str] = field(default_factory=list)
    areas: list[ClassArea] = field(default_factory=list)  # class × township
    class_totals: dict[Optional[str], tuple[float, float]] = field(default_factory=dict)  # (gained, lost)
    notes: list[str] = field(default_factory=list)

    def count(self, change: str) -> int:
        return sum(1 for c in self.changes if c.change == change)

    @property
    def changed(self) -> bool:
        """Anything a reviewer must look at: presence, schema, features or areas."""
        return (
            self.status in (ONLY_OLD, ONLY_NEW)
            or bool(self.changes)
            or bool(self.fields_only_old)
            or bool(self.fields_only_new)
        )

    def log_line(self) -> str:
        """One line for the log: what changed, each kind counted apart (a layer in one version only
        was logged as "0 features changed", added and removed features as "changed")."""
        name = self.spec.name
        if self.status == ONLY_OLD:
            return tr("{layer}: only in the earlier version ({count} features)").format(
                layer=name, count=self.old_count
            )
        if self.status == ONLY_NEW:
            return tr("{layer}: only in the later version ({count} features)").format(layer=name, count=self.new_count)
        changed = sum(1 for c in self.changes if c.change not in (ADDED, REMOVED))
        return tr(
            "{layer}: {added} features added, {removed} removed, {changed} changed; {gained:.4f} ha gained, "
            "{lost:.4f} ha lost"
        ).format(
            layer=name,
            added=self.count(ADDED),
            removed=self.count(REMOVED),
            changed=changed,
            gained=self.gained / 1e4,
            lost=self.lost / 1e4,
        )

    @property
    def gained(self) -> float:
        return sum(g for g, _ in self.class_totals.values())

    @property
    def lost(self) -> float:
        return sum(lost for _, lost in self.class_totals.values())


@dataclass
class ComparisonResult:
    params: CompareParams
    old_label: str
    new_label: str
    layers: list[LayerComparison] = field(default_factory=list)
    township_note: str = ""  # which version's townships split the areas
    backend: str = ""  # the overlay engine backend that ran, in words
    repairs: list = field(default_factory=list)  # engine.geometry_repair.Repair
    started: datetime = field(default_factory=datetime.now)
    canceled: bool = False
    map_images: dict = field(default_factory=dict)  # change map PNG per layer code, drawn for a report

    def layer(self, code: str) -> LayerComparison:
        return next(c for c in self.layers if c.spec.code == code)

    @property
    def changed_layers(self) -> list[LayerComparison]:
        return [c for c in self.layers if c.changed]
