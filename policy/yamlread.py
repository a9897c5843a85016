"""Read YAML documents safely and within bounds, each in a single parse.

libyaml's C parser (PyYAML's pure-Python one when libyaml is missing) turns the text into events; this
module composes the events into a node tree itself, without recursion, refusing anchors and aliases and
stopping at a nesting depth and a number of values; the same node tree is then constructed into plain
Python data by PyYAML's safe constructor. The tree is kept too: it knows the line of every value.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

# Errors that PyYAML's safe constructors let out on values they cannot read (`!!int abc`, `!!bool maybe`,
# `!!timestamp x`, an integer of more than 4300 digits): turned into a YAML error at the value's line.
_VALUE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError, IndexError)


def short(text: str, width: int = 60) -> str:
    """The text cut to `width` characters: messages quote values, and a value can be megabytes long."""
    return text if len(text) <= width else text[: width - 1] + "…"


class LimitError(yaml.MarkedYAMLError):
    """A bound is broken. `kind`: "alias", "depth", "values" (in the document) or "total" (in all reads)."""

    def __init__(self, kind: str, message: str, mark: Any):
        super().__init__(problem=message, problem_mark=mark)
        self.kind = kind


def _with_value_errors(base: type[Any]) -> type[Any]:
    """The safe loader `base`, with values it cannot read reported as YAML errors at their line."""

    class Loader(base):  # type: ignore[misc]
        def construct_object(self, node: Node, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep)
            except yaml.YAMLError:
                raise
            except _VALUE_ERRORS:
                tag = str(node.tag).rsplit(":", 1)[-1]
                shown = node.value if isinstance(node.value, str) else type(node.value).__name__
                message = f"{short(shown, 40)!r} cannot be read as {tag}"
                raise ConstructorError(None, None, message, node.start_mark) from None

    return Loader


# libyaml's scanner and parser are C, about 7 times faster here; without libyaml, PyYAML's Python ones.
WITH_LIBYAML: bool = hasattr(yaml, "CSafeLoader")
_LOADERS: dict[bool, type[Any]] = {False: _with_value_errors(yaml.SafeLoader)}
if WITH_LIBYAML:
    _LOADERS[True] = _with_value_errors(yaml.CSafeLoader)


class BoundedReader:
    """Reads YAML documents within limits on nesting depth, values per document and values in all.

    A value is a scalar, a list or a mapping. `total` counts the values of every read so far, failed or
    not, so a folder of files cannot add up to more than `max_total` however its files are cut.
    """

    def __init__(self, *, max_depth: int, max_values: int, max_total: int, libyaml: bool = WITH_LIBYAML):
        self.max_depth, self.max_values, self.max_total = max_depth, max_values, max_total
        self.libyaml = libyaml and WITH_LIBYAML
        self.total = 0

    def read(self, text: str) -> tuple[Any, Node | None]:
        """(data, node tree) of the single YAML document in `text`, parsed once; (None, None) for none.

        Raises a `yaml.MarkedYAMLError` (a one-line `problem`; `problem_mark` has the line) for invalid
        YAML, and a `LimitError` for an anchor or alias, lists and mappings nested deeper than
        `max_depth`, more than `max_values` values in the document or more than `max_total` in all.
        """
        try:
            loader = _LOADERS[self.libyaml](text)  # PyYAML's reader checks the characters here, libyaml later
            try:
                root = self._compose(loader)
                return (None if root is None else loader.construct_document(root)), root
            finally:
                loader.dispose()
        except ReaderError as err:  # a character YAML does not allow: no mark, only an offset
            # libyaml counts the offset in UTF-8 bytes, PyYAML's reader in characters.
            before = text.encode("utf-8")[: err.position] if self.libyaml else text[: err.position].encode()
            mark = yaml.Mark("<unicode string>", err.position, before.count(b"\n"), 0, "", 0)
            raise yaml.MarkedYAMLError(problem=str(err).splitlines()[0], problem_mark=mark) from None

    def _compose(self, loader: Any) -> Node | None:
        """The node tree of the stream's single document, built from the parser's events with a stack."""
        loader.get_event()  # stream start
        if loader.check_event(StreamEndEvent):
            return None
        document = loader.get_event()  # document start
        root: Node | None = None
        stack: list[CollectionNode] = []
        pending_key: list[Node | None] = []  # per open mapping: the key waiting for its value
        values = 0
        while root is None or stack:
            event = loader.get_event()
            if isinstance(event, SequenceEndEvent | MappingEndEvent):
                stack.pop().end_mark = event.end_mark
                pending_key.pop()
                continue
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                raise LimitError("alias", "aliases (&anchor / *alias) are not allowed", event.start_mark)
            values += 1
            self.total += 1
            if values > self.max_values:
                message = f"more than {self.max_values:,} values; the limit is {self.max_values:,}"
                raise LimitError("values", message, event.start_mark)
            if self.total > self.max_total:
                message = f"more than {self.max_total:,} values in all; the limit is {self.max_total:,}"
                raise LimitError("total", message, event.start_mark)
            node = _node(loader, event)
            if not stack:
                root = node
            elif isinstance(stack[-1], SequenceNode):
                stack[-1].value.append(node)
            elif pending_key[-1] is None:
                pending_key[-1] = node
            else:
                stack[-1].value.append((pending_key[-1], node))
                pending_key[-1] = None
            if isinstance(node, CollectionNode):
                if len(stack) >= self.max_depth:
                    message = f"nested more than {self.max_depth} levels deep; the limit is {self.max_depth}"
                    raise LimitError("depth", message, event.start_mark)
                stack.append(node)
                pending_key.append(None)
        loader.get_event()  # document end
        if not loader.check_event(StreamEndEvent):
            extra = loader.get_event()
            raise ComposerError(
                "expected a single document in the stream",
                document.start_mark,
                "but found another document",
                extra.start_mark,
            )
        return root


def _node(loader: Any, event: Any) -> Node:
    """A node for a scalar or collection-start event, its tag resolved as PyYAML's composer does."""
    start: Any = event.start_mark  # libyaml's marks are its own class, with the same fields
    kind: type[ScalarNode] | type[SequenceNode] | type[MappingNode]
    if isinstance(event, ScalarEvent):
        kind, value = ScalarNode, event.value
    elif isinstance(event, SequenceStartEvent | MappingStartEvent):
        kind, value = (SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode), None
    else:  # pragma: no cover - the parser's grammar allows nothing else here
        raise ComposerError(None, None, f"unexpected {type(event).__name__}", start)
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(kind, value, event.implicit)
    if kind is SequenceNode or kind is MappingNode:
        return kind(tag, [], start, None, flow_style=event.flow_style)
    end: Any = event.end_mark
    return ScalarNode(tag, event.value, start, end, style=event.style)
