"""Project sites as the check reads them: validated, transformed to the area CRS, repaired.

Identity. A site is keyed by its feature id (:attr:`Site.key`, unique within the layer), so each
per-site output — summary row, conflict pieces, breakdown, report section, map — belongs to one
feature whatever its id field says. The id shown (:attr:`Site.site_id`) is the id field's value,
trimmed; a NULL, empty or blank id is shown as "(no id) feature 12" and flagged in the site's
reasons (before, the bare feature id "12" stood in, which can be another site's real id). Sites
whose shown ids coincide — a real id repeated, or one spelled like a generated label — are flagged
with every feature that shares the id, and the run gets one warning per id naming them all.

Duplicates warn, they do not stop the run: one project often has several parcels under one
项目编号, and since results stay per feature nothing mixes; the reviewer sees the warning (message
bar, Processing log) and, on each affected site, a reason naming the other features.
"""

import math
from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsWkbTypes,
)

from ...i18n import tr
from ..engine.geometry_repair import Repair, repaired
from ..shared.errors import PlanError
from ..shared.layer_crs import crs_problem

ID_FIELDS = ("XMBH", "DKBH", "id", "ID")
NAME_FIELDS = ("XMMC", "DKMC", "name", "NAME")
TYPE_FIELDS = ("XMLX",)
# the project's use (用地用海 code or name): a site field, or a coordinate file's 地类编码 / 地块用途
USE_FIELDS = ("XMYT", "YDYT", "DLBM", "DKYT")


FID_LIST_LIMIT = 20  # features named in one warning


@dataclass
class Site:
    fid: int
    site_id: str  # what the user reads: the id, or "(no id) feature 12"; not unique
    name: str
    site_type: Optional[str]
    geometry: QgsGeometry  # in the area CRS, valid
    source_geometry: QgsGeometry
    notes: list[str] = field(default_factory=list)
    has_id: bool = True  # False: the id field is NULL or blank (site_id is then a generated label)
    use: Optional[str] = None  # the project's use as written (first non-empty of the use fields)

    @property
    def key(self) -> int:
        """The site's unique key within a run (its feature id): key per-site outputs by this."""
        return self.fid


def _pick(fields, candidates, explicit=None):
    if explicit:
        if fields.lookupField(explicit) < 0:
            return None
        return explicit
    return next((name for name in candidates if fields.lookupField(name) >= 0), None)


def _text(value) -> Optional[str]:
    """An attribute as trimmed text; None for NULL (None or a null QVariant) and blanks."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    text = str(value).strip()
    return text or None


def _fid_list(fids: list[int]) -> str:
    fids = sorted(fids)
    shown = ", ".join(str(fid) for fid in fids[:FID_LIST_LIMIT])
    if len(fids) > FID_LIST_LIMIT:
        shown += tr(" and {count} more").format(count=len(fids) - FID_LIST_LIMIT)
    return shown


def check_site_layer(layer, name: str, area_crs=None) -> None:
    """Raise a clear error for a site layer the check cannot use."""
    if layer is None:
        raise PlanError(tr("No site layer given"))
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise PlanError(
            tr("Site layer {name} must contain polygons, not {type}").format(
                name=name, type=QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(layer.wkbType()))
            )
        )
    if area_crs is None:
        problem = None if layer.sourceCrs().isValid() else tr("has no CRS; set its CRS first")
    else:  # the extent only where it must be placed in another CRS (a database layer's costs a query)
        extent = layer.sourceExtent() if layer.sourceCrs() != area_crs else None
        problem = crs_problem(layer.sourceCrs(), area_crs, extent)
    if problem:
        raise PlanError(tr("Site layer {name} {problem}").format(name=name, problem=problem))
    if layer.featureCount() == 0:
        raise PlanError(tr("Site layer {name} has no features").format(name=name))


def use_fields(fields, explicit: Optional[str] = None) -> list[str]:
    """Where a site's use is read: the field given, else those of USE_FIELDS the layer has."""
    if explicit:
        return [explicit] if fields.lookupField(explicit) >= 0 else []
    return [name for name in USE_FIELDS if fields.lookupField(name) >= 0]


