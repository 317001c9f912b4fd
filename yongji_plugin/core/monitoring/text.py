"""Small text helpers of the monitoring: ids, years and attribute values as text."""

import re
from typing import Optional

ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def text(value) -> Optional[str]:
    """An attribute as trimmed text; None for NULL and blanks."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def year_in_name(name: str) -> Optional[int]:
    """The one four-digit year (19xx/20xx) a layer's name holds (DLTB_2022), else None."""
    found = set(YEAR_IN_NAME.findall(name or ""))
    return int(found.pop()) if len(found) == 1 else None
