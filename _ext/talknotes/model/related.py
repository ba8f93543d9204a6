"""Related talks: what to read after a talk, across conferences and years.

Two talks relate by the tags they share, each weighted by how rare it is on the
site (a tag on half the talks says little), and by the speakers they share.
Talks at other conferences weigh a little more: finding them is the point of a
site that spans years. Pages a talk pins with ``related:`` come first.

Comparing every talk with all the talks that share one of its rare tags grows
with the square of the site (13 s at 5000 talks). So the talks sharing two rare
tags (found through pairs of tags) and its speakers' other talks are ranked
first; when enough of them beat the best that a talk sharing only one rare tag
could score, the others cannot be among the best and are not compared: the
lists are the same, for a fraction of the work. A rebuild that changed nothing
it ranks by (an edit to a talk's notes) reuses the last build's lists:
``ranked_from`` is the digest of what they were ranked from.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .speakers import SpeakerEntry
    from .talks import Talk

__all__ = ["LIMIT", "RankedRelated", "RankedSite", "ranked_from", "related_talks"]

#: the most related talks a page shows
LIMIT = 5
#: a tag on more than this share of the talks relates none on its own
_COMMON = 0.25
#: the least a relation must weigh: one tag no more common than ``_COMMON``
_THRESHOLD = math.log(1 / _COMMON)
_SHARED_SPEAKER = 3.0
_OTHER_CONFERENCE = 1.25


class RankedSite(Protocol):
    """What related talks are ranked from: the site (``model/site.py``), as far as read."""

    @property
    def talks(self) -> Mapping[str, Talk]: ...
    @property
    def listed(self) -> Mapping[str, Talk]: ...
    @property
    def speakers(self) -> Mapping[str, SpeakerEntry]: ...
    def page(self, docname: str) -> Talk: ...


@dataclass(frozen=True)
class RankedRelated:
    """Each talk's related pages by name, and the digest of what they were ranked from."""

    inputs: str
    names: dict[str, tuple[str, ...]]


def ranked_from(site: RankedSite, code: str) -> str:
    """A digest of everything `related_talks` reads, and of the ``code`` that ranks:
    equal digests, equal lists. Pinned pages are named in it and looked up anew."""
    digest = hashlib.sha256(code.encode())
    for talk in site.listed.values():
        conference = talk.conference.docname if talk.conference else None
        record = talk.record
        ranked = (talk.docname, talk.docname in site.talks, conference)
        digest.update(repr((*ranked, record.tag_keys, record.related)).encode())
    for speaker in site.speakers.values():
        digest.update(repr((speaker.slug, [talk.docname for talk in speaker.talks])).encode())
    return digest.hexdigest()


def related_talks(site: RankedSite) -> dict[str, list[Talk]]:
    """Every talk's related talks (pinned first, then the best ranked), by talk name."""
    talks = list(site.talks.values())
    if not talks:
        return {}
    tagged: dict[str, list[Talk]] = defaultdict(list)
    for talk in talks:
        for key in talk.record.tag_keys:
            tagged[key].append(talk)
    weight = {key: math.log(len(talks) / len(with_tag)) for key, with_tag in tagged.items()}
    speakers_of: dict[Talk, set[str]] = defaultdict(set)
    for speaker in site.speakers.values():
        for talk in speaker.talks:
            speakers_of[talk].add(speaker.slug)
    by_speaker: dict[str, list[Talk]] = defaultdict(list)
    for talk, slugs in speakers_of.items():
        for slug in slugs:
            by_speaker[slug].append(talk)

    rare_pairs = {talk: _rare_pairs(talk, weight) for talk in talks}
    pairs: dict[tuple[str, str], list[Talk]] = defaultdict(list)
    for talk, talk_pairs in rare_pairs.items():
        for pair in talk_pairs:
            pairs[pair].append(talk)

    related = {}
    for talk in talks:
        pinned = [site.page(name) for name in talk.record.related]
        wanted = LIMIT + len(pinned)
        close = {other: None for pair in rare_pairs[talk] for other in pairs[pair]}
        close.update((other, None) for slug in speakers_of[talk] for other in by_speaker[slug])
        scored = _scored(talk, close, weight, speakers_of)
        best = heapq.nsmallest(wanted, scored)
        if len(best) < wanted or -best[-1][0] <= _one_tag_bound(talk, weight):
            candidates = {other: None for key in talk.record.tag_keys for other in tagged[key]}
            scored = _scored(talk, candidates | close, weight, speakers_of)
            best = heapq.nsmallest(wanted, scored)
        ranked = [other for *_, other in best if other.docname not in talk.record.related]
        chosen = [*pinned, *ranked][: max(LIMIT, len(pinned))]
        if chosen:
            related[talk.docname] = chosen
    return related


def _rare_pairs(talk: Talk, weight: dict[str, float]) -> list[tuple[str, str]]:
    """Each pair of the talk's rare tags, in one order whatever the talk's order."""
    rare = sorted({key for key in talk.record.tag_keys if weight[key] >= _THRESHOLD})
    return [(first, second) for index, first in enumerate(rare) for second in rare[index + 1 :]]


def _one_tag_bound(talk: Talk, weight: dict[str, float]) -> float:
    """The most a talk sharing one rare tag and no speaker can score against ``talk``."""
    keys = set(talk.record.tag_keys)
    rare = [weight[key] for key in keys if weight[key] >= _THRESHOLD]
    common = sum(weight[key] for key in keys if weight[key] < _THRESHOLD)
    return (max(rare, default=0.0) + common) * _OTHER_CONFERENCE


def _scored(
    talk: Talk,
    candidates: dict[Talk, None],
    weight: dict[str, float],
    speakers_of: dict[Talk, set[str]],
) -> list[tuple[float, bool, str, Talk]]:
    """The ``candidates`` related to ``talk`` enough to show, as sort keys (best first).

    A rare tag or a shared speaker relates two talks; a common tag only adds to
    a relation found otherwise. Weights are added in the talk's tag order, so a
    sum never depends on a set's order (which changes between processes).
    """
    tags = dict.fromkeys(talk.record.tag_keys)
    speakers = speakers_of[talk]
    scored = []
    for other in candidates:
        if other is talk:
            continue
        found = 0.0
        for key in tags:
            if weight[key] >= _THRESHOLD and key in other.record.tag_keys:
                found += weight[key]
        for _ in speakers & speakers_of[other]:  # one at a time: the same float as ever
            found += _SHARED_SPEAKER
        if not found:
            continue
        common = sum(
            weight[key] for key in other.record.tag_keys if key in tags and weight[key] < _THRESHOLD
        )
        elsewhere = other.conference is not talk.conference
        score = (found + common) * (_OTHER_CONFERENCE if elsewhere else 1)
        if score >= _THRESHOLD:
            scored.append((-score, not elsewhere, other.docname, other))
    return scored
