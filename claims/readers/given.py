"""An article given as a string with what the caller knows about it (the API's POST body).

A whole page given as text is read as the page it is, like a file starting with ``<``,
instead of storing its markup; what the caller said about the article wins over the page.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from claims.readers.html import article_from_html, looks_like_html
from claims.readers.records import RawArticle, ReadFailure


def article_from_text(
    *,
    text: str,
    source: str,
    title: str = "",
    url: str = "",
    outlet: str = "",
    published: date | None = None,
) -> RawArticle | ReadFailure:
    """The article in ``text`` (plain text or an HTML page), or why there is none."""
    given = RawArticle(
        source=source, text=text, title=title, url=url, outlet=outlet, published=published
    )
    if not looks_like_html(text):
        return given
    page = article_from_html(text, source=source)
    if isinstance(page, ReadFailure):
        return page
    return dataclasses.replace(
        page,
        title=title or page.title,
        url=url or page.url,
        outlet=outlet or page.outlet,
        published=published or page.published,
    )
