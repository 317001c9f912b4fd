"""What every report's frame says (``resources/templates/report_frame.html.j2``): the conclusion a
reviewer reads first and the block they sign. Each report passes ``frame=frame(conclusion, notes)``."""

from ...i18n import tr


def frame_labels() -> dict:
    return {
        "conclusion": tr("Conclusion"),
        "reviewed_by": tr("Reviewed by"),
        "verified_by": tr("Verified by"),
        "date": tr("Date"),
    }


def frame(conclusion: str, notes=()) -> dict:
    """The frame's context: its labels, the conclusion sentence and notes printed under it."""
    return {"labels": frame_labels(), "conclusion": conclusion, "notes": [n for n in notes if n]}
