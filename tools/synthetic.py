"""A synthetic notes tree in the authoring format, for benchmarks.

Talks come 20 to a day and 10 days to a conference; each has 2-3 tags from a
vocabulary of 40, speakers, a time, a recording and slides (one in ten pending)
and 3-6 sections of notes. The same seed gives the same tree.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

TALKS_PER_DAY = 20
DAYS_PER_CONFERENCE = 10
TAG_COUNT = 40
_WORDS = (
    "platform",
    "cluster",
    "team",
    "developer",
    "workload",
    "policy",
    "latency",
    "budget",
    "rollout",
    "gateway",
    "controller",
    "tenant",
    "golden",
    "path",
    "pipeline",
    "cache",
    "shard",
    "metric",
    "trace",
    "alert",
    "incident",
    "upgrade",
    "migration",
    "abstraction",
    "contract",
    "product",
    "feedback",
    "adoption",
    "portal",
    "catalog",
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _talk(rng: random.Random, number: int, day: int, tags: list[str]) -> str:
    chosen = rng.sample(tags, rng.randint(2, 3))
    speakers = ", ".join(f"Speaker {number}-{n} (Company {n})" for n in range(rng.randint(1, 2)))
    video = "" if number % 10 == 0 else f" https://youtu.be/{number:011d}"
    slides = "" if number % 10 == 3 else f" https://example.org/slides/{number}.pdf"
    hour = 9 + (number % TALKS_PER_DAY) // 3
    lines = [
        "---",
        f"tags: [{', '.join(chosen)}]",
        f"speakers: [{speakers}]",
        f"time: 2030-03-{1 + day % 28:02d}T{hour:02d}:{(number % 3) * 20:02d}+01:00",
        "---",
        "",
        f"# Talk {number}: {_sentence(rng, 5)[:-1]}",
        "",
        f"```{{video}}{video}",
        "```",
        "",
        f"```{{slides}}{slides}",
        "```",
        "",
        _sentence(rng, 30),
        "",
    ]
    for section in range(rng.randint(3, 6)):
        lines += [f"## Section {section + 1}: {_sentence(rng, 3)[:-1]}", ""]
        lines += [_sentence(rng, 40), ""]
        lines += [f"- {_sentence(rng, 10)}" for _ in range(3)]
        lines.append("")
    return "\n".join(lines)


def write_tree(root: Path, talks: int, seed: int = 2025) -> list[Path]:
    """Write ``talks`` talks (and the pages around them) under ``root``; return the talks."""
    rng = random.Random(seed)
    tags = [f"topic-{n:02d}" for n in range(TAG_COUNT)]
    root.mkdir(parents=True)
    (root / "tags.yml").write_text(
        "".join(
            f"{tag}:\n  title: Topic {tag[-2:]}\n  description: Talks about {tag}.\n"
            for tag in tags
        )
    )
    days = -(-talks // TALKS_PER_DAY)
    conferences = -(-days // DAYS_PER_CONFERENCE)
    (root / "index.md").write_text(
        "# Synthetic notes\n\n```{taglist}\n:limit: 10\n```\n\n```{toctree}\n:maxdepth: 1\n\n"
        + "".join(f"conf-{c}/index\n" for c in range(conferences))
        + "```\n"
    )
    written = []
    number = 0
    for conference in range(conferences):
        folder = root / f"conf-{conference}"
        folder.mkdir()
        (folder / "index.md").write_text(
            f"---\nconference:\n  name: Conference {conference}\n"
            f"  start: {2000 + conference}-03-01\n---\n\n"
            f"# Conference {conference}\n\n```{{toctree}}\n:maxdepth: 1\n:glob:\n\n*/index\n```\n"
        )
        for day in range(DAYS_PER_CONFERENCE):
            if number >= talks:
                break
            day_folder = folder / f"day-{day:02d}"
            day_folder.mkdir()
            (day_folder / "index.md").write_text(
                f"# Day {day}\n\n{_sentence(rng, 20)}\n\n```{{toctree}}\n:glob:\n\n[0-9]*\n```\n"
            )
            for slot in range(TALKS_PER_DAY):
                if number >= talks:
                    break
                page = day_folder / f"{slot + 1:02d}-talk-{number}.md"
                page.write_text(_talk(rng, number, day, tags))
                written.append(page)
                number += 1
    return written
