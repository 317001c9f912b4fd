"""The one reader for every YAML file the plugin reads: its resources and the user's own files.

A rule set, catalogue or indicator file with a slip in it must not give a confident, wrong answer,
so the reader is stricter than YAML: a key written twice (YAML keeps the last one silently), any
explicit tag (``!!python/object`` and the like), aliases (a kilobyte of nested aliases can expand to
gigabytes: the "billion laughs"), nesting deeper than any plan file needs and files over a size
bound are each a ``PlanError`` naming the file, the line and the key. A caller states the top-level
shape it expects (``Shape``), so a list where a mapping belongs, or a key of the wrong type, is named
the same way instead of failing later with a traceback.

It is built on ``yaml.SafeLoader`` (only plain data is ever constructed).
"""

from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ...i18n import tr
from .errors import PlanError

MAX_BYTES = 2_000_000  # the largest plan file is ~15 kB; a user's file 100 times that is still far
MAX_DEPTH = 32  # mappings and lists inside each other; plan files use fewer than 8


def _type_names() -> dict[type, str]:
    return {
        dict: tr("a mapping"),
        list: tr("a list"),
        str: tr("text"),
        bool: tr("true or false"),
        int: tr("a whole number"),
        float: tr("a number"),
    }


class Shape:
    """The top level a caller expects: a mapping (with the types of some keys, and the keys it
    needs) or a list. ``types`` maps a key to a type or a tuple of types (``float`` admits whole
    numbers too; ``bool`` is never a number)."""

    def __init__(self, kind: type = dict, types: Optional[dict] = None, required: Iterable[str] = ()):
        self.kind, self.types, self.required = kind, dict(types or {}), tuple(required)


MAPPING = Shape(dict)
LIST = Shape(list)


def read_yaml(path, shape: Shape = MAPPING, what: str = "", max_bytes: int = MAX_BYTES):
    """The data in ``path`` as plain Python (an empty file is an empty mapping or list), or a
    PlanError naming the file (after ``what``, e.g. "Rule set"), the line and the key."""
    path = Path(path)
    label = f"{what} {path}".strip()
    text = _text(path, label, max_bytes)
    loader = _StrictLoader(text, label)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else shape.kind()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(filter(None, [error.context, error.problem]))
        raise PlanError(
            tr("{file} cannot be read: line {line}: {problem}").format(file=label, line=line, problem=problem)
        ) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise PlanError(tr("{file} cannot be read: {error}").format(file=label, error=error)) from None
    finally:
        loader.dispose()
    _check_shape(data, node, shape, label)
    return data


def _text(path: Path, label: str, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PlanError(
                tr("{file} cannot be read: it holds {size} bytes, more than the {limit} a plan file may hold").format(
                    file=label, size=size, limit=max_bytes
                )
            )
        return path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise PlanError(
            tr("{file} cannot be read: {error}").format(file=label, error=error.strerror or error)
        ) from None
    except UnicodeDecodeError as error:
        raise PlanError(
            tr("{file} cannot be read: it is not UTF-8 text (byte {offset})").format(file=label, offset=error.start)
        ) from None


def _refusal(label: str, mark, key: str, problem: str) -> PlanError:
    line = mark.line + 1 if mark is not None else 1
    if key:
        return PlanError(
            tr("{file}, line {line}, key {key}: {problem}").format(file=label, line=line, key=key, problem=problem)
        )
    return PlanError(tr("{file}, line {line}: {problem}").format(file=label, line=line, problem=problem))


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, explicit tags, repeated keys and deep nesting while it
    composes, so nothing is ever expanded or constructed from them."""

    def __init__(self, stream, label: str):
        super().__init__(stream)
        self._label, self._path = label, []

    def compose_node(self, parent, index):
        self._path.append(self._step(index))
        try:
            event = self.peek_event()
            key = self._key()
            if isinstance(event, AliasEvent):
                raise _refusal(
                    self._label,
                    event.start_mark,
                    key,
                    tr("aliases (*{name}) are not allowed").format(name=event.anchor),
                )
            if getattr(event, "tag", None) is not None:
                raise _refusal(
                    self._label, event.start_mark, key, tr("YAML tags ({tag}) are not allowed").format(tag=event.tag)
                )
            if len(self._path) > MAX_DEPTH:
                raise _refusal(
                    self._label,
                    event.start_mark,
                    key,
                    tr("nested more than {depth} levels deep").format(depth=MAX_DEPTH),
                )
            node = super().compose_node(parent, index)
            if isinstance(node, MappingNode):
                self._check_repeated(node)
            return node
        finally:
            self._path.pop()

    @staticmethod
    def _step(index) -> str:
        if isinstance(index, ScalarNode):
            return str(index.value)
        return f"[{index + 1}]" if isinstance(index, int) else ""

    def _key(self) -> str:
        return "".join(
            step if step.startswith("[") or not i else f".{step}" for i, step in enumerate(s for s in self._path if s)
        )

    def _check_repeated(self, node: MappingNode):
        seen = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, ScalarNode):
                continue
            if (key_node.tag, key_node.value) in seen:
                key = ".".join(filter(None, [self._key(), str(key_node.value)]))
                raise _refusal(self._label, key_node.start_mark, key, tr("the key is written twice"))
            seen.add((key_node.tag, key_node.value))


def _is(value, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types) or (float in types and isinstance(value, int))


def _check_shape(data, node, shape: Shape, label: str):
    names = _type_names()
    if not isinstance(data, shape.kind):
        raise _refusal(
            label,
            node.start_mark if node is not None else None,
            "",
            tr("the file must be {kind}").format(kind=names[shape.kind]),
        )
    if shape.kind is not dict:
        return
    marks = {
        key.value: (key.start_mark, value.start_mark)
        for key, value in (node.value if node else [])
        if isinstance(key, ScalarNode)
    }
    for key in shape.required:
        if key not in data:
            raise _refusal(label, node.start_mark if node is not None else None, key, tr("the key is missing"))
    for key, types in shape.types.items():
        types = types if isinstance(types, tuple) else (types,)
        if data.get(key) is not None and not _is(data[key], types):
            mark = marks.get(str(key), (None, None))[1]
            raise _refusal(
                label,
                mark,
                key,
                tr("must be {kind}").format(kind=tr(" or ").join(names.get(t, t.__name__) for t in types)),
            )


def entry_lines(path, list_key: str) -> list[dict]:
    """Per item of the top-level list ``list_key`` of a file :func:`read_yaml` accepted, the line of
    the item (key "") and of each of its keys, so a problem found later names the line to edit."""
    node = yaml.compose(Path(path).read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    top = node.value if isinstance(node, MappingNode) else []
    items = next((value for key, value in top if getattr(key, "value", None) == list_key), None)
    lines = []
    for item in getattr(items, "value", []) if isinstance(items, SequenceNode) else []:
        keys = item.value if isinstance(item, MappingNode) else []
        lines.append({"": item.start_mark.line + 1, **{str(key.value): key.start_mark.line + 1 for key, _ in keys}})
    return lines
