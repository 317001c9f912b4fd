"""The text-encoding choice for Shapefile sources, one widget for every dialog that reads a folder."""

from ...core.shared.encodings import CHOICES
from ...i18n import tr


def fill_encoding_combo(combo) -> None:
    """Automatic (data "") then the encodings the user may choose (data: the name GDAL is given)."""
    combo.clear()
    combo.addItem(tr("Automatic (.cpg, code page byte, else detected)"), "")
    for name in CHOICES:
        combo.addItem(name, name)
    combo.setToolTip(
        tr(
            "Shapefiles only. Automatic: the .cpg file, else the code page byte of the .dbf, "
            "else detected (UTF-8, GBK, GB18030)"
        )
    )


def choose_encoding(combo, name: str) -> None:
    """Select ``name`` (Automatic when it is not offered)."""
    combo.setCurrentIndex(max(combo.findData(name or ""), 0))
