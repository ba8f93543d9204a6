"""The four commands share one environment, set up once: later calls start in well under 1 s."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from conftest import REPO

import noxfile

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

COMMANDS = ("new-talk", "new-conference", "import-schedule", "import-hugo")


class Session:
    """Enough of a nox session to watch what the shared environment runs."""

    def __init__(self) -> None:
        self.posargs: list[str] = []
        self.ran: list[tuple[str, ...]] = []

    def run(self, *command: str, external: bool = False) -> None:
        assert external
        self.ran.append(command)
        if command[1:3] == ("-m", "venv"):  # make the interpreter the session checks for
            python = noxfile.NOTETAKER / "bin" / "python"
            python.parent.mkdir(parents=True)
            python.touch()


def test_every_command_runs_in_the_one_shared_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in noxfile.NOTETAKER_REQUIREMENTS:
        (tmp_path / name).write_text("icalendar==7.3.0\n")
    sessions = {}
    for command in COMMANDS:
        session = sessions[command] = Session()
        getattr(noxfile, command.replace("-", "_"))(session)
    python = str(noxfile.NOTETAKER / "bin" / "python")
    first = sessions["new-talk"].ran
    assert [step[:3] for step in first] == [
        (sys.executable, "-m", "venv"),
        (python, "-m", "pip"),
        (python, "-m", "tools.notetaker"),
    ]
    for command in COMMANDS[1:]:  # no pip, no new environment: just the command
        assert sessions[command].ran == [(python, "-m", "tools.notetaker", command)]
    # changed requirements are installed once, by the next call
    (tmp_path / "requirements-tools.txt").write_text("icalendar==7.3.0\npyyaml==6.0.3\n")
    again, later = Session(), Session()
    noxfile.new_talk(again)
    noxfile.new_talk(later)
    assert [step[2] for step in again.ran] == ["pip", "tools.notetaker"]
    assert [step[2] for step in later.ran] == ["tools.notetaker"]


def test_the_commands_do_not_load_the_build() -> None:
    """Sphinx and docutils take most of a second to import; the tools never need them."""
    check = (
        "import sys; from tools.notetaker.commands import main; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sphinx', 'docutils'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
