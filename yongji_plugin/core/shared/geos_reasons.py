"""GEOS's validity reasons (English, from the library) in the user's language.

GEOS reports why a geometry is invalid in fixed English phrases; reports and layers that a
reviewer signs must read Chinese, so each phrase is looked up here. Unknown phrases (a newer
GEOS) pass through unchanged rather than being guessed at.
"""

from ...i18n import tr


def _table() -> dict[str, str]:
    # built on each call so the translation follows a locale switched at run time
    # the source strings are GEOS's own phrases, so in English the table is the identity
    return {
        "Topology Validation Error": tr("Topology Validation Error"),
        "Repeated Point": tr("Repeated Point"),
        "Hole lies outside shell": tr("Hole lies outside shell"),
        "Holes are nested": tr("Holes are nested"),
        "Nested holes": tr("Nested holes"),
        "Interior is disconnected": tr("Interior is disconnected"),
        "Self-intersection": tr("Self-intersection"),
        "Ring Self-intersection": tr("Ring Self-intersection"),
        "Nested shells": tr("Nested shells"),
        "Duplicate Rings": tr("Duplicate Rings"),
        "Too few distinct points in geometry component": tr("Too few distinct points in geometry component"),
        "Too few points in geometry component": tr("Too few points in geometry component"),
        "Invalid Coordinate": tr("Invalid Coordinate"),
        "Ring is not closed": tr("Ring is not closed"),
    }


def geos_reason(raw: str) -> str:
    """The translated reason for a GEOS validity message (which may carry a location after it)."""
    text = (raw or "").strip()
    table = _table()
    for phrase in sorted(table, key=len, reverse=True):
        if text.lower().startswith(phrase.lower()):
            return table[phrase]
    return text


def geos_reason_with_source(raw: str) -> str:
    """The translated reason followed by GEOS's own words when they differ: 自相交（Self-intersection）."""
    translated = geos_reason(raw)
    text = (raw or "").strip()
    return translated if translated == text else tr("{reason} ({geos})").format(reason=translated, geos=text)
