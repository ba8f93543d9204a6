"""Writing pages in the authoring format: templates, slugs, numbering, front matter, toctrees.

Everything that touches a page on disk goes through here, so the three commands
write the same shape of page, and a page a note-taker has edited is changed only
where a command owns a value (a front-matter key, the title line, a toctree entry).
"""

from __future__ import annotations

import difflib
import fnmatch
import itertools
import json
import re
import string
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import yaml

from talknotes.frontmatter import Conference, Speaker, date_range
from talknotes.urls import ResourceURLError, check_resource_url
from talknotes.vocabulary import Vocabulary, load_vocabulary

from . import REPO
from .errors import UserError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

__all__ = [
    "ARCHETYPES",
    "TALK_FILE",
    "ConferenceSite",
    "TalkPage",
    "Templates",
    "check_tags",
    "checked_url",
    "ensure_day_lists_talks",
    "ensure_home_lists",
    "escape_block",
    "escape_inline",
    "first_heading",
    "format_time",
    "load_tags",
    "next_number",
    "parse_time",
    "read_conference",
    "read_front_matter",
    "render_front_matter",
    "render_talk",
    "set_title",
    "slugify",
    "split_front_matter",
    "split_speakers",
    "update_front_matter",
]

ARCHETYPES = REPO / "archetypes"
#: A talk page's file name: ``NN-slug.md``.
TALK_FILE = re.compile(r"(?P<number>\d+)-(?P<slug>.+)\.md")
#: Talk front-matter keys in the order the tools write them.
TALK_KEYS = ("tags", "speakers", "time", "room", "source")
_MAX_CONFERENCE_DAYS = 31

FrontMatterValue = str | list[str] | None


# -- templates ------------------------------------------------------------------------


class Templates:
    """The page templates in ``archetypes/`` (like Hugo's), so a site can change them.

    A template is Markdown with ``${name}`` placeholders (Python's ``string.Template``;
    write ``$$`` for a dollar sign); lines starting with ``%#`` are notes for the
    template's editor and are not copied.
    """

    def __init__(self, folder: Path = ARCHETYPES) -> None:
        self.folder = folder

    def render(self, template_name: str, /, **values: str) -> str:
        path = self.folder / template_name
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise UserError(f"cannot read the template: {error.strerror}", path) from None
        lines = [line for line in text.splitlines() if not line.startswith("%#")]
        template = string.Template("\n".join(lines))
        try:
            rendered = template.substitute(values)
        except KeyError as error:
            unknown = error.args[0]
            line = next((n for n, text in enumerate(text.splitlines(), 1) if unknown in text), None)
            raise UserError(
                f"unknown placeholder ${{{unknown}}}; this template can use "
                + ", ".join(f"${{{key}}}" for key in sorted(values)),
                path,
                line,
            ) from None
        except ValueError as error:
            raise UserError(
                f"bad placeholder ({error}); write $$ for a dollar sign", path
            ) from None
        return tidy(rendered)


def tidy(text: str) -> str:
    """One blank line at most between blocks, no trailing spaces, one final newline.

    Empty placeholders would otherwise leave gaps wherever a template puts them.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


# -- text -----------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['\u2019`]")
_INLINE_SPECIALS = re.compile(r"([\\`*\[\]<{}])")
_LONE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_BLOCK_SPECIALS = re.compile(r"([\\`\[\]<{}])")
# Line starts that would turn abstract text into structure inside the dropdown: a
# heading or setext underline (a section, which a directive cannot hold), a MyST
# comment (%), directive options (:), fences, block breaks, targets, thematic breaks.
_BLOCK_LINE_START = re.compile(r"#|%|:|\+\+\+|~~~|\(|=+$|-+$|(?:\*\s*){3,}$|(?:_\s*){3,}$")


def slugify(text: str, max_length: int = 40) -> str:
    """A file-name slug: ASCII letters and digits joined by '-', cut at a word boundary."""
    folded = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text))
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode().lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "talk")


def escape_inline(text: str) -> str:
    """Plain text (a title from a schedule) as Markdown that shows it literally.

    Brackets, braces, angle brackets and backticks would otherwise become links,
    MyST roles, raw HTML or code; a trailing `` #`` would be eaten as a closing sequence.
    """
    text = " ".join(text.split())
    text = _LONE_UNDERSCORE.sub(r"\\_", _INLINE_SPECIALS.sub(r"\\\1", text))
    return re.sub(r"(?<=\s)#", r"\\#", text) if re.search(r"\s#+$", text) else text


def escape_block(text: str) -> str:
    """Plain text (an abstract) as Markdown paragraphs that cannot break the page.

    Keeps emphasis and lists, which are harmless, but nothing that could become raw
    HTML, a link to a missing page, a role, a heading inside the dropdown or the end
    of the dropdown itself.
    """
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BLOCK_SPECIALS.sub(r"\\\1", raw.strip())
        if _BLOCK_LINE_START.match(line):
            line = "\\" + line
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def split_speakers(text: str) -> list[Speaker]:
    """``"Jane Doe (Acme), John Roe (Foo, Inc.)"``: commas inside parentheses stay.

    A ``;`` anywhere makes ``;`` the separator instead, for names written with commas.
    """
    separator = ";" if ";" in text else ","
    parts, current, depth = [], [], 0
    for character in text:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == separator and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(character)
    parts.append("".join(current))
    return [Speaker.parse(part) for part in parts if part.strip()]


def parse_time(text: str) -> datetime:
    """An ISO date and time with its UTC offset, as the authoring format requires."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise UserError(
            f"--time {text!r} must be a local date and time with its UTC offset, "
            "like 2025-04-01T11:00+01:00"
        )
    return moment


