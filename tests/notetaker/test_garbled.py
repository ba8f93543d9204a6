"""Garbled schedules, made from real-looking ones by a seeded mutator: never a traceback.

Each file is imported twice into the same site: the first import reports what it
cannot read and imports the rest, the second finds the pages the first made.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.notetaker.programme import programme

FIXTURES = Path(__file__).parent / "fixtures"
INSERTS = (
    b"\r", b"\n", b"\x00", b"\xff", b"\xe2\x80\xa8", b":", b";", b",", b"\\", b" ",
    b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n", b"DTSTART:", b"DTSTART:2026\r\n",
)  # fmt: skip
VALUES = (None, 0, -1, 10**30, 1.5, True, "", "x", [], {}, ["a"], {"a": 1}, "\u2028", "99:99")


def garbled(data: bytes, rng: random.Random) -> bytes:
    """``data`` with bytes changed, cut, repeated and inserted at random places."""
    mutated = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        where, choice = rng.randrange(len(mutated)), rng.random()
        if choice < 0.4:
            mutated[where] = rng.randrange(256)
        elif choice < 0.6:
            del mutated[where : where + rng.randint(1, 200)]
        elif choice < 0.8:
            start = rng.randrange(len(mutated))
            mutated[where:where] = mutated[start : start + rng.randint(1, 300)]
        else:
            mutated[where:where] = rng.choice(INSERTS)
    return bytes(mutated)


def retyped(node: object, rng: random.Random) -> object:
    """A JSON document with values of other types in random places."""
    if isinstance(node, dict):
        return {
            k: rng.choice(VALUES) if rng.random() < 0.08 else retyped(v, rng)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [rng.choice(VALUES) if rng.random() < 0.08 else retyped(v, rng) for v in node]
    return node


@pytest.mark.parametrize("seed", range(30))
def test_garbled_schedules_are_reported_never_a_traceback(
    docs: Path, run, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    run("new-conference", "c", "--name", "C", "--start", "2026-03-23", "--docs", docs)
    run("new-conference", "r", "--name", "R", "--start", "2025-03-30", "--end", "2025-03-31",
        "--docs", docs)  # fmt: skip
    ics = tmp_path / "all.ics"
    ics.write_bytes(garbled(programme(seed, days=1, sessions=(20, 20)).ics(), rng))
    document = json.loads((FIXTURES / "pretalx-schedule.json").read_text())
    pretalx = tmp_path / "schedule.json"
    pretalx.write_text(json.dumps(retyped(document, rng)))
    for conference, path in (("c", ics), ("r", pretalx)) * 2:
        code, _, err = run("import-schedule", conference, path, "--docs", docs, "-v")
        assert code in (0, 2)  # the run fixture fails on any traceback
        if code == 2:
            assert len(err.splitlines()) == 1
