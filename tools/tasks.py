"""Run the project's tasks with nothing installed but Python: ``python3 tools/tasks.py -s build``.

Debian's and Ubuntu's system Python refuses ``pip install`` outside a virtual
environment (PEP 668). So the first run makes one for the task runner,
``.venv-tasks/``, with nox and uv (pinned below), and every run hands its
arguments to nox there; nox then makes each session's environment with uv,
which takes seconds where pip takes half a minute. Later runs start at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / ".venv-tasks"
PINS = ("nox==2026.10.20", "uv==0.13.9")
_READY = RUNNER / "pins.txt"


def _runner_python() -> Path:
    """The task runner's Python, made (or remade, when the pins changed) on first use."""
    python = RUNNER / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    wanted = "\n".join(PINS)
    if python.is_file() and _READY.is_file() and _READY.read_text() == wanted:
        return python
    print(f"tasks: making {RUNNER.name}/ with {', '.join(PINS)} (once)", file=sys.stderr)
    venv.EnvBuilder(with_pip=True, clear=True).create(RUNNER)
    install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*install, *PINS], check=True)
    _READY.write_text(wanted)
    return python


def main() -> None:
    python = _runner_python()
    os.chdir(ROOT)
    os.execv(python, [str(python), "-m", "nox", *sys.argv[1:]])


if __name__ == "__main__":
    main()
