"""The one kind of error the note-taker should see: a message, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from talknotes.rules.problems import Problem

__all__ = ["UserError", "problem_error"]


class UserError(Exception):
    """Bad input (a path, an option, a file's content); printed as ``file:line: message``."""

    def __init__(
        self, message: str, path: Path | str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


def problem_error(problem: Problem, path: Path, line: int | None = None) -> UserError:
    """A broken rule of ``talknotes.rules`` as a user error in ``path``, at its line if known."""
    return UserError(problem.message, path, line or problem.line)
