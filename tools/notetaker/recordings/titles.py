"""Talk pages and video titles reduced to what matching compares: plain titles and names.

An organiser titles a recording after the schedule entry, ``Title - Speaker,
Company``, but not always the same way: case, punctuation, accents and dashes
change, a ``Keynote:`` prefix comes or goes, a ``| Project Lightning Talk``
suffix appears, and YouTube cuts titles at 100 characters. Both sides are
reduced to the same plain form, so the fuzzy scores measure wording, not typing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..schedule.bylines import split_byline
from ..schedule.sessions import kinds_of

__all__ = ["TalkWords", "VideoWords", "plain", "talk_words", "video_words"]

#: the longest title YouTube keeps; a title this close to it may have been cut
YOUTUBE_TITLE_LIMIT = 100
_CUT_MARGIN = 10
_ELLIPSIS = ("...", "\u2026")
_NOT_A_WORD = re.compile(r"[\W_]+")
_BAR = re.compile(r"\s+\|\s+")
_LAST_DASH = re.compile(r"\s[-\u2013\u2014]\s(?!.*\s[-\u2013\u2014]\s)")
_ESCAPE = re.compile(r"\\(.)")
_LABEL_WORDS = 4
#: the fewest words a part of a page title needs to be read alone
_PART_WORDS = 3
_PREFIX = re.compile(r"(?P<label>[^:|]+?)\s*(?::|\s[-\u2013\u2014])\s+(?P<rest>.+)")


@dataclass(frozen=True)
class TalkWords:
    """A talk page as matching sees it: its plain titles and its speakers' plain names.

    ``titles`` holds the whole title first, then each part of a title that a
    `` | `` splits (``Cloud Native Theater | Title``), since organisers drop such
    venue labels from their videos.
    """

    titles: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class VideoWords:
    """One reading of a video title: a plain title and the plain text of its speakers.

    ``names``: how many speakers the text was read as (0: it could not be read
    as a list of them). ``guessed``: the title was cut at a dash without a list
    of speakers behind it (a byline in a shape nobody reads, or a subtitle such
    as ``- CNCF Project Update``), so it counts only when it names a speaker of
    the page. ``cut``: the title may end early.
    """

    title: str
    speakers: str
    names: int
    cut: bool
    guessed: bool = False


def plain(text: str) -> str:
    """Lower case, no accents, ``&`` as ``and``, every run of punctuation as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NOT_A_WORD.sub(" ", letters.casefold().replace("&", " and "))
    return " ".join(words.split())


def talk_words(title_markdown: str, names: list[str]) -> TalkWords:
    """A page's title (Markdown escapes undone) and speaker names, in plain form."""
    title = _ESCAPE.sub(r"\1", title_markdown)
    readings = [title]
    if len(parts := _BAR.split(title)) > 1:
        readings += [part for part in parts if len(part.split()) >= _PART_WORDS]
    titles = (plain(_without_kind(reading)) for reading in readings)
    return TalkWords(
        tuple(dict.fromkeys(text for text in titles if text)),
        tuple(plain(name) for name in names if plain(name)),
    )


def video_words(title: str) -> list[VideoWords]:
    """The readings of a video title: ``Title - Speakers`` or as it stands, labels or not."""
    cut = len(title) >= YOUTUBE_TITLE_LIMIT - _CUT_MARGIN or title.rstrip().endswith(_ELLIPSIS)
    text = title.rstrip().rstrip(".\u2026 ") if cut else title
    found: list[VideoWords] = []
    for head, speakers, names, guessed in _split(text):
        parts = _BAR.split(head)
        kept = [part for part in parts if not _is_kind_label(part)]
        for reading in [head] if kept in ([], parts) else [head, " - ".join(kept)]:
            words = VideoWords(plain(_without_kind(reading)), plain(speakers), names, cut, guessed)
            if words.title and words not in found:
                found.append(words)
    return found


def _split(text: str) -> list[tuple[str, str, int, bool]]:
    """(title, speakers, how many, guessed): as Sched writes it, else as it stands or at a dash."""
    title, byline, speakers = split_byline(text)
    if speakers:
        return [(title, byline, len(speakers), False)]
    dash = _LAST_DASH.search(text)
    if dash is None:
        return [(text, "", 0, False)]
    return [(text, "", 0, False), (text[: dash.start()], text[dash.end() :], 0, True)]


def _is_kind_label(part: str) -> bool:
    """``Project Lightning Talk``, ``Keynote Sessions``: a session's kind, not its title."""
    return len(part.split()) <= _LABEL_WORDS and bool(kinds_of(f"{part}:"))


def _without_kind(title: str) -> str:
    """The title without its session-kind prefixes (``Keynote: Tutorial:``, ``Keynote -``)."""
    title = title.strip()
    while (prefix := _PREFIX.fullmatch(title)) and _is_kind_label(prefix["label"]):
        title = prefix["rest"].strip()
    return title
