"""The plan's map sheets and atlases as declared in ``resources/map_sheets.yaml``."""
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Dict, List

import yaml
from jinja2 import Template

from ...paths import resource


@dataclass(frozen=True)
class Sheet:
    id: str
    title: str
    template: str
    extent: str
    layers: tuple


@dataclass
class SheetCatalogue:
    plan: dict
    texts: Dict[str, str]
    inset_layers: List[str]
    sheets: List[Sheet]
    atlases: Dict[str, dict]

    def sheet(self, sheet_id: str) -> Sheet:
        return next(s for s in self.sheets if s.id == sheet_id)

    def texts_for(self, title: str, **extra) -> Dict[str, str]:
        """Title, subtitle, CRS note, organisation and date for one page, rendered with jinja2."""
        context = {"plan": self.plan, "sheet": {"title": title}, **extra}
        texts = {key: Template(value).render(**context) for key, value in self.texts.items()}
        texts.setdefault("organisation", self.plan.get("organisation", ""))
        texts.setdefault("date", date.today().strftime("%Y年%m月"))
        return texts


@lru_cache(maxsize=1)
def load_sheets() -> SheetCatalogue:
    raw = yaml.safe_load(resource("map_sheets.yaml").read_text(encoding="utf-8"))
    sheets = [Sheet(s["id"], s["title"], s["template"], s["extent"], tuple(s["layers"]))
              for s in raw["sheets"]]
    return SheetCatalogue(raw["plan"], raw["texts"], raw.get("inset_layers", []), sheets,
                          raw.get("atlases", {}))
