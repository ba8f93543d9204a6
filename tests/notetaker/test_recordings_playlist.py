"""Playlist files read into videos: yt-dlp's JSON shapes, CSV and TSV, and what is wrong."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tools.notetaker.errors import UserError
from tools.notetaker.recordings.playlist import load_playlist

if TYPE_CHECKING:
    from pathlib import Path

WATCH = "https://www.youtube.com/watch?v="


def entry(video_id: str, title: object, **extra: object) -> dict[str, object]:
    return {"_type": "url", "ie_key": "Youtube", "id": video_id, "title": title, **extra}


def write(tmp_path: Path, name: str, content: str | object) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_yt_dlp_flat_playlist_with_ids_urls_and_unavailable_videos(tmp_path: Path) -> None:
    data = {
        "_type": "playlist",
        "id": "PLj6h78yzYM2",
        "entries": [
            entry("M5X5NCzlzIA", "A talk - Jane Doe, Acme", url=f"{WATCH}M5X5NCzlzIA"),
            entry("JAy6Ra0ulSw", "Another talk", url="https://youtu.be/JAy6Ra0ulSw?si=x"),
            entry("PciVvE02L2w", "No url field"),
            entry("aaaaaaaaaaa", "[Private video]"),
            entry("bbbbbbbbbbb", "[Deleted video]"),
            entry("M5X5NCzlzIA", "A talk - Jane Doe, Acme"),  # listed twice
        ],
    }
    playlist = load_playlist(write(tmp_path, "all.json", data))
    assert [(video.title, video.url) for video in playlist.videos] == [
        ("A talk - Jane Doe, Acme", f"{WATCH}M5X5NCzlzIA"),
        ("Another talk", f"{WATCH}JAy6Ra0ulSw"),
        ("No url field", f"{WATCH}PciVvE02L2w"),
    ]
    assert playlist.unavailable == 2
    assert playlist.problems == []


def test_json_lines_and_nested_playlists(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps(entry(f"{n:011d}", f"Talk {n}")) for n in range(3))
    assert len(load_playlist(write(tmp_path, "lines.json", lines + "\n")).videos) == 3
    nested = {"entries": [{"entries": [entry("00000000001", "One")]}, entry("00000000002", "Two")]}
    assert [v.title for v in load_playlist(write(tmp_path, "n.json", nested)).videos] == [
        "One",
        "Two",
    ]


def test_entries_that_cannot_be_used_are_warnings_at_their_place(tmp_path: Path) -> None:
    data = {
        "entries": [
            entry("short", "Bad id"),
            entry("00000000001", 42),
            {"title": "No id or url"},
            entry("00000000002", "Script", url="javascript:alert(1)"),
            "not an object",
            entry("00000000003", "Fine\u2028title\x07"),
        ]
    }
    playlist = load_playlist(write(tmp_path, "p.json", data))
    assert [video.title for video in playlist.videos] == ["Fine title"]
    assert [problem.split(": ")[1] for problem in playlist.problems] == [
        "entry 1",
        "entry 2",
        "entry 3",
        "entry 4",
        "entry 5",
    ]
    assert "not a YouTube video ID" in playlist.problems[0]
    assert "not a web address" in playlist.problems[3]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("p.csv", 'title,url\n"Talk, with comma",https://youtu.be/M5X5NCzlzIA\n'),
        ("p.csv", 'url,title\nhttps://youtu.be/M5X5NCzlzIA,"Talk, with comma"\n'),
        ("p.csv", '"Talk, with comma",https://youtu.be/M5X5NCzlzIA\n\n'),
        ("p.tsv", "title\turl\nTalk, with comma\thttps://youtu.be/M5X5NCzlzIA\n"),
        ("p.txt", "\ufeffTalk, with comma\thttps://youtu.be/M5X5NCzlzIA\r\n"),
    ],
)
def test_csv_and_tsv_with_or_without_a_header(tmp_path: Path, name: str, text: str) -> None:
    videos = load_playlist(write(tmp_path, name, text)).videos
    assert [(video.title, video.url) for video in videos] == [
        ("Talk, with comma", f"{WATCH}M5X5NCzlzIA")
    ]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "is empty", None),
        ('{"entries": [', "is not valid JSON", 1),
        ('{"title": "x"}', "has no `entries`", None),
        ('{"entries": []}', "has no `entries`", None),
        ('{"id": 1}\n{"id": 2,\n', "is not valid JSON", 2),
        ("title,url\nOnly a title\n", "found 1 field(s)", 2),
        (
            '{"entries": [{"title": "[Private video]", "id": "aaaaaaaaaaa"}]}',
            "lists no video",
            None,
        ),
    ],
)
def test_a_file_that_cannot_be_used_is_one_error(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    with pytest.raises(UserError) as raised:
        load_playlist(write(tmp_path, "p.json" if text.startswith("{") else "p.csv", text))
    assert message in raised.value.message
    assert raised.value.line == line


def test_bytes_that_are_not_utf8_are_an_error_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"title,url\nCaf\xe9,https://vimeo.com/1\n")
    with pytest.raises(UserError, match="not UTF-8") as raised:
        load_playlist(path)
    assert raised.value.line == 2
