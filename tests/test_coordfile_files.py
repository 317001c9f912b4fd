"""Coordinate files as other bureau tools write them and as hostile input (issue #11 item 6).

Every case either stops with a clear message naming the file, imports as the file means it, or
leaves out only the bad parcel with an error naming its line. Areas are checked against shapely.
"""

import codecs

import pytest
from shapely.geometry import Polygon

from coordfile_cases import HEADER_LINES, ZONE_LINE, file_text, line_of, parcel_lines, square
from test_coordfile import write
from yongji_plugin.core.coordfile.importer import import_files
from yongji_plugin.core.coordfile.parser import parse_text
from yongji_plugin.core.coordfile.writer import format_file
from yongji_plugin.core.shared.errors import PlanError

GOOD = parcel_lines("YJ-100", [square(3862000, 443000, 100)], area="1.0000")


def imported(result):
    return sorted(f["DKBH"] for f in result.layer.getFeatures())


def errors_of(result, parcel):
    return [p for p in result.problems if p.parcel == parcel and p.fatal]


EMPTY = {
    "empty.txt": ("", "empty"),
    "blank.txt": ("\r\n   \r\n\t\r\n", "empty"),
    "header_only.txt": ("\r\n".join(HEADER_LINES) + "\r\n", "no parcel"),
    "no_parcel.txt": (file_text(), "no parcel"),
}


@pytest.mark.parametrize("name", EMPTY)
def test_an_empty_file_or_one_without_a_parcel_is_an_error(tmp_path, name):
    text, says = EMPTY[name]
    with pytest.raises(PlanError, match=says) as error:
        import_files([write(tmp_path, text, name)])
    assert name in str(error.value)


ENCODED = {
    "UTF-16 LE with BOM": codecs.BOM_UTF16_LE + file_text(GOOD).encode("utf-16-le"),
    "UTF-16 BE with BOM": codecs.BOM_UTF16_BE + file_text(GOOD).encode("utf-16-be"),
    "UTF-16 LE without BOM": file_text(GOOD).encode("utf-16-le"),
    "UTF-32": file_text(GOOD).encode("utf-32"),
    "a Latin-1 name in GBK text": file_text(parcel_lines("YJ-100", [square(3862000, 443000, 100)], name="Cafe@@"))
    .encode("gbk")
    .replace(b"Cafe@@", "Café".encode("latin-1")),
}


@pytest.mark.parametrize("label", ENCODED)
def test_an_encoding_neither_utf8_nor_gbk_is_an_error(tmp_path, label):
    path = tmp_path / "encoded.txt"
    path.write_bytes(ENCODED[label])
    with pytest.raises(PlanError, match="neither UTF-8 nor GBK") as error:
        import_files([path])
    assert "encoded.txt" in str(error.value), label


def test_gb18030_only_characters_and_gbk_crlf_import(tmp_path):
    text = file_text(parcel_lines("YJ-100", [square(3862000, 443000, 100)], area="1.0000", name="𠀀地块"))
    result = import_files([write(tmp_path, text, encoding="gb18030")])
    assert [f["DKMC"] for f in result.layer.getFeatures()] == ["𠀀地块"]
    assert not [p for p in result.problems if p.fatal]


def test_a_zone_prefix_disagreeing_with_the_header_warns_naming_the_line(tmp_path):
    header = ["带号=38" if line == "带号=37" else line for line in HEADER_LINES]
    text = file_text(GOOD, header=header)
    result = import_files([write(tmp_path, text)])
    assert result.layer.crs().authid() == "EPSG:4525"  # the coordinates' own zone 37 wins
    assert imported(result) == ["YJ-100"]
    warnings = [p for p in result.problems if "带号" in p.reason]
    assert len(warnings) == 1 and not warnings[0].fatal
    first_point = line_of(text, "J1,1,")
    assert warnings[0].line == first_point
    assert "37" in warnings[0].reason and "38" in warnings[0].reason and str(ZONE_LINE) in warnings[0].reason


