"""The site's tag vocabulary, from the file the build reads: conf.py's ``talknotes_tags_file``.

A site may keep its vocabulary somewhere else than ``docs/tags.yml``; the tools
read the setting from the same ``conf.py`` the build runs (``--conf``), so a tag
the tools accept is a tag the build accepts.
"""

from __future__ import annotations

import runpy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from talknotes.rules.text import suggestion
from talknotes.rules.vocabulary import DEFAULT_FILE, Vocabulary, load_vocabulary

from .. import REPO
from ..errors import UserError, problem_error
from .files import read_text
from .frontmatter import yaml_text

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

__all__ = ["CONF", "Tags", "add_tag", "load_tags", "tags_file"]

#: the Sphinx configuration the build uses (``sphinx-build -c .``)
CONF = REPO / "conf.py"
_SETTING = "talknotes_tags_file"


def tags_file(docs: Path, conf: Path | None = CONF) -> Path:
    """The vocabulary the build of ``docs`` reads: ``talknotes_tags_file`` of ``conf``.

    The setting names a file in the source folder (or an absolute path); without
    it, or without a ``conf``, it is ``tags.yml`` as in the build.
    """
    name: object = DEFAULT_FILE
    if conf is not None:
        name = _configuration(conf).get(_SETTING, DEFAULT_FILE)
    if not isinstance(name, str) or not name.strip():
        raise UserError(f"{_SETTING} must name a file, like {DEFAULT_FILE!r}", conf)
    return docs / name


def _configuration(conf: Path) -> dict[str, object]:
    if not conf.is_file():
        raise UserError("no such Sphinx configuration (pass --conf to name one)", conf)
    try:
        return runpy.run_path(str(conf))
    except Exception as error:  # anything conf.py raises: the note-taker's file, not ours
        raise UserError(f"the Sphinx configuration fails: {error!r}", conf) from None


@dataclass(frozen=True)
class Tags:
    """The vocabulary, the file it came from, and its problems as user errors at their lines."""

    path: Path
    vocabulary: Vocabulary
    problems: tuple[UserError, ...] = ()

    def keys(self, names: Iterable[str]) -> list[str]:
        """The keys of the tags given on the command line; unknown ones are a user error.

        Without a ``tags.yml`` tags are free: they are kept as written (one per key).
        """
        keys, unknown, written = [], [], []
        for name in names:
            key = self.vocabulary.resolve(name)
            if key is None:
                hint = self.hint(name)
                unknown.append(f"{name!r} ({hint})" if hint else repr(name))
            elif key not in keys:
                keys.append(key)
                written.append(name.strip())
        if unknown:
            empty = "" if self.vocabulary.tags else f" ({self.path} has no tags)"
            raise UserError(
                f"unknown tag {', '.join(unknown)}: tags come from {self.path}{empty}; "
                "add new topics there first"
            )
        return written if self.vocabulary.free else keys

    def hint(self, name: str) -> str:
        """``did you mean 'platform'?`` for an unknown tag name, or ``""``."""
        return suggestion(self.vocabulary.suggest(name))


def load_tags(path: Path) -> Tags:
    """Read the vocabulary at ``path``; a missing file is an empty vocabulary, as in the build."""
    try:
        vocabulary, problems = load_vocabulary(path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UserError(f"cannot read the tag vocabulary: {reason}", path) from None
    return Tags(path, vocabulary, tuple(problem_error(problem, path) for problem in problems))


def add_tag(tags: Tags, key: str, title: str, description: str, why: str) -> Tags:
    """Append the tag ``key`` to the vocabulary file (made if missing); return it read again.

    Only the end of the file changes, after a comment that says ``why``; if the
    file does not read back with the tag (it is not a block mapping, say), it is
    restored and the note-taker is told what to add.
    """
    path = tags.path
    old = read_text(path) if path.is_file() else None
    fields = f"  title: {yaml_text(title)}\n  description: {yaml_text(description)}\n"
    entry = f"# {why}\n{key}:\n{fields}"
    text = (old or "").rstrip("\n")
    path.write_text(f"{text}\n\n{entry}" if text else entry, encoding="utf-8")
    added = load_tags(path)
    if added.vocabulary.resolve(key) == key:
        return added
    if old is None:
        path.unlink()
    else:
        path.write_text(old, encoding="utf-8")
    raise UserError(
        f"the tag {key!r} cannot be added at the end of this file (it would not read back), "
        f"so the file is unchanged; add {key}: {{title: {yaml_text(title, flow=True)}}} by hand",
        path,
    )
