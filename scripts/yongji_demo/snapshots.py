"""现状 snapshots of two later years (年度变更调查 地类图斑) with known changes, for 规划实施监测预警
(illustrative, not official).

Made from the demo's 三调 parcels (DLTB, the 2019 reference) by changing the class of chosen
parcels, so the same size always gives the same snapshots:

2022 (against 2019):
* a 村庄 parcel inside 城镇开发边界 → 201 城市 (a change within 建设用地: no new construction, no finding;
  the demo's 城镇开发边界 holds no land of other classes);
* a 耕地 parcel clear of every control line → 202 建制镇 (outside the boundary: 黄色预警; 耕地 lost);
* the 耕地 parcel that overlaps 永久基本农田 most, outside 城镇开发边界 → 203 村庄 (红色预警 and the
  boundary's 黄色预警);
* the 林地 parcel that lies most inside 生态保护红线 → 204 采矿用地 (红色预警);
* a 其他草地 parcel clear of every control line → 0103 旱地 (耕地 gained).
2024 (against 2022):
* the non-construction parcel with the largest area inside 历史文化保护线 → 203 村庄 (黄色预警);
* a 果园 parcel clear of every control line → 0102 水浇地 (耕地 regained);
* 城乡建设用地 drifting toward its limit: 公路用地 parcels inside 城镇开发边界 → 201, and 果园 and 其他草地
  parcels of 乡村发展区 clear of the control lines → 203 村庄 (each outside the boundary: 黄色预警),
  until the layer's 20x area lies ``DRIFT`` (0.5 %) above the linear path from 2019 to the 2025 target.

:data:`Change` records say which parcel changed how; the tests measure the areas and levels from
the layers themselves, never from here.
"""

from dataclasses import dataclass
from pathlib import Path

from shapely.ops import unary_union
from shapely.prepared import prep

from .landuse import CLASS_NAMES
from .writer import write_layer

YEARS = (2022, 2024)
DRIFT = 0.005  # 城乡建设用地 in 2024: 0.5 % above its path (between the default 0 % yellow and 2 % red)
TARGET_2025 = 15200.0  # ha: CXJSYD's 2025 target in resources/measures/indicators.yaml
FIELDS = [
    ("BSM", "integer"),
    ("TBBH", "string"),
    ("DLBM", "string"),
    ("DLMC", "string"),
    ("ZLDWMC", "string"),
    ("TBMJ", "real"),
    ("KCXS", "real"),
    ("KCMJ", "real"),
    ("NF", "integer"),
]
CLASS_NAMES = {**CLASS_NAMES, "0102": "水浇地"}


@dataclass(frozen=True)
class Change:
    year: int
    bsm: int
    before: str
    after: str
    note: str


class _Lines:
    """The control lines as prepared shapely geometries."""

    def __init__(self, data: dict):
        def union(code, keep=lambda f: True):
            return unary_union([f["geometry"] for f in data[code] if keep(f)])

        self.shapes = {
            "STBHHX": union("STBHHX"),
            "YJJBNT": union("YJJBNT"),
            "CZKFBJ": union("CZKFBJ"),
            "ZRBHD": union("ZRBHD", lambda f: f.get("GNFQ") == "1"),
            "LSWHBHX": union("LSWHBHX"),
        }
        self.prepared = {code: prep(shape) for code, shape in self.shapes.items()}
        self.zone05 = prep(unary_union([f["geometry"] for f in data["GHFQ"] if f["GHFQDM"] == "05"]))

    def clear(self, geometry) -> bool:
        """Touches no control line and lies outside 城镇开发边界."""
        return not any(p.intersects(geometry) for p in self.prepared.values())

    def inside_boundary(self, geometry) -> bool:
        return self.prepared["CZKFBJ"].contains(geometry) and not any(
            self.prepared[c].intersects(geometry) for c in ("STBHHX", "YJJBNT", "ZRBHD", "LSWHBHX")
        )

    def share(self, code: str, geometry) -> float:
        return geometry.intersection(self.shapes[code]).area / geometry.area if geometry.area else 0.0


def _set(parcel: dict, code: str, year: int, changes: list, note: str) -> None:
    changes.append(Change(year, parcel["BSM"], parcel["DLBM"], code, note))
    parcel["DLBM"], parcel["DLMC"] = code, CLASS_NAMES.get(code, code)
    farmland = code.startswith("01")
    parcel["KCXS"] = 0.05 if farmland else 0.0
    parcel["KCMJ"] = round(parcel["TBMJ"] * parcel["KCXS"], 2)


