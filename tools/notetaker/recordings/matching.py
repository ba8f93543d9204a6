"""Which video records which talk: fuzzy scores, then a one-to-one assignment that never guesses.

A pair's score (0-100) is its titles' similarity, confirmed or contradicted by the
speakers: a video that names one of the page's speakers gains, one whose
speakers are all others loses, so a same-titled session of another event is
never taken at the default threshold. A talk gets a video only when each is the
other's clear best: no rival within `MARGIN` points on either side. Pairs are
taken round by round, so a talk whose best video went to a closer match can win
its next best; a talk left with close rivals is reported as ambiguous, never filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .titles import TalkWords, VideoWords

__all__ = ["DEFAULT_MIN_SCORE", "MARGIN", "Assignment", "Evidence", "Pair", "assign", "pair_score"]

DEFAULT_MIN_SCORE = 80.0
#: how far ahead of every rival a pair must be to be taken
MARGIN = 4.0
#: what reordered words cost against the same words in order
_WORD_ORDER = 3.0
#: the shortest cut title compared with the start of a page's title
_MIN_PREFIX = 30
#: what a title cut short costs, in full for a title cut to nothing
_CUT = 15.0
#: what reading a part of a page's title costs (``Venue | Title``)
_PART = 3.0
#: what a different number costs (``Part 1``/``Part 2``, ``1.33``/``1.34``), title complete
_NUMBERS = 10.0
#: how alike two names must be to be one person's
_SAME_NAME = 85.0
_SHORT_NAME = 5
_TITLE_SHARE = 0.85
_SAME_BONUS = 15.0
#: how close a video must come to be named in the report, and how many are weighed
_CLOSE = 65.0
_NEAR = 5


class Evidence(Enum):
    """What the speakers say about a pair."""

    SAME = "the same speakers"
    SOME = "some of the speakers"
    NONE = "no speakers to compare"
    OTHER = "other speakers"


_NAMED = frozenset({Evidence.SAME, Evidence.SOME})
#: what speakers add to the title's share: a title alone is good, one confirmed is better
_BONUS = {
    Evidence.SAME: _SAME_BONUS,
    Evidence.SOME: _SAME_BONUS * 2 / 3,
    Evidence.NONE: _SAME_BONUS / 2,
    Evidence.OTHER: -10.0,
}


@dataclass(frozen=True)
class Pair:
    talk: int
    video: int
    score: float
    evidence: Evidence


@dataclass
class Assignment:
    """The outcome for each talk: a video, close rivals, or the best that was not enough."""

    filled: dict[int, Pair] = field(default_factory=dict)
    ambiguous: dict[int, list[Pair]] = field(default_factory=dict)
    unmatched: dict[int, Pair | None] = field(default_factory=dict)


def pair_score(talk: TalkWords, video: Sequence[VideoWords]) -> Pair:
    """The best score over the readings of a video's title (``talk``/``video`` left 0)."""
    best = Pair(0, 0, 0.0, Evidence.NONE)
    for words in video:
        evidence = _evidence(talk.names, words)
        if words.guessed and evidence not in _NAMED and not words.cut:
            continue
        for index, title in enumerate(talk.titles):
            if index and evidence not in _NAMED:  # a part of the title needs its speakers
                continue
            share = _TITLE_SHARE * (_title_score(title, words) - (_PART if index else 0.0))
            score = round(share + _BONUS[evidence], 1)
            if score > best.score:
                best = Pair(0, 0, score, evidence)
    return best


def assign(
    talks: Sequence[TalkWords],
    videos: Sequence[Sequence[VideoWords]],
    *,
    min_score: float = DEFAULT_MIN_SCORE,
) -> Assignment:
    """Give talks their videos one to one, taking only clear mutual best pairs."""
    floor = max(min_score - MARGIN, 0.0)
    by_talk: dict[int, dict[int, Pair]] = {index: {} for index in range(len(talks))}
    by_video: dict[int, dict[int, Pair]] = {}
    for talk, video in sorted(_candidates(talks, videos, floor)):
        scored = pair_score(talks[talk], videos[video])
        if scored.score >= floor:
            pair = Pair(talk, video, scored.score, scored.evidence)
            by_talk[talk][video] = by_video.setdefault(video, {})[talk] = pair
    outcome = Assignment()
    open_talks, open_videos = set(by_talk), set(range(len(videos)))
    while taken := _clear_pairs(by_talk, by_video, open_talks, open_videos, min_score):
        for pair in taken:
            outcome.filled[pair.talk] = pair
            open_talks.discard(pair.talk)
            open_videos.discard(pair.video)
    for talk in sorted(open_talks):
        ranked = _ranked(by_talk[talk], open_videos)
        if ranked and ranked[0].score >= min_score:
            outcome.ambiguous[talk] = _rivals(ranked, by_video, open_talks)
        else:
            unmatched = ranked[0] if ranked else _closest(talk, talks, videos, open_videos)
            outcome.unmatched[talk] = unmatched
    return outcome


