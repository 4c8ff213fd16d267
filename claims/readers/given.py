"""An article given as a string with what the caller knows about it: the API's POST body and
each JSON Lines record.

A whole page given as text is read as the page it is, like a file starting with ``<``,
instead of storing its markup; what the caller said about the article wins over the page.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from claims.readers.html import article_from_html, looks_like_html
from claims.readers.published import date_in_dateline
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
    return page_or_text(
        RawArticle(
            source=source, text=text, title=title, url=url, outlet=outlet, published=published
        )
    )


def page_or_text(given: RawArticle) -> RawArticle | ReadFailure:
    """``given`` as it is (dated by its dateline when nothing else dates it), or, when its
    text is a whole HTML page, the article in that page with the caller's fields (and JSON
    Lines line number) kept over the page's."""
    if not looks_like_html(given.text):
        if given.published is not None:
            return given
        return dataclasses.replace(given, published=date_in_dateline(given.text))
    page = article_from_html(given.text, source=given.source)
    if isinstance(page, ReadFailure):
        return dataclasses.replace(page, line=given.line)
    return dataclasses.replace(
        page,
        title=given.title or page.title,
        url=given.url or page.url,
        outlet=given.outlet or page.outlet,
        author=given.author or page.author,
        published=given.published or page.published,
        line=given.line,
        warnings=given.warnings + page.warnings,
    )
