"""The front-matter schema of talks and conferences: what is read, what is a problem."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from talknotes.rules.frontmatter import (
    Conference,
    TimeError,
    format_time,
    key_line,
    parse_time,
    read_conference,
    read_page_facts,
    split_front_matter,
)
from talknotes.rules.speakers import Speaker


def _as_myst(data: dict[str, object]) -> dict[str, object]:
    """Front matter as myst-parser hands it to Sphinx: non-strings JSON-encoded."""
    return {
        key: value if isinstance(value, str) else json.dumps(value) for key, value in data.items()
    }


@pytest.mark.parametrize("encode", [_as_myst, dict], ids=["from myst-parser", "from YAML"])
def test_a_talk_is_read_alike_from_myst_and_from_yaml(encode) -> None:
    data = {
        "tags": ["platform", "Security"],
        "speakers": ["Jane Doe (Acme)", "John Roe"],
        "time": "2025-04-01T11:00+01:00",
        "room": "Hall 8 | Room G",
        "source": "sched:abc",
    }
    facts, problems = read_page_facts(encode(data))
    assert problems == []
    assert facts.tags == ("platform", "Security")
    assert facts.speakers == (Speaker("Jane Doe", "Acme"), Speaker("John Roe"))
    assert facts.time == datetime(2025, 4, 1, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert facts.room == "Hall 8 | Room G"
    assert facts.source == "sched:abc"


def test_tags_may_be_a_comma_separated_string() -> None:
    facts, _ = read_page_facts({"tags": "platform, Security"})
    assert facts.tags == ("platform", "Security")


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        ({"speakers": {"a": "b"}}, "speakers", "'speakers' must be a list of non-empty names"),
        ({"tags": ["platform", 3]}, "tags", "'tags' must be a list of non-empty names"),
        ({"tags": ["platform", " "]}, "tags", "'tags' must be a list of non-empty names"),
        ({"time": "tomorrow"}, "time", "'time' 'tomorrow' must be a local date and time"),
        ({"time": "2025-04-01T11:00"}, "time", "with its UTC offset, like 2025-04-01T11:00+01:00"),
        ({"source": 12345}, "source", "'source' '12345' must look like sched:UID"),
        ({"speaker": ["Jane"]}, "speaker", "unknown front-matter key 'speaker'"),
        ({"conference": "yes"}, "conference", "'conference' must be a mapping"),
    ],
)
def test_each_bad_value_is_a_problem_naming_its_key(data, key: str, message: str) -> None:
    facts, problems = read_page_facts(_as_myst(data))
    assert [problem.key for problem in problems] == [key]
    assert message in problems[0].message
    assert getattr(facts, key, None) in ((), None)


def test_keys_of_myst_sphinx_and_themes_are_not_ours_to_judge() -> None:
    _, problems = read_page_facts({"orphan": "true", "myst": "{}", "html_meta": "{}", "_x": "1"})
    assert problems == []


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


def test_a_conference_from_yaml_dates_and_from_json_strings() -> None:
    expected = Conference(
        "KubeCon", date(2025, 4, 1), date(2025, 4, 4), "London, UK", timezone="Europe/London"
    )
    yaml_like = {"name": " KubeCon ", "start": date(2025, 4, 1), "end": date(2025, 4, 4)}
    yaml_like |= {"location": "London, UK", "timezone": "Europe/London"}
    assert read_conference(yaml_like) == (expected, [])
    as_json = json.dumps({**yaml_like, "start": "2025-04-01", "end": "2025-04-04"})
    assert read_conference(as_json) == (expected, [])
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
