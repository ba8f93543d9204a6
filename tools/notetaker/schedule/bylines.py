"""Sched's summaries told apart into a title and the speakers written behind it.

Sched has no field for speakers: ``all.ics`` writes them into SUMMARY after the
last `` - ``, in the shapes its organisers typed (all seen in real exports):

- ``Name, Company`` and ``Name, Job Title, Company`` (the company is the last part);
- ``A, Co; B, Co2`` (``;`` between speakers) and ``A, Title, Co & B, Title, Co``;
- ``A & B, Company`` (a company shared by the names before it), ``A and B``;
- ``Name, Maintainer`` (a project role, no company);
- ``Title -Name, Co`` (no space after the dash).

Titles contain `` - `` and ``:`` themselves, so the split is at the rightmost dash
whose remainder reads as speakers.
"""

from __future__ import annotations

import re
import unicodedata

from talknotes.rules.speakers import Speaker

from ..authoring.plaintext import clean_line

__all__ = ["parse_speakers", "split_byline", "split_summary"]

# a hyphen, an en dash or an em dash between spaces, or " -Name" (no space after the dash)
_DASH = re.compile(r" [-\u2013\u2014] | -(?=[^\W\d_])")
_AMPERSAND = re.compile(r"\s+&\s+")
_AND = re.compile(r"\s+and\s+")
# fmt: off
_PARTICLES = frozenset([
    "van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "al",
    "el", "y", "zu", "ten", "ter", "dos", "das", "d", "l", "o", "ibn", "binti", "abu",
])
# Words that make a trailing "- Some Words" part of the title rather than a name.
_TITLE_WORDS = frozenset([
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "from", "at", "by",
    "is", "are", "your", "our", "my", "how", "why", "what", "when", "we", "you", "it", "not",
    "vs", "day", "way", "next", "new", "part", "deep", "dive", "intro", "introduction", "update",
    "overview", "panel", "keynote", "workshop", "tutorial", "demo", "edition", "session",
    "lessons", "learned", "ama", "q&a", "recap", "live", "hands-on", "beyond",
])
# The last part of a company that needs the part before it: "CoreOS, Inc."
_LEGAL_FORMS = frozenset([
    "inc", "inc.", "llc", "l.l.c.", "ltd", "ltd.", "limited", "gmbh", "ag", "co", "co.", "corp",
    "corp.", "plc", "s.a.", "sa", "b.v.", "bv", "n.v.", "nv", "se", "s.l.", "pty ltd", "oy", "ab",
    "a/s", "s.r.l.", "srl", "s.p.a.", "k.k.", "sas",
])
# The last word of a part that continues a company after " & ": "Marks & Spencer Group"
_COMPANY_WORDS = frozenset([
    "group", "labs", "systems", "technologies", "technology", "solutions", "software", "cloud",
    "bank", "company", "partners", "associates", "consulting", "services", "media",
])
# fmt: on
# A project role in place of a company: "Maintainer", "Core Maintainer", "SIG Node Co-Chair"
_ROLE = re.compile(
    r"(?:\S+\s+){0,3}(?:co-?)?(?:maintainers?|contributors?|committers?|reviewers?|approvers?"
    r"|chairs?|emeritus|members?|ambassadors?|organi[sz]ers?|authors?|creators?|leads?)",
    re.IGNORECASE,
)
_NAME_PUNCTUATION = "'\u2019.-"
_PREFIXED = re.compile(r"(?P<particle>[^\W\d_]+)[-'\u2019](?P<rest>.+)")
_MAX_NAME_WORDS = 6


def split_summary(summary: str) -> tuple[str, list[Speaker]]:
    """Sched's ``Title - Speaker, Company & Speaker2, Company2`` as title and speakers."""
    title, _byline, speakers = split_byline(summary)
    return title, speakers


