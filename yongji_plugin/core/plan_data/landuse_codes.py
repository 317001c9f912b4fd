"""用地用海分类 (first and second levels) from ``resources/landuse_classification.yaml``.

One source for every place that reads 用地用海 codes: the catalogue's code tables (plan QA's code
check, styles, breakdown names) and the 规划用途符合性 rule, which also resolves a project's use
written as a name (地块用途 "工业用地") to its code.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...paths import resource
from ..shared.yaml_files import Shape, read_yaml

CLASSIFICATION_FILE = Shape(
    dict, {"level1": dict, "level2": dict, "unconfirmed": list, "source": str}, required=("level1", "level2")
)


@dataclass(frozen=True)
class LanduseClassification:
    level1: dict[str, str]
    level2: dict[str, str]
    level3: dict[str, str] = field(default_factory=dict)  # only the subdivided classes
    unconfirmed: tuple[str, ...] = ()
    source: str = ""

    @property
    def codes(self) -> dict[str, str]:
        """Both levels, code → name."""
        return {**self.level1, **self.level2}

    def name(self, code: str) -> str:
        return self.codes.get(code, "")

    def resolve(self, text) -> Optional[str]:
        """The code a use is written as: a code of either level (a third-level code such as
        100101 is cut to its second level, a six-digit code the guide does not list — 070104 — is
        unknown, never its parent), a class name of any level; None when it is neither."""
        value = "" if text is None else str(text).strip()
        if not value:
            return None
        codes = self.codes
        if value in codes:
            return value
        if value in self.level3:
            return value[:4]
        named = next((code for code, name in {**codes, **self.level3}.items() if name == value), None)
        return named[:4] if named else None

    def code_tables(self) -> dict[str, dict]:
        """The catalogue's code tables built from the classification."""
        return {
            "landuse_level1": {"status": "standard", "codes": dict(self.level1)},
            "landuse_level2": {"status": "standard", "codes": dict(self.level2)},
            "landuse": {"status": "standard", "codes": self.codes},
        }


def load_classification(path: Path = None) -> LanduseClassification:
    raw = read_yaml(Path(path or resource("landuse_classification.yaml")), CLASSIFICATION_FILE)
    return LanduseClassification(
        {str(k): str(v) for k, v in raw["level1"].items()},
        {str(k): str(v) for k, v in raw["level2"].items()},
        {str(k): str(v) for k, v in (raw.get("level3") or {}).items()},
        tuple(str(c) for c in raw.get("unconfirmed", ())),
        str(raw.get("source", "")),
    )


@lru_cache(maxsize=1)
def classification() -> LanduseClassification:
    return load_classification()