def format_time(moment: datetime) -> str:
    """``2025-04-01T11:00+01:00``: local time with its offset, seconds only if any."""
    offset = moment.strftime("%z") or "+0000"
    pattern = "%Y-%m-%dT%H:%M:%S" if moment.second else "%Y-%m-%dT%H:%M"
    return f"{moment.strftime(pattern)}{offset[:3]}:{offset[3:]}"


# -- front matter ---------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[list[str], list[str]]:
    """The front matter's lines (without the ``---`` fences) and the body's lines."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return [], lines
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return lines[1:index], lines[index + 1 :]
    return [], lines


def read_front_matter(path: Path, text: str | None = None) -> dict:
    """The page's front matter as YAML data ({} without any); bad YAML is a user error."""
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise UserError(f"cannot read: {error.strerror}", path) from None
    front, _ = split_front_matter(text)
    if not front:
        return {}
    try:
        data = yaml.safe_load("\n".join(front))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise UserError(
            f"front matter is not valid YAML: {problem}", path, mark.line + 2 if mark else None
        ) from None
    return data if isinstance(data, dict) else {}


def yaml_text(value: str, *, flow: bool = False) -> str:
    """``value`` as a YAML scalar: plain when YAML reads it back unchanged, else quoted."""
    if value and value == value.strip():
        try:
            loaded = yaml.safe_load(f"[{value}]" if flow else f"k: {value}")
        except yaml.YAMLError:
            loaded = None
        if loaded == ([value] if flow else {"k": value}):
            return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted strings


def front_matter_line(key: str, value: str | list[str]) -> str:
    if isinstance(value, list):
        return f"{key}: [{', '.join(yaml_text(item, flow=True) for item in value)}]"
    return f"{key}: {yaml_text(value)}"


def render_front_matter(values: dict[str, FrontMatterValue]) -> str:
    """Front-matter lines for the keys with a value (``tags`` always, even empty)."""
    return "\n".join(
        front_matter_line(key, value)
        for key, value in values.items()
        if value is not None and (value != [] or key == "tags")
    )


def _comment_of(line: str) -> str:
    """A YAML line's trailing ``# comment`` (outside quotes), with its leading spaces."""
    quote = None
    for index, character in enumerate(line):
        if quote:
            quote = None if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character == "#" and index and line[index - 1] in " \t":
            return "  " + line[index:]
    return ""


def update_front_matter(text: str, changes: dict[str, FrontMatterValue]) -> str:
    """Rewrite only the given top-level keys (None removes one), keeping every other line.

    Comments on a rewritten key's line are kept; a new key goes where it belongs in
    the tools' key order, so the note-taker's own keys and comments stay as they were.
    """
    front, body = split_front_matter(text)
    if not front:
        front = []
    for key, value in changes.items():
        start = next(
            (i for i, line in enumerate(front) if re.match(rf"{re.escape(key)}\s*:", line)), None
        )
        new = None if value is None or value == [] else front_matter_line(key, value)
        if start is None:
            if new is None:
                continue
            later = TALK_KEYS[TALK_KEYS.index(key) + 1 :] if key in TALK_KEYS else ()
            start = next(
                (
                    i
                    for i, line in enumerate(front)
                    if any(re.match(rf"{k}\s*:", line) for k in later)
                ),
                len(front),
            )
            front.insert(start, new)
            continue
        end = start + 1
        while end < len(front) and (front[end][:1] in (" ", "\t", "-") and front[end].strip()):
            end += 1
        replacement = [] if new is None else [new + _comment_of(front[start])]
        front[start:end] = replacement
    return "\n".join(["---", *front, "---", *body]) + "\n"


