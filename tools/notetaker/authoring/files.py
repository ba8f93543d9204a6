"""Pages and files read as text: a file that cannot be read is a one-line error at its path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from talknotes.rules.text import decode_error_line

from ..errors import UserError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["read_text"]


def read_text(path: Path, what: str = "cannot read") -> str:
    """The file's text as it is (no newline translation); unreadable or not UTF-8: a user error."""
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as error:
        raise UserError(f"{what}: {error.strerror}", path) from None
    except UnicodeDecodeError as error:
        line = decode_error_line(error)
        raise UserError(f"{what}: not UTF-8 text ({error.reason})", path, line) from None
