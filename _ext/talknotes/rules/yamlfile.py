"""YAML that people write by hand: read with lines, duplicate keys reported, nesting bounded.

PyYAML lets the last of two equal keys win without a word, and its composer
recurses once per level of nesting, so a file nested a few thousand levels deep
ends in a RecursionError (deeper still, a crash in libyaml). Front matter and
``tags.yml`` are read here instead: the nesting is measured on the event stream
(which is read without recursion) before anything is composed, and every key
keeps its line and the text it was written as.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from .problems import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable
    from pathlib import Path

_Item = TypeVar("_Item")

__all__ = ["MAX_DEPTH", "Entry", "YamlMapping", "load_mapping", "load_registry"]

#: deeper than any front matter or vocabulary needs, far below where PyYAML breaks
MAX_DEPTH = 20
# libyaml's parser where PyYAML was built with it: the same events and nodes, faster.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass(frozen=True)
class Entry:
    """One top-level key: its line, its value as data, and its text when it is a scalar."""

    key: str
    line: int
    value: object
    #: the scalar exactly as written (``2.10`` stays ``2.10``); None for null or a collection
    text: str | None


@dataclass
class YamlMapping:
    """A mapping read from YAML: its entries in order, and what was wrong with it."""

    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, key: str, default: int = 1) -> int:
        entry = self.entries.get(key)
        return entry.line if entry is not None else default

    def values(self) -> dict[str, object]:
        return {key: entry.value for key, entry in self.entries.items()}


def load_mapping(text: str, *, first_line: int = 1, what: str = "the file") -> YamlMapping:
    """Read ``text`` (starting at line ``first_line`` of its file) as a mapping of names.

    Problems (not YAML, too deep, not a mapping, a key given twice, a key that is
    not a name) come back with their lines; the rest of the mapping is still read.
    """
    found = YamlMapping()
    offset = first_line - 1
    try:
        _check_depth(text, offset)
        root = yaml.compose(text, Loader=_LOADER)
    except _TooDeepError as error:
        found.problems.append(Problem(str(error), error.line))
        return found
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        found.problems.append(Problem(f"not valid YAML: {problem}", _line(mark, offset)))
        return found
    if root is None:
        return found
    if not isinstance(root, yaml.MappingNode):
        line = _line(root.start_mark, offset)
        found.problems.append(Problem(f"{what} must map names to values", line))
        return found
    constructor = _Constructor(offset)
    for key_node, value_node in root.value:
        line = _line(key_node.start_mark, offset) or first_line
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _NULL:
            found.problems.append(Problem("a key must be a plain name", line))
            continue
        key = key_node.value
        if key in found.entries:
            first = found.entries[key].line
            found.problems.append(
                Problem(f"{key!r} is given twice (first on line {first}); the first counts", line)
            )
            continue
        value = constructor.construct_document(value_node)
        text_value = _scalar_text(value_node)
        found.entries[key] = Entry(key, line, value, text_value)
    found.problems += constructor.problems
    found.problems.sort(key=lambda problem: problem.line or 0)
    return found


def load_registry(
    path: Path,
    what: str,
    read: Callable[[str, object], tuple[_Item | None, list[str]]],
    add: Callable[[_Item], list[str]],
    claims: str,
) -> list[Problem] | None:
    """Read a file that names entries (``tags.yml``, ``speakers.yml``); None without one.

    ``read`` checks one entry (the item, or None, and what is wrong with it);
    ``add`` registers it and returns the spellings another entry already claims.
    """
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(f"cannot be read: {error}")]
    found = load_mapping(text, what=path.name)
    problems = list(found.problems)
    for key, entry in found.entries.items():
        item, messages = read(key, entry.value)
        problems += [Problem(f"{what} {key!r}: {message}", entry.line) for message in messages]
        clashes = add(item) if item is not None else []
        if clashes:
            problems.append(Problem(f"{what} {key!r} {claims}: {', '.join(clashes)}", entry.line))
    return sorted(problems, key=lambda problem: problem.line or 0)


def _scalar_text(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and not (node.tag == _NULL and not node.style):
        return str(node.value)
    return None


class _TooDeepError(ValueError):
    def __init__(self, line: int | None) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} levels deep")
        self.line = line


def _check_depth(text: str, offset: int) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeepError(_line(event.start_mark, offset))
        elif isinstance(event, _CLOSING):
            depth -= 1


class _Constructor(yaml.SafeLoader):
    """PyYAML's safe constructor, reporting a key given twice in any nested mapping."""

    def __init__(self, offset: int) -> None:
        super().__init__("")
        self.offset = offset
        self.problems: list[Problem] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        self.flatten_mapping(node)
        mapping: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = _line(key_node.start_mark, self.offset)
            try:
                seen = key in mapping
            except TypeError:  # a list or mapping as a key
                self.problems.append(Problem("a key must be a plain name", line))
                continue
            if seen:
                self.problems.append(Problem(f"{key!r} is given twice; the first counts", line))
                continue
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _line(mark: Any, offset: int) -> int | None:
    return mark.line + 1 + offset if mark is not None else None
