"""Features of each catalogue layer, as dicts of attributes plus a shapely ``geometry``."""

import math

from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union
from shapely.prepared import prep

from .geometry_tools import as_multi, polygons, random_points_in, voronoi_cells
from .outline import plan_point
from .zones import CENTRAL_CITY, TOWNS, PlanShapes

ZONE_NAMES = {"01": "生态保护区", "02": "生态控制区", "03": "农田保护区", "04": "城镇发展区", "05": "乡村发展区"}
STREETS = [("城西街道", 110.405, 34.880), ("城东街道", 110.505, 34.870), ("城北街道", 110.455, 34.925)]
XZQDM_CITY = "140881"


def townships(shapes: PlanShapes) -> list[dict]:
    seeds = [(n, "街道", lon, lat) for n, lon, lat in STREETS]
    seeds += [(n, "镇", lon, lat) for n, _, lon, lat in TOWNS]
    points = [Point(*plan_point(lon, lat)) for _, _, lon, lat in seeds]
    cells = voronoi_cells(points, shapes.outline)
    return [
        {"XZQDM": f"{XZQDM_CITY}{i + 1:03d}", "XZQMC": name, "XZLX": kind, "geometry": as_multi(cell)}
        for i, ((name, kind, _, _), cell) in enumerate(zip(seeds, cells))
    ]


def city(shapes: PlanShapes) -> list[dict]:
    return [{"XZQDM": XZQDM_CITY, "XZQMC": "永济市", "geometry": as_multi(shapes.outline)}]


def villages(shapes: PlanShapes, towns: list[dict], rng, total=195) -> list[dict]:
    area_sum = sum(t["geometry"].area for t in towns)
    counts = [max(6, round(total * t["geometry"].area / area_sum)) for t in towns]
    counts[counts.index(max(counts))] += total - sum(counts)
    urban = prep(shapes.zones["04"])
    classes = ["01", "02", "03", "04"]
    weights = [0.45, 0.2, 0.1, 0.25]
    result = []
    for town, count in zip(towns, counts):
        seeds = random_points_in(town["geometry"], count, rng, min_gap=600)
        for j, (seed, cell) in enumerate(zip(seeds, voronoi_cells(seeds, town["geometry"]))):
            code = "05" if urban.contains(seed) else str(rng.choice(classes, p=weights))
            name = f"{town['XZQMC'][:2]}{j + 1:02d}村"
            result.append({"CZMC": name, "XZQMC": town["XZQMC"], "CZFL": code, "geometry": as_multi(cell)})
    _rename_famous(result, shapes)
    return result


def _rename_famous(villages_: list[dict], shapes: PlanShapes) -> None:
    """Give three villages the plan's historic names (characteristic protection class)."""
    for name, lon, lat in (("西厢村", 110.318, 34.825), ("栖岩村", 110.430, 34.810), ("东姚温村", 110.395, 34.830)):
        p = Point(*plan_point(lon, lat))
        for v in villages_:
            if v["geometry"].contains(p):
                v["CZMC"] = name
                v["CZFL"] = "03"
                break


def planning_zones(shapes: PlanShapes) -> list[dict]:
    result = []
    for code, geom in shapes.zones.items():
        for part in polygons(geom):
            result.append({"GHFQDM": code, "GHFQMC": ZONE_NAMES[code], "geometry": as_multi(part)})
    return _numbered(result)


def _numbered(features: list[dict], area_field="MJ") -> list[dict]:
    for i, f in enumerate(features, start=1):
        f["BSM"] = i
        if area_field:
            f[area_field] = round(f["geometry"].area, 2)
    return features


def ecological_redline(shapes: PlanShapes) -> list[dict]:
    parts = [
        ("中条山水源涵养生态保护红线", shapes.mountain),
        ("黄河湿地生物多样性维护生态保护红线", shapes.shore),
        ("伍姓湖湿地生态保护红线", shapes.lake),
    ]
    result = []
    for name, geom in parts:
        inner = geom.buffer(-30)
        for part in polygons(inner):
            if part.area > 20000:
                result.append({"YSDM": "251000", "HXMC": name, "XJXZQMC": "永济市", "geometry": as_multi(part)})
    return _numbered(result)