def first_heading(lines: Iterable[str]) -> tuple[int, str] | None:
    """The index and text of the first ``# heading`` outside code fences."""
    fence = None
    for index, line in enumerate(lines):
        marker = re.match(r"\s{0,3}(`{3,}|~{3,}|:{3,})", line)
        if marker:
            token = marker[1]
            if fence is None:
                fence = token
            elif (
                token[0] == fence[0] and len(token) >= len(fence) and not line.strip()[len(token) :]
            ):
                fence = None
            continue
        if fence is None and re.match(r"#\s", line):
            return index, line[1:].strip()
    return None


def set_title(text: str, title_markdown: str) -> str:
    """Replace the page's first heading (the title) with ``title_markdown``."""
    front, body = split_front_matter(text)
    found = first_heading(body)
    if found is None:
        body = ["", f"# {title_markdown}", *body]
    else:
        body[found[0]] = f"# {title_markdown}"
    head = ["---", *front, "---"] if front else []
    return "\n".join([*head, *body]) + "\n"


# -- conferences, days and talks ------------------------------------------------------


@dataclass(frozen=True)
class ConferenceSite:
    """A conference folder in ``docs/`` with what its index page says about it."""

    slug: str
    folder: Path
    conference: Conference

    @property
    def last_day(self) -> date:
        return self.conference.end or self.conference.start

    def dates(self) -> list[date]:
        days = (self.last_day - self.conference.start).days + 1
        return [self.conference.start + timedelta(days=n) for n in range(days)]


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def read_conference(docs: Path, slug: str) -> ConferenceSite:
    """The conference ``docs/<slug>/``; a missing or incomplete page is a user error."""
    index = docs / slug / "index.md"
    if not index.is_file():
        known = sorted(
            path.parent.name for path in docs.glob("*/index.md") if _has_conference(path)
        )
        hint = _did_you_mean(slug, known) or (
            f"; conferences in {docs}: {', '.join(known)}" if known else ""
        )
        raise UserError(
            f"no conference page {index}{hint} (create one with `nox -s new-conference`)"
        )
    data = read_front_matter(index).get("conference")
    if not isinstance(data, dict):
        raise UserError("this page has no `conference:` front matter", index, 1)
    start, end = _date(data.get("start")), _date(data.get("end"))
    name = str(data.get("name") or "").strip()
    if not name or start is None:
        raise UserError("`conference:` needs a name and a start date (YYYY-MM-DD)", index, 2)
    conference = Conference(name, start, end, data.get("location"), data.get("website"))
    return ConferenceSite(slug, index.parent, conference)


def _has_conference(index: Path) -> bool:
    try:
        return "conference" in read_front_matter(index)
    except UserError:
        return False


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known)
    return f" (did you mean {' or '.join(close[:3])}?)" if close else ""


def check_conference_dates(start: date, end: date | None) -> None:
    if end is not None and end < start:
        raise UserError(f"--end {end} is before --start {start}")
    if end is not None and (end - start).days >= _MAX_CONFERENCE_DAYS:
        raise UserError(
            f"{start} to {end} is more than {_MAX_CONFERENCE_DAYS} days; check --start and --end"
        )


def day_folder(number: int) -> str:
    return f"day-{number}"


def first_day_number(site: ConferenceSite, explicit: int | None) -> int:
    """The number of the conference's first day: ``--first-day``, else 0 if ``day-0`` exists.

    KubeCon-style sites call the co-located events day "day 0"; the tools count from
    1 unless the conference was made that way (``new-conference --first-day 0``).
    """
    if explicit is not None:
        return explicit
    return 0 if (site.folder / "day-0" / "index.md").is_file() else 1


def day_for(site: ConferenceSite, moment: date, first: int) -> str | None:
    """The day folder of a date, or None if it lies outside the conference's dates."""
    if not site.conference.start <= moment <= site.last_day:
        return None
    return day_folder((moment - site.conference.start).days + first)


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def render_day(
    templates: Templates, site: ConferenceSite, number: int, day: date | None, *, talks: bool
) -> str:
    return templates.render(
        "day.md",
        title=f"Day {number}",
        number=str(number),
        date=day.isoformat() if day else "",
        date_long=long_date(day) if day else "",
        conference=site.conference.name,
        talks=templates.render("day-talks.md") if talks else "",
    )


def talk_numbers(day: Path) -> Iterator[tuple[int, str, Path]]:
    if not day.is_dir():
        return
    for path in sorted(day.glob("*.md")):
        match = TALK_FILE.fullmatch(path.name)
        if match:
            yield int(match["number"]), match["slug"], path


