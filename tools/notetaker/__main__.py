"""``python -m tools.notetaker``: run from the repository root (the nox sessions do)."""

from __future__ import annotations

import sys

from .commands import main

sys.exit(main())
