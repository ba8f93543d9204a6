"""Resource blocks found in a page's text and filled in, one line changed, every other byte kept."""

from __future__ import annotations

from tools.notetaker.authoring.frontmatter import page_lines
from tools.notetaker.authoring.resources import (
    ResourceBlock,
    add_resource,
    resource_blocks,
    set_resource_url,
)

PAGE = """\
---
tags: [platform]
---

# A talk

```{video}
```

:::{slides} https://example.org/s.pdf
:label: The deck
:::

````markdown
```{video}
```
````

::::{dropdown} More
```{demo} https://github.com/example/demo
```
::::

~~~
```{video} https://www.youtube.com/watch?v=aaaaaaaaaaa
~~~

```{code-block} markdown
:::{video}
:::
```
"""


def test_blocks_are_found_as_myst_reads_the_fences() -> None:
    assert resource_blocks(page_lines(PAGE)) == [
        ResourceBlock("video", None, 6),
        ResourceBlock("slides", "https://example.org/s.pdf", 9),
        ResourceBlock("demo", "https://github.com/example/demo", 19),
    ]


def test_setting_a_url_changes_that_line_only() -> None:
    block = resource_blocks(page_lines(PAGE))[0]
    filled = set_resource_url(PAGE, block, "https://www.youtube.com/watch?v=M5X5NCzlzIA")
    before, after = PAGE.split("\n"), filled.split("\n")
    changed = [
        index for index, (old, new) in enumerate(zip(before, after, strict=True)) if old != new
    ]
    assert changed == [6]
    assert after[6] == "```{video} https://www.youtube.com/watch?v=M5X5NCzlzIA"
    assert len(before) == len(after)


def test_a_colon_fence_and_crlf_line_ends_are_kept() -> None:
    page = "# T\r\n\r\n::::{video}\r\n:label: Watch\r\n::::\r\n"
    block = resource_blocks(page_lines(page))[0]
    assert block == ResourceBlock("video", None, 2)
    filled = set_resource_url(page, block, "https://vimeo.com/1")
    assert filled == "# T\r\n\r\n::::{video} https://vimeo.com/1\r\n:label: Watch\r\n::::\r\n"


def test_a_page_without_a_video_gets_one_after_its_title() -> None:
    page = "---\ntags: [a]\n---\n\n# Title\n\nNotes.\n"
    assert add_resource(page, "video", "https://vimeo.com/1") == (
        "---\ntags: [a]\n---\n\n# Title\n\n```{video} https://vimeo.com/1\n```\n\nNotes.\n"
    )
    assert add_resource("# Title\nNotes.\n", "video", "https://vimeo.com/1") == (
        "# Title\n\n```{video} https://vimeo.com/1\n```\n\nNotes.\n"
    )


def test_a_page_without_a_title_gets_it_at_the_top_of_its_body() -> None:
    page = "---\ntags: [a]\n---\nNotes.\n"
    assert add_resource(page, "video", "https://vimeo.com/1") == (
        "---\ntags: [a]\n---\n```{video} https://vimeo.com/1\n```\n\nNotes.\n"
    )