def _pick(parcels, codes, test, key=lambda p: p["BSM"], used=()):
    found = [p for p in parcels if p["DLBM"] in codes and p["BSM"] not in used and test(p["geometry"])]
    if not found:
        raise RuntimeError(f"no demo parcel of {codes} fits")
    return min(found, key=key)


def _largest(parcel) -> tuple:
    return (-round(parcel["geometry"].area), parcel["BSM"])


def _year_2022(parcels, lines: _Lines, changes: list) -> None:
    farmland, forest = ("0102", "0103"), ("0301", "0305")
    _set(_pick(parcels, ("203",), lines.inside_boundary), "201", 2022, changes, "村庄 → 城市 inside 城镇开发边界")
    _set(
        _pick(parcels, farmland, lines.clear, key=_largest), "202", 2022, changes, "耕地 → 建制镇 outside 城镇开发边界"
    )
    outside = lambda g: not lines.prepared["CZKFBJ"].intersects(g)  # noqa: E731
    _set(
        _pick(parcels, farmland, outside, key=lambda p: -lines.share("YJJBNT", p["geometry"])),
        "203",
        2022,
        changes,
        "耕地 → 村庄 on 永久基本农田",
    )
    _set(
        _pick(parcels, forest, outside, key=lambda p: -lines.share("STBHHX", p["geometry"])),
        "204",
        2022,
        changes,
        "林地 → 采矿用地 in 生态保护红线",
    )
    _set(_pick(parcels, ("0404",), lines.clear, key=_largest), "0103", 2022, changes, "其他草地 → 旱地 (耕地 gained)")


def _year_2024(parcels, lines: _Lines, changes: list, base_built: float) -> None:
    construction = ("201", "202", "203", "204", "1003")
    heritage = _pick(
        parcels,
        set(CLASS_NAMES) - set(construction),
        lambda g: lines.prepared["LSWHBHX"].intersects(g),
        key=lambda p: -p["geometry"].intersection(lines.shapes["LSWHBHX"]).area,
    )
    _set(heritage, "203", 2024, changes, "→ 村庄 in 历史文化保护线")
    _set(_pick(parcels, ("0201",), lines.clear, key=_largest), "0102", 2024, changes, "果园 → 水浇地 (耕地 regained)")
    path_2024 = base_built + (TARGET_2025 * 1e4 - base_built) * (2024 - 2019) / (2025 - 2019)
    goal = path_2024 * (1.0 + DRIFT)
    built = sum(p["geometry"].area for p in parcels if p["DLBM"].startswith("20"))
    roads = sorted(
        (p for p in parcels if p["DLBM"] == "1003" and lines.prepared["CZKFBJ"].intersects(p["geometry"])),
        key=lambda p: p["BSM"],
    )
    rural = sorted(
        (
            p
            for p in parcels
            if p["DLBM"] in ("0201", "0404") and lines.zone05.contains(p["geometry"]) and lines.clear(p["geometry"])
        ),
        key=_largest,
    )
    for parcel, code in [(p, "201") for p in roads] + [(p, "203") for p in rural]:
        if built >= goal:
            return
        built += parcel["geometry"].area
        _set(parcel, code, 2024, changes, "城乡建设用地 drifting toward its limit")
    raise RuntimeError("the demo has too few parcels for the drift of 城乡建设用地")


def snapshots(data: dict) -> tuple[dict, list]:
    """{year: parcels} for 2022 and 2024 and the changes made (``data`` is left as it was)."""
    lines = _Lines(data)
    changes: list = []
    parcels = [dict(p) for p in data["DLTB"]]
    base_built = sum(p["geometry"].area for p in parcels if p["DLBM"].startswith("20"))
    _year_2022(parcels, lines, changes)
    first = [dict(p, NF=2022) for p in parcels]
    _year_2024(parcels, lines, changes, base_built)
    return {2022: first, 2024: [dict(p, NF=2024) for p in parcels]}, changes


def write_snapshots(path: Path, data: dict) -> list:
    """Layers ``DLTB_2022`` and ``DLTB_2024`` in a GeoPackage of their own; returns the changes."""
    path = Path(path)
    if path.exists():
        path.unlink()
    years, changes = snapshots(data)
    for year, parcels in years.items():
        write_layer(path, f"DLTB_{year}", parcels, FIELDS, "polygon")
    return changes