def test_coordinates_outside_any_plausible_gauss_kruger_range_are_rejected(tmp_path):
    far_north = parcel_lines("NORTH", [[(3862000, 443000), (3862000, 443100), (13862100, 443100), (3862100, 443000)]])
    far_east = parcel_lines("EAST", [square(3862000, 843000, 100)])  # 343 km from the 111°E meridian
    no_prefix = parcel_lines("PLAIN", [square(3862000, 443000, 100)], prefix=0.0)
    swapped = ["5,,SWAP,对调,面,,,,@"] + [
        f"J{i},1,{37_000_000 + e:.3f},{n:.3f}"
        for i, (n, e) in enumerate(square(3862000, 443000, 100) + [(3862000, 443000)], 1)
    ]
    text = file_text(GOOD, far_north, far_east, no_prefix, swapped)
    result = import_files([write(tmp_path, text)])
    assert result.layer.crs().authid() == "EPSG:4525"
    assert imported(result) == ["YJ-100"]
    expected_lines = {
        "NORTH": line_of(text, ",13862100.000,"),
        "EAST": line_of(text, "J1,1,3862000.000,37843000"),
        "PLAIN": line_of(text, ",443000.000", line_of(text, "PLAIN")),
        "SWAP": line_of(text, "J1,1,37443000.000"),
    }
    for parcel, line in expected_lines.items():
        errors = errors_of(result, parcel)
        assert [e.line for e in errors] == [line], (parcel, errors)
        assert "Gauss-Krüger" in errors[0].reason
    assert "swapped" in errors_of(result, "SWAP")[0].reason


def test_plain_eastings_outside_the_zone_are_rejected(tmp_path):
    text = file_text(
        parcel_lines("IN", [square(3862000, 443000, 100)], prefix=0.0),
        parcel_lines("OUT", [square(3862000, 950000, 100)], prefix=0.0),
    )
    result = import_files([write(tmp_path, text)])
    assert result.layer.crs().authid() == "EPSG:4546"
    assert imported(result) == ["IN"]
    assert errors_of(result, "OUT")[0].line == line_of(text, "950000.000")


def test_a_trailing_comma_after_the_at_sign_is_accepted(tmp_path):
    lines = list(GOOD)
    lines[0] += ","
    result = import_files([write(tmp_path, file_text(lines))])
    assert imported(result) == ["YJ-100"] and result.problems == []


def test_duplicate_parcel_numbers_are_reported_and_only_the_bad_one_left_out(tmp_path):
    first = parcel_lines("YJ-001", [square(3862000, 443000, 100)], area="1.0000")
    broken = parcel_lines("YJ-001", [square(3862500, 443000, 100)], area="1.0000")[:-1]  # ring left open
    third = parcel_lines("YJ-003", [square(3863000, 443000, 100)], area="1.0000")
    text = file_text(first, broken, third)
    result = import_files([write(tmp_path, text)])
    assert imported(result) == ["YJ-001", "YJ-003"]
    assert [(r.number, r.imported) for r in result.rows] == [("YJ-001", True), ("YJ-001", False), ("YJ-003", True)]
    assert result.rows[0].problems == [] and result.rows[1].problems
    second_line = line_of(text, "YJ-001", line_of(text, "YJ-001") + 1)
    duplicates = [p for p in result.problems if "YJ-001" in p.reason and not p.fatal]
    assert [p.line for p in duplicates] == [second_line]
    assert str(line_of(text, "YJ-001")) in duplicates[0].reason


