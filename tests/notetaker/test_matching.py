"""Talks matched to recordings: every way an organiser's title differs, and every trap."""

from __future__ import annotations

from tools.notetaker.recordings.matching import Evidence, assign, pair_score
from tools.notetaker.recordings.titles import plain, talk_words, video_words

LONG_TITLE = (
    "Scaling Prometheus at Etsy: How We Moved Two Billion Active Series to a Sharded, "
    "Highly Available Setup Without Downtime"
)


def outcome(talks: list[tuple[str, list[str]]], videos: list[str]) -> dict[int, object]:
    """Each talk's video index (filled), "ambiguous", or None (no match)."""
    found = assign(
        [talk_words(title, names) for title, names in talks],
        [video_words(title) for title in videos],
    )
    result: dict[int, object] = {talk: pair.video for talk, pair in found.filled.items()}
    result.update(dict.fromkeys(found.ambiguous, "ambiguous"))
    result.update(dict.fromkeys(found.unmatched))
    return result


def score(title: str, names: list[str], video: str) -> tuple[float, Evidence]:
    pair = pair_score(talk_words(title, names), video_words(video))
    return pair.score, pair.evidence


def test_plain_forms_ignore_case_accents_dashes_and_punctuation() -> None:
    assert plain("Don\u2019t  Write Controllers \u2013 Like Ch\u00e4rlie!") == (
        "don t write controllers like charlie"
    )
    assert plain("Q&A") == "q and a"
    assert talk_words("Keynote: Welcome \\[back\\]", []).titles == ("welcome back",)
    assert talk_words("Cloud Native Theater | Panel - Why Wasm", []).titles == (
        "cloud native theater panel why wasm",
        "cloud native theater",
        "why wasm",
    )


def test_exact_changed_punctuation_and_case_and_a_prefix_all_match() -> None:
    assert score("Platform abstractions: asset or liability", ["Jane Doe"],
                 "Platform Abstractions: Asset or Liability - Jane Doe, Acme") == (
        100.0, Evidence.SAME)  # fmt: skip
    quotes = "Don\u2019t Write Controllers Like Charlie Don\u2019t Does."
    assert score("Don't write controllers like Charlie Don't does", [], quotes) == (
        92.5, Evidence.NONE)  # fmt: skip
    lightning = "Project Lightning Talk: What\u2019s New in Flux - Ann Lee, Maintainer"
    assert score("What's new in Flux", ["Ann Lee"], lightning)[0] == 100.0
    assert score("Keynote: Welcome back", ["Ann Lee"],
                 "Welcome Back | Keynote Sessions - Ann Lee, CNCF")[0] == 100.0  # fmt: skip


def test_a_title_cut_at_youtubes_limit_still_matches() -> None:
    byline = " - Jane Doe, Etsy & John Roe, Etsy"
    video = (LONG_TITLE + byline)[:100]
    assert len(video) == 100
    found, evidence = score(LONG_TITLE, ["Jane Doe", "John Roe"], video)
    assert found >= 90
    assert evidence is Evidence.NONE  # the byline was cut off: only the title speaks
    assert outcome([(LONG_TITLE, ["Jane Doe"])], [video, "Scaling Prometheus at Etsy"]) == {0: 0}


def test_a_speaker_in_common_is_enough_and_other_speakers_only_veto() -> None:
    changed = "Backstage at Scale - Jane Doe, Acme & New Person, Other"
    assert score("Backstage at scale", ["Jane Doe", "John Roe", "Ann Lee"], changed) == (
        95.0, Evidence.SOME)  # fmt: skip
    assert score("Backstage at scale", ["Jane Doe"], "Backstage at Scale - Jane Doe, Acme") == (
        100.0, Evidence.SAME)  # fmt: skip
    found, evidence = score(
        "Backstage at scale", ["Jane Doe"], "Backstage at Scale - Kim Park, Foo"
    )
    assert evidence is Evidence.OTHER
    assert found < 80


def test_same_title_by_other_speakers_is_never_filled() -> None:
    talks = [("Intro to SIG Network", ["Jane Doe"])]
    videos = ["Intro to SIG Network - Kim Park, Google & Lu Wei, Red Hat"]
    assert outcome(talks, videos) == {0: None}


def test_decoys_take_no_talk_and_a_talk_without_video_stays_pending() -> None:
    talks = [
        ("GitOps for the rest of us", ["Jane Doe"]),
        ("Observability pipelines with OpenTelemetry", ["Ann Lee"]),
    ]
    videos = [
        "KubeCon + CloudNativeCon Europe 2026 Highlights",
        "GitOps for the Rest of Us - Jane Doe, Acme",
        "OpenTelemetry: Project Update - Someone Else, Maintainer",
        "Sponsored Keynote: Observability Made Easy - Vendor Person, Vendor",
    ]
    assert outcome(talks, videos) == {0: 1, 1: None}


def test_near_identical_titles_are_told_apart_by_speakers_and_numbers() -> None:
    talks = [
        ("Kubernetes SIG Node: intro and deep dive", ["Jane Doe"]),
        ("Kubernetes SIG Network: intro and deep dive", ["John Roe"]),
        ("Building operators, part 1", ["Ann Lee"]),
        ("Building operators, part 2", ["Ann Lee"]),
    ]
    videos = [
        "Building Operators, Part 2 - Ann Lee, Acme",
        "Kubernetes SIG Network: Intro and Deep Dive - John Roe, Foo",
        "Building Operators, Part 1 - Ann Lee, Acme",
        "Kubernetes SIG Node: Intro and Deep Dive - Jane Doe, Bar",
    ]
    assert outcome(talks, videos) == {0: 3, 1: 1, 2: 2, 3: 0}


def test_two_candidates_too_close_to_tell_apart_are_reported_not_filled() -> None:
    talks = [("Closing remarks", ["Jane Doe"]), ("Closing remarks", ["Jane Doe"])]
    videos = ["Closing Remarks - Jane Doe, CNCF", "Closing Remarks - Jane Doe, CNCF"]
    assert outcome(talks, videos) == {0: "ambiguous", 1: "ambiguous"}
    # one video for two equal talks: neither is guessed
    assert outcome(talks, videos[:1]) == {0: "ambiguous", 1: "ambiguous"}


def test_one_to_one_a_better_match_wins_and_the_other_takes_its_next_best() -> None:
    talks = [("Securing the supply chain", []), ("Securing the software supply chain", [])]
    videos = ["Securing the Software Supply Chain", "Securing the Supply Chain!"]
    assert outcome(talks, videos) == {0: 1, 1: 0}
    # without its own video the second talk does not take the first one's
    assert outcome(talks, videos[1:]) == {0: 0, 1: None}
