"""Input layer choices that cannot go wrong silently.

A dialog's layer box lists the project's layers of the right geometry, never the plugin's own
result layers (a check once ran on 2035年各乡镇指标达标情况, a result, unnoticed), and keeps up
with the project while the dialog is open. Its default is, in order: what the user chose last in
this project, the active layer when it fits (项目用地红线 was active while 村庄 was offered), the
layer the dialog prefers (the plan's own, by catalogue code), the first.
"""

import weakref

from qgis.core import QgsMapLayerType, QgsProject
from qgis.PyQt import sip

from ...core.shared.output_fields import is_result_layer
from ...i18n import tr

SCOPE = "yongji"  # project entries: the last choice per dialog box, saved with the project


def usable_layers(geometry_type):
    return [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.type() == QgsMapLayerType.VectorLayer
        and layer.geometryType() == geometry_type
        and not is_result_layer(layer)
    ]


def _remembered(key: str) -> str:
    value, found = QgsProject.instance().readEntry(SCOPE, f"choice/{key}", "")
    return value if found else ""


def _default(layers, key, iface, preferred):
    ids = [layer.id() for layer in layers]
    candidates = [_remembered(key) if key else ""]
    active = iface.activeLayer() if iface is not None and hasattr(iface, "activeLayer") else None
    candidates += [active.id() if active is not None else "", preferred.id() if preferred is not None else ""]
    return next((c for c in candidates if c and c in ids), ids[0] if ids else "")


def fill_layers(combo, geometry_type, preferred=None, allow_none: bool = False, key: str = "", iface=None) -> None:
    """Fill ``combo`` (see the module); the user's pick survives a refresh while its layer exists,
    a default is worked out anew (layers loaded one by one must not leave the first one chosen).
    ``key`` names the box for remembering the user's pick in the project."""
    current = getattr(combo, "_yongji_chosen", "")  # what the user picked in this box, if anything
    layers = usable_layers(geometry_type)
    combo.blockSignals(True)
    combo.clear()
    if allow_none:
        combo.addItem(tr("(none)"), "")
    for layer in layers:
        combo.addItem(layer.name(), layer.id())
    wanted = current if current and combo.findData(current) >= 0 else _default(layers, key, iface, preferred)
    index = combo.findData(wanted) if wanted else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if not getattr(combo, "_yongji_follows", False):  # the user's own picks only, not the defaults
        combo.activated.connect(lambda _index, c=combo, k=key: chosen(c, k))
        combo._yongji_follows = True
    combo.currentIndexChanged.emit(combo.currentIndex())


def chosen(combo, key: str = "") -> None:
    """The user picked the box's current layer: it stays through refreshes and is remembered."""
    combo._yongji_chosen = combo.currentData() or ""
    if key:
        remember(key, combo._yongji_chosen)


def remember(key: str, layer_id: str) -> None:
    if layer_id:
        QgsProject.instance().writeEntry(SCOPE, f"choice/{key}", layer_id)


def follow_project(dialog) -> None:
    """Refresh the dialog's layer boxes (``dialog.refresh_layers``) whenever layers are added to or
    removed from the project, unless a run is under way; no reference keeps a closed dialog alive."""
    ref = weakref.ref(dialog)
    project = QgsProject.instance()

    def refresh(*_args):
        target = ref()
        if target is None or sip.isdeleted(target) or getattr(target, "task", None) is not None:
            return
        target.refresh_layers()

    project.layersAdded.connect(refresh)
    project.layersRemoved.connect(refresh)
    dialog._yongji_follow = refresh
