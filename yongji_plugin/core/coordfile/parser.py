"""Read the Ministry's coordinate exchange text ([属性描述] / [地块坐标]).

Tolerant where real files vary (GBK or UTF-8, CRLF, comma or whitespace separators, an area with
its unit, a missing header), strict where a boundary would be wrong: every problem carries its
line number and reason, and a bad parcel does not sink the good ones.
"""
import re
from pathlib import Path
from typing import List, Optional

from ...i18n import tr
from .geometry import parcel_problems
from .model import CoordinateFile, Parcel, Point, Problem

HEADER, COORDINATES = "属性描述", "地块坐标"
ENCODINGS = ("utf-8-sig", "gb18030")
_NUMBER = re.compile(r"^\s*([-+]?\d+(?:\.\d*)?)\s*(公顷|ha)?\s*$")


def decode(data: bytes):
    """(text, encoding): UTF-8 (with or without BOM) first, else GBK/GB18030."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding.startswith("utf") else "gbk")
        except UnicodeDecodeError:
            continue
    raise ValueError("undecodable")


def split_fields(line: str) -> List[str]:
    line = line.replace("，", ",")
    if "," in line:
        return [part.strip() for part in line.split(",")]
    return line.split()


def parse_file(path) -> CoordinateFile:
    path = Path(path)
    try:
        text, encoding = decode(path.read_bytes())
    except ValueError:
        result = CoordinateFile(path=str(path))
        result.problems.append(Problem(0, "", tr("file is neither UTF-8 nor GBK text")))
        return result
    result = parse_text(text)
    result.encoding, result.path = encoding, str(path)
    return result


def parse_text(text: str) -> CoordinateFile:
    result = CoordinateFile()
    section = None
    parcel: Optional[Parcel] = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in (HEADER, COORDINATES):
                result.problems.append(Problem(number, "", tr("unknown section [{name}]").format(name=section)))
            parcel = _close(parcel, result)
            continue
        if section == HEADER:
            key, _, value = line.partition("=")
            result.header[key.strip()] = value.strip()
        elif section == COORDINATES:
            parcel = _coordinate_line(line, number, parcel, result)
        elif section is None:
            result.problems.append(Problem(number, "", tr("text outside any section")))
    _close(parcel, result)
    return result


def _coordinate_line(line, number, parcel, result):
    fields = split_fields(line)
    if fields and fields[-1] == "@":
        _close(parcel, result)
        return _attribute_line(fields[:-1], number, result)
    if parcel is None:
        result.problems.append(Problem(number, "", tr("point before any parcel attribute line")))
        return None
    point = _point(fields, number, parcel, result)
    if point is not None:
        parcel.points.append(point)
    return parcel


def _number(text: str):
    match = _NUMBER.match(text or "")
    return float(match.group(1)) if match else None


def _attribute_line(fields, number, result) -> Parcel:
    fields = fields + [""] * (8 - len(fields))
    count, area = _number(fields[0]), _number(fields[1]) if fields[1] else None
    parcel = Parcel(int(count) if count is not None else 0, area, fields[2] or f"#{number}",
                    fields[3], fields[4] or "面", fields[5], fields[6], fields[7], fields[8:],
                    line=number)
    if count is None:
        result.problems.append(Problem(number, parcel.number, tr("bad point count {value}").format(value=fields[0])))
    if fields[1] and area is None:
        result.problems.append(Problem(number, parcel.number, tr("bad area {value}").format(value=fields[1])))
    result.parcels.append(parcel)
    return parcel


def _point(fields, number, parcel, result) -> Optional[Point]:
    if len(fields) < 4:
        result.problems.append(Problem(number, parcel.number, tr("point line needs 4 values: number, ring, X, Y")))
        return None
    ring, x, y = _number(fields[1]), _number(fields[2]), _number(fields[3])
    for value, text in ((ring, fields[1]), (x, fields[2]), (y, fields[3])):
        if value is None:
            result.problems.append(Problem(number, parcel.number, tr("bad number {value}").format(value=text)))
            return None
    return Point(fields[0], int(ring), x, y, number)


def _close(parcel: Optional[Parcel], result: CoordinateFile):
    """Check a finished parcel; problems go to the result. Returns None (no open parcel)."""
    if parcel is None:
        return None
    result.problems.extend(parcel_problems(parcel))
    return None
