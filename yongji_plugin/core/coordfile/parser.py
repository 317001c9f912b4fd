"""Read the Ministry's coordinate exchange text ([属性描述] / [地块坐标]).

Tolerant where bureau tools differ (UTF-8 with or without BOM or GBK/GB18030, CRLF, comma or
whitespace separators, spaces after commas, a trailing comma after ``@``, an area with its 公顷
unit, 8, 9 or 12 attributes, point names with or without J, a short or missing header), strict
where a boundary would be wrong: every problem carries its line number, a bad parcel does not sink
the good ones, and a file that is empty, has no parcel or is in another encoding is an error.
Geometry is validation.py's business, the zone and coordinate range crs.py's.
"""

import codecs
import re
from pathlib import Path
from typing import Callable, Optional

from ...i18n import tr
from ..shared.errors import PlanError
from .model import ERROR, NOTE, WARNING, CoordinateFile, Parcel, Point, Problem, parcel_problem

HEADER, COORDINATES = "属性描述", "地块坐标"
ENCODINGS = ("utf-8-sig", "gb18030")
WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
TICK_LINES = 500  # lines between two calls of the progress callback
_NUMBER = re.compile(r"^\s*([-+]?\d+(?:\.\d*)?)\s*(公顷|ha)?\s*$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode(data: bytes, name: str = ""):
    """(text, encoding): UTF-8 (with or without BOM) first, else GBK/GB18030; else a PlanError.

    UTF-16 and UTF-32 (Windows Notepad's "Unicode") without a byte-order mark decode as UTF-8 full
    of NUL characters; a NUL never occurs in UTF-8 or GBK text, so it marks them too.
    """
    if data.startswith(WIDE_BOMS) or b"\x00" in data:
        raise PlanError(
            tr(
                "{file}: the file is neither UTF-8 nor GBK/GB18030 text but UTF-16 or UTF-32; save it as UTF-8 or GBK"
            ).format(file=name)
        )
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding.startswith("utf") else "gbk")
        except UnicodeDecodeError:
            continue
    raise PlanError(
        tr("{file}: the file is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 or GBK").format(file=name)
    )


def read_text(path):
    """(text, encoding) of a file; an empty file or one in another encoding is a PlanError."""
    path = Path(path)
    text, encoding = decode(path.read_bytes(), path.name)
    if not text.strip():
        raise PlanError(tr("{file}: the file is empty").format(file=path.name))
    return text, encoding


def split_fields(line: str) -> list[str]:
    """Fields of a line; trailing empty fields (a comma after ``@`` or after Y) are dropped."""
    line = line.replace("，", ",")
    fields = [part.strip() for part in line.split(",")] if "," in line else line.split()
    while fields and not fields[-1]:
        fields.pop()
    return fields


def parse_file(path, tick: Callable[[int], None] = None) -> CoordinateFile:
    """Read, decode and parse one file; raises PlanError when it holds no parcel."""
    text, encoding = read_text(path)
    return parse_decoded(path, text, encoding, tick)


def parse_decoded(path, text: str, encoding: str, tick: Callable[[int], None] = None) -> CoordinateFile:
    result = parse_text(text, tick)
    result.encoding, result.path = encoding, str(path)
    if not result.parcels:
        raise PlanError(
            tr("{file}: no parcel found: a parcel starts with an attribute line ending in @ under [地块坐标]").format(
                file=Path(path).name
            )
        )
    return result


def parse_text(text: str, tick: Callable[[int], None] = None) -> CoordinateFile:
    """Parse the text; ``tick(lines)`` is called every TICK_LINES lines (it may raise to stop)."""
    state = _State(CoordinateFile())
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        if tick is not None and number % TICK_LINES == 0:
            tick(TICK_LINES)
        line = raw.strip()
        if line:
            state.line(number, line)
    return state.result


class _State:
    """The section being read and the parcel whose points are being read."""

    def __init__(self, result: CoordinateFile):
        self.result = result
        self.section: Optional[str] = None
        self.parcel: Optional[Parcel] = None
        self.first_line: dict[str, int] = {}  # parcel number → line of its first attribute line

    def line(self, number: int, line: str):
        if line.startswith("[") and line.endswith("]"):
            self.section, self.parcel = line[1:-1].strip(), None
            if self.section not in (HEADER, COORDINATES):
                self.problem(number, tr("unknown section [{name}]").format(name=self.section))
            return
        if self.section == HEADER:
            key, _, value = line.partition("=")
            self.result.header[key.strip()] = value.strip()
            self.result.header_lines[key.strip()] = number
            return
        fields = split_fields(line)
        if self.section is None and fields and fields[-1] == "@":
            self.section = COORDINATES
            self.problem(number, tr("no [地块坐标] section line: parcels are read from here on"), NOTE)
        if self.section == COORDINATES:
            self.coordinate_line(number, fields)
        elif self.section is None:
            self.problem(number, tr("text outside any section"))

    def problem(self, number: int, reason: str, level: str = ERROR):
        self.result.problems.append(Problem(number, "", reason, level))

    def coordinate_line(self, number: int, fields: list[str]):
        if fields and fields[-1] == "@":
            self.parcel = self.attribute_line(fields[:-1], number)
        elif self.parcel is None:
            self.problem(number, tr("point before any parcel attribute line"))
        else:
            point = self.point(fields, number)
            if point is not None:
                self.parcel.points.append(point)

    def attribute_line(self, fields: list[str], number: int) -> Parcel:
        fields = fields + [""] * (8 - len(fields))
        count, area = _number(fields[0]), _number(fields[1]) if fields[1] else None
        parcel = Parcel(
            int(count) if count is not None else 0,
            area,
            fields[2] or f"#{number}",
            fields[3],
            fields[4] or "面",
            fields[5],
            fields[6],
            fields[7],
            fields[8:],
            line=number,
            index=len(self.result.parcels),
        )
        problems = self.result.problems
        if count is None:
            problems.append(parcel_problem(parcel, number, tr("bad point count {value}").format(value=fields[0])))
        if fields[1] and area is None:
            problems.append(parcel_problem(parcel, number, tr("bad area {value}").format(value=fields[1])))
        if parcel.number in self.first_line:
            problems.append(
                parcel_problem(
                    parcel,
                    number,
                    tr("parcel number {number} is used again (first on line {line})").format(
                        number=parcel.number, line=self.first_line[parcel.number]
                    ),
                    WARNING,
                )
            )
        else:
            self.first_line[parcel.number] = number
        self.result.parcels.append(parcel)
        return parcel

    def point(self, fields: list[str], number: int) -> Optional[Point]:
        parcel = self.parcel
        if len(fields) < 4:
            self.result.problems.append(
                parcel_problem(parcel, number, tr("point line needs 4 values: number, ring, X, Y"))
            )
            return None
        ring, x, y = _number(fields[1]), _number(fields[2]), _number(fields[3])
        for value, text in ((ring, fields[1]), (x, fields[2]), (y, fields[3])):
            if value is None:
                self.result.problems.append(parcel_problem(parcel, number, tr("bad number {value}").format(value=text)))
                return None
        return Point(fields[0], int(ring), x, y, number)


def _number(text: str):
    match = _NUMBER.match(text or "")
    return float(match.group(1)) if match else None
