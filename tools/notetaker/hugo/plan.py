"""The conversion planned in full before anything is written, then written all at once.

Planning first lets ``--dry-run`` show exactly what would happen, and lets the
conversion refuse, before writing a single file, to overwrite anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from talknotes.rules.frontmatter import Conference
from talknotes.rules.layout import SUFFIX

from ..authoring.conferences import check_conference_dates, read_conference, render_conference
from ..authoring.days import talks_toctree
from ..authoring.layout import index_page
from ..authoring.markdown import escape_inline
from ..authoring.plaintext import clean_line
from ..authoring.talks import TalkPage, render_talk
from ..authoring.templates import tidy
from ..authoring.toctrees import toctree_block
from ..errors import UserError
from .bodies import convert_body
from .model import Finding, Plan
from .targets import FOLDER_NAME
from .tree import read_tree

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from ..authoring.templates import Templates
    from ..authoring.vocabulary import Tags
    from .model import HugoPage, HugoTree

__all__ = ["HugoOptions", "plan_conversion", "write_plan"]

_NUMBER_PREFIX = re.compile(r"\d+[_-]+")
_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*[:=]")
_PLACEHOLDER_TAG = re.compile(r"<.*>")
_LISTED_EXISTING = 5


@dataclass(frozen=True)
class HugoOptions:
    """The conference's front matter from the command line (for a new conference page)."""

    name: str | None = None
    start: date | None = None
    end: date | None = None
    location: str | None = None
    website: str | None = None
    drop_tags: tuple[str, ...] = ()


def plan_conversion(
    content: Path,
    docs: Path,
    slug: str,
    options: HugoOptions,
    *,
    templates: Templates,
    tags: Tags,
) -> Plan:
    """Work out every file the conversion writes and copies, and the report; write nothing."""
    content = _content_folder(content)
    plan = Plan(content, docs / slug, _conference(docs, slug, options))
    tree = read_tree(plan)
    _Composer(plan, tree, tags, {tag.casefold() for tag in options.drop_tags}).compose(templates)
    return plan


def _content_folder(content: Path) -> Path:
    if not content.is_dir():
        raise UserError("not a folder (give the Hugo site's content/ folder)", content)
    if not any(content.glob(f"**/*{SUFFIX}")):
        raise UserError("has no Markdown pages: is this a Hugo content/ folder?", content)
    inner = content / "content"
    sections = [path for path in content.glob("*/_index.md") if path.parent != inner]
    if inner.is_dir() and not (content / "_index.md").exists() and not sections:
        return inner  # the site's root was given
    return content


def _conference(docs: Path, slug: str, options: HugoOptions) -> Conference:
    if not FOLDER_NAME.fullmatch(slug):
        raise UserError(f"{slug!r} is not a folder name (letters, digits, '-', '.', '_')")
    if index_page(docs / slug).is_file():
        known = read_conference(docs, slug).conference
        return Conference(
            options.name or known.name,
            options.start or known.start,
            options.end or known.end,
            options.location or known.location,
            options.website or known.website,
            known.timezone,
        )
    if options.name is None or options.start is None:
        missing = [name for name in ("name", "start") if getattr(options, name) is None]
        raise UserError(
            f"{index_page(docs / slug)} does not exist yet: pass "
            + " and ".join(f"--{name}" for name in missing)
            + " for its conference front matter"
        )
    check_conference_dates(options.start, options.end)
    return Conference(options.name, options.start, options.end, options.location, options.website)


