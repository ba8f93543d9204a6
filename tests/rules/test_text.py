"""The wording every page and tool shares: plurals, shortening, hints, dates, places."""

from __future__ import annotations

from datetime import date

import pytest

from talknotes.rules.text import (
    date_range,
    did_you_mean,
    one_line,
    plural,
    shorten,
    suggestion,
    talk_context,
)


def test_plural() -> None:
    assert plural(1, "talk") == "1 talk"
    assert plural(0, "talk") == "0 talks"
    assert plural(2, "page waits", "pages wait") == "2 pages wait"
    assert plural(1, "page waits", "pages wait") == "1 page waits"


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("short", 10) == "short"
    assert shorten("one two three", 10) == "one two…"
    assert len(shorten("word " * 100, 200)) <= 200
    assert shorten("x" * 20, 10) == "x" * 9 + "…"


def test_one_line_folds_every_kind_of_white_space() -> None:
    assert one_line(" a\u2028b\tc\n\nd ") == "a b c d"


def test_did_you_mean_ignores_case_and_keeps_the_spelling() -> None:
    assert did_you_mean("plattform", ["Platform", "security"]) == ["Platform"]
    assert did_you_mean("zzz", ["platform"]) == []


def test_suggestion_wording() -> None:
    assert suggestion([]) == ""
    assert suggestion(["a"]) == "did you mean 'a'?"
    assert suggestion(["a", "b", "c"]) == "did you mean 'a', 'b' or 'c'?"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2024, 3, 19), None, "19 March 2024"),
        (date(2025, 4, 1), date(2025, 4, 1), "1 April 2025"),
        (date(2025, 4, 1), date(2025, 4, 4), "1\u20134 April 2025"),
        (date(2025, 3, 30), date(2025, 4, 1), "30 March\u20131 April 2025"),
        (date(2025, 12, 30), date(2026, 1, 2), "30 December 2025\u20132 January 2026"),
    ],
)
def test_date_range(start: date, end: date | None, text: str) -> None:
    assert date_range(start, end) == text


def test_talk_context() -> None:
    assert talk_context("KubeCon EU 2025", "Day 1") == "KubeCon EU 2025, Day 1"
