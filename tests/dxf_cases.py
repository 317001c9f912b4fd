"""A small DXF (AutoCAD 2000, ASCII) writer for the CAD red-line tests: tags written by hand, as the
format defines them, so every handle, layer and coordinate is the test's own (GDAL's DXF writer
picks its own handles and writes polygons as hatches)."""


def tags(*pairs) -> str:
    return "".join(f"{code:>3}\n{value}\n" for code, value in pairs)


def lwpolyline(handle, layer, points, closed=True, bulges=None) -> str:
    """``bulges``: {vertex index: bulge} for arc segments (1 = a half circle to the left of the way)."""
    pairs = [
        (0, "LWPOLYLINE"),
        (5, handle),
        (100, "AcDbEntity"),
        (8, layer),
        (100, "AcDbPolyline"),
        (90, len(points)),
        (70, 1 if closed else 0),
    ]
    for index, (x, y) in enumerate(points):
        pairs += [(10, x), (20, y)] + ([(42, bulges[index])] if bulges and index in bulges else [])
    return tags(*pairs)


def line(handle, layer, start, end) -> str:
    return tags(
        (0, "LINE"),
        (5, handle),
        (100, "AcDbEntity"),
        (8, layer),
        (100, "AcDbLine"),
        (10, start[0]),
        (20, start[1]),
        (30, 0),
        (11, end[0]),
        (21, end[1]),
        (31, 0),
    )


def hatch(handle, layer, loops) -> str:
    """A solid hatch whose boundary paths are polylines: the first the outer one, the others islands."""
    pairs = [
        (0, "HATCH"),
        (5, handle),
        (100, "AcDbEntity"),
        (8, layer),
        (100, "AcDbHatch"),
        (10, 0),
        (20, 0),
        (30, 0),
        (210, 0),
        (220, 0),
        (230, 1),
        (2, "SOLID"),
        (70, 1),
        (71, 0),
        (91, len(loops)),
    ]
    for number, loop in enumerate(loops):
        pairs += [(92, 2 | (1 if number == 0 else 16)), (72, 0), (73, 1), (93, len(loop))]
        for x, y in loop:
            pairs += [(10, x), (20, y)]
        pairs += [(97, 0)]
    return tags(*pairs, (75, 1), (76, 1), (98, 0))


def insert(handle, layer, block, x, y) -> str:
    return tags(
        (0, "INSERT"),
        (5, handle),
        (100, "AcDbEntity"),
        (8, layer),
        (100, "AcDbBlockReference"),
        (2, block),
        (10, x),
        (20, y),
        (30, 0),
    )


def block(name, *entities) -> str:
    return (
        tags((0, "BLOCK"), (8, "0"), (2, name), (70, 0), (10, 0), (20, 0), (30, 0), (3, name))
        + "".join(entities)
        + tags((0, "ENDBLK"))
    )


def drawing(*entities, blocks=(), codepage="ANSI_936") -> str:
    """A whole drawing: header (version, code page), blocks, entities."""
    header = tags(
        (0, "SECTION"), (2, "HEADER"), (9, "$ACADVER"), (1, "AC1015"), (9, "$DWGCODEPAGE"), (3, codepage), (0, "ENDSEC")
    )
    block_section = tags((0, "SECTION"), (2, "BLOCKS")) + "".join(blocks) + tags((0, "ENDSEC"))
    return (
        header
        + block_section
        + tags((0, "SECTION"), (2, "ENTITIES"))
        + "".join(entities)
        + tags((0, "ENDSEC"), (0, "EOF"))
    )


def write_dxf(folder, text, name="redline.dxf", encoding="gbk"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def entity_line(text: str, handle: str) -> int:
    """1-based line of the "0" tag opening the entity with ``handle``, counted in the text itself."""
    lines = text.splitlines()
    index = next(i for i in range(0, len(lines) - 1, 2) if lines[i].strip() == "5" and lines[i + 1] == handle)
    return max(i for i in range(0, index, 2) if lines[i].strip() == "0") + 1


def square(x, y, size):
    return [(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
