"""Every ring is validated before a parcel is imported (issue #11 item 6).

A ring crossing itself, a hole crossing or lying outside its shell and an island inside a hole each
get their own message naming the parcel and the line; the parcel is left out, the others imported,
and every imported geometry is valid by shapely's (GEOS's) own judgement, read from the layer's WKB.
"""

import pytest
from shapely import wkb

from coordfile_cases import file_text, line_of, parcel_lines, square
from test_coordfile import CANONICAL, write
from yongji_plugin.core.coordfile.importer import import_files

SHELL = square(3862000, 443000, 200)
GOOD = parcel_lines("GOOD", [square(3870000, 443000, 100)])


def run(tmp_path, *parcels):
    text = file_text(GOOD, *parcels)
    result = import_files([write(tmp_path, text)])
    names = sorted(f["DKBH"] for f in result.layer.getFeatures())
    for feature in result.layer.getFeatures():
        shape = wkb.loads(bytes(feature.geometry().asWkb()))
        assert shape.is_valid, (feature["DKBH"], shape.wkt)
    return text, result, names


def only_error(result, parcel):
    errors = [p for p in result.problems if p.parcel == parcel and p.fatal]
    assert len(errors) == 1, [p.reason for p in result.problems]
    return errors[0]


def test_a_ring_crossing_itself_is_an_error_at_the_crossing_segment(tmp_path):
    bowtie = [(3862000, 443000), (3862000, 443100), (3862100, 443000), (3862100, 443100)]
    text, result, names = run(tmp_path, parcel_lines("BOWTIE", [bowtie]))
    assert names == ["GOOD"]
    error = only_error(result, "BOWTIE")
    assert error.line == line_of(text, "J2,1,", line_of(text, "BOWTIE"))  # J2→J3 crosses J4→J1
    assert "ring 1" in error.reason and "crosses itself" in error.reason


def test_a_hole_crossing_its_shell_is_an_error(tmp_path):
    crossing = [(3862050, 443050), (3862050, 443100), (3862250, 443100), (3862250, 443050)]
    text, result, names = run(tmp_path, parcel_lines("CROSS", [SHELL, crossing]))
    assert names == ["GOOD"]
    error = only_error(result, "CROSS")
    assert error.line == line_of(text, "J6,2,")  # J6→J7 leaves the shell
    assert "ring 2" in error.reason and "crosses" in error.reason and "ring 1" in error.reason


def test_a_hole_outside_its_shell_is_an_error(tmp_path):
    inner_first = [square(3862050, 443050, 100), SHELL]  # ring 2 encloses the outer ring 1
    text, result, names = run(tmp_path, parcel_lines("OUTSIDE", inner_first))
    assert names == ["GOOD"]
    error = only_error(result, "OUTSIDE")
    assert error.line == line_of(text, "J5,2,")
    assert "ring 2" in error.reason and "outside" in error.reason and "ring 1" in error.reason


def test_an_island_in_a_hole_is_an_error(tmp_path):
    rings = [SHELL, square(3862050, 443050, 100), square(3862080, 443080, 40)]
    text, result, names = run(tmp_path, parcel_lines("ISLAND", rings))
    assert names == ["GOOD"]
    error = only_error(result, "ISLAND")
    assert error.line == line_of(text, "J9,3,")
    assert "ring 3" in error.reason and "inside hole ring 2" in error.reason


def test_overlapping_holes_and_overlapping_parts_are_errors(tmp_path):
    holes = [SHELL, square(3862020, 443020, 80), square(3862060, 443060, 80)]
    parts = [square(3863000, 443000, 100), square(3863050, 443050, 100)]
    text, result, names = run(tmp_path, parcel_lines("HOLES", holes), parcel_lines("PARTS", parts))
    assert names == ["GOOD"]
    holes_error, parts_error = only_error(result, "HOLES"), only_error(result, "PARTS")
    assert "ring 3" in holes_error.reason and "ring 2" in holes_error.reason
    assert "ring 2" in parts_error.reason and "ring 1" in parts_error.reason
    assert holes_error.line > line_of(text, "HOLES") and parts_error.line > line_of(text, "PARTS")


def test_a_flat_ring_and_a_repeated_ring_are_errors(tmp_path):
    flat = [(3862000, 443000), (3862000, 443100), (3862000, 443200)]
    text, result, names = run(tmp_path, parcel_lines("FLAT", [flat]), parcel_lines("TWICE", [SHELL, SHELL]))
    assert names == ["GOOD"]
    assert "encloses no area" in only_error(result, "FLAT").reason
    twice = only_error(result, "TWICE")
    assert "ring 2 repeats ring 1" in twice.reason and twice.line == line_of(text, "J5,2,")
    assert twice.text.startswith(f"parcels.txt line {twice.line}, parcel TWICE: error: ")


def test_parts_sharing_an_edge_are_an_error_not_an_invalid_feature(tmp_path):
    parts = [square(3863000, 443000, 100), square(3863000, 443100, 100)]
    text, result, names = run(tmp_path, parcel_lines("EDGE", parts))
    assert names == ["GOOD"]
    assert only_error(result, "EDGE").line > line_of(text, "EDGE")


def test_a_ring_number_coming_back_is_an_error(tmp_path):
    lines = parcel_lines("SPLIT", [SHELL, square(3862050, 443050, 50)])
    lines = lines[:3] + lines[6:] + lines[3:6]  # ring 1 interrupted by ring 2
    text, result, names = run(tmp_path, lines)
    assert names == ["GOOD"]
    assert "ring 1" in only_error(result, "SPLIT").reason


def test_valid_holes_parts_and_a_hole_touching_its_shell_import(tmp_path):
    touching = [(3862000, 443000), (3862050, 443050), (3862100, 443050), (3862100, 443020)]
    text, result, names = run(tmp_path, parcel_lines("TOUCH", [SHELL, touching]))
    assert names == ["GOOD", "TOUCH"]
    assert not [p for p in result.problems if p.fatal]
    feature = next(f for f in result.layer.getFeatures() if f["DKBH"] == "TOUCH")
    shape = wkb.loads(bytes(feature.geometry().asWkb()))
    assert len(shape.geoms) == 1 and len(shape.geoms[0].interiors) == 1
    assert feature["JSMJ_M2"] == pytest.approx(shape.area, abs=1e-6)
    canonical = import_files([write(tmp_path, CANONICAL, "canonical.txt")])
    assert canonical.layer.featureCount() == 2 and not canonical.problems
