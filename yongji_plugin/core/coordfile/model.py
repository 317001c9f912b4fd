"""What a 界址点坐标交换文件 holds: a header, parcels with attribute lines and numbered rings."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional

AREA_TOLERANCE = 0.01  # relative difference allowed between stated and computed parcel area


@dataclass(frozen=True)
class Point:
    number: str   # 点号, e.g. J1
    ring: int     # 圈号
    x: float      # northing, as in the file
    y: float      # easting, as in the file (may carry the zone prefix)
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
    extra: List[str] = field(default_factory=list)
    points: List[Point] = field(default_factory=list)
    line: int = 0

    def rings(self) -> Dict[int, List[Point]]:
        """Points grouped by ring number, rings in file order."""
        rings: Dict[int, List[Point]] = {}
        for point in self.points:
            rings.setdefault(point.ring, []).append(point)
        return rings


@dataclass(frozen=True)
class Problem:
    line: int
    parcel: str
    reason: str
    fatal: bool = True  # a fatal problem keeps the parcel out of the import


@dataclass
class CoordinateFile:
    header: Dict[str, str] = field(default_factory=dict)
    parcels: List[Parcel] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    encoding: str = "utf-8"
    path: str = ""

    def bad_parcels(self) -> set:
        return {p.parcel for p in self.problems if p.fatal}

    def good_parcels(self) -> List[Parcel]:
        bad = self.bad_parcels()
        return [p for p in self.parcels if p.number not in bad]
