"""What a 界址点坐标交换文件 holds: a header, parcels with attribute lines and numbered rings."""

from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from ...i18n import tr

AREA_TOLERANCE = 0.01  # relative difference allowed between stated and computed parcel area

# How bad a problem is: an error keeps its parcel (or the file) out of the import; a warning says
# something the user should look at; a note records a harmless local habit of the writing tool.
ERROR, WARNING, NOTE = "error", "warning", "note"


def level_label(level: str) -> str:
    return {ERROR: tr("error"), WARNING: tr("warning"), NOTE: tr("note")}[level]


class Point(NamedTuple):
    """A tuple of plain values, which Python's garbage collector stops tracking: a file's hundreds of
    thousands of points then cost the collector nothing, and the import stays linear in file size."""

    number: str  # 点号, e.g. J1
    ring: int  # 圈号
    x: float  # northing, as in the file
    y: float  # easting, as in the file (may carry the zone prefix)
    line: int = 0


@dataclass
class Parcel:
    point_count: int
    area_ha: Optional[float]
    number: str
    name: str
    shape: str = "面"
    sheet: str = ""
    use: str = ""
    land_code: str = ""
    extra: list[str] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    line: int = 0
    index: int = 0  # position in its file: parcel numbers may repeat, this never does

    def rings(self) -> dict[int, list[Point]]:
        """Points grouped by ring number, rings in file order."""
        rings: dict[int, list[Point]] = {}
        for point in self.points:
            rings.setdefault(point.ring, []).append(point)
        return rings


@dataclass(frozen=True)
class Problem:
    line: int
    parcel: str  # the parcel's number as the file gives it ("" for the file as a whole)
    reason: str  # translated, without file or line (those are fields of their own)
    level: str = ERROR
    index: Optional[int] = None  # Parcel.index of the parcel concerned, None for the file
    file: str = ""

    @property
    def fatal(self) -> bool:
        """An error keeps the parcel out of the import."""
        return self.level == ERROR

    @property
    def text(self) -> str:
        """One line for a log: file, line, parcel, level and reason."""
        if self.parcel:
            return tr("{file} line {line}, parcel {parcel}: {level}: {reason}").format(
                file=self.file, line=self.line, parcel=self.parcel, level=level_label(self.level), reason=self.reason
            )
        return tr("{file} line {line}: {level}: {reason}").format(
            file=self.file, line=self.line, level=level_label(self.level), reason=self.reason
        )


def parcel_problem(parcel: Parcel, line: int, reason: str, level: str = ERROR) -> Problem:
    return Problem(line, parcel.number, reason, level, parcel.index)


@dataclass
class CoordinateFile:
    header: dict[str, str] = field(default_factory=dict)
    header_lines: dict[str, int] = field(default_factory=dict)
    parcels: list[Parcel] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = "utf-8"
    path: str = ""
