"""Reads a news page: main text, headline, date, author and site name through trafilatura."""

from __future__ import annotations

import trafilatura

from claims.readers.dates import parse_published
from claims.readers.records import RawArticle, ReadFailure


def article_from_html(html: str, *, source: str) -> RawArticle | ReadFailure:
    """The article in a page, or a failure when the page holds no article text."""
    document = trafilatura.bare_extraction(html, with_metadata=True)
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        return ReadFailure(source, "no article text found in the HTML page")
    published, warnings = parse_published(document.date)
    return RawArticle(
        source=source,
        # trafilatura puts one paragraph (or heading, or list item) on each line.
        text="\n\n".join(line for line in text.splitlines() if line.strip()),
        title=document.title or "",
        url=document.url or "",
        outlet=document.sitename or "",
        author=document.author or "",
        published=published,
        format="html",
        warnings=warnings,
    )
