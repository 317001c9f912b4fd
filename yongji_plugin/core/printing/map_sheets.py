"""The plan's map sheets and atlases as declared in ``resources/map_sheets.yaml``."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from jinja2 import Template

from ...paths import resource
from ..shared.yaml_files import Shape, read_yaml

SHEETS_FILE = Shape(
    dict,
    {"plan": dict, "texts": dict, "inset_layers": list, "sheets": list, "atlases": dict, "results": dict},
    required=("plan", "texts", "sheets"),
)


@dataclass(frozen=True)
class Structure:
    """The 规划结构 types a sheet draws, as (code, legend label) in legend order, under one heading."""

    heading: str
    types: tuple[tuple[str, str], ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.types)


@dataclass(frozen=True)
class Sheet:
    id: str
    title: str
    template: str
    extent: str
    layers: tuple
    labels: tuple = ()
    muted: tuple = ()
    structure: Optional[Structure] = None


@dataclass
class SheetCatalogue:
    plan: dict
    texts: dict[str, str]
    inset_layers: list[str]
    sheets: list[Sheet]
    atlases: dict[str, dict]

    def sheet(self, sheet_id: str) -> Sheet:
        return next(s for s in self.sheets if s.id == sheet_id)

    def texts_for(self, title: str, **extra) -> dict[str, str]:
        """Title, subtitle, CRS note, organisation and date for one page, rendered with jinja2."""
        context = {"plan": self.plan, "sheet": {"title": title}, **extra}
        texts = {key: Template(value).render(**context) for key, value in self.texts.items()}
        texts.setdefault("organisation", self.plan.get("organisation", ""))
        texts.setdefault("date", date.today().strftime("%Y年%m月"))
        return texts


def _sheet(raw: dict) -> Sheet:
    structure = raw.get("structure")
    if structure:
        structure = Structure(structure["heading"], tuple((str(k), v) for k, v in structure["types"].items()))
    return Sheet(
        raw["id"],
        raw["title"],
        raw["template"],
        raw["extent"],
        tuple(raw["layers"]),
        tuple(raw.get("labels", ())),
        tuple(raw.get("muted", ())),
        structure,
    )


@lru_cache(maxsize=1)
def load_sheets() -> SheetCatalogue:
    raw = read_yaml(resource("map_sheets.yaml"), SHEETS_FILE)
    return SheetCatalogue(
        raw["plan"],
        raw["texts"],
        raw.get("inset_layers", []),
        [_sheet(s) for s in raw["sheets"]],
        raw.get("atlases", {}),
    )
