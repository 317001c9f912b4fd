"""界址点坐标交换文件: every problem of a parcel is named, a mistyped point is named as such, the
assumed zone is said, unclosed rings can be closed on request, and a file needs no extension."""

from pathlib import Path

import pytest
from shapely.geometry import Polygon

from coordfile_cases import HEADER_LINES, file_text, parcel_lines, square
from yongji_plugin.core.coordfile.importer import import_files
from yongji_plugin.core.coordfile.model import ERROR, WARNING

REAL = Path(__file__).resolve().parent / "data" / "kanyu"  # written by another tool (README there)


def _write(tmp_path, text, name="parcels.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _lines(text):
    return text.replace("\r\n", "\n").split("\n")


def test_one_problem_hides_no_other(tmp_path):
    """An out-of-range point, a wrong point count and a one-point ring in one parcel: all three,
    each on its own line (the first used to hide the others)."""
    lines = parcel_lines("A", [square(3850000, 500000, 100), square(3850020, 500020, 10)], count=99)
    lines[2] = lines[2].replace("3850000.000", "99850000.000")
    lines.append("J20,3,3850040.000,37500040.000")
    text = file_text(lines)
    result = import_files([_write(tmp_path, text)])
    found = {(p.line, p.level) for p in result.problems}
    numbered = _lines(text)
    assert found == {
        (numbered.index(lines[0]) + 1, ERROR),
        (numbered.index(lines[2]) + 1, ERROR),
        (numbered.index(lines[-1]) + 1, ERROR),
    }
    assert [r.imported for r in result.rows] == [False]


def test_a_mistyped_northing_is_named_on_its_own_line(tmp_path):
    """One digit off in J2's northing crossed the ring: it was reported as a crossing on J1–J2."""
    lines = parcel_lines("D", [square(3850600, 500000, 100)])
    lines[2] = lines[2].replace("3850600.000", "3860600.000")
    text = file_text(lines)
    (problem,) = import_files([_write(tmp_path, text)]).problems
    assert problem.level == ERROR and problem.line == _lines(text).index(lines[2]) + 1
    assert "J2" in problem.reason and "mistyped" in problem.reason and "crosses" not in problem.reason


def test_a_stray_point_on_a_valid_ring_is_a_warning(tmp_path):
    corners = [(3850000, 500000), (3850000, 500100), (3850100, 500100), (3850100, 500050), (3850100, 500000)]
    corners[3] = (3851500, 500050)  # a long spike: valid, but far from everything else
    lines = parcel_lines("S", [corners])
    result = import_files([_write(tmp_path, file_text(lines))])
    (problem,) = result.problems
    assert problem.level == WARNING and "J4" in problem.reason
    assert result.rows[0].imported


def test_a_file_without_zone_says_which_it_assumed(tmp_path):
    header = [line for line in HEADER_LINES if not line.startswith("带号")]
    lines = parcel_lines("Z", [square(3850000, 500000, 100)], prefix=0.0)
    result = import_files([_write(tmp_path, file_text(lines, header=header))])
    assert result.crs == "EPSG:4546" and result.rows[0].imported
    (warning,) = result.problems
    assert warning.level == WARNING and "EPSG:4546" in warning.reason and "no 带号" in warning.reason


def test_unclosed_rings_are_refused_unless_closing_is_asked_for():
    """A real file another tool's tests write (its peer refuses it too)."""
    path = REAL / "unclosed_ring.txt"
    refused = import_files([path])
    assert not refused.features and any("not closed" in p.reason for p in refused.problems)
    closed = import_files([path], close_rings=True)
    (warning,) = [p for p in closed.problems if "closed by returning" in p.reason]
    assert warning.level == WARNING and len(closed.features) == 1
    expected = Polygon(
        [(39580000.0, 4100000.0), (39580010.0, 4100000.0), (39580010.0, 4100010.0), (39580000.0, 4100010.0)]
    ).area
    assert closed.rows[0].computed_ha * 1e4 == pytest.approx(expected, rel=1e-12)


def test_processing_reads_a_file_without_extension_and_closes_on_request(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback

    path = tmp_path / "JZD_2026"
    path.write_bytes((REAL / "unclosed_ring.txt").read_bytes())
    result = processing.run(
        "yongji:importcoordinates",
        {"INPUT": str(path), "MODE": 0, "CLOSE_RINGS": True, "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=QgsProcessingFeedback(),
    )
    assert result["OUTPUT"].featureCount() == 1
