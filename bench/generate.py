"""Deterministic benchmark data: field-shaped farmland parcels, 1–20 ha sites, control lines,
and a zone layer that tiles its boundary — written with OGR straight to GeoPackage."""

import math
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

ORIGIN = (400000.0, 3800000.0)
FIELD_LENGTH, FIELD_WIDTH, GAP = 120.0, 42.0, 4.0  # about 0.5 ha fields in strips


def _layer(path: Path, name: str, geometry_type, fields):
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4546)
    layer = dataset.CreateLayer(name, srs, geometry_type, ["SPATIAL_INDEX=YES"])
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    return dataset, layer


def _write(path, name, geometry_type, fields, rows):
    dataset, layer = _layer(Path(path), name, geometry_type, fields)
    definition = layer.GetLayerDefn()
    layer.StartTransaction()
    for wkt, values in rows:
        feature = ogr.Feature(definition)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for (field_name, _), value in zip(fields, values):
            feature.SetField(field_name, value)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    del layer, dataset  # closing the dataset writes the GeoPackage


def _polygon(points):
    ring = ", ".join(f"{x:.3f} {y:.3f}" for x, y in points + [points[0]])
    return f"POLYGON(({ring}))"


def region(parcels: int):
    """Columns × rows of field cells for about ``parcels`` fields after 10 % are dropped."""
    cells = parcels / 0.9
    columns = int(math.sqrt(cells * FIELD_WIDTH / FIELD_LENGTH))
    rows = int(math.ceil(cells / columns))
    return columns, rows, columns * FIELD_LENGTH, rows * FIELD_WIDTH


def farmland(path, parcels, seed=7):
    rng = np.random.default_rng(seed)
    columns, rows, _, _ = region(parcels)
    x0, y0 = ORIGIN

    def fields():
        number = 0
        for row in range(rows):
            shear = rng.uniform(-6, 6)
            for column in range(columns):
                if rng.random() < 0.1:
                    continue
                x, y = x0 + column * FIELD_LENGTH, y0 + row * FIELD_WIDTH
                jitter = rng.uniform(-3, 3, 4)
                points = [
                    (x + GAP, y + GAP),
                    (x + FIELD_LENGTH + jitter[0], y + GAP + jitter[1]),
                    (x + FIELD_LENGTH + shear + jitter[2], y + FIELD_WIDTH),
                    (x + GAP + shear, y + FIELD_WIDTH + jitter[3] * 0),
                ]
                number += 1
                yield _polygon(points), [number, f"{number:07d}", "", 0.0]

    _write(
        path,
        "YJJBNT",
        ogr.wkbPolygon,
        [("BSM", ogr.OFTInteger), ("TBBH", ogr.OFTString), ("ZLDWMC", ogr.OFTString), ("MJ", ogr.OFTReal)],
        fields(),
    )


def sites(path, count, parcels, seed=11):
    rng = np.random.default_rng(seed)
    _, _, width, height = region(parcels)
    x0, y0 = ORIGIN

    def rows():
        for number in range(1, count + 1):
            area = rng.uniform(1, 20) * 10000.0
            aspect = rng.uniform(1, 3)
            w, h = math.sqrt(area * aspect), math.sqrt(area / aspect)
            cx, cy = x0 + rng.uniform(w, width - w), y0 + rng.uniform(w, height - w)
            angle = rng.uniform(0, math.pi)
            c, s = math.cos(angle), math.sin(angle)
            corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
            points = [(cx + px * c - py * s, cy + px * s + py * c) for px, py in corners]
            yield _polygon(points), [f"S{number:06d}", f"site {number}"]

    _write(path, "sites", ogr.wkbPolygon, [("XMBH", ogr.OFTString), ("XMMC", ogr.OFTString)], rows())


def control_lines(path, parcels, seed=13):
    """Red-line and UDB blobs over the farmland region (for the three-line check)."""
    rng = np.random.default_rng(seed)
    _, _, width, height = region(parcels)
    x0, y0 = ORIGIN

    def blobs(count, radius, code_fields):
        for number in range(1, count + 1):
            cx, cy = x0 + rng.uniform(0, width), y0 + rng.uniform(0, height)
            r = radius * rng.uniform(0.5, 1.5)
            points = [
                (cx + r * math.cos(a) * rng.uniform(0.8, 1.2), cy + r * math.sin(a) * rng.uniform(0.8, 1.2))
                for a in np.linspace(0, 2 * math.pi, 24, endpoint=False)
            ]
            yield _polygon(points), [number] + code_fields

    scale = math.sqrt(width * height) / 20
    _write(
        path, "STBHHX", ogr.wkbPolygon, [("BSM", ogr.OFTInteger), ("HXMC", ogr.OFTString)], blobs(25, scale, ["红线"])
    )
    _write(
        path,
        "CZKFBJ",
        ogr.wkbPolygon,
        [("BSM", ogr.OFTInteger), ("GHFQMC", ogr.OFTString), ("CZMC", ogr.OFTString)],
        blobs(40, scale * 0.8, ["城镇集中建设区", "城镇"]),
    )


def zones(path, count, seed=17):
    """A jittered quadrilateral grid that tiles its boundary exactly (shared vertices)."""
    rng = np.random.default_rng(seed)
    columns = int(math.sqrt(count * 1.2))
    rows = int(math.ceil(count / columns))
    size = 400.0
    x0, y0 = ORIGIN
    jitter = rng.uniform(-size * 0.3, size * 0.3, (rows + 1, columns + 1, 2))
    jitter[0, :, 1] = jitter[-1, :, 1] = 0
    jitter[:, 0, 0] = jitter[:, -1, 0] = 0

    def vertex(r, c):
        return x0 + c * size + jitter[r, c, 0], y0 + r * size + jitter[r, c, 1]

    def cells():
        number = 0
        for r in range(rows):
            for c in range(columns):
                number += 1
                points = [vertex(r, c), vertex(r, c + 1), vertex(r + 1, c + 1), vertex(r + 1, c)]
                yield _polygon(points), [number, "0" + str(1 + number % 5), "分区", 0.0]

    _write(
        path,
        "GHFQ",
        ogr.wkbPolygon,
        [("BSM", ogr.OFTInteger), ("GHFQDM", ogr.OFTString), ("GHFQMC", ogr.OFTString), ("MJ", ogr.OFTReal)],
        cells(),
    )
    boundary = [(x0, y0), (x0 + columns * size, y0), (x0 + columns * size, y0 + rows * size), (x0, y0 + rows * size)]
    _write(
        path,
        "XZQ",
        ogr.wkbPolygon,
        [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)],
        [(_polygon(boundary), ["140881", "bench"])],
    )
    return rows * columns


def build(folder: Path, parcels: int, site_count: int, zone_count: int = 0) -> Path:
    """One GeoPackage per workload, reused when it exists (generation is deterministic)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench_{parcels}_{site_count}.gpkg"
    if not path.exists():
        partial = path.with_suffix(".partial.gpkg")
        partial.unlink(missing_ok=True)
        farmland(partial, parcels)
        sites(partial, site_count, parcels)
        control_lines(partial, parcels)
        partial.rename(path)
    if zone_count:
        zone_path = folder / f"zones_{zone_count}.gpkg"
        if not zone_path.exists():
            zones(zone_path, zone_count)
        return path, zone_path
    return path