def farmland_parcels(shapes: PlanShapes, towns: list[dict], rng, size: float = 1.0) -> list[dict]:
    """Fields shaped like real ones: long sheared strips, clipped to the farmland zone.

    Every row shares one shear and the far ends move less than the gap, so parcels never
    overlap each other, as real 永久基本农田 parcels do not.
    """
    zone = shapes.zones["03"].buffer(-15)
    scale = 1.0 / math.sqrt(size)
    length, width, gap = 420.0 * scale, 150.0 * scale, 8.0 * scale
    minx, miny, maxx, maxy = zone.bounds
    zone_prep = prep(zone)
    result = []
    y = miny
    while y < maxy:
        x = minx
        shear = rng.uniform(-25, 25) * scale
        while x < maxx:
            jitter = rng.uniform(-0.4, 0.4, 2) * gap
            cell = Polygon(
                [
                    (x + gap, y + gap),
                    (x + length + jitter[0], y + gap),
                    (x + length + jitter[1] + shear, y + width),
                    (x + gap + shear, y + width),
                ]
            )
            if zone_prep.contains(cell):
                pieces = [cell]
            elif zone_prep.intersects(cell):
                pieces = [p for p in polygons(cell.intersection(zone)) if p.area > 500 * scale**2]
            else:
                pieces = []
            for piece in pieces:
                if rng.random() < 0.9:
                    result.append({"YSDM": "212100", "TBBH": f"{len(result) + 1:06d}", "geometry": piece})
            x += length
        y += width
    _set_locality(result, towns)
    return _numbered(result)


def _set_locality(features: list[dict], towns: list[dict], field="ZLDWMC") -> None:
    prepared = [(t["XZQMC"], prep(t["geometry"])) for t in towns]
    for f in features:
        c = f["geometry"].representative_point()
        f[field] = next((name for name, p in prepared if p.contains(c)), "")


def urban_boundary(shapes: PlanShapes) -> list[dict]:
    result = []
    central = shapes.central_city.buffer(-20)
    core = central.buffer(-350)
    x, y = plan_point(*CENTRAL_CITY)
    special = central.intersection(box(x + 3200, y - 4000, x + 9000, y + 4000))
    flexible = central.difference(core).difference(special)
    core = core.difference(special)
    for code, name, geom in (
        ("0401", "城镇集中建设区", core),
        ("0402", "城镇弹性发展区", flexible),
        ("0403", "特别用途区", special),
    ):
        for part in polygons(geom):
            if part.area > 5000:
                result.append({"GHFQDM": code, "GHFQMC": name, "CZMC": "中心城区", "geometry": as_multi(part)})
    for town, geom in shapes.town_areas.items():
        for part in polygons(geom.buffer(-20)):
            if part.area > 5000:
                result.append({"GHFQDM": "0401", "GHFQMC": "城镇集中建设区", "CZMC": town, "geometry": as_multi(part)})
    for f in result:
        f["YSDM"] = "252000"
    return _numbered(result)


def protected_areas(redline: list[dict]) -> list[dict]:
    by_name = {}
    for f in redline:
        by_name.setdefault(f["HXMC"], []).append(f["geometry"])
    shore = unary_union(by_name["黄河湿地生物多样性维护生态保护红线"])
    mountain = unary_union(by_name["中条山水源涵养生态保护红线"])
    lake = unary_union(by_name["伍姓湖湿地生态保护红线"])
    mx, my = plan_point(110.555, 34.775)
    wulao = mountain.intersection(Point(mx, my).buffer(4500))
    items = [
        ("山西运城湿地省级自然保护区", "01", "2", shore.buffer(-60)),
        ("五老峰国家级森林自然公园", "02", "1", wulao.buffer(-60)),
        ("山西永济伍姓湖省级湿地自然公园", "02", "2", lake.buffer(-60)),
    ]
    result = []
    for name, kind, level, geom in items:
        core = geom.buffer(-500)
        for zone, part in (("1", core), ("2", geom.difference(core))):
            if not part.is_empty:
                result.append(
                    {
                        "ZRBHDMC": name,
                        "ZRBHDLX": kind,
                        "JB": level,
                        "GNFQ": zone,
                        "geometry": as_multi(part),
                        "MJ": round(part.area, 2),
                    }
                )
    return result


# The plan's 一湖三河 rivers (lon, lat), shared by the corridor layer and the plan's structure.
RIVERS = {
    "涑水河": [(110.70, 35.02), (110.60, 34.93), (110.53, 34.88), (110.45, 34.85), (110.33, 34.82), (110.24, 34.80)],
    "弯弯河": [(110.62, 34.86), (110.56, 34.87)],
    "姚暹渠": [(110.76, 34.90), (110.66, 34.88), (110.56, 34.873)],
}


def corridors(shapes: PlanShapes) -> list[dict]:
    result = []
    for name, pts in RIVERS.items():
        line = LineString([plan_point(*p) for p in pts]).intersection(shapes.outline)
        result.append({"MC": name, "geometry": line})
    return result


def high_standard_farmland(shapes: PlanShapes) -> list[dict]:
    areas = {"张营-栲栳-蒲州片区": (110.36, 34.94, 6500), "虞乡北部-城东-开张-卿头片区": (110.57, 34.93, 7000)}
    result = []
    for name, (lon, lat, r) in areas.items():
        geom = Point(*plan_point(lon, lat)).buffer(r).intersection(shapes.zones["03"])
        result.append({"MC": name, "geometry": as_multi(geom)})
    return result
