"""The 三调 工作分类 (``resources/land_survey_classes.yaml``): which DLBM is 建设用地, which 耕地.

The monitoring decides what "became 建设用地" and "耕地 lost" mean from this table alone, so a code
it does not hold is reported as unknown (with the feature), never guessed from its first digits.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...i18n import tr
from ...paths import resource
from ..shared.errors import PlanError
from ..shared.yaml_files import read_yaml

FARMLAND, AGRICULTURAL, CONSTRUCTION, UNUSED = "farmland", "agricultural", "construction", "unused"
CATEGORIES = (FARMLAND, AGRICULTURAL, CONSTRUCTION, UNUSED)


def category_label(category: Optional[str]) -> str:
    return {
        FARMLAND: tr("耕地"),
        AGRICULTURAL: tr("other agricultural land"),
        CONSTRUCTION: tr("建设用地"),
        UNUSED: tr("unused land"),
    }.get(category, tr("unknown class"))


@dataclass(frozen=True)
class LandClasses:
    classes: dict  # code → (name, category)
    suffixes: tuple

    def lookup(self, code) -> Optional[tuple]:
        """(code as listed, name, category) of a DLBM, or None when the table lacks it."""
        text = "" if code is None else str(code).strip()
        if text in self.classes:
            return (text,) + self.classes[text]
        for suffix in self.suffixes:
            base = text[: -len(suffix)]
            if text.endswith(suffix) and base in self.classes:
                return (base,) + self.classes[base]
        return None

    def codes(self, category: str) -> list[str]:
        return sorted(code for code, (_, cat) in self.classes.items() if cat == category)


@lru_cache(maxsize=1)
def land_classes() -> LandClasses:
    path = resource("land_survey_classes.yaml")
    raw = read_yaml(path, what=tr("Land class table"))
    problems = []
    table = {}
    for code, entry in (raw.get("classes") or {}).items():
        if not isinstance(entry, dict) or entry.get("category") not in CATEGORIES or not entry.get("name"):
            problems.append(str(code))
            continue
        table[str(code)] = (str(entry["name"]), entry["category"])
    if problems or not table:
        raise PlanError(
            tr("Land class table {path}: entries without a name or a known category: {codes}").format(
                path=path, codes=", ".join(problems) or "—"
            )
        )
    return LandClasses(table, tuple(str(s) for s in raw.get("suffixes") or ()))
