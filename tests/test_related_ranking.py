"""The related-talks ranking against its definition, on a site large enough to prune.

`related_talks` ranks the talks sharing two rare tags first and compares the
rest only when they could still be among the best. Here every talk is compared
with every other, as the definition says, and the lists must be the same.
"""

from __future__ import annotations

import heapq
import math
import random
from types import SimpleNamespace
from typing import Any

from talknotes.model.related import LIMIT, related_talks

_TAGS = [f"tag-{n}" for n in range(16)] + ["common-a", "common-b"]
_RARE = math.log(4)


class _Talk(SimpleNamespace):
    """A talk as the ranking reads it, hashed by identity as the site's talks are."""

    __hash__ = object.__hash__
    __eq__ = object.__eq__


def _site(count: int, seed: int) -> Any:
    rng = random.Random(seed)
    conferences = [SimpleNamespace(docname=f"conf-{n}") for n in range(6)]
    talks = {}
    for number in range(count):
        tags = rng.sample(_TAGS[:16], rng.choice((1, 2, 3))) + rng.sample(_TAGS[16:], 1)
        pinned = (f"talk-{rng.randrange(count)}",) if number % 50 == 0 else ()
        record = SimpleNamespace(tag_keys=tags, related=pinned)
        docname = f"talk-{number}"
        talks[docname] = _Talk(docname=docname, record=record, conference=rng.choice(conferences))
    speakers = {}
    for slug in range(count // 4):
        speakers[f"s{slug}"] = SimpleNamespace(
            slug=f"s{slug}", talks=rng.sample(list(talks.values()), 2)
        )
    return SimpleNamespace(talks=talks, speakers=speakers, page=talks.__getitem__)


def _defined(site: Any) -> dict[str, list[str]]:
    """Every talk scored against every other: the definition, without shortcuts."""
    talks = list(site.talks.values())
    counts: dict[str, int] = {}
    for talk in talks:
        for key in talk.record.tag_keys:
            counts[key] = counts.get(key, 0) + 1
    weight = {key: math.log(len(talks) / count) for key, count in counts.items()}
    speakers_of: dict[int, set[str]] = {}
    for speaker in site.speakers.values():
        for talk in speaker.talks:
            speakers_of.setdefault(id(talk), set()).add(speaker.slug)
    lists = {}
    for talk in talks:
        scored = [_score(talk, other, weight, speakers_of) for other in talks if other is not talk]
        pinned = list(talk.record.related)
        best = heapq.nsmallest(LIMIT + len(pinned), [key for key in scored if key])
        ranked = [name for *_, name in best if name not in pinned]
        chosen = [*pinned, *ranked][: max(LIMIT, len(pinned))]
        if chosen:
            lists[talk.docname] = chosen
    return lists


def _score(
    talk: Any, other: Any, weight: dict[str, float], speakers_of: dict[int, set[str]]
) -> Any:
    """The sort key of ``other`` for ``talk`` (best first), or None if they do not relate."""
    found = 0.0
    for key in dict.fromkeys(talk.record.tag_keys):
        if weight[key] >= _RARE and key in other.record.tag_keys:
            found += weight[key]
    for _ in speakers_of.get(id(talk), set()) & speakers_of.get(id(other), set()):
        found += 3.0
    if not found:
        return None
    common = sum(
        weight[key]
        for key in other.record.tag_keys
        if key in talk.record.tag_keys and weight[key] < _RARE
    )
    elsewhere = other.conference is not talk.conference
    score = (found + common) * (1.25 if elsewhere else 1)
    return (-score, not elsewhere, other.docname) if score >= _RARE else None


def test_the_ranking_keeps_to_its_definition() -> None:
    for seed in (1, 2):
        site = _site(1200, seed)
        ranked = {
            name: [talk.docname for talk in talks] for name, talks in related_talks(site).items()
        }
        assert ranked == _defined(site)
