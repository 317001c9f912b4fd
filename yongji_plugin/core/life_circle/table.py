"""The plan's 社区—邻里—街坊 table, read from ``resources/measures/life_circle.yaml`` (or a user's file).

A malformed file stops with one sentence naming the file, the entry and the key, before anything
is computed: a wrong table would give a confident, wrong map of lacks.
"""

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ...i18n import tr
from ...paths import resource
from ..shared.errors import PlanError
from ..shared.yaml_files import read_yaml


@dataclass(frozen=True)
class Level:
    code: str  # 社区, 邻里, 街坊 (the code table facility_level)
    name: str
    minutes: float


@dataclass(frozen=True)
class FacilityRow:
    """One row of the plan's table: a kind of facility every residential area should reach."""

    code: str
    name: str
    level: str
    required: bool
    types: tuple[str, ...]
    short: str = ""

    @property
    def label(self) -> str:
        """The short name for tables and fields."""
        return self.short or self.name


@dataclass
class LifeCircleTable:
    path: Path
    speed_kmh: float
    levels: list[Level]
    rows: list[FacilityRow]

    def level(self, code: str) -> Level:
        return next(level for level in self.levels if level.code == code)

    def rows_for(self, facility_type: str, facility_level: Optional[str]) -> list[FacilityRow]:
        """The rows a facility counts for: its type's rows; its level picks among several."""
        rows = [row for row in self.rows if facility_type in row.types]
        if len(rows) > 1:
            rows = [row for row in rows if row.level == facility_level]
        return rows

    def ambiguous(self, facility_type: str) -> bool:
        """A type the table lists at several levels: the facility's level field decides."""
        return len([row for row in self.rows if facility_type in row.types]) > 1

    def known_types(self) -> set:
        return {t for row in self.rows for t in row.types}


def default_table_path() -> Path:
    return resource("measures", "life_circle.yaml")


def _fail(path, where: str, problem: str) -> PlanError:
    return PlanError(tr("Life-circle table {file}, {where}: {problem}").format(file=path, where=where, problem=problem))


def _number(value, path, where: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise _fail(path, where, tr("{key} must be a positive number, not {value!r}").format(key=key, value=value))
    return float(value)


def _entries(raw: dict, key: str, path) -> list[dict]:
    entries = raw.get(key)
    if not isinstance(entries, list) or not entries:
        raise _fail(path, key, tr("a non-empty list is required"))
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise _fail(path, f"{key} #{number}", tr("each entry must be a mapping of keys"))
    return entries


def _require(entry: dict, keys, path, where: str) -> None:
    missing = [key for key in keys if entry.get(key) in (None, "", [])]
    if missing:
        raise _fail(path, where, tr("missing key {key}").format(key=", ".join(missing)))


def _levels(raw: dict, path) -> list[Level]:
    levels = []
    for number, entry in enumerate(_entries(raw, "levels", path), 1):
        where = f"levels #{number}"
        _require(entry, ("code", "name", "minutes"), path, where)
        levels.append(Level(str(entry["code"]), str(entry["name"]), _number(entry["minutes"], path, where, "minutes")))
    return levels


def _row(entry: dict, number: int, level_codes, path) -> FacilityRow:
    where = f"facilities #{number} ({entry.get('code', '?')})"
    _require(entry, ("code", "name", "level", "types"), path, where)
    if str(entry["level"]) not in level_codes:
        raise _fail(
            path,
            where,
            tr("unknown level {level}; the table's levels are {levels}").format(
                level=entry["level"], levels=", ".join(level_codes)
            ),
        )
    types = entry["types"]
    if not isinstance(types, list) or not all(isinstance(t, str) and t.strip() for t in types):
        raise _fail(path, where, tr("types must be a list of facility-type names"))
    required = entry.get("required", True)
    if not isinstance(required, bool):
        raise _fail(path, where, tr("required must be true or false, not {value!r}").format(value=required))
    return FacilityRow(
        str(entry["code"]),
        str(entry["name"]),
        str(entry["level"]),
        required,
        tuple(t.strip() for t in types),
        str(entry.get("short") or ""),
    )


def _check_unique(items, what: str, path) -> None:
    seen: dict[str, int] = {}
    for item in items:
        seen[item.code] = seen.get(item.code, 0) + 1
    repeated = [code for code, count in seen.items() if count > 1]
    if repeated:
        raise _fail(path, what, tr("code {code} appears more than once").format(code=", ".join(repeated)))


def _check_types(rows: list[FacilityRow], path) -> None:
    """A type listed twice at one level would count one facility for two rows."""
    for row in rows:
        for other in rows:
            if other is not row and other.level == row.level and set(other.types) & set(row.types):
                raise _fail(
                    path,
                    f"facilities {row.code}",
                    tr("facility type {type} is also listed in {other} at the same level").format(
                        type=", ".join(sorted(set(other.types) & set(row.types))), other=other.code
                    ),
                )


def load_life_circle_table(path=None) -> LifeCircleTable:
    path = Path(path) if path else default_table_path()
    raw = read_yaml(path, what=tr("Life-circle table"))
    speed = _number(raw.get("walking_speed_kmh"), path, "walking_speed_kmh", "walking_speed_kmh")
    levels = _levels(raw, path)
    _check_unique(levels, "levels", path)
    codes = [level.code for level in levels]
    rows = [_row(entry, number, codes, path) for number, entry in enumerate(_entries(raw, "facilities", path), 1)]
    _check_unique(rows, "facilities", path)
    _check_types(rows, path)
    return LifeCircleTable(path, speed, levels, rows)