def _variant(name):
    """(text, encoding) of one local variant of a single 100 m square parcel (1 ha)."""
    base = dict(area="1.0000", attributes=["面", "", "城镇住宅用地", "0701"], header=HEADER_LINES)
    if name == "9 attributes":
        base["attributes"] = base["attributes"] + ["备注"]
    elif name == "12 attributes":
        base["attributes"] = base["attributes"] + ["JSYD", "2021", "永济市", ""]
    elif name == "area in 公顷":
        base["area"] = "1.0000公顷"
    elif name == "short header":
        base["header"] = ["[属性描述]", "分带=3度带", "带号="]
    elif name == "no header section":
        base["header"] = []
    elif name == "leading space before the section":
        base["header"] = [" [属性描述]"] + HEADER_LINES[1:]
    lines = parcel_lines("YJ-100", [square(3862000, 443000, 100)], area=base["area"], attributes=base["attributes"])
    if name == "point names without J":
        lines = [lines[0]] + [line[1:] for line in lines[1:]]
    elif name == "spaces after commas":
        lines = [line.replace(",", ", ") for line in lines]
    elif name == "界址点数 omits the closing point":
        lines[0] = "4" + lines[0][1:]
    return file_text(lines, header=base["header"])


VARIANTS = [
    "9 attributes",
    "12 attributes",
    "area in 公顷",
    "point names without J",
    "spaces after commas",
    "short header",
    "no header section",
    "leading space before the section",
    "界址点数 omits the closing point",
]


@pytest.mark.parametrize("name", VARIANTS)
def test_local_variants_import_as_other_tools_write_them(tmp_path, name):
    text = _variant(name)
    result = import_files([write(tmp_path, text, encoding="gbk")])
    assert imported(result) == ["YJ-100"], result.problems
    assert not [p for p in result.problems if p.fatal]
    feature = next(result.layer.getFeatures())
    expected = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)]).area
    assert feature["JSMJ_M2"] == pytest.approx(expected, abs=1e-6)
    assert feature["BSMJ_HA"] == pytest.approx(1.0)
    notes = [p for p in result.problems if p.level == "note"]
    if name == "界址点数 omits the closing point":
        assert [p.line for p in notes] == [line_of(text, "YJ-100")]
    else:
        assert result.problems == []


@pytest.mark.parametrize("name", ["9 attributes", "12 attributes"])
def test_extra_attributes_round_trip(name):
    text = _variant(name)
    assert format_file(parse_text(text)) == text


def test_counts_omitting_every_rings_closing_point_are_a_note_other_mismatches_an_error(tmp_path):
    rings = [square(3862000, 443000, 200), square(3862050, 443050, 50)]
    omits = parcel_lines("OMITS", rings, count=8)  # 10 points listed, 2 closing points
    wrong = parcel_lines("WRONG", [square(3863000, 443000, 100)], count=7)  # 5 listed
    text = file_text(omits, wrong)
    result = import_files([write(tmp_path, text)])
    assert imported(result) == ["OMITS"]
    assert [(p.level, p.line) for p in result.problems if p.parcel == "OMITS"] == [("note", line_of(text, "OMITS"))]
    assert [p.line for p in errors_of(result, "WRONG")] == [line_of(text, "WRONG")]


def test_a_zone_outside_china_names_the_file(tmp_path):
    six_in_three = file_text(parcel_lines("SIX", [square(3862000, 443000, 100)], prefix=19_000_000.0))
    with pytest.raises(PlanError, match="zone19.txt: Zone 19 of a 3-degree"):
        import_files([write(tmp_path, six_in_three, "zone19.txt")])
    no_zone = file_text(
        parcel_lines("SWAPPED", [[(e + 37_000_000, n) for n, e in square(3862000, 443000, 100)]], prefix=0.0)
    )
    with pytest.raises(PlanError, match="swapped.txt line 13: the easting's zone prefix 3 is no CGCS2000 zone"):
        import_files([write(tmp_path, no_zone, "swapped.txt")])


def test_the_zone_width_follows_the_zone_when_the_header_omits_it(tmp_path):
    text = file_text(parcel_lines("SIX", [square(3862000, 443000, 100)], prefix=19_000_000.0), header=["[属性描述]"])
    assert import_files([write(tmp_path, text)]).layer.crs().authid() == "EPSG:4497"
