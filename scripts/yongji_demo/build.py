"""Build the whole demo 一张图: shapes, every catalogue layer, the sample sites; write them."""
from pathlib import Path

import numpy as np

from yongji_plugin.core.plan_data.catalogue import default_catalogue

from . import landuse, layers, urban
from .outline import city_outline
from .sites import build_sites, controls_from
from .writer import write_layer
from .zones import build_shapes

SEED = 20352020
SITE_FIELDS = [("XMBH", "string"), ("XMMC", "string"), ("XMLX", "string"), ("XMYT", "string"), ("CASE", "string"),
               ("ALSM", "string")]


def generate(size: float = 1.0) -> dict:
    """All demo layers by catalogue code (plus ``sites``), deterministic for a size."""
    rng = np.random.default_rng(SEED)
    shapes = build_shapes(city_outline())
    towns = layers.townships(shapes)
    data = {"XZQ": layers.city(shapes), "XZQ_XZ": towns}
    data["CZ"] = layers.villages(shapes, towns, rng)
    data["STBHHX"] = layers.ecological_redline(shapes)
    data["YJJBNT"] = layers.farmland_parcels(shapes, towns, rng, size)
    data["CZKFBJ"] = layers.urban_boundary(shapes)
    data["GHFQ"] = layers.planning_zones(shapes)
    data["ZRBHD"] = layers.protected_areas(data["STBHHX"])
    data["STLD"] = layers.corridors(shapes)
    data["GBZNT"] = layers.high_standard_farmland(shapes)
    data["DLTB"] = landuse.land_parcels(shapes, towns, rng, count=int(2500 * size))
    data["CZTX"] = urban.town_system(shapes)
    core = shapes.central_city.buffer(-400)
    data["ZXCQYD"] = urban.central_landuse(core, rng)
    data["JZQ"] = urban.residential(data["ZXCQYD"])
    data["GGFWSS"] = urban.facilities(core, rng)
    data["JZGDKZ"] = urban.height_zones(shapes.central_city)
    towns_pts, relics, buildings, lines = urban.heritage(shapes, rng)
    data.update({"LSWHMZMC": towns_pts, "WWBHDW": relics, "LSJZ": buildings, "LSWHBHX": lines})
    data["JTXL"] = urban.transport(shapes)
    for code in ("STBHHX", "YJJBNT", "CZKFBJ"):
        for f in data[code]:
            f.setdefault("BSM", 0)
    data["sites"] = build_sites(controls_from(data, shapes))
    return data


def write_demo(path: Path, size: float = 1.0) -> dict:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    data = generate(size)
    catalogue = default_catalogue()
    for spec in catalogue.layers:
        fields = [(f.name, f.type) for f in spec.fields]
        write_layer(path, spec.code, data[spec.code], fields, spec.geometry,
                    single_part=spec.single_part)
    write_layer(path, "sites", data["sites"], SITE_FIELDS, "polygon")
    from .writer import write_notice

    write_notice(path)
    return data
