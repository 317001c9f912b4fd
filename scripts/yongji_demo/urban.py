"""Town system, central-city land use, heritage, height zones, facilities and transport."""

from shapely.geometry import LineString, Point, box
from shapely.prepared import prep

from .geometry_tools import as_multi, voronoi_cells
from .outline import plan_point
from .zones import CENTRAL_CITY, TOWNS, PlanShapes

# 2035 population (万人) from the plan's town-system table (ranges taken at their middle).
TOWN_POPULATION = {"2": (4.0, 1.25), "3": (3.0, 0.9)}
LANDUSE = [
    ("07", "居住用地", 0.45),
    ("08", "公共管理与公共服务用地", 0.1),
    ("09", "商业服务业用地", 0.1),
    ("10", "工矿用地", 0.15),
    ("11", "仓储用地", 0.03),
    ("12", "交通运输用地", 0.05),
    ("13", "公用设施用地", 0.02),
    ("14", "绿地与开敞空间用地", 0.1),
]
# second-level classes each first-level block takes, in turn; every RESERVE_EVERY-th block is 留白用地
SECOND_LEVEL = {
    "07": [("0701", "城镇住宅用地"), ("0701", "城镇住宅用地"), ("0702", "城镇社区服务设施用地")],
    "08": [("0801", "机关团体用地"), ("0804", "教育用地"), ("0806", "医疗卫生用地"), ("0803", "文化用地")],
    "09": [("0901", "商业用地"), ("0902", "商务金融用地")],
    "10": [("1001", "工业用地")],
    "11": [("1101", "物流仓储用地")],
    "12": [("1208", "交通场站用地"), ("1207", "城镇村道路用地")],
    "13": [("1301", "供水用地"), ("1303", "供电用地"), ("1309", "环卫用地")],
    "14": [("1401", "公园绿地"), ("1402", "防护绿地")],
}
RESERVE_EVERY = 13
HEIGHT_ZONES = [
    ("01", "近湖区", 24, None),
    ("02", "近山区", 24, None),
    ("03", "退湖区", 24, None),
    ("04", "湖边河边山边", 18, None),
    ("05", "望湖区", 45, 24),
    ("06", "望山区", 45, 24),
    ("07", "一场三馆及市人民医院周边", 80, 60),
]
# seeds of the height zones relative to the city centre (metres east, north)
HEIGHT_SEEDS = [(3500, 500), (0, -3000), (2500, 2500), (4200, -1200), (1500, 300), (-400, -1500), (-2200, 600)]
FACILITIES = {
    "社区": ["初中", "体育馆", "社区服务中心", "社区文化活动中心", "社区养老院"],
    "邻里": ["小学", "多功能运动场", "卫生服务站", "文化室", "日间照料中心"],
    "街坊": ["幼儿园", "健身点", "老年活动室"],
}
SPACING = {"社区": 2200.0, "邻里": 1100.0, "街坊": 600.0}


def town_system(shapes: PlanShapes) -> list[dict]:
    x, y = plan_point(*CENTRAL_CITY)
    result = [{"CZMC": "中心城区", "DJ": "1", "RK2035": 20.0, "CZRK2035": 20.0, "geometry": Point(x, y)}]
    for name, level, lon, lat in TOWNS:
        total, urban = TOWN_POPULATION[level]
        result.append(
            {"CZMC": name, "DJ": level, "RK2035": total, "CZRK2035": urban, "geometry": Point(*plan_point(lon, lat))}
        )
    return result


def _blocks(area, size, rng):
    minx, miny, maxx, maxy = area.bounds
    area_prep = prep(area)
    blocks = []
    y = miny
    while y < maxy:
        x = minx
        while x < maxx:
            b = box(x + 15, y + 15, x + size - 15, y + size - 15)
            if area_prep.contains(b):
                blocks.append(b)
            x += size
        y += size
    return blocks


def central_landuse(core, rng) -> list[dict]:
    codes, names, weights = zip(*LANDUSE)
    result = []
    for number, b in enumerate(_blocks(core, 400.0, rng)):
        i = int(rng.choice(len(codes), p=weights))
        choices = SECOND_LEVEL[codes[i]]
        code, name = (
            ("16", "留白用地") if number % RESERVE_EVERY == RESERVE_EVERY - 1 else choices[number % len(choices)]
        )
        result.append({"YDYHDM": code, "YDYHMC": name, "geometry": as_multi(b)})
    return result


def residential(landuse: list[dict]) -> list[dict]:
    homes = [f for f in landuse if f["YDYHDM"] == "0701"]
    return [{"MC": f"居住区{i + 1:02d}", "RK": 2500.0, "geometry": f["geometry"]} for i, f in enumerate(homes)]