def _closest(
    talk: int,
    talks: Sequence[TalkWords],
    videos: Sequence[Sequence[VideoWords]],
    open_videos: set[int],
) -> Pair | None:
    """For the report: the best scoring of the free videos whose titles come closest, if any."""
    readings = [
        (video, words.title)
        for video, found in enumerate(videos)
        if video in open_videos
        for words in found
    ]
    whole = "".join(talks[talk].titles[:1])
    near = process.extract(
        whole, [title for _, title in readings], scorer=fuzz.ratio, score_cutoff=_CLOSE, limit=_NEAR
    )
    scored = [pair_score(talks[talk], videos[readings[index][0]]) for _, _, index in near]
    best = max(zip(scored, near, strict=True), key=lambda found: found[0].score, default=None)
    if best is None or best[0].score < _CLOSE:
        return None
    return Pair(talk, readings[best[1][2]][0], best[0].score, best[0].evidence)


def _clear_pairs(
    by_talk: dict[int, dict[int, Pair]],
    by_video: dict[int, dict[int, Pair]],
    open_talks: set[int],
    open_videos: set[int],
    min_score: float,
) -> list[Pair]:
    taken = []
    for talk in sorted(open_talks):
        ranked = _ranked(by_talk[talk], open_videos)
        if (
            ranked
            and ranked[0].score >= min_score
            and len(_rivals(ranked, by_video, open_talks)) == 1
        ):
            taken.append(ranked[0])
    return taken


def _ranked(pairs: dict[int, Pair], open_videos: set[int]) -> list[Pair]:
    return sorted(
        (pair for video, pair in pairs.items() if video in open_videos),
        key=lambda pair: (-pair.score, pair.video),
    )


def _rivals(
    ranked: list[Pair], by_video: dict[int, dict[int, Pair]], open_talks: set[int]
) -> list[Pair]:
    """The best pair and every pair within `MARGIN` of it: other videos, or other talks for it."""
    best = ranked[0]
    close = [pair for pair in ranked if pair.score > best.score - MARGIN]
    others = by_video[best.video].values()
    close += [
        pair
        for pair in others
        if pair.talk != best.talk and pair.talk in open_talks and pair.score > best.score - MARGIN
    ]
    return close


def _candidates(
    talks: Sequence[TalkWords], videos: Sequence[Sequence[VideoWords]], floor: float
) -> set[tuple[int, int]]:
    """The pairs that could score ``floor``: a quick pass in rapidfuzz's C loops.

    A pair's score is at most its title score scaled and raised by the speaker
    bonus, and each title score is bounded by one of the scorers below (the
    number rule only lowers it), so no pair that could reach ``floor`` is left out.
    """
    lowest_title = (floor - _SAME_BONUS) / _TITLE_SHARE
    readings = [(video, words) for video, found in enumerate(videos) for words in found]
    titles = [words.title for _, words in readings]
    pairs: set[tuple[int, int]] = set()
    talk_titles = [(talk, title) for talk, spoken in enumerate(talks) for title in spoken.titles]
    for talk, title in talk_titles:
        for scorer, cost in ((fuzz.ratio, 0.0), (fuzz.token_sort_ratio, _WORD_ORDER)):
            found = process.extract(
                title, titles, scorer=scorer, score_cutoff=lowest_title + cost, limit=None
            )
            pairs.update((talk, readings[index][0]) for _, _, index in found)
    for video, words in readings:
        if words.cut and len(words.title) >= _MIN_PREFIX:
            found = process.extract(
                words.title,
                [title for _, title in talk_titles],
                scorer=fuzz.partial_ratio,
                score_cutoff=lowest_title,
                limit=None,
            )
            pairs.update((talk_titles[index][0], video) for _, _, index in found)
    return pairs


def _title_score(talk: str, words: VideoWords) -> float:
    video = words.title
    score = max(fuzz.ratio(talk, video), fuzz.token_sort_ratio(talk, video) - _WORD_ORDER)
    if words.cut and _MIN_PREFIX <= len(video) < len(talk):
        start = fuzz.ratio(video, talk[: len(video)])
        score = max(score, start - _CUT * (1 - len(video) / len(talk)))
    if not words.cut and _numbers(talk) != _numbers(video):
        score -= _NUMBERS
    return score


def _numbers(title: str) -> list[str]:
    return [word for word in title.split() if word.isdigit()]


def _evidence(names: tuple[str, ...], words: VideoWords) -> Evidence:
    """Whether the video names the page's speakers; a cut title may have lost some of them."""
    if not names or len(words.speakers) < _SHORT_NAME - 1:
        return Evidence.NONE
    named = sum(_named(name, words.speakers, cut=words.cut) for name in names)
    if not named:
        return Evidence.OTHER if words.names else Evidence.NONE
    every = (named == len(names) or words.cut) and words.names in (0, named)
    return Evidence.SAME if every else Evidence.SOME


def _named(name: str, speakers: str, *, cut: bool) -> bool:
    """Whether ``speakers`` names the person: a close match, or the whole word for a short name.

    At the end of a cut title, the start of the name is enough (``Nikos Papad``).
    """
    if len(name) < _SHORT_NAME:
        return name in speakers.split()
    if cut and any(speakers.endswith(name[:end]) for end in range(_SHORT_NAME, len(name))):
        return True
    return fuzz.partial_ratio(name, speakers) >= _SAME_NAME