def split_byline(summary: str) -> tuple[str, str, list[Speaker]]:
    """A summary as title, the byline's text after the dash, and the byline's speakers;
    without a byline, the summary, an empty text and no speakers."""
    summary = clean_line(summary)
    for dash in reversed(list(_DASH.finditer(summary))):
        title, byline = summary[: dash.start()].strip(), summary[dash.end() :].strip()
        speakers = parse_speakers(byline)
        if title and speakers:
            return title, byline, speakers
    return summary, "", []


def parse_speakers(text: str) -> list[Speaker] | None:
    """The speakers in the part of a summary after its dash, or None if it is no list of them."""
    speakers: list[Speaker] = []
    for group in text.split(";"):
        if not group.strip():
            continue
        found = _group(group.strip())
        if found is None:
            return None
        speakers += found
    return speakers or None


def _group(text: str) -> list[Speaker] | None:
    """``A, Title, Co & B & C, Co2``: names waiting for a company get the next one given."""
    speakers: list[Speaker] = []
    waiting: list[str] = []
    for part in _AMPERSAND.split(text):
        head, comma, rest = part.partition(",")
        names = _names(head.strip(), alone=not comma)
        if comma and names:
            company = _company(rest)
            speakers += [Speaker(name, company) for name in [*waiting, *names]]
            waiting = []
        elif not comma and names and not _continues_company(part, speakers, waiting):
            waiting += names
        elif not comma and speakers and speakers[-1].company and not waiting:
            last = speakers.pop()  # "Jane Doe, Johnson & Johnson": the & was the company's
            speakers.append(Speaker(last.name, f"{last.company} & {part}"))
        else:
            return None
    return speakers + [Speaker(name) for name in waiting]


def _continues_company(part: str, speakers: list[Speaker], waiting: list[str]) -> bool:
    words = part.split()
    return bool(speakers and speakers[-1].company and not waiting) and (
        words[-1].casefold() in _COMPANY_WORDS
    )


def _names(text: str, *, alone: bool) -> list[str] | None:
    """``text`` as one name, or as ``A and B``; None if it does not read as names."""
    if _is_name(text, alone=alone):
        return [text]
    halves = _AND.split(text)
    if len(halves) > 1 and all(_is_name(half, alone=True) for half in halves):
        return halves
    return None


def _company(text: str) -> str | None:
    """The last comma part (job titles before it are not kept); a role alone is no company."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        return None
    company = parts[-1]
    if company.casefold() in _LEGAL_FORMS and len(parts) > 1:
        company = f"{parts[-2]}, {company}"
    return None if _ROLE.fullmatch(company) else company


def _is_name(text: str, *, alone: bool) -> bool:
    """Whether ``text`` reads as a person's name: capitalised words, no digits.

    ``alone`` (no company follows) is stricter: two words at least (one in a script
    without capitals, like 王小明) and none of the small words titles are made of.
    """
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS:
        return False
    if alone and len(words) == 1 and not _caseless(words[0]):
        return False
    for word in words:
        if word.casefold() in _PARTICLES:
            continue
        if not _name_word(word) or (alone and word.casefold() in _TITLE_WORDS):
            return False
    return True


def _name_word(word: str) -> bool:
    """``Grønbæk``, ``O'Neil``, ``Jean-Luc``, ``J.``, ``al-Hassan``, ``प्रिया``."""
    prefixed = _PREFIXED.fullmatch(word)
    if prefixed and prefixed["particle"].casefold() in _PARTICLES:
        word = prefixed["rest"]
    first = word[0]
    if not first.isalpha() or (first.lower() == first and first.upper() != first):
        return False
    return all(
        character.isalpha()
        or unicodedata.category(character).startswith("M")
        or character in _NAME_PUNCTUATION
        for character in word
    )


def _caseless(word: str) -> bool:
    """A word of two letters or more in a script without capitals (Han, Arabic, Thai ...)."""
    letters = [character for character in word if character.isalpha()]
    return len(letters) > 1 and all(c.lower() == c.upper() for c in letters)
