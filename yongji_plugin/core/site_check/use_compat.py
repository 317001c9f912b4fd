"""The compatibility table of 规划用途符合性: which planned uses a project's use fits.

Data in ``resources/use_compatibility.yaml`` (its header says how it reads); codes are 用地用海分类
codes. A planned class matches a listed code when either starts with the other, so a plan that
says only the first level (10 工矿用地) matches a fit of 1001 工业用地.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...i18n import tr
from ...paths import resource
from ..shared.errors import PlanError
from ..shared.yaml_files import Shape, read_yaml

FITS, REVIEW, MISFIT = "fits", "review", "misfit"


@dataclass(frozen=True)
class UseEntry:
    fits: tuple[str, ...]
    review: tuple[str, ...] = ()


def _matches(planned: str, listed: tuple[str, ...]) -> bool:
    return any(planned.startswith(code) or code.startswith(planned) for code in listed)


@dataclass(frozen=True)
class CompatibilityTable:
    uses: dict[str, UseEntry]
    review_always: tuple[str, ...] = ()
    name: str = ""

    def entry(self, use_code: str) -> Optional[str]:
        """The key that judges a project of this use: the longest the code starts with."""
        keys = [key for key in self.uses if use_code.startswith(key)]
        return max(keys, key=len) if keys else None

    def assess(self, key: str, planned: str) -> str:
        """FITS, REVIEW or MISFIT for a project under ``key`` on a planned class."""
        if any(planned.startswith(code) for code in self.review_always):
            return REVIEW
        entry = self.uses[key]
        if _matches(planned, entry.fits):
            return FITS
        return REVIEW if _matches(planned, entry.review) else MISFIT


def _codes(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise PlanError(
            tr("Compatibility table {table}: {where} must be a list of codes").format(
                table=where.split(":")[0], where=where
            )
        )
    return tuple(str(v).strip() for v in value)


@lru_cache(maxsize=4)
def load_table(name: str) -> CompatibilityTable:
    """The table in ``resources/<name>``, or a PlanError naming the file and the entry."""
    path = resource(name)
    raw = read_yaml(path, Shape(dict, {"uses": dict, "review_always": list}), what=tr("Compatibility table"))
    if not raw.get("uses"):
        raise PlanError(
            tr("Compatibility table {table} needs a mapping uses: {{code: {{fits: [...]}}}}").format(table=path)
        )
    uses = {}
    for code, entry in raw["uses"].items():
        if not isinstance(entry, dict) or set(entry) - {"fits", "review"} or not entry.get("fits"):
            raise PlanError(
                tr("Compatibility table {table}: use {code} needs fits (and may have review)").format(
                    table=path, code=code
                )
            )
        uses[str(code)] = UseEntry(
            _codes(entry["fits"], f"{path}: {code}.fits"), _codes(entry.get("review"), f"{path}: {code}.review")
        )
    return CompatibilityTable(uses, _codes(raw.get("review_always"), f"{path}: review_always"), name)
