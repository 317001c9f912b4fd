"""A second version of the demo 一张图 with known edits, for 规划版本对比 (illustrative, not official).

The edits are the kinds a plan goes through between versions (三区三线 adjustments, corrections
after 成果质检, township plans fed back), made on the features :func:`build.generate` gives, so the
same size always gives the same two versions:

* 永久基本农田: two parcels lying wholly in 卿头镇 removed; one parcel added in 张营镇 (new BSM);
* 城镇开发边界: the feature reaching furthest west in 城西街道 extended there (its MJ updated);
* 规划分区: the smallest 乡村发展区 polygon re-zoned 城镇发展区 (GHFQDM and GHFQMC, geometry kept);
* 历史建筑: the layer dropped;
* 文物保护单位 (no key field: matched by geometry): two 县保 points added in 蒲州镇, one point's level
  changed;
* 居住区 (no key field): one polygon shrunk by 10 m all round.

:data:`Edit` records say what changed where, for the tests and the demo's notes; the areas the
tests expect are computed from the two versions themselves, never copied from here.
"""

from dataclasses import dataclass

from shapely.geometry import Point, box
from shapely.ops import unary_union
from shapely.prepared import prep

from .geometry_tools import as_multi, polygons

DROPPED = "LSJZ"
ZONE_NAMES = {"04": "城镇发展区", "05": "乡村发展区"}


@dataclass(frozen=True)
class Edit:
    layer: str
    change: str  # added | removed | geometry | attributes | layer_removed
    township: str = ""
    note: str = ""


def _town(data: dict, name: str):
    return next(t["geometry"] for t in data["XZQ_XZ"] if t["XZQMC"] == name)


def _copy(features: list[dict]) -> list[dict]:
    return [dict(f) for f in features]


def _remove_farmland(data: dict, edits: list[Edit], township="卿头镇", count=2) -> None:
    town = _town(data, township)
    inside = sorted((f for f in data["YJJBNT"] if f["geometry"].within(town)), key=lambda f: f["BSM"])
    gone = {f["BSM"] for f in inside[:count]}
    data["YJJBNT"] = [f for f in data["YJJBNT"] if f["BSM"] not in gone]
    edits += [Edit("YJJBNT", "removed", township, f"BSM {bsm}") for bsm in sorted(gone)]


def _free_spot(area, obstacles, side: float):
    """The first square of ``side`` (row by row from the south-west) inside ``area`` touching no obstacle."""
    blocked = prep(unary_union([g for g in obstacles if g.intersects(area.envelope)]))
    minx, miny, maxx, maxy = area.bounds
    step = side / 2
    y = miny
    while y < maxy:
        x = minx
        while x < maxx:
            square = box(x, y, x + side, y + side)
            if square.within(area) and not blocked.intersects(square):
                return square
            x += step
        y += step
    raise RuntimeError("no free spot for the added parcel")


def _add_farmland(data: dict, edits: list[Edit], township="张营镇") -> None:
    zone = unary_union([f["geometry"] for f in data["GHFQ"] if f["GHFQDM"] == "03"]).buffer(-20)
    area = zone.intersection(_town(data, township))
    parcels = [f["geometry"] for f in data["YJJBNT"]]
    typical = sorted(g.area for g in parcels)[len(parcels) // 2]
    spot = _free_spot(area, parcels, round((typical / 4) ** 0.5))
    bsm = max(f["BSM"] for f in data["YJJBNT"]) + 1
    data["YJJBNT"].append(
        {
            "BSM": bsm,
            "YSDM": "212100",
            "TBBH": f"{bsm:06d}",
            "ZLDWMC": township,
            "MJ": round(spot.area, 2),
            "geometry": spot,
        }
    )
    edits.append(Edit("YJJBNT", "added", township, f"BSM {bsm}"))


def _extend_urban_boundary(data: dict, edits: list[Edit], township="城西街道") -> None:
    """Extend the boundary west from its westmost vertex in the township, around free land only."""
    town = _town(data, township)
    vertices = [
        (c, f)
        for f in data["CZKFBJ"]
        for part in polygons(f["geometry"].intersection(town))
        for c in part.exterior.coords
    ]
    (x, y), feature = min(vertices, key=lambda item: item[0])
    others = unary_union([f["geometry"] for code in ("CZKFBJ", "STBHHX", "YJJBNT") for f in data[code]])
    extension = box(x - 250, y - 100, x + 20, y + 100).intersection(town).difference(others)
    feature["geometry"] = as_multi(feature["geometry"].union(extension))
    feature["MJ"] = round(feature["geometry"].area, 2)
    edits.append(Edit("CZKFBJ", "geometry", township, f"BSM {feature['BSM']}"))


def _rezone(data: dict, edits: list[Edit]) -> None:
    feature = min((f for f in data["GHFQ"] if f["GHFQDM"] == "05"), key=lambda f: f["geometry"].area)
    feature["GHFQDM"], feature["GHFQMC"] = "04", ZONE_NAMES["04"]
    edits.append(Edit("GHFQ", "attributes", note=f"BSM {feature['BSM']}: 05 → 04"))


def _heritage_points(data: dict, edits: list[Edit], township="蒲州镇") -> None:
    town = _town(data, township)
    cx, cy = town.representative_point().coords[0]
    for number, (dx, dy) in enumerate(((300.0, 200.0), (-450.0, 350.0)), start=1):
        point = Point(cx + dx, cy + dy)
        data["WWBHDW"].append({"MC": f"新增县保文物点{number}", "JB": "县保", "geometry": point})
        edits.append(Edit("WWBHDW", "added", township, f"新增县保文物点{number}"))
    changed = next(f for f in data["WWBHDW"] if f["JB"] == "县保")
    changed["JB"] = "市保"
    edits.append(Edit("WWBHDW", "attributes", note=f"{changed['MC']}: 县保 → 市保"))


def _shrink_residential(data: dict, edits: list[Edit]) -> None:
    feature = max(data["JZQ"], key=lambda f: f["geometry"].area)
    feature["geometry"] = as_multi(feature["geometry"].buffer(-10, join_style=2))
    edits.append(Edit("JZQ", "geometry", note=feature["MC"]))


def second_version(data: dict) -> tuple[dict[str, list[dict]], list[Edit]]:
    """The edited copy of generated demo data (``data`` itself is left as it was) and its edits."""
    edited = {code: _copy(features) for code, features in data.items() if code != DROPPED}
    edits: list[Edit] = [Edit(DROPPED, "layer_removed")]
    _remove_farmland(edited, edits)
    _add_farmland(edited, edits)
    _extend_urban_boundary(edited, edits)
    _rezone(edited, edits)
    _heritage_points(edited, edits)
    _shrink_residential(edited, edits)
    return edited, edits