def next_number(day: Path) -> int:
    """One more than the highest ``NN-`` in the day folder (1 for an empty day)."""
    return max((number for number, _, _ in talk_numbers(day)), default=0) + 1


def talk_file_name(number: int, slug: str) -> str:
    return f"{number:02d}-{slug}.md"


# -- toctrees -------------------------------------------------------------------------

_TOCTREE_OPEN = re.compile(r"\s{0,3}(?P<fence>`{3,}|:{3,})\{toctree\}")


@dataclass
class Toctree:
    """One toctree in a page: where its entries are and whether it globs."""

    glob: bool = False
    entries: list[str] = field(default_factory=list)
    entry_lines: list[int] = field(default_factory=list)
    close_line: int = 0

    def includes(self, docname: str) -> bool:
        for entry in self.entries:
            name = entry.removesuffix(".md")
            if name == docname or (self.glob and fnmatch.fnmatchcase(docname, name)):
                return True
        return False


def toctrees(lines: list[str]) -> list[Toctree]:
    found = []
    index = 0
    while index < len(lines):
        opening = _TOCTREE_OPEN.match(lines[index])
        index += 1
        if not opening:
            continue
        fence, tree = opening["fence"], Toctree()
        while index < len(lines):
            line = lines[index].strip()
            if line.startswith(fence[0] * len(fence)) and not line.lstrip(fence[0]):
                tree.close_line = index
                break
            if line == ":glob:":
                tree.glob = True
            elif line and not line.startswith(":"):
                tree.entries.append(line)
                tree.entry_lines.append(index)
            index += 1
        found.append(tree)
        index += 1
    return found


def ensure_day_lists_talks(day_index: Path, talk_name: str, templates: Templates) -> str | None:
    """Make the day page list its talks; return a hint if only the note-taker can.

    A day page gets its talks toctree (``day-talks.md``) with its first talk, as an
    empty glob would be a build warning. A day page whose own toctree does not
    cover the talk is left alone: the hint says what to add.
    """
    text = day_index.read_text(encoding="utf-8")
    lines = text.splitlines()
    trees = toctrees(lines)
    docname = talk_name.removesuffix(".md")
    if any(tree.includes(docname) for tree in trees):
        return None
    if trees:
        return f"add {docname} to the toctree of {day_index}"
    addition = templates.render("day-talks.md")
    day_index.write_text(text.rstrip("\n") + "\n\n" + addition, encoding="utf-8")
    return None


def ensure_home_lists(docs: Path, slug: str, start: date, templates: Templates) -> str:
    """Make the home page list the conference; return what was done, or a hint."""
    home = docs / "index.md"
    entry = f"{slug}/index"
    if not home.exists():
        home.write_text(templates.render("home.md"), encoding="utf-8")
        if any(tree.includes(entry) for tree in toctrees(home.read_text("utf-8").splitlines())):
            return f"wrote {home}"
        return f"wrote {home}; add {entry} to one of its toctrees"
    lines = home.read_text(encoding="utf-8").splitlines()
    trees = toctrees(lines)
    if any(tree.includes(entry) for tree in trees):
        return f"{home} already lists it"
    listing = next(
        (t for t in trees if t.entries and all(re.fullmatch(r"[^/]+/index", e) for e in t.entries)),
        None,
    )
    if listing is None:
        return f"add {entry} to a toctree in {home}"
    starts = [_listed_start(docs, name) for name in listing.entries]
    ascending = len(starts) > 1 and all(
        a is not None and b is not None and a <= b for a, b in itertools.pairwise(starts)
    )
    position = len(listing.entries)
    for place, other in enumerate(starts):
        if other is not None and (other > start if ascending else other < start):
            position = place
            break
    line = listing.entry_lines[position] if position < len(listing.entries) else None
    if line is None:
        line = listing.entry_lines[-1] + 1
    indent = re.match(r"\s*", lines[listing.entry_lines[0]])[0]
    lines.insert(line, indent + entry)
    home.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f"added {entry} to {home}"


def _listed_start(docs: Path, entry: str) -> date | None:
    try:
        return read_conference(docs, entry.removesuffix("/index")).conference.start
    except UserError:
        return None


# -- tags and URLs --------------------------------------------------------------------


def load_tags(docs: Path) -> tuple[Vocabulary, list[str]]:
    """The site's tag vocabulary and its problems, as ``tags.yml:line: message`` texts."""
    path = docs / "tags.yml"
    vocabulary, problems = load_vocabulary(path)
    return vocabulary, [
        f"{path}:{problem.line}: {problem.message}" if problem.line else f"{path}: {problem}"
        for problem in problems
    ]


