"""The CNCF's YouTube playlist of a generated programme's recordings, with the truth about each.

The note-taker links talk pages to recordings by reading the playlist (``yt-dlp
--flat-playlist -J`` or a ``title,url`` CSV), which is as messy as real CNCF ones:
titles are the Sched SUMMARY as typed, cut at YouTube's 100 characters, without
``<`` and ``>``; punctuation, case, prefixes and speakers drift from the schedule;
some sessions have no video, some videos are private or deleted, and decoys
(highlights, sponsors, project updates, a session from another event) look like
talks. Nothing here knows how a tool matches: each change is drawn at random, and
`Playlist.hard_cases` names the talks each kind touched, so a test reports per kind.
The programme has no "Part 1"/"Part 2" pair, but many talks share a title (16
"Welcome + Opening Remarks" without speakers) or are a word apart: "same-title",
"near-duplicate" and "indistinguishable" (identical video titles) name them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import string
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from tests.notetaker import programme_pools as pools

if TYPE_CHECKING:
    from tests.notetaker.programme import Entry, Programme

LIMIT = 100  # YouTube refuses longer titles
PRIVATE, DELETED = "[Private video]", "[Deleted video]"
CHANNEL = "CNCF [Cloud Native Computing Foundation]"
CHANNEL_ID, HANDLE = "UCvqbFHwN-nwalWPjPUKpvTA", "@cncf"
EVENT = "KubeCon + CloudNativeCon Europe 2026"
KINDS = (
    "truncated", "angle-brackets", "control-characters", "prefix-changed", "case",
    "punctuation", "speakers-differ", "same-title", "near-duplicate", "indistinguishable",
    "decoy-nearby", "no-video",
)  # fmt: skip
_ALPHABET = string.ascii_letters + string.digits + "-_"
_LAST = "AEIMQUYcgkosw048"  # an id is 64 bits in base64: its 11th character carries only 4
_THEATER = "Cloud Native Theater | "
#: (prefix, how often it changes, what it becomes: a new prefix, nothing, or a suffix)
_PREFIXES = (
    ("Sponsored Keynote: ", 0.4, "Keynote: "), ("Sponsored Keynote: ", 0.3, ""),
    ("Keynote: ", 0.25, ""), ("\u26a1 Lightning Talk: ", 0.7, "Lightning Talk: "),
    ("Project Lightning Talk: ", 0.35, " | Project Lightning Talk"), (_THEATER, 0.5, ""),
    ("Tutorial: ", 0.1, ""), ("Panel: ", 0.1, ""),
)  # fmt: skip
#: (what, by what, how many times): curly quotes, dashes, & or and, a dropped period or space
_PUNCTUATION = (
    ("'", "\u2019", -1), (" - ", " \u2013 ", -1), (" - ", " \u2014 ", 1), (" & ", " and ", -1),
    (" and ", " & ", 1), ("Inc.", "Inc", -1), (": ", " - ", 1), (" ", "  ", 1), (", ", ",", 1),
)  # fmt: skip
_RENAMED = {
    "Isovalent at Cisco": "Cisco", "Red Hat": "Red Hat, Inc.", "Google": "Google Cloud",
    "Deutsche Telekom AG": "Deutsche Telekom", "The Linux Foundation": "Linux Foundation",
    "ByteDance": "Bytedance", "Alibaba Cloud": "Alibaba Group", "Datadog": "Datadog, Inc.",
    "Mercedes-Benz Tech Innovation": "Mercedes-Benz", "Independent": "Freelance",
}  # fmt: skip
_SPONSORS = ("Datadog", "Google", "Microsoft", "Red Hat", "SUSE", "Chainguard", "NVIDIA")


@dataclass(frozen=True)
class Video:
    """One playlist entry; ``uid`` is the truth, which the playlist itself never says."""

    id: str
    title: str
    duration: int | None  # seconds
    uid: str | None  # the programme entry's uid it records; None for a decoy, private, deleted


@dataclass
class Playlist:
    """The videos in playlist order, what yt-dlp and a CSV export say of them, and the truth."""

    videos: list[Video]
    list_id: str = "PLj6h78yzYM2" + "A" * 22
    cases: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def json(self) -> bytes:
        """What ``yt-dlp --flat-playlist -J <playlist URL>`` writes (ASCII, as its JSON is)."""
        url = f"https://www.youtube.com/playlist?list={self.list_id}"
        return json.dumps({
            "id": self.list_id, "title": EVENT, "availability": None,
            "channel_follower_count": None, "description": f"Recordings of {EVENT}.", "tags": [],
            "thumbnails": _thumbnails(self.videos[0].id), "modified_date": "20260415",
            "view_count": sum(_views(video) or 0 for video in self.videos),
            "playlist_count": len(self.videos), **_owner(gone=False), "_type": "playlist",
            "entries": [_entry(video) for video in self.videos], "extractor_key": "YoutubeTab",
            "extractor": "youtube:tab", "webpage_url": url, "original_url": url,
            "webpage_url_basename": "playlist", "webpage_url_domain": "youtube.com",
            "release_year": None, "epoch": 1776240000,
            "_version": {"version": "2026.03.31", "current_git_head": None,
                         "release_git_head": None, "repository": "yt-dlp/yt-dlp"},
        }).encode("ascii")  # fmt: skip

    def csv(self) -> str:
        """A ``title,url`` export of the playlist, quoted where a title needs it."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["title", "url"])
        for video in self.videos:
            writer.writerow([video.title, f"https://www.youtube.com/watch?v={video.id}"])
        return out.getvalue()

    def truth(self) -> dict[str, str]:
        """Programme uid -> video id, for every talk that has a recording."""
        return {video.uid: video.id for video in self.videos if video.uid}

    def hard_cases(self) -> dict[str, list[str]]:
        """Kind of difficulty -> uids of the talks it touched, every kind listed."""
        return {kind: list(self.cases.get(kind, [])) for kind in KINDS}