def read_sites(
    layer,
    name: str,
    area_crs,
    id_field=None,
    name_field=None,
    type_field=None,
    repairs: list[Repair] = None,
    warnings: list[str] = None,
    use_field=None,
) -> list[Site]:
    """The layer's sites in the area CRS; identity problems go to ``warnings`` (see the module)."""
    check_site_layer(layer, name, area_crs)
    fields = layer.fields()
    for explicit in (id_field, name_field, type_field, use_field):
        if explicit and fields.lookupField(explicit) < 0:
            raise PlanError(tr("Site layer {name} lacks field {field}").format(name=name, field=explicit))
    id_field = _pick(fields, ID_FIELDS, id_field)
    name_field = _pick(fields, NAME_FIELDS, name_field)
    type_field = _pick(fields, TYPE_FIELDS, type_field)
    uses = use_fields(fields, use_field)
    # transformed here, not by the request: the source geometry stays in the layer's own CRS, in which
    # the report lists a coordinate file's 界址点 (they were printed reprojected, under the file's CRS)
    transform = QgsCoordinateTransform(layer.sourceCrs(), area_crs, QgsCoordinateTransformContext())
    sites = []
    for feature in layer.getFeatures(QgsFeatureRequest()):
        source = QgsGeometry(feature.geometry())
        feature.setGeometry(_in_area_crs(source, transform))
        site = _site(feature, id_field, name_field, type_field, name, repairs)
        site.source_geometry = source
        site.use = next((value for value in (_text(feature[f]) for f in uses) if value), None)
        sites.append(site)
    found = _identity_warnings(sites, name, id_field)
    if warnings is not None:
        warnings.extend(found)
    return sites


def _identity_warnings(sites: list[Site], layer_name: str, id_field: Optional[str]) -> list[str]:
    """Flag sites without an id and sites sharing one; one warning per problem for the run."""
    found = []
    if id_field is None:
        found.append(
            tr("Site layer {layer} has no id field ({fields}); sites are labelled by feature id").format(
                layer=layer_name, fields=", ".join(ID_FIELDS)
            )
        )
    else:
        unnamed = [site for site in sites if not site.has_id]
        for site in unnamed:
            site.notes.insert(0, tr("site has no id ({field} is empty)").format(field=id_field))
        if unnamed:
            found.append(
                tr("Site layer {layer}: features {fids} have no id in {field}; they are labelled by feature id").format(
                    layer=layer_name, fids=_fid_list([s.fid for s in unnamed]), field=id_field
                )
            )
    by_label: dict[str, list[Site]] = {}
    for site in sites:
        by_label.setdefault(site.site_id, []).append(site)
    for label, sharing in by_label.items():
        if len(sharing) < 2:
            continue
        fids = _fid_list([s.fid for s in sharing])
        for site in sharing:
            site.notes.insert(0, tr("site id {id} is shared by features {fids}").format(id=label, fids=fids))
        found.append(
            tr(
                "Site layer {layer}: id {id} is shared by features {fids}; each is checked and reported on its own"
            ).format(layer=layer_name, id=label, fids=fids)
        )
    return found


def _no_id_label(fid: int) -> str:
    return tr("(no id) feature {fid}").format(fid=fid)


def _in_area_crs(source: QgsGeometry, transform: QgsCoordinateTransform) -> QgsGeometry:
    """A copy in the area CRS; coordinates that do not transform come back infinite, which
    :func:`_site` reports as such."""
    geometry = QgsGeometry(source)
    if geometry.isNull() or geometry.isEmpty() or transform.isShortCircuited():
        return geometry
    try:
        geometry.transform(transform)
    except QgsCsException:
        return QgsGeometry.fromPointXY(QgsPointXY(math.inf, math.inf))
    return geometry


def _site(feature, id_field, name_field, type_field, layer_name, repairs) -> Site:
    site_id = _text(feature[id_field]) if id_field else None
    site = Site(
        feature.id(),
        site_id or _no_id_label(feature.id()),
        (_text(feature[name_field]) or "") if name_field else "",
        _text(feature[type_field]) if type_field else None,
        QgsGeometry(),
        feature.geometry(),
        has_id=site_id is not None,
    )
    geometry = feature.geometry()
    if geometry.isNull() or geometry.isEmpty():
        site.notes.append(tr("site has no geometry"))
        return site
    box = geometry.boundingBox()
    if not all(
        math.isfinite(v) and abs(v) < 1e9 for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
    ):
        site.notes.append(tr("site coordinates cannot be transformed to the area CRS"))
        return site
    geometry, problem = repaired(geometry)
    if geometry.isEmpty() or geometry.area() <= 0.0:  # collinear or repeated points: nothing to check
        site.notes.append(
            tr("site has zero area: its outline encloses nothing (all points on one line or at one point)")
        )
        return site
    if problem:
        site.notes.append(tr("geometry repaired ({problem})").format(problem=problem))
        if repairs is not None:
            repairs.append(Repair(layer_name, site.site_id, problem))
    site.geometry = geometry
    return site
