"""The speaker shapes of Sched summaries, each with the speakers it must give.

Every shape seen in real exports (see the style guide's notes on Sched) is
written here from its parts, so the expected speakers are known without
parsing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tests.notetaker import programme_pools as pools

if TYPE_CHECKING:
    import random
    from collections.abc import Callable

#: the shapes, in the order the report lists them
SHAPES = (
    "name-company",
    "name-title-company",
    "semicolon",
    "ampersand",
    "shared-company",
    "and",
    "and-company",
    "role",
    "no-space",
    "legal-form",
    "company-ampersand",
    "bare",
    "other-scripts",
    "hostile",
    "none",
)


@dataclass(frozen=True)
class _Parts:
    """Three people, their companies and two job titles, drawn for one summary."""

    a: str
    b: str
    x: str
    y: str
    job: str
    job2: str
    role: str
    other: tuple[str, str]

    def at(self, name: str, company: str) -> str:
        return f"{name} ({company})"


# shape -> (what follows the title, the speakers it gives)
_SHAPED: dict[str, Callable[[_Parts], tuple[str, tuple[str, ...]]]] = {
    "name-company": lambda p: (f" - {p.a}, {p.x}", (p.at(p.a, p.x),)),
    "name-title-company": lambda p: (f" - {p.a}, {p.job}, {p.x}", (p.at(p.a, p.x),)),
    "semicolon": lambda p: (
        f" - {p.a}, {p.x}; {p.b}, {p.y}; {p.other[0]}, {p.x}",
        (p.at(p.a, p.x), p.at(p.b, p.y), p.at(p.other[0], p.x)),
    ),
    "ampersand": lambda p: (
        f" - {p.a}, {p.job}, {p.x} & {p.b}, {p.job2}, {p.y}",
        (p.at(p.a, p.x), p.at(p.b, p.y)),
    ),
    "shared-company": lambda p: (f" - {p.a} & {p.b}, {p.x}", (p.at(p.a, p.x), p.at(p.b, p.x))),
    "and": lambda p: (f" - {p.a} and {p.b}", (p.a, p.b)),
    "and-company": lambda p: (f" - {p.a} and {p.b}, {p.x}", (p.at(p.a, p.x), p.at(p.b, p.x))),
    "role": lambda p: (f" - {p.a}, {p.role}", (p.a,)),
    "no-space": lambda p: (f" -{p.a}, {p.x}", (p.at(p.a, p.x),)),
    "legal-form": lambda p: (
        f" - {p.a}, {pools.COMPANY_WITH_COMMA} & {p.b}, {p.y}",
        (p.at(p.a, pools.COMPANY_WITH_COMMA), p.at(p.b, p.y)),
    ),
    "company-ampersand": lambda p: (
        f" - {p.a}, {pools.COMPANY_WITH_AMPERSAND} & {p.b}, {p.y}",
        (p.at(p.a, pools.COMPANY_WITH_AMPERSAND), p.at(p.b, p.y)),
    ),
    "bare": lambda p: (f" - {p.a}", (p.a,)),
    "other-scripts": lambda p: (
        f" - {p.other[0]}, {p.x} & {p.other[1]}",
        (p.at(p.other[0], p.x), p.other[1]),
    ),
    # a line separator and a paragraph separator in names, DEL and a control in between
    "hostile": lambda p: (
        f" - Ana\u2028Silva, Acme\x7f Corp & Kim\x01 Sample\u2029, {p.y}",
        ("Ana Silva (Acme Corp)", f"Kim Sample ({p.y})"),
    ),
    "none": lambda p: ("", ()),
}


def speakers_of(rng: random.Random, title: str, shape: str) -> tuple[str, tuple[str, ...]]:
    """The SUMMARY of a talk titled ``title`` in ``shape``, and its speakers as front matter."""
    x, y = rng.sample(pools.COMPANIES, 2)
    job, job2 = rng.sample(pools.JOB_TITLES, 2)
    other = tuple(rng.sample(pools.OTHER_SCRIPTS, 2))
    parts = _Parts(_name(rng), _name(rng), x, y, job, job2, rng.choice(pools.ROLES), other)  # type: ignore[arg-type]
    tail, speakers = _SHAPED[shape](parts)
    return title + tail, speakers


def _name(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(pools.OTHER_SCRIPTS)
    return f"{rng.choice(pools.FIRST_NAMES)} {rng.choice(pools.LAST_NAMES)}"
