"""What the note-taker typed, checked by the build's own rules before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from talknotes.rules.text import did_you_mean, suggestion
from talknotes.rules.urls import ResourceURLError, check_resource_url

from ..errors import UserError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["checked_url", "closest"]


def checked_url(option: str, url: str) -> str:
    """The URL to write for ``--video``, ``--slides``, ``--website`` ..., or a user error."""
    try:
        return check_resource_url(url.strip())
    except ResourceURLError as error:
        raise UserError(f"{option}: {error}") from None
    except ValueError as error:  # urllib's own refusal: "http://[x" is no URL at all
        raise UserError(f"{option}: {url.strip()!r} is not a URL ({error})") from None


def closest(name: str, known: Iterable[str], limit: int = 3) -> str:
    """``did you mean 'a' or 'b'?`` for the known names closest to ``name``, or ``""``."""
    return suggestion(did_you_mean(name, known, limit))
