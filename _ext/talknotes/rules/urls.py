"""The URL rules: what may become a link a reader clicks, and canonical YouTube links.

A URL written by a note-taker ends up as a link a reader clicks, so anything that is
not a plain web address is refused, and YouTube links, which come in many shapes and
carry tracking parameters, are rewritten to one canonical form.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

__all__ = ["ResourceURLError", "absolute_url", "check_resource_url"]

_ALLOWED_SCHEMES = frozenset({"http", "https"})
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_SHORT_HOSTS = frozenset({"youtu.be", "www.youtu.be"})
_YOUTUBE_HOSTS = frozenset(
    {
        "youtube.com",
        "www.youtube.com",
        "m.youtube.com",
        "music.youtube.com",
        "youtube-nocookie.com",
        "www.youtube-nocookie.com",
    }
)
# Path prefixes under which the next segment is the video ID.
_YOUTUBE_ID_PATHS = frozenset({"embed", "shorts", "live", "v", "e"})
_START_TIME = re.compile(r"(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?")
_UNSAFE_CHARACTERS = re.compile(r'[\s\x00-\x1f\x7f"<>\\]')


class ResourceURLError(ValueError):
    """A URL that must not become a link; the message says why, for the note-taker."""


def check_resource_url(url: str) -> str:
    """Return the URL to link to, or raise `ResourceURLError` if it is refused."""
    if _UNSAFE_CHARACTERS.search(url):
        raise ResourceURLError(
            f"{url!r} contains a space, quote, angle bracket, backslash or control character; "
            "percent-encode them (a space is %20)"
        )
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # a port that is no number
    except ValueError as error:  # urlsplit refuses e.g. "http://[x"
        raise ResourceURLError(f"{url!r} is not a valid address: {error}") from None
    if parts.scheme.lower() not in _ALLOWED_SCHEMES:
        raise ResourceURLError(
            f"{url!r} is not a web address: only https:// and http:// links are allowed"
        )
    if not host:
        raise ResourceURLError(f"{url!r} has no host name")
    if parts.username is not None or parts.password is not None:
        raise ResourceURLError(f"{url!r} contains a user name or password")
    host = host.lower()
    if host in _YOUTUBE_HOSTS or host in _YOUTUBE_SHORT_HOSTS:
        return _canonical_youtube_url(url, host)
    return url


def _canonical_youtube_url(url: str, host: str) -> str:
    """Rewrite any common YouTube link shape to ``https://www.youtube.com/watch?v=ID``.

    Tracking parameters (``si=``, ``feature=``, ``pp=`` …) are dropped; a start
    time (``t=``/``start=`` or a ``#t=`` fragment) is kept, in seconds.
    """
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in _YOUTUBE_SHORT_HOSTS:
        video_id = segments[0] if segments else None
    elif segments == ["watch"]:
        video_id = query.get("v", [None])[0]
    elif len(segments) >= 2 and segments[0] in _YOUTUBE_ID_PATHS:
        video_id = segments[1]
    else:
        video_id = None
    if video_id is None:
        raise ResourceURLError(f"{url!r} is a YouTube link, but not to a single video")
    if not _YOUTUBE_ID.fullmatch(video_id):
        raise ResourceURLError(
            f"{url!r}: {video_id!r} is not a YouTube video ID (11 letters, digits, '-' or '_')"
        )

    fragment = parse_qs(parts.fragment)
    start = next(
        (values[0] for values in (query.get("t"), query.get("start"), fragment.get("t")) if values),
        None,
    )
    canonical = f"https://www.youtube.com/watch?v={video_id}"
    if start is None:
        return canonical
    seconds = _start_seconds(start)
    if seconds is None:
        raise ResourceURLError(
            f"{url!r}: start time {start!r} is not a number of seconds or like 1h2m3s"
        )
    return f"{canonical}&t={seconds}s" if seconds else canonical


def _start_seconds(value: str) -> int | None:
    """``90``, ``90s``, ``1m30s`` and ``1h2m3s`` in seconds; None if unreadable."""
    match = _START_TIME.fullmatch(value)
    if not value or match is None:
        return None
    hours, minutes, seconds = (int(match[unit] or 0) for unit in ("h", "m", "s"))
    return hours * 3600 + minutes * 60 + seconds


def absolute_url(base: str, path: str) -> str:
    """``path`` (relative to the site's root) under the site's address ``base``."""
    return base.rstrip("/") + "/" + path.lstrip("/")