def suggestion(vocabulary: Vocabulary, name: str) -> str:
    close = vocabulary.suggest(name)
    return f" (did you mean {' or '.join(close)}?)" if close else ""


def check_tags(vocabulary: Vocabulary, names: Iterable[str], docs: Path) -> list[str]:
    """The vocabulary keys for the tags given on the command line; unknown ones are errors."""
    keys, problems = [], []
    for name in names:
        key = vocabulary.resolve(name)
        if key is None:
            problems.append(f"{name!r}{suggestion(vocabulary, name)}")
        elif key not in keys:
            keys.append(key)
    if problems:
        where = docs / "tags.yml"
        known = "" if vocabulary.tags else f" ({where} has no tags)"
        raise UserError(
            f"unknown tag {', '.join(problems)}: tags come from {where}{known}; "
            "add new topics there first"
        )
    return keys


def checked_url(option: str, url: str) -> str:
    """The URL to write for ``--video``/``--slides``/``--demo``, or a user error."""
    try:
        return check_resource_url(url.strip())
    except ResourceURLError as error:
        raise UserError(f"{option}: {error}") from None


# -- talk pages -----------------------------------------------------------------------


@dataclass
class TalkPage:
    """What a new talk page says; the template decides where it goes."""

    title: str
    tags: list[str] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    time: datetime | None = None
    room: str | None = None
    source: str | None = None
    video: str | None = None
    slides: str | None = None
    demo: str | None = None
    abstract: str = ""
    schedule_url: str | None = None

    def front_matter(self) -> dict[str, FrontMatterValue]:
        return {
            "tags": self.tags,
            "speakers": [str(speaker) for speaker in self.speakers],
            "time": format_time(self.time) if self.time else None,
            "room": self.room or None,
            "source": self.source,
        }


def resource_blocks(video: str | None, slides: str | None, demo: str | None) -> str:
    """Video and slides (pending without a URL), then the demo if there is one."""
    blocks = [f"```{{video}} {video or ''}".rstrip(), f"```{{slides}} {slides or ''}".rstrip()]
    if demo:
        blocks.append(f"```{{demo}} {demo}")
    return "\n\n".join(f"{block}\n```" for block in blocks)


def abstract_block(abstract: str, url: str | None) -> str:
    """The abstract in a collapsed sphinx-design dropdown, escaped so it stays text."""
    body = escape_block(abstract)
    if url:
        body = f"{body}\n\nSchedule entry: <{url}>".strip()
    return f":::{{dropdown}} Abstract\n{body}\n:::" if body else ""


def render_talk(templates: Templates, page: TalkPage) -> str:
    return templates.render(
        "talk.md",
        front_matter=render_front_matter(page.front_matter()),
        title=escape_inline(page.title),
        resources=resource_blocks(page.video, page.slides, page.demo),
        abstract=abstract_block(page.abstract, page.schedule_url),
    )


# -- conference pages -----------------------------------------------------------------


def conference_front_matter(conference: Conference) -> str:
    """The ``conference:`` mapping of the authoring format, optional keys only when set."""
    lines = ["conference:", f"  name: {yaml_text(conference.name)}"]
    if conference.location:
        lines.append(f"  location: {yaml_text(conference.location)}")
    lines.append(f"  start: {conference.start.isoformat()}")
    if conference.end:
        lines.append(f"  end: {conference.end.isoformat()}")
    if conference.website:
        lines.append(f"  website: {yaml_text(conference.website)}")
    return "\n".join(lines)


def toctree_block(entries: list[str], *, caption: str | None = None) -> str:
    if not entries:
        return ""
    options = [":maxdepth: 1", *([f":caption: {caption}"] if caption else [])]
    return "\n".join(["```{toctree}", *options, "", *entries, "```"])


def render_conference(
    templates: Templates,
    conference: Conference,
    days: list[str],
    *,
    title: str | None = None,
    intro: str | None = None,
    other_pages: str = "",
) -> str:
    """The conference page from ``conference.md``: front matter, title, intro, days."""
    where = f" in {conference.location}" if conference.location else ""
    dates = date_range(conference.start, conference.end)
    if intro is None:
        intro = escape_inline(f"Notes from {conference.name}{where}, {dates}.")
    return templates.render(
        "conference.md",
        front_matter=conference_front_matter(conference),
        title=title if title is not None else escape_inline(conference.name),
        intro=intro,
        name=conference.name,
        location=conference.location or "",
        dates=dates,
        start=conference.start.isoformat(),
        end=(conference.end or conference.start).isoformat(),
        days="\n".join(days),
        pages=other_pages,
    )
