"""What ``fill-recordings`` will do: which pages get which video, and which are left, and why.

A page that has a video keeps it (unless ``force``), and its video is nobody
else's; every other page of the conference is matched against the videos no
page uses yet. Running again after a fill plans nothing new, because the filled
pages and their videos leave the pool together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .matching import Assignment, Evidence, Pair, assign
from .titles import video_words

if TYPE_CHECKING:
    from .playlist import Video
    from .talks import TalkRecording

__all__ = ["Fill", "Plan", "plan_fills"]


@dataclass(frozen=True)
class Fill:
    talk: TalkRecording
    video: Video
    score: float
    evidence: Evidence


@dataclass
class Plan:
    """Every page of the conference in one of five lists, and the videos no page took."""

    fills: list[Fill] = field(default_factory=list)
    kept: list[TalkRecording] = field(default_factory=list)  # had a video, not matched again
    unchanged: list[Fill] = field(default_factory=list)  # --force found the video it has
    ambiguous: list[tuple[TalkRecording, list[tuple[Video, TalkRecording, float]]]] = field(
        default_factory=list
    )
    unmatched: list[tuple[TalkRecording, Fill | None]] = field(default_factory=list)
    unused: list[Video] = field(default_factory=list)


def plan_fills(
    talks: list[TalkRecording], videos: list[Video], *, min_score: float, force: bool
) -> Plan:
    """Match the pages waiting for a video (all pages with ``force``) to the free videos."""
    plan = Plan()
    waiting = [talk for talk in talks if force or talk.url is None]
    plan.kept = [talk for talk in talks if not force and talk.url is not None]
    used = {talk.url for talk in plan.kept}
    free = [video for video in videos if video.url not in used]
    outcome = assign(
        [talk.words for talk in waiting],
        [video_words(video.title) for video in free],
        min_score=min_score,
    )
    _sort(plan, outcome, waiting, free)
    taken = {pair.video for pair in outcome.filled.values()}
    plan.unused = [video for index, video in enumerate(free) if index not in taken]
    return plan


def _sort(plan: Plan, outcome: Assignment, talks: list[TalkRecording], videos: list[Video]) -> None:
    def fill(pair: Pair) -> Fill:
        return Fill(talks[pair.talk], videos[pair.video], pair.score, pair.evidence)

    for index, talk in enumerate(talks):
        if index in outcome.filled:
            found = fill(outcome.filled[index])
            (plan.unchanged if talk.url == found.video.url else plan.fills).append(found)
        elif talk.url is not None:  # --force found nothing better: the page keeps its video
            plan.kept.append(talk)
        elif index in outcome.ambiguous:
            rivals = [
                (videos[pair.video], talks[pair.talk], pair.score)
                for pair in outcome.ambiguous[index]
            ]
            plan.ambiguous.append((talk, rivals))
        else:
            best = outcome.unmatched.get(index)
            plan.unmatched.append((talk, fill(best) if best else None))
