"""A downloaded schedule file read by the reader of its system, told apart by its content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UserError
from .pretalx import read_pretalx
from .sched import read_sched
from .sessions import time_zone

if TYPE_CHECKING:
    from pathlib import Path

    from .sessions import Schedule

__all__ = ["load_schedule"]

_BYTE_ORDER_MARK_AND_SPACE = b"\xef\xbb\xbf \t\r\n"


def load_schedule(path: Path, timezone: str | None = None, where: str = "--timezone") -> Schedule:
    """Read a Sched ``.ics`` or a pretalx ``schedule.json``; ``timezone`` overrides the file's.

    ``where`` names the place the zone came from, for the message if it is no zone.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UserError(f"cannot read the schedule: {error.strerror}", path) from None
    zone = time_zone(timezone, where) if timezone else None
    head = data.lstrip(_BYTE_ORDER_MARK_AND_SPACE)[:15].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return read_sched(path, data, zone)
    if head.startswith(b"{"):
        return read_pretalx(path, data, zone)
    raise UserError(
        "neither an iCalendar file (BEGIN:VCALENDAR, as Sched's all.ics) "
        "nor a pretalx schedule.json",
        path,
        1,
    )
