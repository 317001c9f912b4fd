"""Build the whole demo 一张图: shapes, every catalogue layer, the sample sites; write them."""

from pathlib import Path

import numpy as np
from qgis.core import NULL

from yongji_plugin.core.plan_data.catalogue import default_catalogue

from . import landuse, layers, measures, structure, urban
from .outline import city_outline
from .sites import build_sites, controls_from
from .writer import write_layer, write_notice
from .zones import build_shapes

SEED = 20352020
SITE_FIELDS = [
    ("XMBH", "string"),
    ("XMMC", "string"),
    ("XMLX", "string"),
    ("XMYT", "string"),
    ("CASE", "string"),
    ("ALSM", "string"),
]


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
    data["GHJG_D"] = structure.structure_points(shapes)
    data["GHJG_X"] = structure.structure_lines(shapes)
    data["GHJG_M"] = structure.structure_areas(shapes)
    data["ZXCQDL"] = measures.streets(data["ZXCQYD"], data["GGFWSS"])
    for code in ("STBHHX", "YJJBNT", "CZKFBJ"):
        for f in data[code]:
            f.setdefault("BSM", 0)
    data["sites"] = build_sites(controls_from(data, shapes))
    data["buildings"] = measures.buildings(data["ZXCQYD"], data["JZGDKZ"])
    return data


def write_plan(path: Path, data: dict) -> None:
    """Write the catalogue layers ``data`` holds (a version may lack some), the sites and the notice."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    catalogue = default_catalogue()
    for spec in catalogue.layers:
        if spec.code not in data:
            continue
        fields = [(f.name, f.type) for f in spec.fields]
        write_layer(path, spec.code, data[spec.code], fields, spec.geometry, single_part=spec.single_part)
    write_layer(path, "sites", data["sites"], SITE_FIELDS, "polygon")
    write_layer(path, "buildings", data["buildings"], measures.BUILDING_FIELDS, "polygon")
    write_notice(path)


def read_plan(path: Path) -> dict:
    """A written demo back as feature dicts (what :func:`generate` gives), for editing into a new version."""
    from qgis.core import QgsVectorLayer
    from shapely import wkb

    data = {}
    for name in [spec.code for spec in default_catalogue().layers] + ["sites", "buildings"]:
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            continue
        names = layer.fields().names()
        data[name] = []
        for feature in layer.getFeatures():
            item = {n: (None if v is None or v == NULL else v) for n, v in zip(names, feature.attributes())}
            item.pop("fid", None)
            item["geometry"] = wkb.loads(bytes(feature.geometry().asWkb())) if feature.hasGeometry() else None
            data[name].append(item)
    return data


def write_demo(path: Path, size: float = 1.0) -> dict:
    data = generate(size)
    write_plan(path, data)
    return data
