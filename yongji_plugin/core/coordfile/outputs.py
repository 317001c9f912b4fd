"""An import's problems as a table (file, line, parcel, level, the message, whether the parcel was
left out), the same rows from a coordinate file and from a DXF drawing."""

from qgis.core import QgsVectorLayer

from ...i18n import tr
from ..shared.output_fields import OutputField, add_rows, memory_layer
from .model import ERROR


def problem_specs() -> list[OutputField]:
    return [
        OutputField("file", "string", tr("File")),
        OutputField("line", "int", tr("Line")),
        OutputField("parcel", "string", tr("Parcel")),
        OutputField("level", "string", tr("Level")),
        OutputField("problem", "string", tr("Problem")),
        OutputField("fatal", "bool", tr("Parcel left out")),
    ]


def left_out(problem, rows) -> bool:
    """Did a DXF problem keep its shape out: a shape not imported, an open polyline, an error."""
    if problem.index is not None:
        return not rows[problem.index].imported
    return bool(problem.parcel) or problem.level == ERROR


def problem_layer(result, drawing: bool) -> QgsVectorLayer:
    """``drawing``: the result of a DXF import (a problem's shape was left out, or not, by the rows)."""
    layer = memory_layer(tr("Problems"), "None", None, problem_specs())
    add_rows(
        layer,
        [
            (
                {
                    "file": p.file,
                    "line": p.line,
                    "parcel": p.parcel,
                    "level": p.level,
                    "problem": p.reason,
                    "fatal": left_out(p, result.rows) if drawing else p.fatal,
                },
                None,
            )
            for p in result.problems
        ],
    )
    return layer
