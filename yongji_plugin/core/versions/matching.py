"""Pair the features of two versions of a layer: by the catalogue's key field, else by geometry.

By key: features with equal key values (every key field set) are the same feature. A key value
found more than once in a version, or an empty one, cannot say which feature is which: those
features are paired by geometry instead, and the layer's notes say how many. A feature whose key
has no partner in the other version is offered to the geometry passes too, but only to features
without a (unique) key: a key blanked in the later version pairs with its feature as an
attribute change, while two features under different keys are never taken for one.

By geometry, in passes, each one-to-one, ties broken by feature id so a run is repeatable:

1. identical: the same WKB as read, then the same normalised WKB (ring orientation, start
   vertex and part order ignored); duplicates pair in feature id order;
2. polygons: intersection over union at least ``match_overlap`` (default 0.5), best first;
   lines: Hausdorff distance, points: distance, at most ``match_distance`` (default 5 m),
   nearest first.

What stays unpaired was removed (earlier version) or added (later version).
"""

from dataclasses import dataclass, field
from typing import Callable, Optional

from qgis.core import QgsGeometry, QgsSpatialIndex

from ...i18n import tr
from ..shared.cancel import raise_if_canceled
from .model import BY_GEOMETRY, BY_KEY, Record

Pair = tuple[Record, Record, str]


@dataclass
class Matching:
    pairs: list[Pair] = field(default_factory=list)
    removed: list[Record] = field(default_factory=list)
    added: list[Record] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def match_records(
    old: list[Record],
    new: list[Record],
    kind: str,
    params,
    by_key: bool,
    checked: Callable[[Record], QgsGeometry],
    feedback=None,
) -> Matching:
    """``kind``: polygon, line or point; ``checked(record)`` gives a record's valid geometry."""
    result = Matching()
    keyed = set()
    if by_key:
        old, new, keyed = _by_key(old, new, result)

    def allowed(a: Record, b: Record) -> bool:
        return id(a) not in keyed or id(b) not in keyed

    raise_if_canceled(feedback)
    pairs, old, new = _identical(old, new, allowed)
    result.pairs += pairs
    raise_if_canceled(feedback)
    pairs, old, new = _nearby(old, new, kind, params, checked, feedback, allowed)
    result.pairs += pairs
    result.removed += old
    result.added += new
    result.pairs.sort(key=lambda pair: pair[1].fid)
    result.removed.sort(key=lambda r: r.fid)
    result.added.sort(key=lambda r: r.fid)
    return result


def _by_key(old: list[Record], new: list[Record], result: Matching):
    """Pairs with a unique key in each version; returns the records left for geometry matching and
    the ids of those among them that carry a unique key of their own."""
    counts: dict[tuple, list[int]] = {}
    for side, records in enumerate((old, new)):
        for record in records:
            if record.key is not None:
                counts.setdefault(record.key, [0, 0])[side] += 1
    ambiguous = {key for key, (a, b) in counts.items() if a > 1 or b > 1}
    new_by_key = {r.key: r for r in new if r.key is not None and r.key not in ambiguous}
    left_old = [r for r in old if r.key is None or r.key in ambiguous]
    left_new = [r for r in new if r.key is None or r.key in ambiguous]
    unpaired_old = []
    for record in old:
        if record.key is None or record.key in ambiguous:
            continue
        partner = new_by_key.pop(record.key, None)
        if partner is None:
            unpaired_old.append(record)
        else:
            result.pairs.append((record, partner, BY_KEY))
    left_old += unpaired_old
    left_new += new_by_key.values()
    unpaired = unpaired_old + list(new_by_key.values())
    empty = sum(1 for r in old + new if r.key is None)
    repeated = sum(1 for r in old + new if r.key is not None and r.key in ambiguous)
    if empty or repeated:
        result.notes.append(
            tr(
                "{empty} features without a key value and {repeated} sharing a key value were paired by geometry"
            ).format(empty=empty, repeated=repeated)
        )
    return left_old, left_new, {id(r) for r in unpaired}


def _normalised(geometry: QgsGeometry) -> bytes:
    copy = QgsGeometry(geometry)
    if hasattr(copy, "normalize"):  # QGIS ≥ 3.20
        copy.normalize()
    return bytes(copy.asWkb())


def _identical(old: list[Record], new: list[Record], allowed):
    pairs: list[Pair] = []
    for signature in (lambda r: bytes(r.geometry.asWkb()), lambda r: _normalised(r.geometry)):
        if not old or not new:
            break
        waiting: dict[bytes, list[Record]] = {}
        for record in old:
            waiting.setdefault(signature(record), []).append(record)
        left_new = []
        for record in new:
            same = waiting.get(signature(record), [])
            partner = next((candidate for candidate in same if allowed(candidate, record)), None)
            if partner is not None:
                same.remove(partner)
                pairs.append((partner, record, BY_GEOMETRY))
            else:
                left_new.append(record)
        paired = {id(o) for o, _, _ in pairs}
        old, new = [r for r in old if id(r) not in paired], left_new
    return pairs, old, new


def _nearby(old: list[Record], new: list[Record], kind: str, params, checked, feedback, allowed):
    if not old or not new:
        return [], old, new
    index = QgsSpatialIndex()
    for position, record in enumerate(new):
        index.addFeature(position, checked(record).boundingBox())
    reach = 0.0 if kind == "polygon" else params.match_distance
    candidates = []
    for number, record in enumerate(old):
        if number % 500 == 0:
            raise_if_canceled(feedback)
        geometry = checked(record)
        for position in index.intersects(geometry.boundingBox().buffered(reach)):
            if not allowed(record, new[position]):
                continue
            score = _score(kind, geometry, checked(new[position]), params)
            if score is not None:
                candidates.append((score, record.fid, new[position].fid, number, position))
    candidates.sort()
    used_old, used_new, pairs = set(), set(), []
    for _, _, _, number, position in candidates:
        if number in used_old or position in used_new:
            continue
        used_old.add(number)
        used_new.add(position)
        pairs.append((old[number], new[position], BY_GEOMETRY))
    return (
        pairs,
        [r for i, r in enumerate(old) if i not in used_old],
        [r for i, r in enumerate(new) if i not in used_new],
    )


def _score(kind: str, a: QgsGeometry, b: QgsGeometry, params) -> Optional[float]:
    """Lower is better; None when the two are not close enough to be one feature."""
    if kind == "polygon":
        shared = a.intersection(b).area()
        union = a.area() + b.area() - shared
        ratio = shared / union if union > 0 else 0.0
        return -ratio if ratio >= params.match_overlap else None
    distance = a.distance(b) if kind == "point" else a.hausdorffDistance(b)
    return distance if 0 <= distance <= params.match_distance else None
