"""田坎 deduction of 三调 parcels (地类图斑): what share of a parcel's area is 田坎, not 耕地.

三调 parcels carry it as KCXS (扣除系数), or as KCMJ (扣除面积) with TBMJ (图斑面积); 耕地 net of 田坎
is a piece's area × (1 − the share). It belongs to the 三调 data, so every capability that counts
耕地 (the site check's occupation, the monitoring's 耕地 balance) reads it here, the same way.
"""

import math
from typing import Optional

from ...i18n import tr
from ..shared.errors import PlanError

COEFFICIENT, DEDUCTED, PARCEL_AREA = "KCXS", "KCMJ", "TBMJ"


def _number(value) -> Optional[float]:
    """None for NULL; NaN (refused by the caller, naming the feature) for text that is no number,
    which raised a ValueError traceback from a text KCXS field."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan


def tiankan_share(
    values: dict,
    layer_name: str,
    fid,
    coefficient_field: str = COEFFICIENT,
    deducted_field: str = DEDUCTED,
    parcel_area_field: str = PARCEL_AREA,
) -> Optional[float]:
    """The parcel's 田坎 share (KCXS, else KCMJ / TBMJ); None when it carries neither; a value
    outside [0, 1) is an error naming the layer and feature (it would give a negative 耕地)."""
    k = _number(values.get(coefficient_field))
    if k is None:
        deducted, total = _number(values.get(deducted_field)), _number(values.get(parcel_area_field))
        k = deducted / total if deducted is not None and total else None
    if k is not None and not 0.0 <= k < 1.0:
        raise PlanError(
            tr(
                "Layer {layer}, feature {fid}: 田坎 coefficient {value} is not a fraction between 0 "
                "and 1 (KCXS, or KCMJ / TBMJ)"
            ).format(layer=layer_name, fid=fid, value=round(k, 6))
        )
    return k
