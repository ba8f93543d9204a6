"""Where each Hugo page and file goes in the conference folder, and what a Hugo link points to.

Days keep their folder's name; talks get the ``NN-`` of the authoring format from
their Hugo weight (or their rank in Hugo's order); links resolve the way Hugo
resolves them, to the new relative paths.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath as PurePath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from talknotes.rules.layout import INDEX, SUFFIX, talk_file_name

from ..authoring.talks import page_slug
from .model import Finding

if TYPE_CHECKING:
    from .model import HugoPage, HugoTree, Report

__all__ = ["FOLDER_NAME", "name_targets", "resolve", "target_path"]

#: a folder name kept as it is (a day's, or the conference's)
FOLDER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_NUMBER_PREFIX = re.compile(r"\d+[_-]+")
_MAX_NN_WEIGHT = 99
_DAY_SLUG_LENGTH = 60
_INDEX_FILE = f"{INDEX}{SUFFIX}"
_MIN_DIGITS = 2


def target_path(rel: str) -> str:
    """The path of a Hugo file in the conference folder: its day folder renamed if need be."""
    head, _, rest = rel.partition("/")
    return f"{_day_name(head)}/{rest}" if rest and not head.startswith("_") else rel


def name_targets(tree: HugoTree, report: Report) -> None:
    """Target names: days keep their folder name, talks get NN- from their weight."""
    tree.days.sort(key=lambda day: _order(day[0]))
    for index, talks in tree.days:
        day = _day_name(PurePath(index.rel).parent)
        index.target = f"{day}/{_INDEX_FILE}"
        talks.sort(key=_order)
        if not _name_talks(day, talks) and talks:
            report.findings.append(
                Finding(
                    index.rel,
                    None,
                    "not every talk has a weight from 1 to 99: talks are numbered "
                    "1, 2, ... in Hugo's order (weight, then file name)",
                )
            )
    tree.others.sort(key=_order)
    used = {INDEX}
    for page in tree.others:
        slug = page_slug(PurePath(page.rel).stem or page.title)
        while slug in used:
            slug += "-page"
        used.add(slug)
        page.target = f"{slug}{SUFFIX}"
    if tree.home:
        tree.home.target = _INDEX_FILE
    for page in tree.pages():
        report.mapping.append((page.rel, page.target))
        key = _page_key(page.rel)
        tree.by_key[key] = page
        tree.by_key.setdefault(key.lower(), page)


def _name_talks(day: str, talks: list[HugoPage]) -> bool:
    """Name a day's talks ``NN-slug.md``; return whether the NN are their weights."""
    by_weight = all(t.weight is not None and 1 <= t.weight <= _MAX_NN_WEIGHT for t in talks)
    digits = max(_MIN_DIGITS, len(str(len(talks))))
    taken: set[str] = set()
    for rank, talk in enumerate(talks, 1):
        number = talk.weight if by_weight and talk.weight is not None else rank
        slug = page_slug(_NUMBER_PREFIX.sub("", PurePath(talk.rel).stem, count=1) or talk.title)
        name, suffix = talk_file_name(number, slug, digits=digits), 1
        while name in taken:
            suffix += 1
            name = talk_file_name(number, f"{slug}-{suffix}", digits=digits)
        taken.add(name)
        talk.target = f"{day}/{name}"
    return by_weight


def resolve(
    tree: HugoTree, target: str, page: HugoPage, *, ref: bool
) -> tuple[str, HugoPage | None] | None:
    """The new relative path (and page) a Hugo link on ``page`` points to, or None."""
    path, _, fragment = target.strip("<>").partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        return None
    source = PurePath(page.rel)
    candidates: list[str | None]
    if path.startswith("/"):
        candidates = [path.lstrip("/")]
    else:
        pretty = source.parent if page.kind in ("home", "day") else source.with_suffix("")
        candidates = [_join(pretty, path), _join(source.parent, path)]
        if ref:
            candidates.append(_join(PurePath(), path))
    for candidate in candidates:
        found = None if candidate is None else _lookup(tree, candidate)
        if found is None:
            continue
        new_path, target_page = found
        start = posixpath.dirname(page.target) or "."
        relative = posixpath.relpath(new_path, start)
        return relative + (f"#{fragment}" if fragment else ""), target_page
    return None


def _lookup(tree: HugoTree, candidate: str) -> tuple[str, HugoPage | None] | None:
    if candidate in tree.assets:
        return tree.assets[candidate], None
    key = _page_key(candidate)
    page = tree.by_key.get(key) or tree.by_key.get(key.lower())
    return (page.target, page) if page else None


def _order(page: HugoPage) -> tuple[int, int, str]:
    """Hugo's order: weighted pages by weight first, then unweighted ones, by file name."""
    weighted = page.weight is not None and page.weight != 0
    return (0 if weighted else 1, page.weight or 0, page.rel)


def _day_name(name: str | PurePath) -> str:
    name = str(name)
    return name if FOLDER_NAME.fullmatch(name) else page_slug(name, max_length=_DAY_SLUG_LENGTH)


def _page_key(rel: str) -> str:
    key = rel.strip("/").removesuffix(SUFFIX)
    for suffix in ("/_index", f"/{INDEX}"):
        key = key.removesuffix(suffix)
    return "" if key in ("_index", INDEX, ".") else key


def _join(base: PurePath, path: str) -> str | None:
    joined = posixpath.normpath(posixpath.join(base.as_posix(), path))
    if joined.startswith(".."):
        return None
    return "" if joined == "." else joined
