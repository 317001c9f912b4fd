"""The one font choice for everything the plugin prints: map sheets, atlases, labels, reports.

PDF readers must find exactly what was printed. Qt's PDF writer maps some glyphs of Noto Sans CJK
to Kangxi radicals in the text layer (生 reads back as ⽣ U+2F63), while WenQuanYi Micro Hei
round-trips; Windows bureaus have Microsoft YaHei or SimHei. The first installed family of
``PREFERRED`` wins; Noto comes last, before whatever Qt falls back to.
"""

from collections.abc import Iterable
from functools import lru_cache

from qgis.PyQt.QtGui import QFont

from .qt_compat import font_families

PREFERRED = (
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "WenQuanYi Zen Hei",
    "Source Han Sans SC",
    "Noto Sans CJK SC",
)


def choose_family(installed: Iterable[str]) -> str:
    """The first preferred family among ``installed`` (any case), or '' when none is there."""
    names = {name.casefold() for name in installed}
    return next((family for family in PREFERRED if family.casefold() in names), "")


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """The family to print Chinese with on this machine (needs a running QGuiApplication)."""
    return choose_family(font_families()) or QFont().defaultFamily()


def cjk_font(point_size: float = 0, bold: bool = False) -> QFont:
    font = QFont(cjk_family())
    if point_size:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def css_font_stack() -> str:
    """A CSS font-family value: the chosen family first, then the others, then sans-serif."""
    families = [cjk_family()] + [f for f in PREFERRED if f != cjk_family()]
    return ", ".join(f'"{family}"' for family in families) + ", sans-serif"
