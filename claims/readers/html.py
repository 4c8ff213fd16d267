"""Reads a news page: main text, headline, author and site name through trafilatura, and the
date the page states (``claims.readers.published``)."""

from __future__ import annotations

import re

import trafilatura

from claims.readers.published import date_in_dateline, date_in_page
from claims.readers.records import RawArticle, ReadFailure

# A page holds an article only if some paragraph is prose: menus, link lists, cookie notes
# and footers that trafilatura falls back to on a page with no article are shorter.
MIN_PROSE_WORDS = 8
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document (it opens with a doctype or an <html> tag)."""
    return _HTML_START.match(text) is not None


def article_from_html(html: str, *, source: str) -> RawArticle | ReadFailure:
    """The article in a page, or a failure when the page holds no article text."""
    try:
        document = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        return ReadFailure(source, f"the HTML page could not be parsed ({type(error).__name__})")
    text = (document.text or "") if document is not None else ""
    # trafilatura puts one paragraph (or heading, or list item) on each line.
    paragraphs = _undoubled([line.strip() for line in text.splitlines() if line.strip()])
    if not any(len(line.split()) >= MIN_PROSE_WORDS for line in paragraphs):
        reason = "no article text found in the HTML page"
        if paragraphs:
            reason += f" (only short lines such as {paragraphs[0][:60]!r})"
        return ReadFailure(source, reason)
    text = "\n\n".join(paragraphs)
    # The date the page states, not trafilatura's: it guesses one (from a URL, a copyright
    # line, the day of reading) when the page states none.
    published = date_in_page(html) or date_in_dateline(text)
    return RawArticle(
        source=source,
        text=text,
        title=document.title or "",
        url=document.url or "",
        outlet=document.sitename or "",
        author=document.author or "",
        published=published,
        format="html",
    )


def _undoubled(paragraphs: list[str]) -> list[str]:
    """The paragraphs once: on short pages trafilatura can return the body twice over."""
    half = len(paragraphs) // 2
    if half and len(paragraphs) % 2 == 0 and paragraphs[:half] == paragraphs[half:]:
        return paragraphs[:half]
    if half and paragraphs[1 : half + 1] == paragraphs[half + 1 :]:
        return paragraphs[: half + 1]  # a headline, then the body twice
    return paragraphs