def playlist(made: Programme, *, seed: int = 0) -> Playlist:
    """The recordings playlist of ``made``: the same seed gives the same playlist."""
    maker = _Maker(random.Random(seed))
    talks = made.talks()
    for talk in talks:
        maker.talk(talk)
    maker.decoys(talks)
    maker.alike(talks)
    maker.rng.shuffle(maker.videos)  # upload order, not the programme's
    list_id = "PLj6h78yzYM2" + "".join(maker.rng.choices(_ALPHABET, k=22))
    return Playlist(maker.videos, list_id, maker.cases)


class _Maker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.videos: list[Video] = []
        self.cases: dict[str, list[str]] = {}

    def mark(self, kind: str, uid: str) -> None:
        uids = self.cases.setdefault(kind, [])
        if uid not in uids:
            uids.append(uid)

    def add(self, title: str, duration: int | None, uid: str | None = None) -> None:
        made = "".join(self.rng.choices(_ALPHABET, k=10)) + self.rng.choice(_LAST)
        self.videos.append(Video(made, title, duration, uid))

    def talk(self, talk: Entry) -> None:
        """A video titled as the organiser typed it, or none (not recorded, private, deleted)."""
        if self.rng.random() < _unrecorded(talk):
            self.mark("no-video", talk.uid)
            if self.rng.random() < 0.15:
                self.add(self.rng.choice((PRIVATE, DELETED)), None)
            return
        minutes = (talk.end - talk.start).seconds // 60  # a talk runs short, or a bit over
        self.add(self.title(talk), self.rng.randint(minutes * 30, minutes * 66), talk.uid)

    def title(self, talk: Entry) -> str:
        rng, uid = self.rng, talk.uid
        head, tail = _clean(talk.title), _clean(talk.summary[len(talk.title) :])
        if head + tail != talk.summary:
            self.mark("control-characters", uid)
        if re.search("[<>]", head + tail):
            self.mark("angle-brackets", uid)
            left, right = rng.choice((("", ""), ("\u2039", "\u203a"), ("(", ")")))
            head, tail = (part.replace("<", left).replace(">", right) for part in (head, tail))
        head, suffix = self.prefix(uid, head, talk.tracks)
        if rng.random() < 0.05 and (words := re.findall(r"\b[A-Za-z]\w{3,}\b", head)):
            word = rng.choice(words)  # "GitOps" as "Gitops", "From" as "from"
            changed = word.capitalize() if word[1:].lower() != word[1:] else word.lower()
            if changed != word:
                head = head.replace(word, changed, 1)
                self.mark("case", uid)
        tail = self.speakers(talk, tail)
        parts = (head, tail, suffix)
        for old, new, times in rng.sample(_PUNCTUATION, 9) if rng.random() < 0.12 else ():
            head, tail, suffix = (part.replace(old, new, times) for part in parts)
            if (head, tail, suffix) != parts:
                self.mark("punctuation", uid)
                break
        if len(head + tail + suffix) <= LIMIT:
            return head + tail + suffix
        self.mark("truncated", uid)
        mode = rng.choice(("cut", "cut", "ellipsis", "no-speakers", "names"))
        if mode == "ellipsis":
            return (head + tail + suffix)[: LIMIT - 3].rstrip() + "..."
        if mode == "no-speakers" or not talk.speakers:
            tail = ""
        elif mode == "names":
            tail = " - " + " & ".join(name for name, _ in map(_person, talk.speakers))
        return (head + tail + suffix)[:LIMIT].rstrip()

    def prefix(self, uid: str, head: str, tracks: tuple[str, ...]) -> tuple[str, str]:
        """A format prefix dropped, changed, moved to a suffix or added, as organisers do."""
        before, suffix = head, ""
        for old, rate, new in _PREFIXES:
            if head.startswith(old) and self.rng.random() < rate:
                head = head[len(old) :] if new.startswith(" | ") else new + head[len(old) :]
                suffix = new if new.startswith(" | ") else ""
                break
        if "TUTORIALS" in tracks and not head.startswith("Tutorial") and self.rng.random() < 0.2:
            head = f"Tutorial: {head}"
        if head != before:
            self.mark("prefix-changed", uid)
        return head, suffix

    def speakers(self, talk: Entry, tail: str) -> str:
        """Now and then the video's speakers are not the schedule's: changed, dropped, renamed."""
        if not talk.speakers or self.rng.random() >= 0.08:
            return tail
        people = [_person(speaker) for speaker in talk.speakers]
        name, gone = people[0][0], self.rng.randrange(len(people))
        options = ["", tail.replace(name, self.person(""), 1)]  # all left off, or one replaced
        if len(people) > 1:
            options.append(" - " + _join(people[:gone] + people[gone + 1 :]))
        options += [tail.replace(old, new) for old, new in _RENAMED.items() if old in tail]
        jobs = [job for job in pools.JOB_TITLES if f", {job}," in tail]
        options += [tail.replace(f", {job}", "") for job in jobs]  # a job title left off, or added
        if not jobs:
            job = self.rng.choice(pools.JOB_TITLES)
            options.append(tail.replace(f"{name}, ", f"{name}, {job}, ", 1))
        options = [option for option in options if option != tail]
        self.mark("speakers-differ", talk.uid)
        return self.rng.choice(options)

    def person(self, company: str | None = None) -> str:
        """A new name, with a company unless ``company`` is ``""``."""
        name = f"{self.rng.choice(pools.FIRST_NAMES)} {self.rng.choice(pools.LAST_NAMES)}"
        company = self.rng.choice(pools.COMPANIES) if company is None else company
        return f"{name}, {company}" if company else name

    def decoys(self, talks: list[Entry]) -> None:
        """Videos of no programme session, several of them close to a talk's title."""
        rng, person = self.rng, self.person
        sponsors = [
            (f"{name} at {EVENT} | Sponsored", 60, 300) for name in rng.sample(_SPONSORS, 2)
        ]
        for title, low, high in (
            (f"{EVENT} Highlights", 120, 240), (f"Welcome to {EVENT}!", 45, 100),
            (f"{EVENT} - Day 2 Recap", 180, 420), (f"Intro to SIG Network - {person()}", 900, 1900),
            (f"Keynote: Closing Remarks - {person('CTO, CNCF')}", 200, 400), *sponsors,
        ):  # fmt: skip
            self.add(title, rng.randint(low, high))
        recorded, changed = {v.uid for v in self.videos}, self.cases.get("speakers-differ", [])
        same = [t for t in talks if t.uid in recorded and t.speakers and t.uid not in changed]
        for talk in rng.sample(same, min(4, len(same))):  # the same session given at another event
            self.decoy(f"{talk.title} - {person()}", talk.title, talks, 1200, 2100)
        welcome, topic = "Welcome + Opening Remarks", rng.choice(pools.TOPICS)
        self.decoy(f"{welcome} - {person()}", welcome, talks, 200, 600)
        lightning = f"Lightning Talk: {topic} in Five Minutes"
        self.decoy(f"{lightning} - {person()}", lightning, talks, 180, 330)
        project = [t for t in talks if t.title.startswith("Project Lightning Talk: ")]
        for talk in rng.sample(project, min(3, len(project))):
            topic = talk.title.split(" in ", 1)[1]
            self.decoy(f"What's New in {topic} - CNCF Project Update", talk.title, talks, 300, 900)
        theater = [t for t in talks if t.title.startswith(_THEATER) and t.uid not in recorded]
        for talk in rng.sample(theater, min(2, len(theater))):  # a sponsor's demo, not filmed
            title = talk.title[len(_THEATER) :]
            self.decoy(f"{title} | {rng.choice(_SPONSORS)} Demo", talk.title, talks, 120, 600)
        for title in (PRIVATE, PRIVATE, PRIVATE, DELETED, DELETED):
            self.add(title, None)

    def decoy(self, title: str, like: str, talks: list[Entry], low: int, high: int) -> None:
        """A decoy video, and the talks titled ``like`` marked as having one nearby."""
        cleaned = re.sub("[<>]", "", _clean(title))
        self.add(cleaned[:LIMIT].rstrip(), self.rng.randint(low, high))
        for talk in talks:
            if _norm(talk.title) == _norm(like):
                self.mark("decoy-nearby", talk.uid)

    def alike(self, talks: list[Entry]) -> None:
        """Mark talks with videos whose titles equal or nearly equal another's."""
        recorded, groups = {video.uid for video in self.videos}, dict[str, list[str]]()
        for talk in talks:
            if talk.uid in recorded:
                groups.setdefault(_norm(talk.title), []).append(talk.uid)
        for uid in (uid for uids in groups.values() if len(uids) > 1 for uid in uids):
            self.mark("same-title", uid)
        titles = list(groups)
        for number, one in enumerate(titles):
            for other in titles[number + 1 :]:
                match = SequenceMatcher(None, one, other)
                if match.quick_ratio() >= 0.9 and match.ratio() >= 0.9:
                    for uid in groups[one] + groups[other]:
                        self.mark("near-duplicate", uid)
        shown = dict[str, list[str | None]]()
        for video in self.videos:
            shown.setdefault(_norm(video.title), []).append(video.uid)
        for uid in (uid for uids in shown.values() if len(uids) > 1 for uid in uids if uid):
            self.mark("indistinguishable", uid)