class _Composer:
    """The new pages of the conference, composed from the converted Hugo pages."""

    def __init__(self, plan: Plan, tree: HugoTree, tags: Tags, drop: set[str]) -> None:
        self.plan = plan
        self.tree = tree
        self.report = plan.report
        self.tags = tags
        self.drop = drop

    def find(self, finding: Finding) -> None:
        self.report.findings.append(finding)

    def compose(self, templates: Templates) -> None:
        folder = self.plan.folder
        day_entries = []
        for index, talks in self.tree.days:
            self.report.counts["day pages"] += 1
            body = self._body(index)
            if talks:
                body += ["", talks_toctree(templates).rstrip("\n")]
            self.plan.write(folder / index.target, self._page_text(index, body), index.rel)
            day_entries.append(index.target.removesuffix(SUFFIX))
            for talk in talks:
                self.report.counts["talk pages"] += 1
                self.plan.write(folder / talk.target, self._talk_text(templates, talk), talk.rel)
        for page in self.tree.others:
            self.report.counts["other pages"] += 1
            self.plan.write(folder / page.target, self._page_text(page, self._body(page)), page.rel)
        other_pages = toctree_block(
            [page.target.removesuffix(SUFFIX) for page in self.tree.others], caption="More"
        )
        title, intro = None, None
        home = self.tree.home
        if home:
            title = escape_inline(home.title) if home.title else None
            intro = "\n".join(self._comments(home) + self._body(home)).strip() or None
        self.report.counts["conference pages"] += 1
        conference = render_conference(
            templates,
            self.plan.conference,
            day_entries,
            title=title,
            intro=intro,
            other_pages=other_pages,
        )
        self.plan.write(index_page(folder), conference, home.rel if home else "_index.md")

    def _talk_text(self, templates: Templates, talk: HugoPage) -> str:
        """A talk through the talk template: its notes (with their directives) in ``${notes}``."""
        tags = self._tags(talk)
        body = self._body(talk)
        title = self._title(talk)
        notes = "\n".join([*self._comments(talk), *body])
        return render_talk(templates, TalkPage(title, tags=tags, notes=notes, pending=False))

    def _page_text(self, page: HugoPage, body: list[str]) -> str:
        title = self._title(page)
        return tidy("\n".join([f"# {escape_inline(title)}", "", *self._comments(page), *body]))

    def _title(self, page: HugoPage) -> str:
        if page.title:
            return page.title
        title = _NUMBER_PREFIX.sub("", page.source.stem, count=1).replace("-", " ")
        title = title.replace("_", " ").strip().capitalize() or page.rel
        self.find(Finding(page.rel, None, f"no title: titled {title!r} after the file name"))
        return title

    def _comments(self, page: HugoPage) -> list[str]:
        """Front matter without an equivalent, kept as MyST comments (not shown, not lost)."""
        if not page.kept_front:
            return []
        keys = [match[1] for match in map(_FRONT_KEY.match, page.kept_front) if match]
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

    def _tags(self, page: HugoPage) -> list[str]:
        values = page.front.get("tags")
        if values is None:
            values = []
        elif isinstance(values, str):
            values = [values]
        keys: list[str] = []
        vocabulary = self.tags.path.name
        for value in values:
            name = clean_line(str(value))
            line = page.front_line(name)
            if name.casefold() in self.drop:
                self.find(Finding(page.rel, line, f"tag {name!r} dropped, as --drop-tag asked"))
                continue
            key = self.tags.vocabulary.resolve(name)
            if key is not None:
                self.report.converted[f"tags matched to {vocabulary}"] += 1
                keys.append(key)
                continue
            keys.append(name)
            if _PLACEHOLDER_TAG.fullmatch(name):
                message = f"placeholder tag {name!r} left in tags: replace it with a real tag"
            else:
                hint = self.tags.hint(name)
                message = (
                    f"tag {name!r} is not in {vocabulary}{f' ({hint})' if hint else ''}: "
                    f"left in tags; add it to {vocabulary} or change it"
                )
            self.find(Finding(page.rel, line, message))
        if not keys:
            self.find(Finding(page.rel, None, "no tags: a talk needs at least one"))
        return list(dict.fromkeys(keys))

    def _body(self, page: HugoPage) -> list[str]:
        return convert_body(self.tree, self.report, page)


def write_plan(plan: Plan, *, force: bool) -> list[Path]:
    """Write the plan; refuse (before writing anything) if a target exists, unless forced."""
    targets = [*plan.writes, *plan.copies]
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        listed = ", ".join(str(path) for path in existing[:_LISTED_EXISTING])
        if len(existing) > _LISTED_EXISTING:
            listed += f" and {len(existing) - _LISTED_EXISTING} more"
        raise UserError(
            f"{len(existing)} files exist already ({listed}); "
            "nothing was written. Pass --force to overwrite them"
        )
    for path, text in plan.writes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for path, source in plan.copies.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(source.read_bytes())
    return existing
