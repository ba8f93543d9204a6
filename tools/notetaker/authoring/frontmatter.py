"""Front matter read as the tools see it, written in the tools' key order, edited line by line.

A page's front matter belongs to the note-taker: a command rewrites only the keys
it owns and keeps every other line, comment and key order as it was. The schema
and the fences are the build's (``talknotes.rules.frontmatter``).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import yaml

from talknotes.rules.frontmatter import TALK_KEYS, split_front_matter

from ..errors import UserError
from .files import read_text

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "FrontMatterValue",
    "front_matter_line",
    "page_lines",
    "read_front_matter",
    "render_front_matter",
    "split_page",
    "update_front_matter",
    "yaml_text",
]

FrontMatterValue = str | list[str] | bool | None
_FENCE = "---"
# What a YAML scalar cannot hold as it is (YAML's non-printable characters, and the
# breaks it reads as new lines): written as \u escapes inside double quotes.
_YAML_UNSAFE = re.compile(
    r"[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Line breaks other than "\n" (str.splitlines() splits at them too).
_OTHER_BREAKS = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def read_front_matter(path: Path, text: str | None = None) -> dict[str, Any]:
    """The page's front matter as YAML data ({} without any); bad YAML is a user error."""
    if text is None:
        text = read_text(path)
    front, _ = split_front_matter(text)
    if not front:
        return {}
    try:
        data = yaml.safe_load("\n".join(front))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise UserError(
            f"front matter is not valid YAML: {problem}", path, mark.line + 2 if mark else None
        ) from None
    return data if isinstance(data, dict) else {}


def yaml_text(value: str, *, flow: bool = False) -> str:
    """``value`` as a YAML scalar: plain when YAML reads it back unchanged, else quoted.

    Whatever the value holds, the result is one line that YAML reads back as ``value``.
    """
    if value and value == value.strip() and not _YAML_UNSAFE.search(value):
        try:
            loaded = yaml.safe_load(f"[{value}]" if flow else f"k: {value}")
        except yaml.YAMLError:
            loaded = None
        if loaded == ([value] if flow else {"k": value}):
            return value
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", quoted)


def front_matter_line(key: str, value: str | list[str] | bool) -> str:
    if isinstance(value, bool):
        return f"{key}: {'true' if value else 'false'}"
    if isinstance(value, list):
        return f"{key}: [{', '.join(yaml_text(item, flow=True) for item in value)}]"
    return f"{key}: {yaml_text(value)}"


def render_front_matter(values: dict[str, FrontMatterValue]) -> str:
    """Front-matter lines for the keys with a value (``tags`` always, even empty)."""
    return "\n".join(
        front_matter_line(key, value)
        for key, value in values.items()
        if value is not None and value is not False and (value != [] or key == "tags")
    )


def page_lines(text: str) -> list[str]:
    """A page's lines, split at ``\n`` only: a U+2028 or a ``\r`` in the notes stays as it is."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def split_page(text: str) -> tuple[list[str], list[str]]:
    """The front matter's and the body's lines, as the build's rule splits them, at ``\n`` only.

    A command that edits a page rewrites it from these lines, so whatever other
    line breaks the note-taker's text holds are written back unchanged.
    """
    lines = page_lines(text)
    plain = "\n".join(_OTHER_BREAKS.sub(" ", line) for line in lines)
    front, body = split_front_matter(plain)
    if len(front) + len(body) == len(plain.splitlines()):  # no front matter
        return [], lines
    return lines[1 : len(front) + 1], lines[len(front) + 2 :]


def update_front_matter(text: str, changes: dict[str, FrontMatterValue]) -> str:
    """Rewrite only the given top-level keys (None removes one), keeping every other line.

    Comments on a rewritten key's line are kept; a new key goes where it belongs in
    the tools' key order, so the note-taker's own keys and comments stay as they were.
    """
    front, body = split_page(text)
    for key, value in changes.items():
        start = _key_index(front, (key,))
        new = None if value is None or value == [] else front_matter_line(key, value)
        if start is None:
            if new is None:
                continue
            later = TALK_KEYS[TALK_KEYS.index(key) + 1 :] if key in TALK_KEYS else ()
            position = _key_index(front, later)
            front.insert(len(front) if position is None else position, new)
            continue
        end = start + 1
        while end < len(front) and (front[end][:1] in (" ", "\t", "-") and front[end].strip()):
            end += 1
        front[start:end] = [] if new is None else [new + _comment_of(front[start])]
    return "\n".join([_FENCE, *front, _FENCE, *body]) + "\n"


def _key_index(front: list[str], keys: tuple[str, ...]) -> int | None:
    """The index of the first front-matter line that sets one of ``keys``."""
    patterns = [re.compile(rf"{re.escape(key)}\s*:") for key in keys]
    return next((i for i, line in enumerate(front) if any(p.match(line) for p in patterns)), None)


def _comment_of(line: str) -> str:
    """A YAML line's trailing ``# comment`` (outside quotes), with its leading spaces."""
    quote = None
    for index, character in enumerate(line):
        if quote:
            quote = None if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character == "#" and index and line[index - 1] in " \t":
            return "  " + line[index:]
    return ""
