"""Coordinate-file texts for the tests, written out point by point so every line number is known.

Builders, not fixtures: each returns plain text; tests write it with ``test_coordfile.write``.
"""

HEADER_LINES = [
    "[属性描述]",
    "格式版本号=1.01版本",
    "数据产生单位=永济市自然资源局",
    "坐标系=2000国家大地坐标系",
    "几度分带=3",
    "投影类型=高斯克吕格",
    "计量单位=米",
    "带号=37",
    "精度=0.001",
    "转换参数=,,,,,,",
]
ZONE_LINE = 8  # line of 带号=37 in HEADER_LINES


def ring_lines(ring, corners, prefix=37_000_000.0, first=1, names="J{}"):
    """Point lines of one closed ring; ``corners`` are (northing, easting) without the zone prefix."""
    lines = [f"{names.format(first + i)},{ring},{n:.3f},{e + prefix:.3f}" for i, (n, e) in enumerate(corners)]
    return lines + [lines[0]]


def square(north, east, size):
    return [(north, east), (north, east + size), (north + size, east + size), (north + size, east)]


def parcel_lines(number, rings, area="", count=None, name="地块", attributes=None, prefix=37_000_000.0):
    """An attribute line and the rings' point lines; ``rings`` lists corner lists, ring 1 first."""
    points, first = [], 1
    for ring, corners in enumerate(rings, start=1):
        points += ring_lines(ring, corners, prefix, first)
        first += len(corners)
    attributes = attributes if attributes is not None else ["面", "", "城镇住宅用地", "0701"]
    count = len(points) if count is None else count
    return [",".join([str(count), str(area), number, name] + attributes + ["@"])] + points


def file_text(*parcels, header=None, eol="\r\n"):
    """Header, [地块坐标] and the parcels (each a list of lines), joined with ``eol``."""
    lines = list(HEADER_LINES if header is None else header) + ["[地块坐标]"]
    for parcel in parcels:
        lines += parcel
    return eol.join(lines) + eol


def line_of(text, fragment, start=1):
    """1-based number of the first line at or after ``start`` containing ``fragment``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= start and fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")
