"""The URL rules of the resource directives."""

from __future__ import annotations

import pytest

from talknotes.rules.urls import ResourceURLError, absolute_url, check_resource_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://youtu.be/M5X5NCzlzIA", "https://www.youtube.com/watch?v=M5X5NCzlzIA"),
        ("https://youtu.be/M5X5NCzlzIA?si=Xy12abc", "https://www.youtube.com/watch?v=M5X5NCzlzIA"),
        (
            "https://youtu.be/M5X5NCzlzIA?si=Xy12abc&t=95",
            "https://www.youtube.com/watch?v=M5X5NCzlzIA&t=95s",
        ),
        (
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw&t=1h2m3s&feature=share",
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw&t=3723s",
        ),
        (
            "https://m.youtube.com/watch?v=JAy6Ra0ulSw",
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw",
        ),
        (
            "https://music.youtube.com/watch?v=JAy6Ra0ulSw&pp=abc",
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw",
        ),
        (
            "https://www.youtube.com/embed/JAy6Ra0ulSw?start=30",
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw&t=30s",
        ),
        ("https://youtube.com/shorts/JAy6Ra0ulSw", "https://www.youtube.com/watch?v=JAy6Ra0ulSw"),
        (
            "https://www.youtube.com/live/JAy6Ra0ulSw?si=q",
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw",
        ),
        (
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw#t=2m",
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw&t=120s",
        ),
        (
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw&t=0",
            "https://www.youtube.com/watch?v=JAy6Ra0ulSw",
        ),
        ("http://youtu.be/1US_-3udMDo", "https://www.youtube.com/watch?v=1US_-3udMDo"),
        # Other hosts are kept exactly as written.
        ("https://vimeo.com/123456?share=copy", "https://vimeo.com/123456?share=copy"),
        (
            "https://static.sched.com/hosted_files/x/70/Platforms%20WG%20Update.pdf",
            "https://static.sched.com/hosted_files/x/70/Platforms%20WG%20Update.pdf",
        ),
        ("http://example.org/slides", "http://example.org/slides"),
    ],
)
def test_accepted_urls_are_normalised(url: str, expected: str) -> None:
    assert check_resource_url(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "only https:// and http://"),
        ("JavaScript:alert(1)", "only https:// and http://"),
        ("data:text/html,<b>x</b>", "angle bracket"),
        ("data:text/html;base64,PHNjcmlwdD4=", "only https:// and http://"),
        ("file:///etc/passwd", "only https:// and http://"),
        ("ftp://example.org/x", "only https:// and http://"),
        ("slides/talk.pdf", "only https:// and http://"),
        ("/slides/talk.pdf", "only https:// and http://"),
        ("recording", "only https:// and http://"),
        ("https://", "no host"),
        ("http://[x", "not a valid address"),
        ("https://example.org:port/", "not a valid address"),
        ("https://user:secret@example.org/", "user name or password"),
        ("https://example.org/a b", "space"),
        ('https://example.org/"onmouseover="x', "quote"),
        ("https://youtu.be/tooShort", "not a YouTube video ID"),
        ("https://www.youtube.com/watch?v=M5X5NCzlzIA_x", "not a YouTube video ID"),
        ("https://www.youtube.com/watch?v=bad!id12345", "not a YouTube video ID"),
        ("https://www.youtube.com/@cncf", "not to a single video"),
        ("https://www.youtube.com/playlist?list=PLj6h78yzYM2", "not to a single video"),
        ("https://youtu.be/M5X5NCzlzIA?t=soon", "start time"),
    ],
)
def test_refused_urls_say_why(url: str, reason: str) -> None:
    with pytest.raises(ResourceURLError, match=reason):
        check_resource_url(url)


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        (
            "https://notes.example.org/en/latest/",
            "tags/x.html",
            "https://notes.example.org/en/latest/tags/x.html",
        ),
        (
            "https://notes.example.org/en/latest",
            "/feed.atom",
            "https://notes.example.org/en/latest/feed.atom",
        ),
    ],
)
def test_absolute_url_joins_with_one_slash(base: str, path: str, expected: str) -> None:
    assert absolute_url(base, path) == expected
