"""A Hugo notes tree (``content/<day>/NN_slug.md``) converted into the authoring format.

Nothing is lost: what has an equivalent is converted (button shortcodes, placeholder
buttons, relative links, tags, weights, ``_index.md`` pages), and anything else
stays in the page exactly as it was and is listed in the report with its file and
line, so the note-taker can finish the job by hand.
"""

from __future__ import annotations

import posixpath
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath as PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import yaml

from talknotes.frontmatter import Conference
from talknotes.urls import ResourceURLError, check_resource_url

from . import pages
from .errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from pathlib import Path

    from talknotes.vocabulary import Vocabulary

__all__ = ["HugoOptions", "Plan", "format_report", "plan_conversion", "write_plan"]

#: Button icons and the directive each one becomes.
ICON_KINDS = {
    "video": "video",
    "youtube": "video",
    "film": "video",
    "play": "video",
    "person-chalkboard": "slides",
    "chalkboard": "slides",
    "chalkboard-user": "slides",
    "file-pdf": "slides",
    "file-powerpoint": "slides",
    "slideshare": "slides",
    "code": "demo",
    "github": "demo",
    "gitlab": "demo",
    "laptop-code": "demo",
}
#: Button texts that say nothing the directive's own label does not (compared ignoring
#: case): ours, and the ones of the Hugo site's archetype. Any other text becomes :label:.
DEFAULT_LABELS = {
    "video": {"watch the talk", "watch talk on youtube", "watch on youtube", "video", "recording"},
    "slides": {"slides"},
    "demo": {"demo code", "code", "demo"},
}
_CONVERTED_KEYS = frozenset({"title", "weight", "tags"})
_SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}")
_BUTTON = re.compile(
    r"\{\{(?P<open>[<%])\s*button\b(?P<attrs>[^}]*?)\s*[%>]\}\}"
    r"(?P<text>.*?)\{\{[<%]\s*/button\s*[%>]\}\}"
)
_ATTRIBUTE = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
_PLACEHOLDER = re.compile(r"<!--\s*(?P<button>" + _BUTTON.pattern + r")\s*-->")
_FENCE = re.compile(r"\s{0,3}(?P<fence>`{3,}|~{3,})(?P<info>.*)")
_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:[^\[\]\\]|\\.|\[[^\]]*\])*)\]"
    r"\((?P<target>\{\{[<%].*?[%>]\}\}|<[^>\n]*>|[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)"
)
_REF = re.compile(r"\{\{[<%]\s*(?:rel)?ref\s+\"(?P<path>[^\"]+)\"\s*[%>]\}\}")
_REFERENCE_DEFINITION = re.compile(
    r"(?P<head>\s{0,3}\[[^\]]+\]:\s*)(?P<target><[^>]+>|\S+)(?P<tail>.*)"
)
_CODE_SPAN = re.compile(r"(`+).+?\1")
_SCHEME = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")
_WEB_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_NUMBER_PREFIX = re.compile(r"\d+[_-]+")
_FOLDER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_MAX_NN_WEIGHT = 99


