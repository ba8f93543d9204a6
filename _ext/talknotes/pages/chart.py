"""The topic trends as an SVG chart drawn while the site builds: no JavaScript, text as text.

A dot matrix: a row per topic, a column per conference, a dot that grows with the
number of talks (its radius with the square root) and the number beside it, so a
topic's rise or fall reads along its row. Colours come from classes
(``talknotes.css``) that use Furo's own colour variables, so one drawing serves
light and dark mode, and the text stays selectable. Sizes are fixed, with text
widths estimated generously: a wide chart scrolls in its box rather than shrinking
its text. No Sphinx in here, so it is tested on its own.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from ..rules.text import shorten, xml_safe

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Column", "Row", "trend_chart"]

FONT = 13  # px, topic names and counts
SMALL = 12  # px, the conferences above the columns
CHAR = 0.6  # a character's width in em, generous for the theme's sans-serif fonts
ROW = 24  # px a topic
COLUMN = 116  # px a conference
LABEL_CHARACTERS = 32  # longer topic names are shortened
HEADER_LINES = 4  # a conference's name takes at most this many lines
DOT = 10  # px, the largest dot's radius (half a row, less a gap)
SMALLEST_DOT = 2.5  # px, what a dot starts from, so that one talk shows
GAP = 8


@dataclass(frozen=True)
class Column:
    """A conference: its name and a note under it (``45 talks``)."""

    name: str
    note: str


@dataclass(frozen=True)
class Row:
    """A topic: its name and its number of talks at each column's conference."""

    label: str
    counts: tuple[int, ...]


def _text(x: float, y: float, text: str, css: str = "", anchor: str = "") -> str:
    attributes = f' class="{css}"' if css else ""
    attributes += f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{x:g}" y="{y:g}"{attributes}>{escape(xml_safe(text))}</text>'


def trend_chart(
    columns: Sequence[Column], rows: Sequence[Row], *, title: str, description: str
) -> str:
    """The chart as an ``<svg>`` element, an image named by ``title`` and ``description``;
    empty without columns or rows."""
    if not columns or not rows:
        return ""
    labels = [shorten(row.label, LABEL_CHARACTERS) for row in rows]
    label_width = math.ceil(max(len(label) for label in labels) * FONT * CHAR) + 2 * GAP
    per_line = int((COLUMN - GAP) / (SMALL * CHAR))
    names = [
        textwrap.wrap(column.name, per_line, max_lines=HEADER_LINES, placeholder="\u2026")
        for column in columns
    ]
    lines = max(len(name) for name in names) + 1  # and the note
    header = lines * round(SMALL * 1.3) + GAP
    width = label_width + len(columns) * COLUMN
    height = header + len(rows) * ROW + GAP
    most = max(max(row.counts) for row in rows) or 1

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="talknotes-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="talknotes-chart-title talknotes-chart-desc" fill="currentColor">',
        f'<title id="talknotes-chart-title">{escape(title)}</title>',
        f'<desc id="talknotes-chart-desc">{escape(description)}</desc>',
        f'<g font-size="{SMALL}">',
    ]
    for index, (column, name) in enumerate(zip(columns, names, strict=True)):
        centre = label_width + index * COLUMN + COLUMN / 2
        for line, text in enumerate([*name, column.note]):
            css = "talknotes-chart-muted" if line == len(name) else ""
            parts.append(_text(centre, (line + 1) * round(SMALL * 1.3), text, css, "middle"))
    parts.append(f'</g><g font-size="{FONT}">')
    for index, (row, label) in enumerate(zip(rows, labels, strict=True)):
        middle = header + index * ROW + ROW / 2
        parts.append(
            f'<line class="talknotes-chart-rule" x1="{label_width - GAP / 2:g}" '
            f'y1="{middle:g}" x2="{width:g}" y2="{middle:g}" stroke="currentColor" '
            'stroke-opacity="0.15"/>'
        )
        parts.append(_text(label_width - GAP, middle + FONT * 0.35, label, anchor="end"))
        for place, count in enumerate(row.counts):
            if not count:
                continue
            centre = label_width + place * COLUMN + COLUMN / 2
            radius = SMALLEST_DOT + (DOT - SMALLEST_DOT) * math.sqrt(count / most)
            parts.append(
                f'<circle class="talknotes-chart-dot" cx="{centre - GAP:g}" cy="{middle:g}" '
                f'r="{radius:.1f}"/>'
            )
            parts.append(_text(centre + GAP / 2 + 2, middle + FONT * 0.35, str(count)))
    parts.append("</g></svg>")
    return "\n".join(parts)
