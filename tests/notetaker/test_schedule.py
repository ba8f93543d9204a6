"""Sched .ics and pretalx schedule.json read into sessions, and the skip rule."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from talknotes.rules.frontmatter import format_time
from tools.notetaker.schedule.bylines import split_summary
from tools.notetaker.schedule.load import load_schedule
from tools.notetaker.schedule.skip import SkipKind, skip_reason

FIXTURES = Path(__file__).parent / "fixtures"
SCHED = FIXTURES / "sched.ics"
PRETALX = FIXTURES / "pretalx-schedule.json"


# -- reading schedules ----------------------------------------------------------------


def test_sched_sessions_in_local_time_with_speakers_and_rooms() -> None:
    loaded = load_schedule(SCHED)
    assert loaded.system == "sched"
    assert loaded.timezone == "Europe/London"
    by_title = {session.title: session for session in loaded.sessions}
    assert list(by_title) == [
        "Badge Pick-Up",
        "Keynote: Welcome + Opening Remarks",
        "⚡ Lightning Talk: Ten Minutes to a Golden Path",
        "Day 2000 - Migrating From Kubeadm + Ansible to Cluster API + Talos",
        "Coffee Break",
        "Platform Abstractions: Asset or Liability?",
        "Lunch",
        "The Service Mesh Wars - A New Hope for Kubernetes",
        "Keynote: Fireside Chat",
        "Booth Crawl",
    ]
    keynote = by_title["Keynote: Welcome + Opening Remarks"]
    assert keynote.kinds == ("keynote",)
    assert [str(s) for s in keynote.speakers] == ["Priya Raman (Example Foundation)"]
    assert format_time(keynote.start) == "2025-04-01T09:00+01:00"  # 08:00Z in BST
    assert keynote.room == "Level 1 | Hall A"
    assert keynote.track == "Keynote Sessions"
    assert keynote.source == "sched:1c2d3e4f5061728394a5b6c7d8e9f0a1"
    assert keynote.url == "https://example2025.sched.com/event/1aa02/keynote-welcome"
    assert by_title["⚡ Lightning Talk: Ten Minutes to a Golden Path"].kinds == ("lightning",)
    assert [str(s) for s in by_title["Platform Abstractions: Asset or Liability?"].speakers] == [
        "Ana Silva (InfraCo)",
        "Li Wei (Example Corp)",
        "Sam O'Neil (Johnson & Johnson)",
    ]
    assert [str(s) for s in by_title["Keynote: Fireside Chat"].speakers] == ["Kelsey Example"]
    assert by_title[
        "Day 2000 - Migrating From Kubeadm + Ansible to Cluster API + Talos"
    ].abstract == (
        "How we moved hundreds of clusters without downtime.\n\nWhat worked, what did not."
    )


@pytest.mark.parametrize(
    ("summary", "title", "speakers"),
    [
        ("Kubernetes - The Hard Way", "Kubernetes - The Hard Way", []),
        ("Panel - Jane Doe, Acme - Europe", "Panel", ["Jane Doe (Acme - Europe)"]),
        ("Title - Alex Polvi, CoreOS, Inc.", "Title", ["Alex Polvi (CoreOS, Inc.)"]),
        ("Scaling - Part 2 - 王小明, Example", "Scaling - Part 2", ["王小明 (Example)"]),
        (
            "Fireside - Kelsey Example & Jo van der Berg",
            "Fireside",
            ["Kelsey Example", "Jo van der Berg"],
        ),
        ("Lunch", "Lunch", []),
    ],
)
def test_sched_summaries_split_at_the_last_dash_before_the_speakers(
    summary: str, title: str, speakers: list[str]
) -> None:
    found_title, found_speakers = split_summary(summary)
    assert (found_title, [str(s) for s in found_speakers]) == (title, speakers)


def test_the_skip_rule_skips_logistics_never_talks() -> None:
    loaded = load_schedule(SCHED)
    skipped = {s.title: skip_reason(s) for s in loaded.sessions if skip_reason(s)}
    logistics = SkipKind.LOGISTICS
    assert skipped == {
        "Badge Pick-Up": (logistics, "no speakers, and the track 'Registration' is logistics"),
        "Coffee Break": (logistics, "no speakers, and the track 'Breaks' is logistics"),
        "Lunch": (logistics, "no speakers, and the track 'Breaks' is logistics"),
        "Booth Crawl": (logistics, "no speakers, and the track 'Solutions Showcase' is logistics"),
    }
    talk = replace(loaded.sessions[3], title="Break the Monolith")
    assert talk.speakers
    assert skip_reason(talk) is None  # an entry with speakers is always a talk
    assert skip_reason(replace(talk, speakers=(), tracks=())) is None  # one word is no reason
    lunch = replace(talk, title="Lunch & Networking ☕", speakers=(), tracks=())
    assert skip_reason(lunch) == (logistics, "no speakers, and its title is logistics")


def test_pretalx_sessions() -> None:
    loaded = load_schedule(PRETALX)
    assert (loaded.system, loaded.timezone) == ("pretalx", "Europe/London")
    by_id = {session.id: session for session in loaded.sessions}
    assert list(by_id) == ["RJK7QX", "GSLB42", "LUNCH1", "LTNG07"]
    assert by_id["RJK7QX"].kinds == ("keynote",)
    assert format_time(by_id["GSLB42"].start) == "2025-03-30T10:00+01:00"  # after the switch
    assert [str(s) for s in by_id["GSLB42"].speakers] == ["Nico Example", "Kim Sample"]
    assert by_id["GSLB42"].source == "pretalx:GSLB42"
    assert by_id["LTNG07"].kinds == ("lightning",)
    assert skip_reason(by_id["LUNCH1"]) == (
        SkipKind.LOGISTICS,
        "no speakers, and its title is logistics",
    )


def test_the_timezone_option_wins_and_files_in_crlf_read_the_same(tmp_path: Path) -> None:
    crlf = tmp_path / "all.ics"
    crlf.write_bytes(SCHED.read_bytes().replace(b"\n", b"\r\n"))
    assert load_schedule(crlf).sessions == load_schedule(SCHED).sessions
    moved = load_schedule(SCHED, "America/New_York").sessions[1]
    assert format_time(moved.start) == "2025-04-01T04:00-04:00"
