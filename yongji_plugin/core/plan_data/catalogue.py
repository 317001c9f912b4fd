"""The layer catalogue: what a standard 一张图 holds, read from ``resources/catalogue.yaml``."""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...paths import resource
from ..shared.yaml_files import Shape, read_yaml
from .landuse_codes import classification

GEOMETRY_TYPES = ("polygon", "line", "point")
CATALOGUE_FILE = Shape(dict, {"crs": str, "groups": list, "layers": list}, required=("crs", "groups", "layers"))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool = True
    codes: Optional[str] = None
    area: bool = False


@dataclass(frozen=True)
class LayerSpec:
    code: str
    name: str
    name_en: str
    group: str
    geometry: str
    fields: tuple[FieldSpec, ...]
    style: dict
    labels: Optional[str] = None
    role: str = "reference"
    standard: str = "convention"
    single_part: bool = False
    coverage: bool = False
    visible: bool = True
    key: tuple[str, ...] = ()  # fields that identify a feature across versions of the plan
    key_basis: str = ""  # where the key comes from: confirmed-by-practice | convention
    classes: Optional[str] = None  # the field areas are counted by; default: the style's category

    def field(self, name: str) -> Optional[FieldSpec]:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def class_field(self) -> Optional[str]:
        """The field whose values are the layer's classes (规划分区 type, 地类, …), or None."""
        return self.classes or self.style.get("categorized")

    def class_names(self, catalogue: "Catalogue") -> dict[str, str]:
        """Names of the class codes: the class field's code table, else the style's."""
        spec = self.field(self.class_field) if self.class_field else None
        table = spec.codes if spec is not None and spec.codes else self.style.get("table")
        return catalogue.codes(table) if table and table in catalogue.code_tables else {}

    @property
    def area_field(self) -> Optional[FieldSpec]:
        return next((f for f in self.fields if f.area), None)


@dataclass(frozen=True)
class GroupSpec:
    id: str
    name: str
    name_en: str


@dataclass
class Catalogue:
    crs: str
    groups: list[GroupSpec]
    layers: list[LayerSpec]
    code_tables: dict[str, dict] = field(default_factory=dict)

    def layer(self, code: str) -> LayerSpec:
        for spec in self.layers:
            if spec.code == code:
                return spec
        raise KeyError(code)

    def group(self, group_id: str) -> GroupSpec:
        return next(g for g in self.groups if g.id == group_id)

    def layers_in(self, group_id: str) -> list[LayerSpec]:
        return [spec for spec in self.layers if spec.group == group_id]

    def codes(self, table: str) -> dict[str, str]:
        return dict(self.code_tables[table]["codes"])

    def match(self, name: str) -> Optional[LayerSpec]:
        """The spec a source layer name stands for (see :meth:`match_name`), or None."""
        matched = self.match_name(name)
        return matched[0] if matched else None

    def _spec_by_key(self, key: str) -> Optional[LayerSpec]:
        return next((s for s in self.layers if key in (s.code.lower(), s.name.lower())), None)

    def match_name(self, name: str) -> Optional[tuple[LayerSpec, bool]]:
        """(spec, exact) for a source layer name, or None.

        Exact: the name is a layer's code or its Chinese name, any case (``STBHHX``, ``生态保护红线``).
        Else one prefix and/or one suffix joined by ``_`` around a code or Chinese name, each one run
        of letters or digits without ``_`` (``GHSJ_STBHHX``, ``YJ_生态保护红线``, ``STBHHX_2035``,
        ``YJ_STBHHX_2035``), as vendors' databases name them. Where several readings fit, the
        longest code or name wins (``GHSJ_XZQ_XZ`` is XZQ_XZ, not XZQ with a suffix); two of equal
        length (``STBHHX_YJJBNT``) match nothing.
        """
        parts = name.strip().lower().split("_")
        exact = self._spec_by_key("_".join(parts))
        if exact is not None:
            return exact, True
        readings = []
        for start, end in ((1, len(parts)), (0, len(parts) - 1), (1, len(parts) - 1)):
            affixes = parts[:start] + parts[end:]
            spec = self._spec_by_key("_".join(parts[start:end])) if end > start else None
            if spec is not None and all(a.isalnum() for a in affixes):
                readings.append((end - start, spec))
        longest = max((length for length, _ in readings), default=0)
        best = {spec.code: spec for length, spec in readings if length == longest}
        return (next(iter(best.values())), False) if len(best) == 1 else None  # none, or ambiguous


def _layer(raw: dict) -> LayerSpec:
    fields = tuple(FieldSpec(**f) for f in raw.pop("fields", []))
    key = raw.pop("key", None) or ()
    raw["key"] = (key,) if isinstance(key, str) else tuple(key)
    if raw["geometry"] not in GEOMETRY_TYPES:
        raise ValueError(f"catalogue layer {raw['code']}: unknown geometry {raw['geometry']}")
    unknown = [
        name
        for name in raw["key"] + ((raw["classes"],) if raw.get("classes") else ())
        if name not in {f.name for f in fields}
    ]
    if unknown:
        raise ValueError(f"catalogue layer {raw['code']}: key or class field {unknown} is not a field")
    return LayerSpec(fields=fields, **raw)


def load_catalogue(path: Path = None, code_tables: Path = None) -> Catalogue:
    raw = read_yaml(Path(path or resource("catalogue.yaml")), CATALOGUE_FILE)
    tables = read_yaml(Path(code_tables or resource("code_tables.yaml")))
    tables = {**classification().code_tables(), **tables}  # 用地用海分类 from its own file
    return Catalogue(
        crs=raw["crs"],
        groups=[GroupSpec(**g) for g in raw["groups"]],
        layers=[_layer(dict(layer)) for layer in raw["layers"]],
        code_tables=tables,
    )


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return load_catalogue()
