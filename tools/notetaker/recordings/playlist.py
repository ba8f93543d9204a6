"""A downloaded playlist read into videos: yt-dlp's JSON, or a CSV/TSV of ``title,url``.

``yt-dlp --flat-playlist -J URL`` writes one JSON object whose ``entries`` are the
videos (``-j`` writes one object a line); a spreadsheet export is a CSV or TSV.
Every URL goes through the build's URL rules, so what lands on a page is the
canonical link the build would make. An entry that cannot be used is a warning
at its place in the file; a file that cannot be used at all is a user error.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from talknotes.rules.urls import ResourceURLError, check_resource_url

from ..authoring.files import read_text
from ..authoring.plaintext import clean_line
from ..errors import UserError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["Playlist", "Video", "load_playlist"]

#: what YouTube shows in place of a video its owner hid or removed
UNAVAILABLE = frozenset({"[private video]", "[deleted video]", "[unavailable video]"})
_YOUTUBE_WATCH = "https://www.youtube.com/watch?v="
_HEADER = ("title", "url")


@dataclass(frozen=True)
class Video:
    """A video of the playlist: its title, canonical URL, and where the file lists it."""

    title: str
    url: str
    where: str


@dataclass
class Playlist:
    videos: list[Video] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unavailable: int = 0  # private and deleted videos, left out


def load_playlist(path: Path) -> Playlist:
    """The videos of a playlist file, told apart by its content (JSON, JSON lines or CSV/TSV)."""
    text = read_text(path).lstrip("\ufeff")
    if not text.strip():
        raise UserError("is empty: expected yt-dlp's JSON or a CSV of title,url", path)
    rows = _json_rows(path, text) if text.lstrip()[:1] in "{[" else _table_rows(path, text)
    playlist = Playlist()
    seen: set[str] = set()
    for where, title, url in rows:
        video = _video(playlist, f"{path}: {where}", title, url)
        if video is not None and video.url not in seen:
            seen.add(video.url)
            playlist.videos.append(video)
    if not playlist.videos:
        raise UserError("lists no video with a title and a URL", path)
    return playlist


def _video(playlist: Playlist, where: str, title: object, url: object) -> Video | None:
    if not isinstance(title, str) or not clean_line(title):
        playlist.problems.append(f"{where}: no title; left out")
        return None
    if clean_line(title).casefold() in UNAVAILABLE:
        playlist.unavailable += 1
        return None
    if not isinstance(url, str) or not url.strip():
        playlist.problems.append(f"{where}: no URL for {clean_line(title)!r}; left out")
        return None
    try:
        return Video(clean_line(title), check_resource_url(url.strip()), where)
    except ResourceURLError as error:
        playlist.problems.append(f"{where}: {error}; left out")
        return None


def _json_rows(path: Path, text: str) -> Iterator[tuple[str, object, object]]:
    """(where, title, url) of each entry of yt-dlp's ``-J`` output or of its ``-j`` lines."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) < 2 or not lines[0].lstrip().startswith("{"):
            raise UserError(f"is not valid JSON: {error.msg}", path, error.lineno) from None
        return _json_lines(path, text)
    entries = list(_entries(data))
    if not entries:
        raise UserError(
            "has no `entries`: expected what `yt-dlp --flat-playlist -J <playlist URL>` writes",
            path,
        )
    return ((f"entry {number}", *_title_url(entry)) for number, entry in enumerate(entries, 1))


def _json_lines(path: Path, text: str) -> Iterator[tuple[str, object, object]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise UserError(f"is not valid JSON: {error.msg}", path, number) from None
        yield f"line {number}", *_title_url(entry)


def _entries(data: object) -> Iterator[object]:
    """A playlist's entries; a playlist of playlists (a channel's tab) is flattened."""
    if isinstance(data, list):
        for item in data:
            yield from _entries(item) if _is_playlist(item) else (item,)
    elif _is_playlist(data):
        assert isinstance(data, dict)
        yield from _entries(data["entries"])


def _is_playlist(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("entries"), list)


def _title_url(entry: object) -> tuple[object, object]:
    """An entry's title and its URL: ``url`` or ``webpage_url``, else the YouTube ``id``."""
    if not isinstance(entry, dict):
        return None, None
    url = entry.get("url") or entry.get("webpage_url")
    video_id = entry.get("id")
    if url is None and isinstance(video_id, str) and entry.get("ie_key", "Youtube") == "Youtube":
        url = f"{_YOUTUBE_WATCH}{video_id}"
    return entry.get("title"), url


def _table_rows(path: Path, text: str) -> Iterator[tuple[str, object, object]]:
    """(where, title, url) of each row of a CSV or TSV; a ``title,url`` header names the order."""
    first = text.splitlines()[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = (0, 1)
    try:
        for row in reader:
            names = [cell.strip().casefold() for cell in row]
            if reader.line_num == 1 and all(name in names for name in _HEADER):
                columns = (names.index("title"), names.index("url"))
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(row) <= max(columns):
                raise UserError(
                    f"expected a title and a URL separated by {_named(delimiter)}, found "
                    f"{len(row)} field(s)",
                    path,
                    reader.line_num,
                )
            yield f"line {reader.line_num}", row[columns[0]], row[columns[1]]
    except csv.Error as error:
        raise UserError(f"is not a readable CSV: {error}", path, reader.line_num) from None


def _named(delimiter: str) -> str:
    return "a tab" if delimiter == "\t" else "a comma"
