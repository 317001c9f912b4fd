"""The check's results as new layers: site summary, conflict pieces, land-class breakdown, repairs.

Memory layers by default; :func:`write_geopackage` copies them into a new GeoPackage. Field names
are ASCII so the layers survive any format; titles carry the Chinese.
"""
from pathlib import Path
from typing import Dict

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ...i18n import tr
from ..plan_data.catalogue import default_catalogue
from ..shared.areas import hectares, mu
from ..shared.errors import PlanError
from ..shared.qt_compat import new_field
from .check import CheckResult, verdict_label

SUMMARY, CONFLICTS, BREAKDOWN, REPAIRS = "site_summary", "conflicts", "landclass_breakdown", "repairs"


def _fields(specs) -> QgsFields:
    fields = QgsFields()
    for name, kind in specs:
        fields.append(new_field(name, {"s": "string", "d": "double", "i": "long"}[kind]))
    return fields


def _areas(prefix: str, value: float):
    return {f"{prefix}m2": value, f"{prefix}ha": hectares(value), f"{prefix}mu": mu(value)}


def summary_fields(result: CheckResult) -> QgsFields:
    specs = [("site_id", "s"), ("site_fid", "i"), ("site_name", "s"), ("site_type", "s"),
             ("area_m2", "d"), ("area_ha", "d"), ("area_mu", "d")]
    for rule in result.ruleset.verdict_rules:
        specs += [(f"{rule.id}_m2", "d"), (f"{rule.id}_ha", "d"), (f"{rule.id}_mu", "d"),
                  (f"{rule.id}_pct", "d"), (f"{rule.id}_status", "s")]
    specs += [("verdict", "s"), ("reasons", "s")]
    return _fields(specs)


# site_fid: the site's feature id (Site.key), unique where site ids repeat or are missing
CONFLICT_FIELDS = [("site_id", "s"), ("site_fid", "i"), ("rule_id", "s"), ("rule", "s"), ("status", "s"),
                   ("layer", "s"), ("control_fid", "i"), ("control_attrs", "s"), ("area_m2", "d"),
                   ("area_ha", "d"), ("area_mu", "d")]
BREAKDOWN_FIELDS = [("site_id", "s"), ("site_fid", "i"), ("rule_id", "s"), ("rule", "s"), ("class_code", "s"),
                    ("class_name", "s"), ("area_m2", "d"), ("area_ha", "d"), ("area_mu", "d"),
                    ("share_pct", "d")]
REPAIR_FIELDS = [("layer", "s"), ("feature", "s"), ("problem", "s")]


def status_label(status: str, applicable: bool = True) -> str:
    if not applicable:
        return tr("not applicable")
    return {"compliant": tr("clear"), "conflict": tr("conflict"), "sliver": tr("sliver")}[status]


def _memory(name: str, geometry: str, crs, fields: QgsFields) -> QgsVectorLayer:
    uri = geometry if crs is None else f"{geometry}?crs={crs.authid()}"
    layer = QgsVectorLayer(uri, name, "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    return layer


def _add(layer: QgsVectorLayer, rows):
    features = []
    for values, geometry in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([values.get(f.name()) for f in layer.fields()])
        if geometry is not None:
            feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()


def summary_layer(result: CheckResult) -> QgsVectorLayer:
    layer = _memory(tr("Site compliance summary"), "MultiPolygon", result.params.area.crs,
                    summary_fields(result))
    rows = []
    for site_result in result.sites:
        site = site_result.site
        values = {"site_id": site.site_id, "site_fid": site.key, "site_name": site.name,
                  "site_type": site.site_type,
                  "verdict": verdict_label(site_result.verdict),
                  "reasons": "；".join(site_result.reasons)}
        values.update(_areas("area_", site_result.area))
        for rule_id, outcome in site_result.outcomes.items():
            values.update(_areas(f"{rule_id}_", outcome.area))
            values[f"{rule_id}_pct"] = 100.0 * outcome.share
            values[f"{rule_id}_status"] = status_label(outcome.status, outcome.applicable)
        geometry = site.geometry if not site.geometry.isEmpty() else None
        if geometry is not None:
            geometry = type(geometry)(geometry)
            geometry.convertToMultiType()
        rows.append((values, geometry))
    _add(layer, rows)
    return layer


def conflict_layer(result: CheckResult) -> QgsVectorLayer:
    layer = _memory(tr("Conflict pieces"), "MultiPolygon", result.params.area.crs,
                    _fields(CONFLICT_FIELDS))
    titles = {r.id: r.title for r in result.ruleset.rules}
    rows = []
    for piece in result.pieces:
        values = {"site_id": piece.site_id, "site_fid": piece.site_key, "rule_id": piece.rule_id,
                  "rule": titles[piece.rule_id],
                  "status": status_label(piece.status), "layer": piece.layer,
                  "control_fid": piece.control_fid,
                  "control_attrs": "; ".join(f"{k}={v}" for k, v in piece.attributes.items())}
        values.update(_areas("area_", piece.area))
        geometry = type(piece.geometry)(piece.geometry)
        geometry.convertToMultiType()
        rows.append((values, geometry))
    _add(layer, rows)
    return layer


def class_names(result: CheckResult) -> Dict[str, Dict[str, str]]:
    catalogue = default_catalogue()
    return {r.id: catalogue.codes(r.class_table) if r.class_table in catalogue.code_tables else {}
            for r in result.ruleset.breakdown_rules}


def breakdown_rows(result: CheckResult):
    names = class_names(result)
    titles = {r.id: r.title for r in result.ruleset.rules}
    for site_result in result.sites:
        for row in site_result.breakdown:
            values = {"site_id": site_result.site.site_id, "site_fid": site_result.site.key,
                      "rule_id": row["rule_id"],
                      "rule": titles[row["rule_id"]], "class_code": row["class_code"],
                      "class_name": names[row["rule_id"]].get(row["class_code"], row["class_code"]),
                      "share_pct": 100.0 * row["share"]}
            values.update(_areas("area_", row["area"]))
            yield values


def breakdown_layer(result: CheckResult) -> QgsVectorLayer:
    layer = _memory(tr("Land-class breakdown"), "None", None, _fields(BREAKDOWN_FIELDS))
    _add(layer, [(values, None) for values in breakdown_rows(result)])
    return layer


def repair_layer(result: CheckResult) -> QgsVectorLayer:
    layer = _memory(tr("Repaired geometries"), "None", None, _fields(REPAIR_FIELDS))
    _add(layer, [({"layer": r.layer, "feature": r.feature, "problem": r.problem}, None)
                 for r in result.repairs])
    return layer


def result_layers(result: CheckResult) -> Dict[str, QgsVectorLayer]:
    return {SUMMARY: summary_layer(result), CONFLICTS: conflict_layer(result),
            BREAKDOWN: breakdown_layer(result), REPAIRS: repair_layer(result)}


def write_geopackage(layers: Dict[str, QgsVectorLayer], path) -> Dict[str, QgsVectorLayer]:
    """Copy the result layers into a GeoPackage; returns the layers read back from it."""
    path = Path(path)
    written = {}
    for name, layer in layers.items():
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if path.exists()
                                        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), QgsCoordinateTransformContext(), options)
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise PlanError(tr("Cannot write {layer} to {path}: {error}").format(
                layer=name, path=path, error=message))
        written[name] = QgsVectorLayer(f"{path}|layername={name}", layer.name(), "ogr")
    return written