def _unrecorded(talk: Entry) -> float:
    """How likely a session has no video: a BoF none, sponsored and lightning talks often."""
    rates = (("BoF", 1.0), (_THEATER, 0.45), ("Sponsored", 0.45), ("\u26a1", 0.2), ("Proj", 0.2))
    return next((rate for start, rate in rates if talk.title.startswith(start)), 0.05)


def _clean(text: str) -> str:
    """What YouTube keeps of a title: no control characters, a line separator as a space."""
    return re.sub("[\x00-\x1f\x7f-\x9f]", "", re.sub("[\u2028\u2029\n\t]", " ", text))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u26a1", "")).strip().casefold()


def _person(speaker: str) -> tuple[str, str]:
    """(name, company) of a front-matter speaker ``Name (Company)``."""
    found = re.fullmatch(r"(.*) \((.*)\)", speaker)
    return (found[1], found[2]) if found else (speaker, "")


def _join(people: list[tuple[str, str]]) -> str:
    written = [f"{name}, {company}" if company else name for name, company in people]
    return ("; " if len(written) > 2 else " & ").join(written)


def _thumbnails(video_id: str) -> list[dict[str, object]]:
    return [
        {"url": f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg", "height": h, "width": w}
        for w, h in ((168, 94), (196, 110), (246, 138), (336, 188))
    ]


def _owner(*, gone: bool) -> dict[str, str | None]:
    """The channel fields; a private or deleted video has none."""
    owner = {"channel": CHANNEL, "channel_id": CHANNEL_ID, "uploader_id": HANDLE,
             "uploader": CHANNEL, "channel_url": f"https://www.youtube.com/channel/{CHANNEL_ID}",
             "uploader_url": f"https://www.youtube.com/{HANDLE}"}  # fmt: skip
    return {key: None if gone else value for key, value in owner.items()}


def _entry(video: Video) -> dict[str, object]:
    """One flat entry as yt-dlp's YouTube tab extractor gives it."""
    return {
        "_type": "url", "ie_key": "Youtube", "id": video.id,
        "url": f"https://www.youtube.com/watch?v={video.id}", "title": video.title,
        "description": None, "duration": video.duration,
        **_owner(gone=video.title in (PRIVATE, DELETED)), "thumbnails": _thumbnails(video.id),
        "timestamp": None, "release_timestamp": None, "availability": None,
        "view_count": _views(video), "live_status": None, "channel_is_verified": None,
        "__x_forwarded_for_ip": None,
    }  # fmt: skip


def _views(video: Video) -> int | None:
    """A view count that stays the same for the same video; none for a gone one."""
    if video.title in (PRIVATE, DELETED):
        return None
    return int.from_bytes(hashlib.sha256(video.id.encode()).digest()[:2], "big") // 8 + 40
