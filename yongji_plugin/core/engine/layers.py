"""What the engine is asked to overlay: a layer, optionally filtered, and the fields wanted from it.

Validated once, up front, so every backend refuses the same bad input with the same message.
"""

from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsExpression

from ...i18n import tr
from ..shared.errors import PlanError


@dataclass(frozen=True)
class ControlLayer:
    """A polygon layer read by the engine; ``fields`` are the attributes callers may ask for."""

    layer: object  # QgsVectorLayer
    name: str
    filter: Optional[str] = None
    fields: tuple[str, ...] = ()

    def __post_init__(self):
        # a field named twice (a key that is also the class field) is read once: backends index
        # the attributes they return by position in this tuple
        object.__setattr__(self, "fields", tuple(dict.fromkeys(self.fields)))

    def validate(self) -> "ControlLayer":
        if not self.layer.crs().isValid():
            raise PlanError(tr("Control layer {name} has no CRS").format(name=self.name))
        missing = [f for f in self.fields if self.layer.fields().lookupField(f) < 0]
        if missing:
            raise PlanError(
                tr("Control layer {name} lacks field {field}").format(name=self.name, field=", ".join(missing))
            )
        if self.filter and QgsExpression(self.filter).hasParserError():
            raise PlanError(tr("Rule filter {expr} is not a valid expression").format(expr=self.filter))
        return self

    @property
    def key(self) -> tuple:
        """Identifies the features read (same layer and filter: same features)."""
        return (self.layer.id(), self.filter or "")
