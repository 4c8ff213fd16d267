"""Reads a news page: main text, headline, author and site name through trafilatura, and the
date the page states (``claims.readers.published``).

What a page says to browsers without JavaScript (``<noscript>``: "enable JavaScript to
run this app") is no article. A page nested deeper than libxml2 parses (about 255 levels:
10,000 nested ``<div>`` lost all their text) is read again flattened: the same text and
metadata, without the containers.
"""

from __future__ import annotations

import html as html_escapes
import re
from html.parser import HTMLParser

import trafilatura

from claims.readers.published import date_in_dateline, date_in_page
from claims.readers.records import RawArticle, ReadFailure
from claims.readers.urls import url_problem

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
        document, paragraphs = _extract(html)
        if not _has_prose(paragraphs) and (flat := flattened(html)) is not None:
            document, paragraphs = _extract(flat)
    except Exception as error:  # lxml and trafilatura raise many kinds on broken markup
        return ReadFailure(source, f"the HTML page could not be parsed ({type(error).__name__})")
    if not _has_prose(paragraphs):
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
        url=_valid_url(document.url or ""),
        outlet=document.sitename or "",
        author=document.author or "",
        published=published,
        format="html",
    )


def _valid_url(url: str) -> str:
    """A page's own address (its canonical link) if it is an http(s) URL, else none."""
    return url if url and url_problem(url) is None else ""


def _extract(html: str):
    document = trafilatura.bare_extraction(html, with_metadata=True, prune_xpath="//noscript")
    text = (document.text or "") if document is not None else ""
    # trafilatura puts one paragraph (or heading, or list item) on each line.
    return document, _undoubled([line.strip() for line in text.splitlines() if line.strip()])


def _has_prose(paragraphs: list[str]) -> bool:
    return any(len(line.split()) >= MIN_PROSE_WORDS for line in paragraphs)


# Nesting deeper than this is flattened (libxml2 gives up at 256 levels).
MAX_NESTING = 200
# Tags that carry text structure or metadata; any other tag goes when a page is flattened.
_KEPT_TAGS = frozenset(
    [
        "html",
        "head",
        "title",
        "meta",
        "link",
        "body",
        "article",
        "main",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "br",
        "time",
    ]
)
_VOID_TAGS = frozenset(
    [
        "meta",
        "link",
        "br",
        "img",
        "hr",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
    ]
)


class _Flattener(HTMLParser):
    """Rewrites a page keeping only ``_KEPT_TAGS``, at most ``MAX_NESTING`` deep, and notes
    how deep the page nested. Python's parser has no depth limit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = self.deepest = self.kept_depth = 0
        self.skipping = 0  # inside <script>, <style> or <noscript>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self.skipping += 1
        if tag in _VOID_TAGS:
            self._keep(tag, attrs)
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if self._keep(tag, attrs):
            self.kept_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self.skipping = max(self.skipping - 1, 0)
        if tag in _VOID_TAGS:
            return
        self.depth = max(self.depth - 1, 0)
        if tag in _KEPT_TAGS and self.kept_depth > 0:
            self.kept_depth -= 1
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(html_escapes.escape(data, quote=False))

    def _keep(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag not in _KEPT_TAGS or self.kept_depth >= MAX_NESTING:
            return False
        rendered = "".join(f' {name}="{html_escapes.escape(value or "")}"' for name, value in attrs)
        self.parts.append(f"<{tag}{rendered}>")
        return True


def flattened(html: str) -> str | None:
    """``html`` without its container tags when it nests deeper than ``MAX_NESTING``."""
    parser = _Flattener()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts) if parser.deepest > MAX_NESTING else None


def _undoubled(paragraphs: list[str]) -> list[str]:
    """The paragraphs once: on short pages trafilatura can return the body twice over."""
    half = len(paragraphs) // 2
    if half and len(paragraphs) % 2 == 0 and paragraphs[:half] == paragraphs[half:]:
        return paragraphs[:half]
    if half and paragraphs[1 : half + 1] == paragraphs[half + 1 :]:
        return paragraphs[: half + 1]  # a headline, then the body twice
    return paragraphs
