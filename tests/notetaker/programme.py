"""A KubeCon-sized Sched ``all.ics``, generated, with the truth about every entry.

This machine cannot reach sched.com, so the programme is made from what real
exports look like: times in UTC (``X-WR-TIMEZONE:UTC``), the track in CATEGORIES,
speakers only inside SUMMARY in every shape organisers type, logistics entries
(BREAKS, REGISTRATION, SOLUTIONS SHOWCASE), a full-day umbrella entry per
co-located event, Cloud Native Theater talks, a BoF with "Networking" in its
title, lines folded at 75 octets with CRLF, and hostile text. The same seed gives
the same bytes. Each `Entry` says what the importer should make of it.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tests.notetaker import programme_pools as pools
from tests.notetaker.programme_speakers import SHAPES, speakers_of

ZONE = ZoneInfo("Europe/Amsterdam")
# how often each speaker shape appears: most summaries are "Name, Company"
_SHAPE_WEIGHTS = (8, 4, 2, 3, 2, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1)
UTC = ZoneInfo("UTC")
FIRST_DAY = date(2026, 3, 23)
_FOLD = 75
_HOSTILE_EVERY = 5


@dataclass(frozen=True)
class Entry:
    """One VEVENT: what the file says, and what the import should make of it."""

    uid: str
    summary: str
    start: datetime  # local
    end: datetime
    tracks: tuple[str, ...]
    location: str
    description: str
    kind: str  # talk, logistics, full-day, broken
    title: str = ""  # the title expected on the page
    speakers: tuple[str, ...] = ()  # as the front matter writes them
    shape: str = "none"  # the speaker shape of the summary
    room: str = ""  # the room expected on the page
    raw: str = ""  # a whole VEVENT written as it is (broken entries)


@dataclass
class Programme:
    entries: list[Entry] = field(default_factory=list)

    def talks(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.kind == "talk"]

    def ics(self) -> bytes:
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "X-WR-CALNAME:KubeCon + CloudNativeCon Europe 2026",
            "X-WR-CALDESC:Event Calendar",
            "PRODID:-//Sched.com KubeCon + CloudNativeCon Europe 2026//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-TIMEZONE:UTC",
        ]
        for entry in self.entries:
            lines += entry.raw.split("\n") if entry.raw else _vevent(entry)
        lines.append("END:VCALENDAR")
        return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def programme(
    seed: int = 2026, *, days: int = 4, sessions: tuple[int, int] = (140, 180)
) -> Programme:
    """``days`` days from Monday 23 March 2026 (the first the co-located events' day)."""
    maker = _Maker(random.Random(seed))
    for number in range(days):
        wanted = maker.rng.randint(*sessions)
        maker.day(FIRST_DAY + timedelta(days=number), wanted, colocated=number == 0)
    maker.broken(FIRST_DAY + timedelta(days=1))
    return maker.made


class _Maker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.made = Programme()

    def uid(self) -> str:
        return hashlib.md5(str(len(self.made.entries)).encode(), usedforsecurity=False).hexdigest()

    def add(self, day: date, start: time, minutes: int, **values: object) -> None:
        begin = datetime.combine(day, start, ZONE)
        values.setdefault("location", "")
        values.setdefault("description", "")
        values.setdefault("room", values["location"])
        end = begin + timedelta(minutes=minutes)
        self.made.entries.append(Entry(uid=self.uid(), start=begin, end=end, **values))  # type: ignore[arg-type]

    def logistics(self, day: date, start: time, minutes: int, title: str, track: str) -> None:
        self.add(day, start, minutes, summary=title, tracks=(track,), kind="logistics",
                 location="Hall 1 | Foyer")  # fmt: skip

    def talk(
        self, day: date, start: time, minutes: int, title: str, track: str, **extra: object
    ) -> None:
        shape = extra.pop("shape", None) or self.rng.choices(SHAPES, _SHAPE_WEIGHTS)[0]
        summary, speakers = speakers_of(self.rng, title, str(shape))
        room = str(extra.pop("location", None) or self.rng.choice(pools.ROOMS))
        location, chance = room, self.rng.random()
        if chance < 0.05:  # Sched's "Room, City, Country"
            location = f"{room}, RAI Amsterdam, Netherlands"
        elif chance < 0.08:  # a line separator pasted into the room's name
            location = room.replace(" | ", "\u2028| ")
        description = " ".join(self.rng.sample(pools.SENTENCES, 2))
        made = len(self.made.entries)
        if made % _HOSTILE_EVERY == 0:  # every hostile description, in turn
            hostile = pools.HOSTILE_DESCRIPTIONS
            description = hostile[made // _HOSTILE_EVERY % len(hostile)]
        self.add(day, start, minutes, summary=summary, tracks=(track,), kind="talk", title=title,
                 speakers=speakers, shape=str(shape), location=location, room=room,
                 description=description, **extra)  # fmt: skip

    def title(self) -> str:
        shape = self.rng.choice(pools.TITLE_SHAPES)
        return shape.format(topic=self.rng.choice(pools.TOPICS))

    def day(self, day: date, wanted: int, *, colocated: bool) -> None:
        self.logistics(day, time(7, 30), 630, "Badge Pick-Up", "REGISTRATION")
        for start, title in ((time(10, 30), "Coffee Break ☕"), (time(12, 30), "Lunch"),
                             (time(15, 30), "Coffee Break")):  # fmt: skip
            self.logistics(day, start, 30 if "Coffee" in title else 60, title, "BREAKS")
        if colocated:
            self.colocated(day, wanted)
        else:
            self.main(day, wanted)

    def colocated(self, day: date, wanted: int) -> None:
        for event in pools.COLOCATED:
            title = f"{event} Hosted by CNCF - Full-Day Event | ALL ACCESS PASS REQUIRED"
            self.add(day, time(9), 510, summary=title, tracks=(pools.UMBRELLA_TRACK,),
                     kind="full-day", location="RAI Amsterdam")  # fmt: skip
        rooms = dict(zip(pools.COLOCATED, pools.ROOMS, strict=False))
        made = 0
        for slot in range(12):
            for event in pools.COLOCATED:
                if made == wanted:
                    return
                start = (datetime.combine(day, time(9)) + timedelta(minutes=35 * slot)).time()
                if slot == 0:
                    self.talk(day, start, 10, "Welcome + Opening Remarks", event.upper(),
                              location=rooms[event], shape="none")  # fmt: skip
                else:
                    self.talk(day, start, 30, self.title(), event.upper(), location=rooms[event])
                made += 1

    def main(self, day: date, wanted: int) -> None:
        for number in range(6):
            start = (datetime.combine(day, time(9)) + timedelta(minutes=15 * number)).time()
            prefix = "Sponsored Keynote" if number == 4 else "Keynote"
            self.talk(day, start, 15, f"{prefix}: {self.title()}", pools.KEYNOTES,
                      location="Hall 12 | Keynote Stage", shape="name-title-company")  # fmt: skip
        self.logistics(day, time(10), 540, "Solutions Showcase", "SOLUTIONS SHOWCASE")
        self.logistics(day, time(18), 120, "Booth Crawl", "SOLUTIONS SHOWCASE")
        self.talk(day, time(17, 30), 60, "BoF: Platform Engineers Meetup / Training / Networking",
                  "COMMUNITY", shape="none")  # fmt: skip
        made = 7
        for number in range(8):
            start = (datetime.combine(day, time(11)) + timedelta(minutes=25 * number)).time()
            title = f"Cloud Native Theater | {self.title()}"
            self.talk(day, start, 20, title, "SOLUTIONS SHOWCASE",
                      location="Solutions Showcase | Theater", shape="and-company")  # fmt: skip
            made += 1
        for number in range(10):
            start = (datetime.combine(day, time(13, 40)) + timedelta(minutes=5 * number)).time()
            title = f"⚡ Lightning Talk: {self.rng.choice(pools.TOPICS)} in Five Minutes"
            if number % 3 == 0:
                title = f"Project Lightning Talk: What's New in {self.rng.choice(pools.TOPICS)}"
            self.talk(day, start, 5, title, pools.LIGHTNING, location="Hall 8 | Room 801",
                      shape="role" if number % 3 == 0 else None)  # fmt: skip
            made += 1
        slot = 0
        while made < wanted:
            start = (datetime.combine(day, time(11)) + timedelta(minutes=45 * (slot // 16))).time()
            self.talk(day, start, 30, self.title(), self.rng.choice(pools.TRACKS),
                      location=pools.ROOMS[slot % 16])  # fmt: skip
            slot, made = slot + 1, made + 1

    def broken(self, day: date) -> None:
        """Entries an importer must report and skip: a bad DTSTART, no title, never closed.

        They go in the middle of the file, so the entries after them must still be read.
        """
        begin = datetime.combine(day, time(10), ZONE)
        middle = len(self.made.entries) // 2
        for number, body in enumerate(
            (
                "DTSTART:20301340T990000\nSUMMARY:Broken Start - Jane Doe\\, Acme",
                "DTSTART:20260324T100000Z\nSUMMARY:",
                "DTSTART:20260324T100000Z\nSUMMARY:Never Closed - Jane Doe\\, Acme",
            )
        ):
            uid = hashlib.md5(f"broken {number}".encode(), usedforsecurity=False).hexdigest()
            end = "" if "Never" in body else "\nEND:VEVENT"
            raw = f"BEGIN:VEVENT\nUID:{uid}\n{body}{end}"
            entry = Entry(uid, "", begin, begin, (), "", "", "broken", raw=raw)
            self.made.entries.insert(middle + number, entry)


def _vevent(entry: Entry) -> list[str]:
    stamp = "20260301T120000Z"
    lines = [
        "BEGIN:VEVENT",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{entry.start.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"DTEND:{entry.end.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{_text(entry.summary)}",
    ]
    if entry.description:
        lines.append(f"DESCRIPTION:{_text(entry.description)}")
    lines += [
        "CATEGORIES:" + ",".join(_text(track) for track in entry.tracks),
        f"LOCATION:{_text(entry.location)}" if entry.location else "LOCATION:",
        "SEQUENCE:0",
        f"UID:{entry.uid}",
        f"URL:https://kccnceu2026.sched.com/event/{entry.uid[:5]}/{entry.uid[5:12]}",
        "END:VEVENT",
    ]
    return lines


def _text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line feed escaped."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued after CRLF and a space, never inside a character."""
    parts, current, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > _FOLD:
            parts.append(current)
            current, size = " ", 1
        current, size = current + character, size + width
    return "\r\n".join([*parts, current])
