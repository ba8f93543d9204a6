"""The front-matter schema of talks and conferences: what is read, what is a problem."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from talknotes.rules.frontmatter import (
    Conference,
    TimeError,
    format_time,
    key_line,
    parse_front_matter,
    parse_time,
    read_conference,
    read_page_facts,
    split_front_matter,
)
from talknotes.rules.speakers import Speaker


def _read(front_matter: str):
    return read_page_facts(parse_front_matter(f"---\n{front_matter}---\n\n# Talk\n"))


def test_a_talk_is_read_with_its_values_as_written() -> None:
    facts, problems = _read(
        "tags: [platform, Security]\n"
        "speakers: [Jane Doe (Acme), John Roe]\n"
        "time: 2025-04-01T11:00+01:00\n"
        "room: 2.10\n"
        "source: sched:abc\n"
    )
    assert problems == []
    assert facts.tags == ("platform", "Security")
    assert facts.speakers == (Speaker("Jane Doe", "Acme"), Speaker("John Roe"))
    assert facts.time == datetime(2025, 4, 1, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert facts.room == "2.10"  # as written, not the number 2.1
    assert facts.source == "sched:abc"


@pytest.mark.parametrize(
    ("room", "shown"),
    [('"null"', "null"), ("null", None), ("", None), ("Hall 8 | Room G", "Hall 8 | Room G")],
)
def test_text_values_reach_the_page_as_written(room: str, shown: str | None) -> None:
    facts, problems = _read(f"room: {room}\n")
    assert (facts.room, problems) == (shown, [])


def test_a_list_written_as_a_plain_string_is_read_with_a_warning() -> None:
    facts, problems = _read("tags: platform, Security\nspeakers: Jane Roe (Acme, Inc.)\n")
    assert facts.tags == ("platform", "Security")
    assert facts.speakers == (Speaker("Jane Roe", "Acme, Inc."),)  # one speaker, not two
    assert [(problem.key, problem.line) for problem in problems] == [("tags", 2), ("speakers", 3)]
    assert (
        "'tags' is a list: write it in brackets, like [platform, Security]" in problems[0].message
    )


def test_a_key_given_twice_is_reported_at_the_second() -> None:
    facts, problems = _read("tags: [platform]\nroom: A\nroom: B\n")
    assert facts.room == "A"
    assert [(problem.line, problem.message) for problem in problems] == [
        (4, "'room' is given twice (first on line 3); the first counts")
    ]


@pytest.mark.parametrize(
    ("front_matter", "key", "line", "message"),
    [
        ("speakers: {a: b}\n", "speakers", 2, "'speakers' must be a list of non-empty names"),
        ("tags: [platform, 3]\n", "tags", 2, "'tags' must be a list of non-empty names"),
        ("tags: [platform, ' ']\n", "tags", 2, "'tags' must be a list of non-empty names"),
        ("tags: [a]\ntime: tomorrow\n", "time", 3, "'time' 'tomorrow' must be a local date"),
        ("time: 2025-04-01T11:00\n", "time", 2, "with its UTC offset, like 2025-04-01T11:00+01:00"),
        ("time: 0001-01-01T00:30+14:00\n", "time", 2, "'time' '0001-01-01T00:30+14:00' is out"),
        ("source: 12345\n", "source", 2, "'source' '12345' must look like sched:UID"),
        ("room: [a, b]\n", "room", 2, "'room' must be text, not a list or mapping"),
        ("tags: [a]\nspeaker: [Jane]\n", "speaker", 3, "unknown front-matter key 'speaker'"),
        ("conference: yes\n", "conference", 2, "'conference' must be a mapping"),
    ],
)
def test_each_bad_value_is_a_problem_at_its_line(
    front_matter: str, key: str, line: int, message: str
) -> None:
    _, problems = _read(front_matter)
    assert [(problem.key, problem.line) for problem in problems] == [(key, line)]
    assert message in problems[0].message


def test_keys_of_myst_sphinx_and_themes_are_not_ours_to_judge() -> None:
    _, problems = _read("orphan: true\nmyst: {}\nhtml_meta: {}\ntitle: x\n")
    assert problems == []


def test_front_matter_that_is_not_yaml_or_too_deep_is_a_problem_at_its_line() -> None:
    assert [p.line for p in parse_front_matter("---\ntags: [a\n---\n").problems] == [3]
    deep = "---\ntags: " + "[" * 100 + "]" * 100 + "\n---\n"
    assert "nested more than" in parse_front_matter(deep).problems[0].message


@pytest.mark.parametrize(
    ("conference", "message"),
    [
        ({"start": "2025-04-01"}, "'name' is required"),
        ({"name": "X"}, "'start' is required, as an ISO date"),
        ({"name": "X", "start": "April"}, "'start' is required, as an ISO date"),
        ({"name": "X", "start": "2025-04-02", "end": "2025-04-01"}, "'end' is before 'start'"),
        ({"name": "X", "start": "2025-04-02", "end": "soon"}, "'end' must be an ISO date"),
        (
            {"name": "X", "start": "2025-04-02", "website": "javascript:x"},
            "'website': 'javascript:x'",
        ),
        ({"name": "X", "start": "2025-04-02", "city": "Paris"}, "unknown keys city"),
        ({"name": "X", "start": "2025-04-02", "timezone": "Mars/Olympus"}, "'timezone' 'Mars/"),
        ({"name": "X", "start": "2025-04-02", "timezone": "../../etc/passwd"}, "not a time zone"),
    ],
)
def test_bad_conference_front_matter(conference: dict[str, str], message: str) -> None:
    _, problems = read_conference(conference)
    (problem,) = problems
    assert problem.key == "conference"
    assert problem.message.startswith("conference front matter: ")
    assert message in problem.message


def test_a_conference_from_yaml_dates_and_from_strings() -> None:
    expected = Conference(
        "KubeCon", date(2025, 4, 1), date(2025, 4, 4), "London, UK", timezone="Europe/London"
    )
    yaml_like = {"name": " KubeCon ", "start": date(2025, 4, 1), "end": date(2025, 4, 4)}
    yaml_like |= {"location": "London, UK", "timezone": "Europe/London"}
    assert read_conference(yaml_like) == (expected, [])
    as_strings = {**yaml_like, "start": "2025-04-01", "end": "2025-04-04"}
    assert read_conference(as_strings) == (expected, [])
    assert expected.last_day == date(2025, 4, 4)
    assert expected.dates() == "1\u20134 April 2025"


def test_time_is_written_as_it_is_read() -> None:
    moment = parse_time("2025-04-01T11:00+01:00")
    assert format_time(moment) == "2025-04-01T11:00+01:00"
    assert format_time(moment.replace(second=5)) == "2025-04-01T11:00:05+01:00"
    with pytest.raises(TimeError, match="UTC offset"):
        parse_time("2025-04-01T11:00")


def test_key_line_and_split() -> None:
    text = "---\ntags: [a]\nspeakers:\n  - Jane\n---\n\n# Title\n"
    assert key_line(text, "speakers") == 3
    assert key_line(text, "room") == 1
    assert key_line("# No front matter\n", "tags") == 1
    front, body = split_front_matter(text)
    assert front == ["tags: [a]", "speakers:", "  - Jane"]
    assert body == ["", "# Title"]
    assert split_front_matter("---\nnever closed\n") == ([], ["---", "never closed"])
