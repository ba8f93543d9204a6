"""Any input is safe: cleaned before YAML and Markdown, broken entries reported, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from talknotes.rules.frontmatter import split_front_matter
from tests.notetaker.programme_pools import HOSTILE_DESCRIPTIONS
from tests.notetaker.test_import_schedule import snapshot
from tools.notetaker.authoring.talks import TalkPage, render_talk
from tools.notetaker.authoring.templates import Templates

FIXTURES = Path(__file__).parent / "fixtures"
# the site's Markdown: myst-parser with the extensions conf.py enables
MARKDOWN = create_md_parser(
    MdParserConfig(enable_extensions={"colon_fence", "deflist", "fieldlist", "attrs_inline"}),
    RendererHTML,
)
STRUCTURE = {
    "heading_open", "hr", "fence", "code_block", "colon_fence", "html_block", "html_inline",
    "myst_target", "myst_line_comment", "myst_block_break", "myst_role", "field_list_open",
    "dl_open", "front_matter", "link_open", "image", "table_open",
}  # fmt: skip
URL = "https://example.org/event/1"


def event(uid: str, body: str, start: str = "20250401T100000Z") -> str:
    return f"BEGIN:VEVENT\nUID:{uid}\nDTSTART:{start}\n{body}\nEND:VEVENT\n"


def calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\nX-WR-TIMEZONE:Europe/London\n" + "".join(events) + "END:VCALENDAR\n"


@pytest.fixture
def conference(docs: Path, run) -> Path:
    run("new-conference", "c", "--name", "C", "--start", "2025-04-01", "--docs", docs)
    return docs / "c"


def front_matter(page: Path) -> dict[str, object]:
    return yaml.safe_load("\n".join(split_front_matter(page.read_text())[0]))


# -- abstracts -------------------------------------------------------------------------


@pytest.mark.parametrize("abstract", HOSTILE_DESCRIPTIONS)
def test_an_abstract_never_leaves_its_dropdown_nor_becomes_structure(abstract: str) -> None:
    page = render_talk(Templates(), TalkPage("T", abstract=abstract, schedule_url=URL))
    block = page[page.index(":::{dropdown}") : page.rindex(":::") + 3]
    tokens = MARKDOWN.parse(block)
    assert [token.type for token in tokens] == ["colon_fence"]  # one dropdown, all of it
    assert tokens[0].map == [0, len(block.splitlines())]
    inner = MARKDOWN.parse(tokens[0].content)
    found = {token.type for token in inner} | {
        child.type for token in inner for child in token.children or []
    }
    links = [child.attrs["href"] for t in inner for child in t.children or [] if child.attrs]
    assert found & STRUCTURE <= {"link_open"}
    assert links == [URL]  # the schedule entry, and nothing the abstract made a link of


# -- Sched -----------------------------------------------------------------------------


def test_a_broken_entry_is_reported_at_its_line_and_the_rest_imported(
    docs: Path, run, conference: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    ics.write_text(
        calendar(
            event("bad-start", "SUMMARY:Broken - Jane Doe\\, Acme", start="20301340T990000"),
            event("no-title", "SUMMARY:"),
            "BEGIN:VEVENT\nUID:open\nDTSTART:20250401T110000Z\nSUMMARY:Never closed\n",
            event("good", "SUMMARY:Good Talk - Jane Doe\\, Acme", start="20250401T120000Z"),
            event("good", "SUMMARY:Twice - Jane Doe\\, Acme", start="20250401T130000Z"),
            event("year-1", "SUMMARY:Year One", start="00010101T000000Z"),
            event("alarm", "SUMMARY:Alarm\nBEGIN:VALARM"),
        )
    )
    code, out, err = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    assert f"{ics}:3: entry not imported: DTSTART: Wrong datetime format: 20301340T990000" in err
    assert f"{ics}:8: entry not imported: no SUMMARY, so no title" in err
    assert f"{ics}:13: entry not imported: BEGIN:VEVENT without its END:VEVENT" in err
    assert f"{ics}:22: UID good is also the entry at line 17; only that one is imported" in err
    assert f"{ics}:27: entry not imported: a date or a duration out of range" in err
    assert f"{ics}:32: entry not imported: not an iCalendar entry (Found no components" in err
    assert len(err.splitlines()) == 6
    assert "not readable              6  (the warnings above say why)" in out
    assert [p.name for p in (conference / "day-1").glob("[0-9]*.md")] == ["01-good-talk.md"]


def test_a_file_of_nothing_but_broken_entries_is_an_error(
    docs: Path, run, conference: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    ics.write_text(calendar(event("a", "SUMMARY:", start="99999999T999999")))
    code, _, err = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 2
    assert err.startswith(f"notetaker: error: {ics}: none of its 1 entries can be read: ")


def test_separators_controls_and_del_never_reach_yaml_and_reimports_are_identical(
    docs: Path, run, conference: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    summary = "Line\u2028Separated\x01 - Ana\u2029Silva\\, Acme\x7f Corp\x1b"
    ics.write_bytes(
        calendar(
            event(
                "hostile",
                f"SUMMARY:{summary}\nLOCATION:Hall 7\u2028| Room\x85 A\\, London\\, UK\n"
                "DESCRIPTION:Text\u2028:::\\n\u2029- - -\\n# heading\x0c",
            ),
            event("latin-1", "SUMMARY:Na\udcefve - Jos\udce9 Garc\udceda", "20250401T110000Z"),
        ).encode("utf-8", "surrogateescape")
    )
    code, _, err = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    assert f"{ics}:13: not UTF-8 text; bytes that are not are shown as \ufffd" in err
    page = conference / "day-1" / "01-line-separated.md"
    assert front_matter(page) == {
        "tags": ["unsorted"],
        "speakers": ["Ana Silva (Acme Corp)"],
        "time": "2025-04-01T11:00+01:00",
        "room": "Hall 7 | Room A",
        "source": "sched:hostile",
    }
    assert "\n# Line Separated\n" in page.read_text()
    latin_1 = (conference / "day-1" / "02-nave-jos-garca.md").read_text()
    assert "\n# Na\ufffdve - Jos\ufffd Garc\ufffda\n" in latin_1  # not a name: kept in the title
    before = snapshot(docs)
    for _ in range(3):
        run("import-schedule", "c", ics, "--docs", docs)
        assert snapshot(docs) == before


def test_the_notes_keep_their_own_line_breaks_when_a_page_is_updated(
    docs: Path, run, conference: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    ics.write_text(calendar(event("one", "SUMMARY:Old Title - Jane Doe\\, Acme")))
    run("import-schedule", "c", ics, "--docs", docs)
    page = conference / "day-1" / "01-old-title.md"
    notes = "\nA quote\u2028with a line separator.\r\nA Windows line.\r\n"
    page.write_bytes(page.read_bytes() + notes.encode())
    ics.write_text(calendar(event("one", "SUMMARY:New Title - Jane Doe\\, Acme")))
    code, out, _ = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 0
    assert f"updated  {page}: title" in out
    assert page.read_bytes().endswith(notes.encode())
    assert "\n# New Title\n" in page.read_text()


# -- pretalx ---------------------------------------------------------------------------


def test_pretalx_files_of_any_shape_import_what_they_can(docs: Path, run, tmp_path: Path) -> None:
    run("new-conference", "r", "--name", "R", "--start", "2025-03-30", "--end", "2025-03-31",
        "--docs", docs)  # fmt: skip
    document = json.loads((FIXTURES / "pretalx-schedule.json").read_text())
    days = document["schedule"]["conference"]["days"]
    talks = days[0]["rooms"]["Main Hall"]
    talks[0]["persons"] = ["Chris Organiser", {"public_name": "Ana\u2028Silva\x7f"}, 7]
    talks[1]["duration"] = 99999999999  # minutes
    talks[2]["title"] = {"en": "Lunch\u2028Break"}
    days[1]["rooms"] = [days[1]["rooms"]["Main Hall"]]  # rooms as a list
    days[1]["rooms"][0][0]["track"] = {"en": "Platform Engineering"}
    days[1]["rooms"][0].append({"code": "BIG", "title": "Huge", "duration": "999:00",
                                "date": "2025-03-31T15:00:00+01:00"})  # fmt: skip
    days[1]["rooms"][0].append({"code": "SURR", "title": "Lone \ud800 surrogate",
                                "date": "2025-03-31T16:00:00+01:00",
                                "persons": "nobody"})  # fmt: skip
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps(document, indent=2))
    code, out, err = run("import-schedule", "r", path, "--docs", docs)
    assert code == 0
    assert "talk 'GSLB42' not imported: duration 99999999999 is longer than any session" in err
    assert "talk 'BIG' not imported: duration '999:00' is longer than any session" in err
    assert f"{path}:" in err.splitlines()[0]  # at the talk's line
    day_1 = sorted((docs / "r" / "day-1").glob("[0-9]*.md"))
    day_2 = sorted((docs / "r" / "day-2").glob("[0-9]*.md"))
    assert [p.name for p in day_1] == ["01-welcome-to-rejekts.md"]
    assert [p.name for p in day_2] == ["01-scaling-pdbs-across-clusters.md", "02-lone-surrogate.md"]
    assert front_matter(day_1[0])["speakers"] == ["Chris Organiser", "Ana Silva", "7"]
    assert front_matter(day_2[0])["tags"] == ["platform"]
    assert front_matter(day_2[0])["format"] == "lightning"
    assert "skipped                   1  (logistics: 1)" in out  # "Lunch Break"
    before = snapshot(docs)
    run("import-schedule", "r", path, "--docs", docs)
    assert snapshot(docs) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schedule": ' + "[" * 100000, "nested too deeply"),
        ('{"schedule": {"conference": {"time_zone_name": "UTC", "days": 3}}}',
         "schedule.conference.days is not a list, so no talk can be read"),
        (b"{\xff}", "not UTF-8 text"),
    ],
)  # fmt: skip
def test_pretalx_files_that_cannot_be_read_are_one_line_errors(
    docs: Path, run, tmp_path: Path, content: str | bytes, message: str
) -> None:
    run("new-conference", "r", "--name", "R", "--start", "2025-03-30", "--docs", docs)
    path = tmp_path / "schedule.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, _, err = run("import-schedule", "r", path, "--docs", docs)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


# -- the site's own files ---------------------------------------------------------------


def test_pages_that_cannot_be_read_or_written_are_one_line_errors(
    docs: Path, run, conference: Path, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    ics.write_text(calendar(event("one", "SUMMARY:Talk - Jane Doe\\, Acme")))
    day = conference / "day-1" / "index.md"
    day.write_bytes(day.read_bytes() + b"\nCaf\xe9\n")
    line = len(day.read_bytes().splitlines())  # the last line holds the byte
    before = snapshot(docs)
    code, _, err = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 2
    reason = "cannot read: not UTF-8 text (invalid continuation byte)"
    assert err == f"notetaker: error: {day}:{line}: {reason}\n"
    assert snapshot(docs) == before  # nothing written before the error
    # a file where a day's folder should go: the folder cannot be made
    day.write_text("# Day 1\n")
    index = conference / "index.md"
    index.write_text(
        index.read_text().replace(
            "  start: 2025-04-01\n", "  start: 2025-04-01\n  end: 2025-04-02\n"
        )
    )
    (conference / "day-2").write_text("not a folder")
    ics.write_text(calendar(event("two", "SUMMARY:Talk - Jane Doe\\, Acme", "20250402T100000Z")))
    code, _, err = run("import-schedule", "c", ics, "--docs", docs)
    assert code == 2
    assert err == f"notetaker: error: {conference / 'day-2'}: File exists\n"
