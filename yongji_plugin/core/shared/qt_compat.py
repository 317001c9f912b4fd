"""The few spellings that differ between QGIS 3.22 (Qt5) and QGIS 3.38+/4 (Qt6): one place for them.

QgsField takes a ``QMetaType.Type`` from QGIS 3.38 on and only a ``QVariant.Type`` before; Qt6
has no ``QVariant.Type`` at all. Everything else in the plugin is written once, Qt6-ready
(scoped enums, ``exec()``), and ``tests/test_qt6_ready.py`` keeps it so.
"""

from qgis.core import Qgis, QgsField

_USES_QMETATYPE = Qgis.QGIS_VERSION_INT >= 33800

_KINDS = {  # kind: (QMetaType.Type name, QVariant.Type name)
    "string": ("QString", "String"),
    "double": ("Double", "Double"),
    "int": ("Int", "Int"),
    "long": ("LongLong", "LongLong"),
    "bool": ("Bool", "Bool"),
    "date": ("QDate", "Date"),
    "datetime": ("QDateTime", "DateTime"),
}


def field_type(kind: str):
    """The type QgsField wants on this QGIS for a kind: string, double, int, long, bool, date, datetime."""
    meta_name, variant_name = _KINDS[kind]
    if _USES_QMETATYPE:
        from qgis.PyQt.QtCore import QMetaType

        return getattr(QMetaType.Type, meta_name)
    from qgis.PyQt.QtCore import QVariant

    return getattr(QVariant, variant_name)


def new_field(name: str, kind: str, alias: str = "") -> QgsField:
    """A QgsField of a kind (see :func:`field_type`), with an optional alias."""
    field = QgsField(name, field_type(kind))
    if alias:
        field.setAlias(alias)
    return field


def font_families():
    """The installed font families: a static call on Qt6, an instance's on Qt5."""
    from qgis.PyQt.QtGui import QFontDatabase

    try:
        return QFontDatabase.families()
    except TypeError:  # Qt5: families() needs a database instance
        return QFontDatabase().families()


def set_text_font(item, family: str, size: float = 0, bold=None) -> None:
    """Give a layout label, scale bar or legend style a font family (and a size in points, bold).

    Through the item's text format where QGIS has one (labels from 3.24, legend styles from
    3.30; their ``setFont`` is deprecated there), through ``setFont`` before.
    """
    if hasattr(item, "setTextFormat"):
        text_format = item.textFormat()
        font = text_format.font()
        font.setFamily(family)
        if bold is not None:
            font.setBold(bold)
        text_format.setFont(font)
        if size:
            text_format.setSize(size)
        item.setTextFormat(text_format)
        return
    font = item.font()
    font.setFamily(family)
    if bold is not None:
        font.setBold(bold)
    if size:
        font.setPointSizeF(size)
    item.setFont(font)