@dataclass(frozen=True)
class Finding:
    """Something the conversion left for the note-taker, at a line of a Hugo file."""

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass
class Report:
    converted: Counter[str] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    mapping: list[tuple[str, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


@dataclass
class Plan:
    """What the conversion writes (target -> text) and copies (target -> source)."""

    content: Path
    folder: Path
    writes: dict[Path, str] = field(default_factory=dict)
    copies: dict[Path, Path] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    conference: Conference | None = None


@dataclass(frozen=True)
class HugoOptions:
    name: str | None = None
    start: date | None = None
    end: date | None = None
    location: str | None = None
    website: str | None = None
    drop_tags: tuple[str, ...] = ()


@dataclass
class _Page:
    source: Path
    rel: str  # posix, relative to the content folder
    kind: str  # home, day, talk or page
    front: dict[str, Any]
    kept_front: list[str]  # front-matter lines with no equivalent, verbatim
    front_start: int
    front_lines: list[str]
    body: list[str]
    body_start: int
    title: str = ""
    weight: int | None = None
    target: str = ""  # posix, relative to the conference folder


# -- reading the Hugo tree ------------------------------------------------------------


def plan_conversion(
    content: Path,
    docs: Path,
    slug: str,
    options: HugoOptions,
    templates: pages.Templates,
) -> Plan:
    """Work out every file the conversion writes and copies, and the report; write nothing."""
    content = _content_folder(content)
    folder = docs / slug
    plan = Plan(content, folder)
    plan.conference = _conference(docs, slug, options)
    vocabulary, _ = pages.load_tags(docs)
    converter = _Converter(plan, vocabulary, {tag.casefold() for tag in options.drop_tags})
    converter.read_tree()
    converter.render(templates)
    return plan


def _content_folder(content: Path) -> Path:
    if not content.is_dir():
        raise UserError("not a folder (give the Hugo site's content/ folder)", content)
    if not any(content.glob("**/*.md")):
        raise UserError("has no Markdown pages: is this a Hugo content/ folder?", content)
    inner = content / "content"
    sections = [path for path in content.glob("*/_index.md") if path.parent != inner]
    if inner.is_dir() and not (content / "_index.md").exists() and not sections:
        return inner  # the site's root was given
    return content


def _conference(docs: Path, slug: str, options: HugoOptions) -> Conference:
    if not _FOLDER_NAME.fullmatch(slug):
        raise UserError(f"{slug!r} is not a folder name (letters, digits, '-', '.', '_')")
    if (docs / slug / "index.md").is_file():
        known = pages.read_conference(docs, slug).conference
        return Conference(
            options.name or known.name,
            options.start or known.start,
            options.end or known.end,
            options.location or known.location,
            options.website or known.website,
        )
    missing = [name for name in ("name", "start") if getattr(options, name) is None]
    if missing:
        raise UserError(
            f"{docs / slug / 'index.md'} does not exist yet: pass "
            + " and ".join(f"--{name}" for name in missing)
            + " for its conference front matter"
        )
    pages.check_conference_dates(options.start, options.end)
    return Conference(options.name, options.start, options.end, options.location, options.website)


def _read(source: Path, rel: str, kind: str) -> _Page | Finding:
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Finding(rel, None, f"cannot be read ({error}); not converted")
    lines = text.splitlines()
    fence = lines[0].strip() if lines else ""
    if fence not in ("---", "+++"):
        return _Page(source, rel, kind, {}, [], 1, [], lines, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == fence), None)
    if end is None:
        return Finding(rel, 1, f"front matter opened with {fence} is never closed; not converted")
    raw = lines[1:end]
    try:
        front = (
            yaml.safe_load("\n".join(raw)) if fence == "---" else tomllib.loads("\n".join(raw))
        ) or {}
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else None
        return Finding(rel, line, f"front matter cannot be read ({error}); not converted")
    if not isinstance(front, dict):
        return Finding(rel, 2, "front matter is not a mapping; not converted")
    converted = _CONVERTED_KEYS if kind == "talk" else _CONVERTED_KEYS - {"tags"}
    kept = _unconverted_front(raw, "=" if fence == "+++" else ":", converted)
    return _Page(source, rel, kind, front, kept, 2, raw, lines[end + 1 :], end + 2)


def _unconverted_front(raw: list[str], separator: str, converted: frozenset[str]) -> list[str]:
    """The front-matter lines of keys without an equivalent, grouped with their values."""
    kept, keep = [], False
    for line in raw:
        key = re.match(rf"([A-Za-z_][\w-]*)\s*{separator}", line)
        if key:
            keep = key[1] not in converted
        elif line.startswith("["):  # a TOML table: never converted
            keep = True
        if keep:
            kept.append(line)
    return kept


class _Converter:
    def __init__(self, plan: Plan, vocabulary: Vocabulary, drop: set[str]) -> None:
        self.plan = plan
        self.report = plan.report
        self.vocabulary = vocabulary
        self.drop = drop
        self.home: _Page | None = None
        self.days: list[tuple[_Page, list[_Page]]] = []
        self.others: list[_Page] = []
        self.by_key: dict[str, _Page] = {}
        self.assets: dict[str, str] = {}

    def find(self, finding: Finding) -> None:
        self.report.findings.append(finding)

    # reading

    def read_tree(self) -> None:
        content = self.plan.content
        home = content / "_index.md"
        if home.is_file():
            self.home = self._page(home, "home")
        for path in sorted(content.iterdir()):
            rel = path.relative_to(content).as_posix()
            if path.name.startswith(".") or path.name == "_index.md":
                continue
            if path.is_file() and path.suffix == ".md":
                page = self._page(path, "page")
                if page:
                    self.others.append(page)
            elif path.is_file():
                self._asset(path, rel)
            elif path.is_dir() and not path.name.startswith("_"):
                self._section(path)
            elif path.is_dir():
                for file in sorted(p for p in path.rglob("*") if p.is_file()):
                    self._asset(file, file.relative_to(content).as_posix())
        self._name_targets()

    def _page(self, source: Path, kind: str) -> _Page | None:
        rel = source.relative_to(self.plan.content).as_posix()
        page = _read(source, rel, kind)
        if isinstance(page, Finding):
            self.find(page)
            self._keep_verbatim(source, rel)
            return None
        page.title = str(page.front.get("title") or "").strip()
        page.weight = _weight(page.front.get("weight"))
        if "weight" in page.front and page.weight is None:
            self.find(Finding(rel, self._front_line(page, "weight"), "weight is not a number"))
        return page

    def _section(self, folder: Path) -> None:
        index_path = folder / "_index.md"
        talks = [
            page
            for page in (
                self._page(path, "talk")
                for path in sorted(folder.glob("*.md"))
                if path.name != "_index.md"
            )
            if page is not None
        ]
        index = self._page(index_path, "day") if index_path.is_file() else None
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(self.plan.content).as_posix()
            if path.parent == folder and path.suffix == ".md":
                continue
            if path.suffix == ".md":
                self.find(Finding(rel, None, "a page in a sub-folder of a day is not converted"))
                self._keep_verbatim(path, rel)
            else:
                self._asset(path, rel)
        if index is None and not talks:
            return
        if index is None:
            rel = f"{folder.relative_to(self.plan.content).as_posix()}/_index.md"
            index = _Page(folder / "_index.md", rel, "day", {}, [], 1, [], [], 1)
            index.title = folder.name
            self.find(Finding(rel, None, f"missing: the day page is titled {folder.name!r}"))
        self.days.append((index, talks))

    def _asset(self, path: Path, rel: str) -> None:
        self.assets[rel] = self._folder_path(rel)
        self.plan.copies[self.plan.folder / self.assets[rel]] = path
        self.report.counts["files copied"] += 1

    def _keep_verbatim(self, path: Path, rel: str) -> None:
        target = self._folder_path(rel) + ".txt"
        self.plan.copies[self.plan.folder / target] = path
        self.find(Finding(rel, None, f"kept verbatim as {target} (Sphinx does not read it)"))

    @staticmethod
    def _folder_path(rel: str) -> str:
        head, _, rest = rel.partition("/")
        return f"{_day_name(head)}/{rest}" if rest and not head.startswith("_") else rel

    def _name_targets(self) -> None:
        """Target names: days keep their folder name, talks get NN- from their weight."""
        self.days.sort(key=lambda day: _order(day[0]))
        for index, talks in self.days:
            day = _day_name(PurePath(index.rel).parent)
            index.target = f"{day}/index.md"
            talks.sort(key=_order)
            weights = [talk.weight for talk in talks]
            by_weight = all(w is not None and 1 <= w <= _MAX_NN_WEIGHT for w in weights)
            width = max(2, len(str(len(talks))))
            taken = set()
            for rank, talk in enumerate(talks, 1):
                number = talk.weight if by_weight else rank
                stem = PurePath(talk.rel).stem
                slug = pages.slugify(_NUMBER_PREFIX.sub("", stem, count=1) or talk.title)
                name = f"{number:0{width}d}-{slug}"
                suffix = 1
                while name in taken:
                    suffix += 1
                    name = f"{number:0{width}d}-{slug}-{suffix}"
                taken.add(name)
                talk.target = f"{day}/{name}.md"
            if not by_weight and talks:
                self.find(
                    Finding(
                        index.rel,
                        None,
                        "not every talk has a weight from 1 to 99: talks are numbered "
                        "1, 2, ... in Hugo's order (weight, then file name)",
                    )
                )
        self.others.sort(key=_order)
        used = {"index"}
        for page in self.others:
            slug = pages.slugify(PurePath(page.rel).stem or page.title)
            while slug in used:
                slug += "-page"
            used.add(slug)
            page.target = f"{slug}.md"
        if self.home:
            self.home.target = "index.md"
        for page in self._all_pages():
            self.report.mapping.append((page.rel, page.target))
            key = _page_key(page.rel)
            self.by_key[key] = page
            self.by_key.setdefault(key.lower(), page)

    def _all_pages(self) -> list[_Page]:
        found = [self.home] if self.home else []
        for index, talks in self.days:
            found += [index, *talks]
        return found + self.others

    def _front_line(self, page: _Page, text: str) -> int | None:
        for offset, line in enumerate(page.front_lines):
            if text in line:
                return page.front_start + offset
        return None

    # writing

    def render(self, templates: pages.Templates) -> None:
        folder = self.plan.folder
        day_entries = []
        for index, talks in self.days:
            self.report.counts["day pages"] += 1
            body = self._body(index)
            if talks:
                body += ["", templates.render("day-talks.md").rstrip("\n")]
            self.plan.writes[folder / index.target] = self._page_text(index, body, tags=None)
            day_entries.append(index.target.removesuffix(".md"))
            for talk in talks:
                self.report.counts["talk pages"] += 1
                tags = self._tags(talk)
                self.plan.writes[folder / talk.target] = self._page_text(
                    talk, self._body(talk), tags=tags
                )
        for page in self.others:
            self.report.counts["other pages"] += 1
            self.plan.writes[folder / page.target] = self._page_text(page, self._body(page), None)
        other_pages = pages.toctree_block(
            [page.target.removesuffix(".md") for page in self.others], caption="More"
        )
        conference = self.plan.conference
        title, intro = None, None
        if self.home:
            title = pages.escape_inline(self.home.title) if self.home.title else None
            intro = "\n".join(self._comments(self.home) + self._body(self.home)).strip() or None
        self.report.counts["conference pages"] += 1
        self.plan.writes[folder / "index.md"] = pages.render_conference(
            templates, conference, day_entries, title=title, intro=intro, other_pages=other_pages
        )

    def _page_text(self, page: _Page, body: list[str], tags: list[str] | None) -> str:
        head = []
        if tags is not None:
            head = ["---", pages.render_front_matter({"tags": tags}), "---", ""]
        title = page.title
        if not title:
            title = _NUMBER_PREFIX.sub("", PurePath(page.rel).stem, count=1).replace("-", " ")
            title = title.replace("_", " ").strip().capitalize() or page.rel
            self.find(Finding(page.rel, None, f"no title: titled {title!r} after the file name"))
        lines = [*head, f"# {pages.escape_inline(title)}", "", *self._comments(page), *body]
        return pages.tidy("\n".join(lines))

    def _comments(self, page: _Page) -> list[str]:
        """Front matter without an equivalent, kept as MyST comments (not shown, not lost)."""
        if not page.kept_front:
            return []
        keys = [
            m[1] for m in map(re.compile(r"([A-Za-z_][\w-]*)\s*[:=]").match, page.kept_front) if m
        ]
        self.find(
            Finding(
                page.rel,
                page.front_start,
                f"front matter {', '.join(keys)} has no equivalent: kept as a % comment",
            )
        )
        return (
            ["% Hugo front matter without an equivalent here:"]
            + [f"% {line}" for line in page.kept_front]
            + [""]
        )

    def _tags(self, page: _Page) -> list[str]:
        values = page.front.get("tags")
        if values is None:
            values = []
        elif isinstance(values, str):
            values = [values]
        keys: list[str] = []
        for value in values:
            name = str(value).strip()
            line = self._front_line(page, name)
            if name.casefold() in self.drop:
                self.find(Finding(page.rel, line, f"tag {name!r} dropped, as --drop-tag asked"))
                continue
            key = self.vocabulary.resolve(name)
            if key is not None:
                self.report.converted["tags matched to tags.yml"] += 1
                keys.append(key)
                continue
            keys.append(name)
            if re.fullmatch(r"<.*>", name):
                message = f"placeholder tag {name!r} left in tags: replace it with a real tag"
            else:
                message = (
                    f"tag {name!r} is not in tags.yml{pages.suggestion(self.vocabulary, name)}: "
                    "left in tags; add it to tags.yml or change it"
                )
            self.find(Finding(page.rel, line, message))
        if not keys:
            self.find(Finding(page.rel, None, "no tags: a talk needs at least one"))
        return list(dict.fromkeys(keys))

    def _body(self, page: _Page) -> list[str]:
        return _BodyConverter(self, page).convert()

    # links

    def resolve(self, target: str, page: _Page, *, ref: bool) -> tuple[str, _Page | None] | None:
        """The new relative path (and page) a Hugo link points to, or None."""
        path, _, fragment = target.strip("<>").partition("#")
        path = unquote(path.split("?", 1)[0])
        if not path:
            return None
        source = PurePath(page.rel)
        if path.startswith("/"):
            candidates = [path.lstrip("/")]
        else:
            pretty = source.parent if page.kind in ("home", "day") else source.with_suffix("")
            candidates = [_join(pretty, path), _join(source.parent, path)]
            if ref:
                candidates.append(_join(PurePath(), path))
        for candidate in candidates:
            if candidate is None:
                continue
            found = self._lookup(candidate)
            if found is None:
                continue
            new_path, target_page = found
            start = posixpath.dirname(page.target) or "."
            relative = posixpath.relpath(new_path, start)
            return relative + (f"#{fragment}" if fragment else ""), target_page
        return None

    def _lookup(self, candidate: str) -> tuple[str, _Page | None] | None:
        if candidate in self.assets:
            return self.assets[candidate], None
        key = _page_key(candidate)
        page = self.by_key.get(key) or self.by_key.get(key.lower())
        return (page.target, page) if page else None


def _weight(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _order(page: _Page) -> tuple[int, int, str]:
    """Hugo's order: weighted pages by weight first, then unweighted ones, by file name."""
    weighted = page.weight is not None and page.weight != 0
    return (0 if weighted else 1, page.weight or 0, page.rel)


def _day_name(name: str | PurePath) -> str:
    name = str(name)
    return name if _FOLDER_NAME.fullmatch(name) else pages.slugify(name, max_length=60)


def _page_key(rel: str) -> str:
    key = rel.strip("/").removesuffix(".md")
    for suffix in ("/_index", "/index"):
        key = key.removesuffix(suffix)
    return "" if key in ("_index", "index", ".") else key


def _join(base: PurePath, path: str) -> str | None:
    joined = posixpath.normpath(posixpath.join(base.as_posix(), path))
    if joined.startswith(".."):
        return None
    return "" if joined == "." else joined


# -- bodies ---------------------------------------------------------------------------


class _BodyConverter:
    """Converts one page's body line by line; code fences and comments pass unchanged."""

    def __init__(self, converter: _Converter, page: _Page) -> None:
        self.converter = converter
        self.page = page
        self.out: list[str] = []
        self.blank_after = False
        self.pending: set[str] = set()
        self.reported_buttons: set[int] = set()
        self.real_kinds = self._real_kinds()

    def find(self, line: int | None, message: str) -> None:
        self.converter.find(Finding(self.page.rel, line, message))

    def count(self, what: str) -> None:
        self.converter.report.converted[what] += 1

    def _real_kinds(self) -> set[str]:
        kinds = set()
        for line in self.page.body:
            if _PLACEHOLDER.search(line):
                continue
            for match in _BUTTON.finditer(line):
                kind = ICON_KINDS.get(_attributes(match["attrs"]).get("icon", ""))
                if kind:
                    kinds.add(kind)
        return kinds

    def convert(self) -> list[str]:
        fence: str | None = None
        in_comment = False
        for offset, line in enumerate(self.page.body):
            number = self.page.body_start + offset
            if fence is not None:
                self.emit(line)
                stripped = line.strip()
                if stripped.startswith(fence) and not stripped.lstrip(fence[0]):
                    fence = None
                continue
            opening = _FENCE.match(line)
            if opening:
                fence = opening["fence"]
                if opening["info"].strip().lower().startswith("mermaid"):
                    self.count("Mermaid diagrams kept")
                self.emit(line)
                continue
            if in_comment:
                self.emit(line)
                in_comment = "-->" not in line
                continue
            if self._placeholder(line, number) or self._buttons(line, number):
                continue
            if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
                in_comment = True
                self.emit(line)
                continue
            self.emit(self._inline(line, number))
        while self.out and not self.out[-1].strip():
            self.out.pop()
        while self.out and not self.out[0].strip():
            self.out.pop(0)
        return self.out

    def emit(self, line: str) -> None:
        if self.blank_after and line.strip():
            self.out.append("")
        self.blank_after = False
        self.out.append(line)

    def block(self, lines: list[str]) -> None:
        if self.out and self.out[-1].strip():
            self.out.append("")
        self.out.extend(lines)
        self.blank_after = True

    def _placeholder(self, line: str, number: int) -> bool:
        match = _PLACEHOLDER.fullmatch(line.strip())
        if not match:
            return False
        button = _BUTTON.fullmatch(match["button"])
        attributes = _attributes(button["attrs"])
        kind = ICON_KINDS.get(attributes.get("icon", ""))
        if kind is None or kind == "demo":
            self.find(number, "commented-out button with no pending equivalent: kept verbatim")
            self.emit(line)
            return True
        if kind in self.real_kinds or kind in self.pending:
            self.find(number, f"placeholder {kind} button dropped: the page already has a {kind}")
            return True
        self.pending.add(kind)
        self.count(f"placeholder buttons -> pending {{{kind}}}")
        self.block([f"```{{{kind}}}", "```"])
        return True

    def _buttons(self, line: str, number: int) -> bool:
        """A line of nothing but button shortcodes: each becomes a directive."""
        matches = list(_BUTTON.finditer(line))
        if not matches or _BUTTON.sub("", line).strip():
            if matches:
                self.find(number, "button inside running text: kept verbatim")
                self.reported_buttons.add(number)
            return False
        blocks = []
        for match in matches:
            block = self._directive(match, number)
            if block is None:
                return False
            blocks.append(block)
        for block in blocks:
            self.block(block)
        return True

    def _directive(self, match: re.Match[str], number: int) -> list[str] | None:
        attributes = _attributes(match["attrs"])
        icon = attributes.get("icon", "")
        kind = ICON_KINDS.get(icon)
        href = attributes.get("href", "").strip()
        problem = None
        if kind is None:
            problem = f"button with icon {icon!r} has no matching directive: kept verbatim"
        elif not href:
            problem = "button without href: kept verbatim"
        else:
            try:
                check_resource_url(href)
            except ResourceURLError as error:
                problem = f"button link refused ({error}): kept verbatim"
        if problem or kind is None:
            self.find(number, problem)
            self.reported_buttons.add(number)
            return None
        text = " ".join(match["text"].split())
        block = [f"```{{{kind}}} {href}"]
        if text and text.casefold() not in DEFAULT_LABELS[kind]:
            block.append(f":label: {text}")
            self.count("button texts -> :label:")
        self.count(f"buttons -> {{{kind}}}")
        return [*block, "```"]

    def _inline(self, line: str, number: int) -> str:
        definition = _REFERENCE_DEFINITION.fullmatch(line)
        if definition and not _SCHEME.match(definition["target"].strip("<>")):
            new = self._target(definition["target"], number, ref=False)
            if new is not None:
                line = definition["head"] + new[0] + definition["tail"]
        line = _outside_code(line, lambda text: _LINK.sub(lambda m: self._link(m, number), text))
        unconverted = _CODE_SPAN.sub("", line)
        if number in self.reported_buttons:
            unconverted = _BUTTON.sub("", unconverted)
        for match in _SHORTCODE.finditer(unconverted):
            self.find(number, f"shortcode {_short(match[0])} has no equivalent: kept verbatim")
        return line

    def _link(self, match: re.Match[str], number: int) -> str:
        target = match["target"]
        ref = _REF.fullmatch(target)
        if target.startswith("{{") and not ref:
            return match[0]  # reported with the other shortcodes
        if ref:
            target = ref["path"]
        elif target.startswith("#"):
            return match[0]
        elif _SCHEME.match(target):
            scheme = _SCHEME.match(target)["scheme"].lower()
            if scheme not in _WEB_SCHEMES:
                self.find(
                    number, f"link to {target!r} is neither a web address nor a page: kept verbatim"
                )
            return match[0]
        found = self._target(target, number, ref=bool(ref))
        if found is None:
            return match[0]
        path, page = found
        text, bang, title = match["text"], match["bang"], match["title"] or ""
        if page is not None and not bang and _same_text(text, page.title):
            text = ""
        return f"{bang}[{text}]({path}{title})"

    def _target(self, target: str, number: int, *, ref: bool) -> tuple[str, _Page | None] | None:
        found = self.converter.resolve(target, self.page, ref=ref)
        if found is None:
            self.find(number, f"link {target!r} points to nothing in the Hugo tree: kept verbatim")
            return None
        self.count("links -> cross-references" if found[1] else "links to files -> new paths")
        return found


def _outside_code(line: str, function: Callable[[str], str]) -> str:
    """Apply ``function`` to the parts of a line outside inline code spans."""
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(line):
        parts += [function(line[last : span.start()]), span[0]]
        last = span.end()
    return "".join([*parts, function(line[last:])])


def _attributes(text: str) -> dict[str, str]:
    return {
        match[1].lower(): next(value for value in match.groups()[1:] if value is not None)
        for match in _ATTRIBUTE.finditer(text)
    }


def _same_text(text: str, title: str) -> bool:
    def norm(value: str) -> str:
        return " ".join(value.replace("\\", "").split()).casefold()

    return bool(title) and norm(text) == norm(title)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- writing and reporting ------------------------------------------------------------


def write_plan(plan: Plan, *, force: bool) -> list[Path]:
    """Write the plan; refuse (before writing anything) if a target exists, unless forced."""
    targets = [*plan.writes, *plan.copies]
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        listed = ", ".join(str(path) for path in existing[:5])
        more = f" and {len(existing) - 5} more" if len(existing) > 5 else ""
        raise UserError(
            f"{len(existing)} files exist already ({listed}{more}); nothing was written. "
            "Pass --force to overwrite them"
        )
    for path, text in plan.writes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for path, source in plan.copies.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(source.read_bytes())
    return existing


def format_report(plan: Plan, *, dry_run: bool, verbose: bool) -> str:
    report = plan.report
    lines = [
        f"Hugo conversion of {plan.content} into {plan.folder}"
        + (" (dry run: nothing written)" if dry_run else "")
    ]
    counts = report.counts
    lines.append(
        f"  pages: {counts['conference pages']} conference, {counts['day pages']} days, "
        f"{counts['talk pages']} talks, {counts['other pages']} other; "
        f"{counts['files copied']} files copied"
    )
    if report.converted:
        lines.append("  converted:")
        lines += [f"    {number:4d}  {what}" for what, number in sorted(report.converted.items())]
    if verbose or dry_run:
        lines.append("  pages:")
        lines += [f"    {source} -> {target}" for source, target in report.mapping]
    if report.findings:
        lines.append(f"  left for you ({len(report.findings)}), kept as they were:")
        order = {source: place for place, (source, _) in enumerate(report.mapping)}
        findings = sorted(
            report.findings, key=lambda f: (order.get(f.source, len(order)), f.source, f.line or 0)
        )
        lines += [f"    {finding}" for finding in findings]
    else:
        lines.append("  nothing left for you: everything had an equivalent")
    return "\n".join(lines)
