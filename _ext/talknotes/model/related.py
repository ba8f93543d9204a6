"""Related talks: what to read after a talk, across conferences and years.

Two talks relate by the tags they share, each weighted by how rare it is on the
site (a tag on half the talks says little), and by the speakers they share.
Talks at other conferences weigh a little more: finding them is the point of a
site that spans years. Pages a talk pins with ``related:`` come first.

Ranking compares every talk with the talks that share its rare tags, so its cost
grows with the square of the site (13 s at 5000 talks). A rebuild that changed
nothing it ranks by (an edit to a talk's notes) reuses the last build's lists:
``ranked_from`` is the digest of what they were ranked from.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .site import Site, Talk

__all__ = ["LIMIT", "RankedRelated", "ranked_from", "related_talks"]

#: the most related talks a page shows
LIMIT = 5
#: a tag on more than this share of the talks relates none on its own
_COMMON = 0.25
#: the least a relation must weigh: one tag no more common than ``_COMMON``
_THRESHOLD = math.log(1 / _COMMON)
_SHARED_SPEAKER = 3.0
_OTHER_CONFERENCE = 1.25


@dataclass(frozen=True)
class RankedRelated:
    """Each talk's related pages by name, and the digest of what they were ranked from."""

    inputs: str
    names: dict[str, tuple[str, ...]]


def ranked_from(site: Site, code: str) -> str:
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


def related_talks(site: Site) -> dict[str, list[Talk]]:
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

    related = {}
    for talk in talks:
        pinned = [site.page(name) for name in talk.record.related]
        scored = _scored(talk, tagged, weight, speakers_of, by_speaker)
        best = heapq.nsmallest(LIMIT + len(pinned), scored)
        ranked = [other for *_, other in best if other.docname not in talk.record.related]
        chosen = [*pinned, *ranked][: max(LIMIT, len(pinned))]
        if chosen:
            related[talk.docname] = chosen
    return related


def _scored(
    talk: Talk,
    tagged: dict[str, list[Talk]],
    weight: dict[str, float],
    speakers_of: dict[Talk, set[str]],
    by_speaker: dict[str, list[Talk]],
) -> list[tuple[float, bool, str, Talk]]:
    """The talks related to ``talk`` enough to show, as sort keys (best first when sorted).

    Rare tags and shared speakers find the candidates, adding their weight as they
    find them; a common tag only adds to a candidate found otherwise.
    """
    # In page order: a set's order changes between processes, and so could a sum of weights.
    tags = dict.fromkeys(talk.record.tag_keys)
    scores: dict[Talk, float] = defaultdict(float)
    for key in tags:
        if weight[key] >= _THRESHOLD:  # a common tag finds too many, and relates none alone
            for other in tagged[key]:
                scores[other] += weight[key]
    for slug in speakers_of[talk]:
        for other in by_speaker[slug]:
            scores[other] += _SHARED_SPEAKER
    scores.pop(talk, None)
    scored = []
    for other, found in scores.items():
        common = sum(
            weight[key] for key in other.record.tag_keys if key in tags and weight[key] < _THRESHOLD
        )
        elsewhere = other.conference is not talk.conference
        score = (found + common) * (_OTHER_CONFERENCE if elsewhere else 1)
        if score >= _THRESHOLD:
            scored.append((-score, not elsewhere, other.docname, other))
    return scored
