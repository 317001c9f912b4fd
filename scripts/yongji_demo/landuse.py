"""三调 地类图斑: Voronoi parcels covering the city, land class drawn by planning zone."""

from shapely.prepared import prep

from .geometry_tools import polygons, random_points_in, voronoi_cells
from .zones import PlanShapes

CLASS_NAMES = {
    "0102": "水浇地",
    "0103": "旱地",
    "0201": "果园",
    "0301": "乔木林地",
    "0305": "灌木林地",
    "0404": "其他草地",
    "1003": "公路用地",
    "1101": "河流水面",
    "1102": "湖泊水面",
    "1106": "内陆滩涂",
    "1202": "设施农用地",
    "201": "城市",
    "202": "建制镇",
    "203": "村庄",
    "204": "采矿用地",
}
# land classes (with weights) drawn in each planning zone / special area
MIX: dict[str, list] = {
    "mountain": [("0301", 0.55), ("0305", 0.3), ("0404", 0.15)],
    "shore": [("1106", 0.5), ("1101", 0.3), ("0404", 0.2)],
    "lake": [("1102", 1.0)],
    "02": [("0305", 0.35), ("0201", 0.25), ("0404", 0.2), ("0103", 0.2)],
    "03": [("0102", 0.7), ("0103", 0.2), ("0201", 0.1)],
    "04": [("201", 0.8), ("203", 0.1), ("1003", 0.1)],
    "04town": [("202", 0.8), ("203", 0.2)],
    "05": [("0201", 0.3), ("0102", 0.25), ("203", 0.3), ("1202", 0.1), ("204", 0.05)],
}


# 田坎系数 (KCXS) of 耕地 parcels: plains irrigated land keeps few 田坎, sloping dry land many;
# each parcel takes a deterministic value in [base, base + spread) so the demo needs no extra draws
TIANKAN = {"0102": (0.02, 0.04), "0103": (0.06, 0.10)}


def _tiankan(feature: dict) -> None:
    """KCXS (扣除系数) and KCMJ (扣除面积 = TBMJ × KCXS) as 三调 parcels carry them."""
    base, spread = TIANKAN.get(feature["DLBM"], (0.0, 0.0))
    step = (feature["BSM"] * 7919) % 100 / 100.0
    feature["KCXS"] = round(base + spread * step, 4)
    feature["KCMJ"] = round(feature["TBMJ"] * feature["KCXS"], 2)


def _areas(shapes: PlanShapes):
    """(key, geometry) pieces that together tile the city."""
    from shapely.ops import unary_union

    towns = unary_union(list(shapes.town_areas.values())).intersection(shapes.zones["04"])
    return [
        ("mountain", shapes.mountain),
        ("shore", shapes.shore),
        ("lake", shapes.lake),
        ("02", shapes.zones["02"]),
        ("03", shapes.zones["03"]),
        ("04", shapes.zones["04"].difference(towns)),
        ("04town", towns),
        ("05", shapes.zones["05"]),
    ]


def land_parcels(shapes: PlanShapes, towns: list[dict], rng, count=2500) -> list[dict]:
    seeds = random_points_in(shapes.outline, count, rng)
    cells = voronoi_cells(seeds, shapes.outline, clipped=False)  # the areas tile the outline
    areas = [(key, geom, prep(geom)) for key, geom in _areas(shapes) if not geom.is_empty]
    result = []
    for cell in cells:
        for key, geom, prepared in areas:
            if not prepared.intersects(cell):
                continue
            pieces = [cell] if prepared.contains(cell) else polygons(cell.intersection(geom))
            for piece in pieces:
                if piece.area < 1.0:
                    continue
                codes, weights = zip(*MIX[key])
                code = str(rng.choice(codes, p=weights))
                result.append({"DLBM": code, "DLMC": CLASS_NAMES[code], "geometry": piece})
    _locality(result, towns)
    for i, f in enumerate(result, start=1):
        f["BSM"] = i
        f["TBBH"] = f"{i:06d}"
        f["TBMJ"] = round(f["geometry"].area, 2)
        _tiankan(f)
    return result


def _locality(features, towns):
    prepared = [(t["XZQMC"], prep(t["geometry"])) for t in towns]
    for f in features:
        c = f["geometry"].representative_point()
        f["ZLDWMC"] = next((n for n, p in prepared if p.contains(c)), "")
