"""The playlist generator itself: a fixture is only worth its truth if the fixture is sound.

The recordings tests trust `playlist` to look like a real CNCF playlist (ids,
titles YouTube would accept, yt-dlp's JSON, a CSV export) and to say the truth
about it; these tests hold it to that, so a failure there is the tool's.
"""

from __future__ import annotations

import csv
import io
import json
import re
from itertools import pairwise

import pytest

from tests.notetaker.playlist import DELETED, KINDS, LIMIT, PRIVATE, Playlist, playlist
from tests.notetaker.programme import Programme, programme

ID = re.compile(r"[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]")


@pytest.fixture(scope="module")
def made() -> Programme:
    return programme()


@pytest.fixture(scope="module")
def listed(made: Programme) -> Playlist:
    return playlist(made)


def test_the_same_seed_gives_the_same_playlist_and_another_seed_another(made: Programme) -> None:
    one, again, other = playlist(made, seed=3), playlist(made, seed=3), playlist(made, seed=4)
    assert one.json() == again.json()
    assert one.csv() == again.csv()
    assert one.hard_cases() == again.hard_cases()
    assert one.truth() != other.truth()


def test_titles_are_ones_youtube_accepts_and_ids_are_well_formed(listed: Playlist) -> None:
    for video in listed.videos:
        assert 0 < len(video.title) <= LIMIT, video.title
        assert not re.search(r"[<>\x00-\x1f\x7f-\x9f\u2028\u2029]", video.title), video.title
        assert video.title == video.title.strip()
        assert ID.fullmatch(video.id), video.id
    assert len({video.id for video in listed.videos}) == len(listed.videos)


def test_the_json_is_what_yt_dlp_flat_playlist_writes(listed: Playlist) -> None:
    data = json.loads(listed.json())
    assert data["_type"] == "playlist"
    assert data["extractor_key"] == "YoutubeTab"
    assert re.fullmatch(r"PL[A-Za-z0-9_-]{32}", data["id"])
    assert data["webpage_url"] == f"https://www.youtube.com/playlist?list={data['id']}"
    assert data["playlist_count"] == len(data["entries"]) == len(listed.videos)
    for entry, video in zip(data["entries"], listed.videos, strict=True):
        assert entry["_type"] == "url"
        assert entry["ie_key"] == "Youtube"
        assert entry["id"] == video.id
        assert (entry["title"], entry["duration"]) == (video.title, video.duration)
        assert entry["url"] == f"https://www.youtube.com/watch?v={video.id}"
        gone = video.title in (PRIVATE, DELETED)
        assert (entry["channel"] is None) == gone == (entry["duration"] is None)
        assert isinstance(entry["view_count"], int | None)


def test_the_csv_has_a_title_and_url_for_every_video(listed: Playlist) -> None:
    rows = list(csv.reader(io.StringIO(listed.csv())))
    assert rows[0] == ["title", "url"]
    assert rows[1:] == [
        [video.title, f"https://www.youtube.com/watch?v={video.id}"] for video in listed.videos
    ]
    assert any('"' in line for line in listed.csv().splitlines())  # commas in titles, quoted


def test_the_truth_names_only_talks_and_their_own_videos(made: Programme, listed: Playlist) -> None:
    talks = {talk.uid for talk in made.talks()}
    truth = listed.truth()
    assert set(truth) <= talks
    by_id = {video.id: video for video in listed.videos}
    assert all(by_id[video].uid == uid for uid, video in truth.items())
    missing = listed.hard_cases()["no-video"]
    assert set(missing) == talks - set(truth)
    assert 0.04 < len(missing) / len(talks) < 0.12  # about 8% of sessions have no video


def test_there_are_decoys_private_and_deleted_videos(made: Programme, listed: Playlist) -> None:
    others = [video for video in listed.videos if video.uid is None]
    titles = [video.title for video in others]
    assert PRIVATE in titles
    assert DELETED in titles
    decoys = [title for title in titles if title not in (PRIVATE, DELETED)]
    assert len(decoys) >= 12
    close = [title for title in decoys if any(title.startswith(t.title) for t in made.talks())]
    assert len(close) >= 4  # a talk's very title, with other speakers


def test_the_order_is_not_the_programmes(made: Programme, listed: Playlist) -> None:
    order = {talk.uid: number for number, talk in enumerate(made.talks())}
    seen = [order[video.uid] for video in listed.videos if video.uid]
    rising = sum(a < b for a, b in pairwise(seen))
    assert 0.3 < rising / len(seen) < 0.7


def test_every_kind_of_hard_case_is_there_and_names_talks(
    made: Programme, listed: Playlist
) -> None:
    talks = {talk.uid for talk in made.talks()}
    cases = listed.hard_cases()
    assert tuple(cases) == KINDS
    for kind, uids in cases.items():
        assert uids, kind
        assert set(uids) <= talks, kind
        assert len(set(uids)) == len(uids), kind
    truth = listed.truth()
    for kind in ("truncated", "speakers-differ", "same-title", "near-duplicate"):
        assert set(cases[kind]) <= set(truth), kind  # a video that differs has to exist
    summaries = {talk.uid: talk.summary for talk in made.talks()}
    titles = {video.uid: video.title for video in listed.videos if video.uid}
    long = [uid for uid in cases["truncated"] if len(summaries[uid]) > LIMIT]
    assert len(long) > 0.9 * len(cases["truncated"])  # the rest grew past it: "Tutorial: " added
    assert all(titles[uid] != summaries[uid] for uid in cases["speakers-differ"])


def test_a_small_programme_makes_a_small_playlist() -> None:
    small = playlist(programme(seed=7, days=1, sessions=(6, 6)), seed=1)
    assert 0 < len(small.truth()) <= 6
    assert json.loads(small.json())["entries"]
