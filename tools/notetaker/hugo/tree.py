"""The Hugo tree read: the home page, the day sections with their talks, other pages, files.

A page that cannot be read as Hugo writes it is not converted but copied as
text, with a finding; files that are not pages are copied as they are.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..authoring.plaintext import clean_line, clean_text
from .model import Finding, HugoPage, HugoTree
from .targets import name_targets, target_path

if TYPE_CHECKING:
    from .model import Plan

__all__ = ["read_tree"]

_CONVERTED_KEYS = frozenset({"title", "weight", "tags"})
_YAML_FENCE, _TOML_FENCE = "---", "+++"
_SECTION_INDEX = "_index.md"
_MARKDOWN = ".md"


def read_tree(plan: Plan) -> HugoTree:
    """Read every page and file under ``plan.content``; the copies go into the plan."""
    reader = _Reader(plan)
    reader.read()
    name_targets(reader.tree, plan.report)
    return reader.tree


def read_page(source: Path, rel: str, kind: str) -> HugoPage | Finding:
    """A Hugo page with YAML (``---``) or TOML (``+++``) front matter, or why it cannot be read."""
    try:
        text = clean_text(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return Finding(rel, None, f"cannot be read ({error}); not converted")
    lines = text.splitlines()
    fence = lines[0].strip() if lines else ""
    if fence not in (_YAML_FENCE, _TOML_FENCE):
        return HugoPage(source, rel, kind, {}, [], 1, [], lines, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == fence), None)
    if end is None:
        return Finding(rel, 1, f"front matter opened with {fence} is never closed; not converted")
    raw = lines[1:end]
    try:
        front = (
            yaml.safe_load("\n".join(raw))
            if fence == _YAML_FENCE
            else tomllib.loads("\n".join(raw))
        ) or {}
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else None
        return Finding(rel, line, f"front matter cannot be read ({error}); not converted")
    if not isinstance(front, dict):
        return Finding(rel, 2, "front matter is not a mapping; not converted")
    converted = _CONVERTED_KEYS if kind == "talk" else _CONVERTED_KEYS - {"tags"}
    kept = _unconverted_front(raw, "=" if fence == _TOML_FENCE else ":", converted)
    return HugoPage(source, rel, kind, front, kept, 2, raw, lines[end + 1 :], end + 2)


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


def _weight(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


class _Reader:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.tree = HugoTree()
        self.root = plan.content.resolve()
        self.skipped: set[Path] = set()

    def find(self, finding: Finding) -> None:
        self.plan.report.findings.append(finding)

    def read(self) -> None:
        content = self.plan.content
        home = content / _SECTION_INDEX
        if home.is_file() and self._followed(home):
            self.tree.home = self._page(home, "home")
        for path in sorted(content.iterdir()):
            rel = path.relative_to(content).as_posix()
            if path.name.startswith(".") or path.name == _SECTION_INDEX:
                continue
            if not self._followed(path):
                continue
            if path.is_file() and path.suffix == _MARKDOWN:
                page = self._page(path, "page")
                if page:
                    self.tree.others.append(page)
            elif path.is_file():
                self._asset(path, rel)
            elif path.is_dir() and not path.name.startswith("_"):
                self._section(path)
            elif path.is_dir():
                for file in self._files(path):
                    self._asset(file, file.relative_to(content).as_posix())

    def _followed(self, path: Path) -> bool:
        """Whether ``path`` may be read: a link is followed only to a file in the tree.

        A link out of the content tree (a ``_img`` pointing at ``~/.ssh``), to a
        folder, or to nothing is reported and skipped, so nothing from elsewhere on
        the machine ends up in ``docs/``.
        """
        if not path.is_symlink():
            return True
        rel = path.relative_to(self.plan.content).as_posix()
        target = path.resolve()
        if not path.exists():
            why = "a link to nothing"
        elif not target.is_relative_to(self.root):
            why = f"a link to {target}, outside the content tree"
        elif path.is_dir():
            why = "a link to a folder (its files are read where they are)"
        else:
            return True
        if path not in self.skipped:
            self.skipped.add(path)
            self.find(Finding(rel, None, f"{why}: skipped"))
        return False

    def _files(self, folder: Path) -> list[Path]:
        """The files under ``folder``, without following a link out of the tree or to a folder."""
        found = []
        for here, folders, names in os.walk(folder):
            base = Path(here)
            for name in sorted(folders):
                if (base / name).is_symlink():
                    self._followed(base / name)
            found += [base / name for name in names if self._followed(base / name)]
        return sorted(found)

    def _page(self, source: Path, kind: str) -> HugoPage | None:
        rel = source.relative_to(self.plan.content).as_posix()
        page = read_page(source, rel, kind)
        if isinstance(page, Finding):
            self.find(page)
            self._keep_verbatim(source, rel)
            return None
        page.title = clean_line(str(page.front.get("title") or ""))
        page.weight = _weight(page.front.get("weight"))
        if "weight" in page.front and page.weight is None:
            self.find(Finding(rel, page.front_line("weight"), "weight is not a number"))
        return page

    def _section(self, folder: Path) -> None:
        index_path = folder / _SECTION_INDEX
        talks = [
            page
            for page in (
                self._page(path, "talk")
                for path in sorted(folder.glob(f"*{_MARKDOWN}"))
                if path.name != _SECTION_INDEX and path.is_file() and self._followed(path)
            )
            if page is not None
        ]
        readable = index_path.is_file() and self._followed(index_path)
        index = self._page(index_path, "day") if readable else None
        for path in self._files(folder):
            rel = path.relative_to(self.plan.content).as_posix()
            if path.parent == folder and path.suffix == _MARKDOWN:
                continue
            if path.suffix == _MARKDOWN:
                self.find(Finding(rel, None, "a page in a sub-folder of a day is not converted"))
                self._keep_verbatim(path, rel)
            else:
                self._asset(path, rel)
        if index is None and not talks:
            return
        if index is None:
            rel = f"{folder.relative_to(self.plan.content).as_posix()}/{_SECTION_INDEX}"
            index = HugoPage(index_path, rel, "day", {}, [], 1, [], [], 1)
            index.title = folder.name
            self.find(Finding(rel, None, f"missing: the day page is titled {folder.name!r}"))
        self.tree.days.append((index, talks))

    def _asset(self, path: Path, rel: str) -> None:
        self.tree.assets[rel] = target_path(rel)
        self.plan.copy(self.plan.folder / self.tree.assets[rel], path, rel)
        self.plan.report.counts["files copied"] += 1

    def _keep_verbatim(self, path: Path, rel: str) -> None:
        target = target_path(rel) + ".txt"
        self.plan.copy(self.plan.folder / target, path, rel)
        self.find(Finding(rel, None, f"kept verbatim as {target} (Sphinx does not read it)"))
