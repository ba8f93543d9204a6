"""What a conference, a day and a talk are by path, and the names of generated pages."""

from __future__ import annotations

import pytest

from talknotes.rules import pagenames
from talknotes.rules.layout import (
    TalkPlace,
    day_folder,
    is_index,
    place_talk,
    talk_file_name,
    talk_number,
    talk_slug,
)

CONFERENCES = {"kubecon-eu-2025", "archive/rejekts-2025"}


@pytest.mark.parametrize(
    ("docname", "place"),
    [
        ("kubecon-eu-2025/day-1/04-talk", TalkPlace("kubecon-eu-2025", "kubecon-eu-2025/day-1")),
        ("kubecon-eu-2025/day-1/no-number", TalkPlace("kubecon-eu-2025", "kubecon-eu-2025/day-1")),
        (
            "archive/rejekts-2025/day-2/01-x",
            TalkPlace("archive/rejekts-2025", "archive/rejekts-2025/day-2"),
        ),
        ("kubecon-eu-2025/day-1/index", None),  # a day page
        ("kubecon-eu-2025/about", None),  # a page of the conference, not of a day
        ("kubecon-eu-2025/day-1/_img/deeper/01-x", None),  # not directly in a day folder
        ("about", None),
        ("other/day-1/01-x", None),  # no conference above it
    ],
)
def test_place_talk(docname: str, place: TalkPlace | None) -> None:
    assert place_talk(docname, CONFERENCES) == place


def test_a_conference_at_the_root_has_days_too() -> None:
    assert place_talk("day-1/01-x", {""}) == TalkPlace("", "day-1")


def test_talk_file_names_and_numbers() -> None:
    assert talk_file_name(7, "platform") == "07-platform.md"
    assert talk_file_name(145, "x") == "145-x.md"
    assert talk_number("07-platform") == 7
    assert talk_number("platform") is None
    assert talk_slug("07-platform-x") == "platform-x"
    assert day_folder(0) == "day-0"
    assert is_index("index")
    assert is_index("a/index")
    assert not is_index("a/reindex")


def test_generated_page_names() -> None:
    assert pagenames.tag_page("backstage") == "tags/backstage"
    assert pagenames.tag_feed("backstage") == "tags/backstage.atom"
    assert pagenames.speaker_page("jane-doe") == "speakers/jane-doe"
    assert set(pagenames.FIXED_TITLES) == {
        pagenames.TOPICS,
        pagenames.SPEAKERS,
        pagenames.PENDING,
        pagenames.TODOS,
    }
