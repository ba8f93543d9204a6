"""A synthetic notes tree in the authoring format, for benchmarks.

Talks come 20 to a day and 5 days to a conference; each has 2-3 tags from a
vocabulary of 40, speakers, a time, a recording and slides (one in ten pending)
and 3-6 sections of notes. The same seed gives the same tree. The pages are
written by the note-taker's tools, from the same templates, so the benchmarks
build pages of the shape the site really has.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import Conference
from talknotes.rules.layout import INDEX, day_folder, talk_file_name
from talknotes.rules.speakers import Speaker
from talknotes.rules.vocabulary import DEFAULT_FILE
from tools.notetaker.authoring.conferences import render_conference
from tools.notetaker.authoring.days import render_day
from tools.notetaker.authoring.layout import index_page
from tools.notetaker.authoring.talks import TalkPage, render_talk
from tools.notetaker.authoring.templates import Templates

if TYPE_CHECKING:
    from pathlib import Path

TALKS_PER_DAY = 20
DAYS_PER_CONFERENCE = 5  # 100 talks a conference: 10,000 talks are 100 conferences
TAG_COUNT = 40
_TIME_ZONE = timezone(timedelta(hours=1))
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


def _talk(rng: random.Random, number: int, day: date, tags: list[str]) -> TalkPage:
    chosen = rng.sample(tags, rng.randint(2, 3))
    speakers = [Speaker(f"Speaker {number}-{n}", f"Company {n}") for n in range(rng.randint(1, 2))]
    hour = 9 + (number % TALKS_PER_DAY) // 3
    title = f"Talk {number}: {_sentence(rng, 5)[:-1]}"
    notes = [_sentence(rng, 30), ""]
    for section in range(rng.randint(3, 6)):
        notes += [f"## Section {section + 1}: {_sentence(rng, 3)[:-1]}", ""]
        notes += [_sentence(rng, 40), ""]
        notes += [f"- {_sentence(rng, 10)}" for _ in range(3)]
        notes.append("")
    return TalkPage(
        title=title,
        tags=chosen,
        speakers=speakers,
        time=datetime.combine(day, time(hour, (number % 3) * 20), _TIME_ZONE),
        video=None if number % 10 == 0 else f"https://youtu.be/{number:011d}",
        slides=None if number % 10 == 3 else f"https://example.org/slides/{number}.pdf",
        notes="\n".join(notes),
    )


def write_tree(root: Path, talks: int, seed: int = 2025) -> list[Path]:
    """Write ``talks`` talks (and the pages around them) under ``root``; return the talks."""
    rng = random.Random(seed)
    templates = Templates()
    tags = [f"topic-{n:02d}" for n in range(TAG_COUNT)]
    root.mkdir(parents=True)
    (root / DEFAULT_FILE).write_text(
        "".join(
            f"{tag}:\n  title: Topic {tag[-2:]}\n  description: Talks about {tag}.\n"
            for tag in tags
        )
    )
    days = -(-talks // TALKS_PER_DAY)
    conferences = -(-days // DAYS_PER_CONFERENCE)
    index_page(root).write_text(
        "# Synthetic notes\n\n```{taglist}\n:limit: 10\n```\n\n```{toctree}\n:maxdepth: 1\n\n"
        + "".join(f"conf-{c}/{INDEX}\n" for c in range(conferences))
        + "```\n"
    )
    written: list[Path] = []
    for number in range(conferences):
        day_count = min(DAYS_PER_CONFERENCE, -(-(talks - len(written)) // TALKS_PER_DAY))
        start = date(2000 + number, 3, 1)
        end = start + timedelta(days=day_count - 1)
        conference = Conference(f"Conference {number}", start, end)
        folder = root / f"conf-{number}"
        folder.mkdir()
        entries = [f"{day_folder(day)}/{INDEX}" for day in range(day_count)]
        index_page(folder).write_text(render_conference(templates, conference, entries))
        for day in range(day_count):
            when = start + timedelta(days=day)
            day_path = folder / day_folder(day)
            day_path.mkdir()
            index_page(day_path).write_text(
                render_day(templates, conference, day, when, talks=True)
            )
            for slot in range(min(TALKS_PER_DAY, talks - len(written))):
                page = day_path / talk_file_name(slot + 1, f"talk-{len(written)}")
                page.write_text(render_talk(templates, _talk(rng, len(written), when, tags)))
                written.append(page)
    return written
