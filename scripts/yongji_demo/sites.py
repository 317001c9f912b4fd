"""About 20 sample project sites that together produce every verdict of the compliance check.

Each site is placed by searching candidate positions until its relation to the control lines is
the one its case wants, so the cases stay true whatever the generated shapes look like.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Callable

from shapely import affinity
from shapely.geometry import MultiPolygon, Point, Polygon, box
from shapely.ops import unary_union

URBAN, INFRA = "城镇建设", "基础设施"
# each site's use (XMYT, a 用地用海 code) as its project would state it
USES = {
    "城区商业综合体项目": "0901",
    "张营镇农产品加工项目": "1001",
    "乡村污水处理站": "1302",
    "中条山输电线路塔基": "1303",
    "乡道拓宽工程节点": "1202",
    "城郊物流仓储项目": "1101",
    "开发区扩区项目": "1001",
    "通信基站": "1306",
    "城区停车场（自相交红线）": "1208",
    "城乡一体化安置项目（两地块）": "0701",
    "五老峰景区索道站": "1209",
    "蒲州故城停车场": "1208",
    "乡村文旅综合体": "0903",
    "黄河滩区取水泵站": "1301",
    "县道改线工程": "1202",
    "伍姓湖畔特别用途区配套": "1312",
    "城区小学扩建": "0804",
    "伍姓湖观测站": "0802",
    "城区弹性发展区住宅项目": "0701",
    "山前生态停车场": "1208",
    "城区工业厂房项目": "1001",
    "城区机械加工项目": "1001",
    "城区物流配送中心": "1001",
}


@dataclass
class Controls:
    redline: object
    farmland: object
    udb: object
    udb_core: object
    udb_flexible: object
    udb_special: object
    protected: object
    protected_core: object
    heritage: object
    town_udb: object
    rural_zone: object
    control_zone: object
    lake_redline: object
    shore_redline: object
    mountain_redline: object
    outline: object = None
    landuse: list = None  # (YDYHDM, geometry) of 中心城区规划用地
    use: str = None  # the use of the site being placed: a place must fit it (see use_fits)

    def hits(self, geom) -> dict[str, float]:
        return {
            name: geom.intersection(getattr(self, name)).area
            for name in ("redline", "farmland", "protected", "heritage")
        }

    def outside_udb(self, geom) -> float:
        return geom.difference(self.udb).area

    def planned(self, geom) -> set:
        """The planned classes (中心城区规划用地) under a shape."""
        return {code for code, shape in self.landuse or () if geom.intersection(shape).area > 0}

    def use_fits(self, geom) -> bool:
        """Whether every planned class under the shape fits the use being placed, by the plugin's
        compatibility table (so the sites' cases hold whatever the blocks' draw)."""
        from yongji_plugin.core.site_check.use_compat import FITS, load_table

        table = load_table("use_compatibility.yaml")
        key = table.entry(self.use) if self.use else None
        return key is None or all(table.assess(key, code) == FITS for code in self.planned(geom))

    def place(self, centres: Iterator[Point], make: Callable, ok: Callable):
        """The first candidate shape that is inside the city, satisfies ``ok`` and fits the use."""
        for p in centres:
            geom = make(p)
            if self.outline.contains(geom) and ok(geom) and self.use_fits(geom):
                return geom
        raise RuntimeError("no position found for a demo site")


def grid_centres(region, step: float) -> Iterator[Point]:
    minx, miny, maxx, maxy = region.bounds
    y = miny + step / 2
    while y < maxy:
        x = minx + step / 2
        while x < maxx:
            p = Point(x, y)
            if region.contains(p):
                yield p
            x += step
        y += step


def boundary_centres(region, step: float) -> Iterator[Point]:
    line = region.boundary
    distance = step / 2
    while distance < line.length:
        yield line.interpolate(distance)
        distance += step


def square(p: Point, size: float) -> Polygon:
    h = size / 2
    return box(p.x - h, p.y - h, p.x + h, p.y + h)


def _clean(c: Controls, g) -> bool:
    return all(v == 0 for v in c.hits(g).values())


def build_sites(c: Controls) -> list[dict]:
    no_hits = lambda g: _clean(c, g)  # noqa: E731
    sites = []

    def add(case, kind, name, geom, note):
        sites.append(
            {
                "XMBH": f"YJ2026-{len(sites) + 1:03d}",
                "XMMC": name,
                "XMLX": kind,
                "XMYT": USES[name],
                "CASE": case,
                "ALSM": note,
                "geometry": geom,
            }
        )

    c.use = USES["城区商业综合体项目"]
    add(
        "clean",
        URBAN,
        "城区商业综合体项目",
        c.place(
            grid_centres(c.udb_core, 700), lambda p: square(p, 200), lambda g: c.udb_core.contains(g) and no_hits(g)
        ),
        "合规：位于城镇集中建设区内",
    )
    c.use = USES["张营镇农产品加工项目"]
    add(
        "clean",
        URBAN,
        "张营镇农产品加工项目",
        c.place(grid_centres(c.town_udb, 300), lambda p: square(p, 160), lambda g: c.udb.contains(g) and no_hits(g)),
        "合规：位于镇区开发边界内",
    )
    c.use = USES["乡村污水处理站"]
    add(
        "clean",
        INFRA,
        "乡村污水处理站",
        c.place(
            grid_centres(c.rural_zone, 900), lambda p: square(p, 120), lambda g: c.rural_zone.contains(g) and no_hits(g)
        ),
        "合规：基础设施，不占控制线",
    )
    c.use = USES["中条山输电线路塔基"]
    add(
        "redline",
        INFRA,
        "中条山输电线路塔基",
        c.place(
            boundary_centres(c.mountain_redline, 1500),
            lambda p: square(p, 180),
            lambda g: (
                c.hits(g)["redline"] > 1000
                and c.hits(g)["farmland"] == 0
                and c.hits(g)["protected"] == 0
                and c.hits(g)["heritage"] == 0
            ),
        ),
        "不合规：压占生态保护红线",
    )
    c.use = USES["乡道拓宽工程节点"]
    add(
        "farmland",
        INFRA,
        "乡道拓宽工程节点",
        c.place(
            grid_centres(c.farmland.envelope, 2300),
            lambda p: square(p, 150),
            lambda g: (
                c.hits(g)["farmland"] > 5000
                and c.hits(g)["redline"] == 0
                and c.hits(g)["protected"] == 0
                and c.hits(g)["heritage"] == 0
            ),
        ),
        "不合规：压占永久基本农田",
    )
    c.use = USES["城郊物流仓储项目"]
    add(
        "outside_udb",
        URBAN,
        "城郊物流仓储项目",
        c.place(
            boundary_centres(c.udb_core.union(c.udb_flexible).union(c.udb_special), 700),
            lambda p: square(p, 200),
            lambda g: no_hits(g) and c.outside_udb(g) > 2000 and g.intersection(c.udb).area > 2000,
        ),
        "不合规：部分位于城镇开发边界外",
    )
    c.use = USES["开发区扩区项目"]
    add(
        "multiple",
        URBAN,
        "开发区扩区项目",
        c.place(
            boundary_centres(c.farmland.buffer(60).intersection(c.rural_zone.union(c.udb)), 1300),
            lambda p: square(p, 300),
            lambda g: (
                c.hits(g)["farmland"] > 5000
                and c.outside_udb(g) > 5000
                and c.hits(g)["redline"] == 0
                and c.hits(g)["heritage"] == 0
            ),
        ),
        "不合规：压占永久基本农田且位于城镇开发边界外",
    )
    c.use = USES["通信基站"]
    add("sliver", INFRA, "通信基站", _sliver_site(c, c.farmland, 0.4), "合规：与永久基本农田重叠不足容差")
    c.use = USES["城区停车场（自相交红线）"]
    add(
        "invalid",
        URBAN,
        "城区停车场（自相交红线）",
        _bowtie(
            c.place(
                grid_centres(c.udb_core, 900),
                lambda p: square(p, 160),
                lambda g: c.udb_core.contains(g) and no_hits(g) and not _overlaps_sites(g, sites),
            )
        ),
        "几何无效（自相交），修复后检查",
    )
    c.use = USES["城乡一体化安置项目（两地块）"]
    part_a = c.place(
        grid_centres(c.udb_core, 1100),
        lambda p: square(p, 120),
        lambda g: c.udb_core.contains(g) and no_hits(g) and not _overlaps_sites(g, sites),
    )
    part_b = c.place(
        grid_centres(c.farmland.envelope, 1700),
        lambda p: square(p, 120),
        lambda g: (
            c.hits(g)["farmland"] > 3000
            and c.hits(g)["redline"] == 0
            and c.hits(g)["heritage"] == 0
            and not _overlaps_sites(g, sites)
        ),
    )
    c.use = USES["城乡一体化安置项目（两地块）"]
    add(
        "multipart",
        URBAN,
        "城乡一体化安置项目（两地块）",
        MultiPolygon([part_a, part_b]),
        "多部件红线：一块在开发边界内，一块压占永久基本农田",
    )
    c.use = USES["五老峰景区索道站"]
    add(
        "protected",
        INFRA,
        "五老峰景区索道站",
        c.place(grid_centres(c.protected_core, 400), lambda p: square(p, 120), lambda g: c.protected_core.contains(g)),
        "不合规：位于自然保护地核心保护区和生态保护红线内",
    )
    c.use = USES["蒲州故城停车场"]
    add(
        "heritage",
        INFRA,
        "蒲州故城停车场",
        c.place(
            grid_centres(c.heritage, 200),
            lambda p: square(p, 100),
            lambda g: c.heritage.contains(g) and c.hits(g)["farmland"] == 0 and c.hits(g)["redline"] == 0,
        ),
        "不合规：位于历史文化保护线内",
    )
    c.use = USES["乡村文旅综合体"]
    add(
        "outside_udb",
        URBAN,
        "乡村文旅综合体",
        c.place(
            grid_centres(c.rural_zone, 1300),
            lambda p: square(p, 180),
            lambda g: (
                c.rural_zone.contains(g) and no_hits(g) and c.outside_udb(g) == g.area and not _overlaps_sites(g, sites)
            ),
        ),
        "不合规：位于城镇开发边界外",
    )
    c.use = USES["黄河滩区取水泵站"]
    add(
        "redline",
        INFRA,
        "黄河滩区取水泵站",
        c.place(
            boundary_centres(c.shore_redline, 1100),
            lambda p: square(p, 160),
            lambda g: c.hits(g)["redline"] > 1000 and c.hits(g)["farmland"] == 0 and c.hits(g)["heritage"] == 0,
        ),
        "不合规：压占生态保护红线（黄河）",
    )
    c.use = USES["县道改线工程"]
    add("farmland", INFRA, "县道改线工程", _strip(c), "不合规：道路穿越多块永久基本农田")
    c.use = USES["伍姓湖畔特别用途区配套"]
    add(
        "clean",
        URBAN,
        "伍姓湖畔特别用途区配套",
        c.place(
            grid_centres(c.udb_special, 300),
            lambda p: square(p, 120),
            lambda g: c.udb_special.contains(g) and no_hits(g),
        ),
        "合规：位于特别用途区内",
    )
    c.use = USES["城区小学扩建"]
    add(
        "sliver",
        URBAN,
        "城区小学扩建",
        _sliver_site(c, c.udb_flexible.buffer(100).difference(c.udb), 0.3, inside=c.udb_flexible),
        "合规：超出开发边界部分不足容差",
    )
    c.use = USES["伍姓湖观测站"]
    add(
        "redline",
        INFRA,
        "伍姓湖观测站",
        c.place(
            boundary_centres(c.lake_redline, 400),
            lambda p: square(p, 100),
            lambda g: c.hits(g)["redline"] > 500 and c.hits(g)["farmland"] == 0 and c.hits(g)["heritage"] == 0,
        ),
        "不合规：压占生态保护红线（伍姓湖）",
    )
    c.use = USES["城区弹性发展区住宅项目"]
    add(
        "clean",
        URBAN,
        "城区弹性发展区住宅项目",
        c.place(
            grid_centres(c.udb_flexible, 150),
            lambda p: square(p, 60),
            lambda g: c.udb_flexible.contains(g) and no_hits(g) and not _overlaps_sites(g, sites),
        ),
        "合规：位于城镇弹性发展区内",
    )
    c.use = USES["山前生态停车场"]
    add(
        "clean",
        INFRA,
        "山前生态停车场",
        c.place(
            grid_centres(c.control_zone, 1200),
            lambda p: square(p, 120),
            lambda g: c.control_zone.contains(g) and no_hits(g) and not _overlaps_sites(g, sites),
        ),
        "合规：位于生态控制区，不占控制线",
    )
    _use_fit_cases(c, sites, add, no_hits)
    return sites


def _use_fit_cases(c: Controls, sites, add, no_hits) -> None:
    """Industrial projects on planned 工业用地 (fits), 城镇住宅用地 (does not) and 留白用地 (论证)."""
    c.use = None  # these are placed on the class they test, not kept clear of misfits
    for case, name, code, note in (
        ("use_fit", "城区工业厂房项目", "1001", "合规：工业项目位于规划工业用地"),
        ("use_misfit", "城区机械加工项目", "0701", "不合规：工业项目位于规划城镇住宅用地"),
        ("use_review", "城区物流配送中心", "16", "需论证：工业项目位于规划留白用地"),
    ):
        blocks = [shape for planned, shape in c.landuse if planned == code]
        centres = (shape.centroid for shape in blocks)
        geom = c.place(
            centres,
            lambda p: square(p, 150),
            lambda g, code=code: (
                c.udb.contains(g) and no_hits(g) and not _overlaps_sites(g, sites) and c.planned(g) == {code}
            ),
        )
        add(case, URBAN, name, geom, note)


def _overlaps_sites(g, sites) -> bool:
    return any(g.intersects(s["geometry"]) for s in sites)


def _bowtie(sq: Polygon) -> Polygon:
    minx, miny, maxx, maxy = sq.bounds
    return Polygon([(minx, miny), (maxx, maxy), (maxx, miny), (minx, maxy), (minx, miny)])


def _strip(c: Controls) -> Polygon:
    def ok(g):
        hits = c.hits(g)
        return hits["farmland"] > 20000 and hits["redline"] == 0 and hits["heritage"] == 0

    return c.place(
        grid_centres(c.farmland.envelope, 2900),
        lambda p: affinity.rotate(box(p.x - 1200, p.y - 12, p.x + 1200, p.y + 12), 17),
        ok,
    )


def _sliver_site(c: Controls, target, overlap: float, inside=None) -> Polygon:
    """A 60 m square that just touches ``target`` with ``overlap`` m² (found by bisection)."""
    region = inside if inside is not None else c.rural_zone
    for start in boundary_centres(target.intersection(region.buffer(200)), 700):
        for angle_dir in ((1, 0), (0, 1), (-1, 0), (0, -1)):
            site = _bisect_sliver(target, start, angle_dir, overlap)
            if site is None:
                continue
            if inside is not None and site.difference(target).difference(inside).area > 0:
                continue
            if not c.use_fits(site):
                continue
            hits = c.hits(site)
            others = {k: v for k, v in hits.items() if v > 0}
            if inside is None and set(others) == {"farmland"}:
                return site
            if inside is not None and not others:
                return site
    raise RuntimeError("no sliver position found")


def _bisect_sliver(target, start: Point, direction, overlap: float):
    dx, dy = direction

    def at(t):
        x, y = start.x + dx * t, start.y + dy * t
        return box(x - 30, y - 30, x + 30, y + 30)

    lo, hi = 0.0, 60.0
    if at(hi).intersection(target).area > 0:
        return None
    if at(lo).intersection(target).area == 0:
        return None
    for _ in range(80):
        mid = (lo + hi) / 2
        if at(mid).intersection(target).area > overlap:
            lo = mid
        else:
            hi = mid
    site = at(hi)
    area = site.intersection(target).area
    return site if 0.05 < area < 0.9 else None


def controls_from(layers: dict, shapes) -> Controls:
    def union(name, pred=lambda f: True):
        return unary_union([f["geometry"] for f in layers[name] if pred(f)])

    udb_town = union("CZKFBJ", lambda f: f["CZMC"] == "张营镇")
    redline = layers["STBHHX"]
    return Controls(
        redline=union("STBHHX"),
        farmland=union("YJJBNT"),
        udb=union("CZKFBJ"),
        udb_core=union("CZKFBJ", lambda f: f["GHFQDM"] == "0401" and f["CZMC"] == "中心城区"),
        udb_flexible=union("CZKFBJ", lambda f: f["GHFQDM"] == "0402"),
        udb_special=union("CZKFBJ", lambda f: f["GHFQDM"] == "0403"),
        protected=union("ZRBHD"),
        protected_core=union("ZRBHD", lambda f: f["GNFQ"] == "1" and "五老峰" in f["ZRBHDMC"]),
        heritage=union("LSWHBHX"),
        town_udb=udb_town,
        rural_zone=shapes.zones["05"],
        control_zone=shapes.zones["02"],
        lake_redline=unary_union([f["geometry"] for f in redline if "伍姓湖" in f["HXMC"]]),
        shore_redline=unary_union([f["geometry"] for f in redline if "黄河" in f["HXMC"]]),
        mountain_redline=unary_union([f["geometry"] for f in redline if "中条山" in f["HXMC"]]),
        outline=shapes.outline,
        landuse=[(f["YDYHDM"], f["geometry"]) for f in layers["ZXCQYD"]],
    )