def facilities(core, rng) -> list[dict]:
    result = []
    core_prep = prep(core)
    minx, miny, maxx, maxy = core.bounds
    for level, kinds in FACILITIES.items():
        step = SPACING[level]
        for k, kind in enumerate(kinds):
            y = miny + step * (0.3 + 0.1 * k)
            while y < maxy:
                x = minx + step * (0.2 + 0.13 * k)
                while x < maxx:
                    p = Point(x + rng.uniform(-80, 80), y + rng.uniform(-80, 80))
                    # leave the south-west corner of the city under-served on purpose
                    if core_prep.contains(p) and not (x < minx + 2000 and y < miny + 2500):
                        result.append(
                            {"MC": f"{kind}{len(result) + 1:03d}", "SSLX": kind, "SHQJB": level, "geometry": p}
                        )
                    x += step
                y += step
    return result


def height_zones(central) -> list[dict]:
    x, y = plan_point(*CENTRAL_CITY)
    seeds = [Point(x + dx, y + dy) for dx, dy in HEIGHT_SEEDS]
    result = []
    for (code, name, top, bottom), cell in zip(HEIGHT_ZONES, voronoi_cells(seeds, central)):
        result.append(
            {
                "FQDM": code,
                "FQMC": name,
                "ZDGD": float(top),
                "ZXGD": None if bottom is None else float(bottom),
                "geometry": as_multi(cell),
            }
        )
    return result


def heritage(shapes: PlanShapes, rng):
    towns = [
        {"MC": "蒲州镇", "LX": "历史文化名镇", "geometry": Point(*plan_point(110.322, 34.842))},
        {"MC": "西厢村", "LX": "历史文化名村", "geometry": Point(*plan_point(110.318, 34.825))},
    ]
    buildings = [
        {"MC": "水峪口戏台", "geometry": Point(*plan_point(110.485, 34.812))},
        {"MC": "永济电机厂俱乐部", "geometry": Point(*plan_point(110.440, 34.872))},
    ]
    relics = []
    famous = [
        ("普救寺", 110.318, 34.822),
        ("鹳雀楼", 110.300, 34.838),
        ("蒲津渡遗址", 110.292, 34.846),
        ("万固寺", 110.455, 34.812),
        ("永乐宫旧址", 110.520, 34.800),
    ]
    levels = [("国保", 9), ("省保", 11), ("市保", 7), ("县保", 384)]
    allowed = shapes.outline.difference(shapes.lake)
    allowed_prep = prep(allowed)
    minx, miny, maxx, maxy = shapes.outline.bounds
    n = 0
    for level, count in levels:
        for _ in range(count):
            if level == "国保" and n < len(famous):
                name, lon, lat = famous[n]
                p = Point(*plan_point(lon, lat))
            else:
                while True:
                    p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
                    if allowed_prep.contains(p):
                        break
                name = f"{level}文物{n + 1:03d}"
            relics.append({"MC": name, "JB": level, "geometry": p})
            n += 1
    lines = []
    for name, lon, lat, r in (
        ("蒲州故城及普救寺历史文化保护线", 110.306, 34.828, 900),
        ("栖岩村历史文化保护线", 110.430, 34.810, 350),
        ("东姚温村历史文化保护线", 110.395, 34.830, 350),
    ):
        geom = Point(*plan_point(lon, lat)).buffer(r, 32)
        geom = geom.difference(shapes.zones["01"].buffer(5)).difference(shapes.zones["04"].buffer(5))
        lines.append({"MC": name, "geometry": as_multi(geom), "MJ": round(geom.area, 2)})
    return towns, relics, buildings, lines


# Roads and railways (name, class, (lon, lat) points), shared by the transport layer and the structure.
ROUTES = [
    ("大西高铁", "railway_hsr", [(110.52, 35.07), (110.49, 34.93), (110.46, 34.86), (110.30, 34.76), (110.22, 34.70)]),
    ("南同蒲铁路", "railway", [(110.60, 35.07), (110.53, 34.92), (110.45, 34.86), (110.26, 34.79)]),
    ("运风高速", "expressway", [(110.80, 34.96), (110.60, 34.92), (110.47, 34.89), (110.35, 34.86), (110.22, 34.84)]),
    ("太安高速", "expressway", [(110.36, 35.07), (110.40, 34.96), (110.43, 34.88), (110.47, 34.80), (110.50, 34.66)]),
    ("G521", "national", [(110.78, 34.88), (110.58, 34.84), (110.45, 34.866), (110.32, 34.84), (110.22, 34.83)]),
    ("S238", "provincial", [(110.41, 35.07), (110.44, 34.95), (110.45, 34.87), (110.46, 34.78)]),
    ("县道 X301", "county", [(110.33, 34.93), (110.40, 34.90), (110.45, 34.87)]),
    ("县道 X302", "county", [(110.52, 34.975), (110.60, 34.955), (110.62, 34.90)]),
    ("沿黄旅游公路", "tourism", [(110.25, 35.05), (110.28, 34.95), (110.27, 34.85), (110.25, 34.75)]),
    ("中条山旅游公路", "tourism", [(110.36, 34.79), (110.47, 34.805), (110.59, 34.83), (110.70, 34.85)]),
]


def transport(shapes: PlanShapes) -> list[dict]:
    result = []
    for name, cls, pts in ROUTES:
        line = LineString([plan_point(*p) for p in pts]).intersection(shapes.outline)
        if not line.is_empty:
            result.append({"MC": name, "DJ": cls, "geometry": line})
    return result
