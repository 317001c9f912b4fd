"""A GeoPackage layer's R-tree filled packed, in one pass, instead of one SQLite insert per row.

SQLite's R*Tree takes about 6–10 µs to insert a row one by one (GDAL before 3.7 builds a
GeoPackage's index that way), which on 300,000 conflict pieces cost more than writing them. A
packed tree (sort-tile-recursive: boxes sorted into slices by x, each slice by y, filled node by
node, then the same one level up) is written straight into the R-tree's own tables — what GDAL
3.7 does too. The index is made by GDAL on the empty layer first, so its triggers and the
GeoPackage's extension row are GDAL's own; only the rows' entries are filled here, and
``rtreecheck`` holds the result valid in the tests.

Node format (SQLite's ``rtree.c``): a node is a blob of the tree's node size; bytes 0–1 hold the
tree's depth (root only), 2–3 the cell count, then cells of an 8-byte id and four 4-byte floats
(minx, maxx, miny, maxy), all big-endian; floats rounded outward so each box holds its feature's.
"""

import math

import numpy as np

CELL_BYTES = 8 + 4 * 4  # id + two dimensions × (min, max) as float32


def fill(database, rtree: str, ids: np.ndarray, boxes: np.ndarray) -> None:
    """Fill the empty R-tree ``rtree`` (``CREATE VIRTUAL TABLE … USING rtree(id, minx, maxx, miny,
    maxy)``) with ``ids`` and their ``boxes`` (n × 4: minx, miny, maxx, maxy), in ``database``'s
    open transaction. ``rtree`` must be a plain identifier (the caller's own name)."""
    node_size = len(database.execute(f'SELECT data FROM "{rtree}_node" WHERE nodeno = 1').fetchone()[0])  # nosec B608
    capacity = (node_size - 4) // CELL_BYTES
    nodes, parents, leaves = pack(np.asarray(ids, dtype=np.int64), _float32_outward(boxes), capacity, node_size)
    database.execute(f'DELETE FROM "{rtree}_node"')  # nosec B608 - the root GDAL made, empty
    database.executemany(f'INSERT INTO "{rtree}_node" (nodeno, data) VALUES (?, ?)', nodes)  # nosec B608
    database.executemany(f'INSERT INTO "{rtree}_parent" (nodeno, parentnode) VALUES (?, ?)', parents)  # nosec B608
    database.executemany(f'INSERT INTO "{rtree}_rowid" (rowid, nodeno) VALUES (?, ?)', leaves)  # nosec B608


def pack(ids: np.ndarray, boxes: np.ndarray, capacity: int, node_size: int):
    """(node rows, parent rows, leaf rows) of a packed tree; the root is node 1."""
    levels = [_level(ids, boxes, capacity)]  # each: (children groups as index arrays, sorted ids, sorted boxes)
    while len(levels[-1][0]) > 1:
        groups, _, level_boxes = levels[-1]
        parent_boxes = np.array([_union(level_boxes[g]) for g in groups])
        levels.append(_level(np.arange(len(groups), dtype=np.int64), parent_boxes, capacity))
    numbers = _numbering(levels)
    depth = len(levels) - 1
    nodes, parents, leaves = [], [], []
    for height, (groups, level_ids, level_boxes) in enumerate(levels):
        below = numbers[height - 1] if height else None
        for position, group in enumerate(groups):
            number = int(numbers[height][position])
            children = level_ids[group] if below is None else below[level_ids[group]]
            nodes.append((number, _node(children, level_boxes[group], depth if number == 1 else 0, node_size)))
            if below is None:
                leaves.extend((int(i), number) for i in children)
            else:
                parents.extend((int(c), number) for c in children)
    return nodes, parents, leaves


def _level(ids: np.ndarray, boxes: np.ndarray, capacity: int):
    """Sort-tile-recursive order of one level; groups of at most ``capacity`` positions into it."""
    count = len(ids)
    if count == 0:
        return [np.zeros(0, dtype=np.int64)], ids, boxes
    nodes = math.ceil(count / capacity)
    per_slice = capacity * math.ceil(math.sqrt(nodes))
    centres_x, centres_y = boxes[:, 0] + boxes[:, 1], boxes[:, 2] + boxes[:, 3]
    order = np.argsort(centres_x, kind="stable")
    slices = [order[start : start + per_slice] for start in range(0, count, per_slice)]
    order = np.concatenate([s[np.argsort(centres_y[s], kind="stable")] for s in slices])
    ids, boxes = ids[order], boxes[order]
    groups = [np.arange(start, min(start + capacity, count)) for start in range(0, count, capacity)]
    return groups, ids, boxes


def _numbering(levels) -> list:
    """Node numbers per level: the root 1, then downwards level by level."""
    numbers, next_number = [None] * len(levels), 1
    for height in range(len(levels) - 1, -1, -1):
        count = len(levels[height][0])
        numbers[height] = np.arange(next_number, next_number + count, dtype=np.int64)
        next_number += count
    return numbers


def _union(boxes: np.ndarray) -> np.ndarray:
    return np.array([boxes[:, 0].min(), boxes[:, 1].max(), boxes[:, 2].min(), boxes[:, 3].max()], dtype=np.float32)


def _node(ids: np.ndarray, boxes: np.ndarray, depth: int, node_size: int) -> bytes:
    cells = np.zeros(len(ids), dtype=[("id", ">i8"), ("box", ">f4", 4)])
    cells["id"], cells["box"] = ids, boxes
    head = int(depth).to_bytes(2, "big") + len(ids).to_bytes(2, "big")
    body = head + cells.tobytes()
    return body + bytes(node_size - len(body))


def _float32_outward(boxes: np.ndarray) -> np.ndarray:
    """(minx, miny, maxx, maxy) doubles as (minx, maxx, miny, maxy) float32 that contain them."""
    boxes = np.asarray(boxes, dtype=np.float64)
    lows, highs = boxes[:, [0, 1]], boxes[:, [2, 3]]
    low32, high32 = lows.astype(np.float32), highs.astype(np.float32)
    low32 = np.where(low32 > lows, np.nextafter(low32, np.float32(-np.inf)), low32)
    high32 = np.where(high32 < highs, np.nextafter(high32, np.float32(np.inf)), high32)
    return np.stack([low32[:, 0], high32[:, 0], low32[:, 1], high32[:, 1]], axis=1)
