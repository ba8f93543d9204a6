"""The page templates in ``archetypes/`` (like Hugo's), so a site can change every new page."""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING

from .. import REPO
from ..errors import UserError
from .files import read_text
from .markdown import escape_inline

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["ARCHETYPES", "Markdown", "Templates", "tidy"]

ARCHETYPES = REPO / "archetypes"
_EDITOR_NOTE = "%#"


class Markdown(str):
    """Markdown the tools composed (front matter, directives, toctrees, escaped text).

    `Templates.render` writes it as it is; any other value is plain text and is
    escaped first, so a conference named ``<img onerror=...>`` stays text on every page.
    """

    __slots__ = ()


class Templates:
    """Markdown with ``${name}`` placeholders (Python's ``string.Template``).

    Write ``$$`` for a dollar sign; lines starting with ``%#`` are notes for the
    template's editor and are not copied.
    """

    def __init__(self, folder: Path = ARCHETYPES) -> None:
        self.folder = folder

    def _template(self, name: str) -> tuple[Path, str, string.Template]:
        path = self.folder / name
        text = read_text(path, "cannot read the template")
        lines = [line for line in text.splitlines() if not line.startswith(_EDITOR_NOTE)]
        return path, text, string.Template("\n".join(lines))

    def placeholders(self, name: str) -> set[str]:
        """The placeholders the template ``name`` uses."""
        return set(self._template(name)[2].get_identifiers())

    def render(self, name: str, /, **values: str) -> str:
        """The template ``name`` filled in: `Markdown` values as they are, others escaped."""
        path, text, template = self._template(name)
        escaped = {
            key: value if isinstance(value, Markdown) else escape_inline(value)
            for key, value in values.items()
        }
        try:
            rendered = template.substitute(escaped)
        except KeyError as error:
            unknown = error.args[0]
            line = next((n for n, line in enumerate(text.splitlines(), 1) if unknown in line), None)
            raise UserError(
                f"unknown placeholder ${{{unknown}}}; this template can use "
                + ", ".join(f"${{{key}}}" for key in sorted(values)),
                path,
                line,
            ) from None
        except ValueError as error:
            raise UserError(
                f"bad placeholder ({error}); write $$ for a dollar sign", path
            ) from None
        return tidy(rendered)


def tidy(text: str) -> str:
    """One blank line at most between blocks, no trailing spaces, one final newline.

    Empty placeholders would otherwise leave gaps wherever a template puts them.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"
