"""The command line: one module per subcommand, assembled by ``cli``."""

from __future__ import annotations

from .cli import main

__all__ = ["main"]
