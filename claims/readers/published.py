"""An article's publication date as its page or its dateline states it, never a guess.

Pages: the meta tags publishers set (``article:published_time``, ``datePublished``,
``pubdate``, Dublin Core…), JSON-LD ``datePublished`` (also inside ``@graph``) and
``<time itemprop="datePublished" datetime="…">``. Text: a dateline that gives a full date
("WASHINGTON, Oct. 15, 2021 (Reuters) -", "MOSCOW, 15 October 2021 (TASS):"); a dateline
without a year names no date. Nothing is inferred from the day of reading, a URL or a
copyright line: an article with no stated date is undated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

import lxml.html
from lxml import etree

# Meta tags naming the publication date (property, name or itemprop), most specific first.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PLACE = r"[A-Z][A-Za-z.'’ -]{1,40}"
_DATELINES = (
    # WASHINGTON, Oct. 15, 2021 (Reuters) -
    re.compile(
        rf"^{_PLACE},\s+(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
    # MOSCOW, 15 October 2021 (TASS):
    re.compile(
        rf"^{_PLACE},\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    ),
)
# The dateline opens the body: the first paragraphs, after a headline.
DATELINE_PARAGRAPHS = 3


def date_in_page(html: str) -> date | None:
    """The publication date a page's markup states, or None."""
    try:
        document = lxml.html.fromstring(html)
    except (ValueError, etree.ParserError):
        return None
    for found in (_from_meta(document), _from_json_ld(document), _from_time(document)):
        for value in found:
            if (day := _read_date(value)) is not None:
                return day
    return None


def date_in_dateline(text: str) -> date | None:
    """The date a dateline in the first paragraphs of ``text`` gives in full, or None."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()][:DATELINE_PARAGRAPHS]
    for paragraph in paragraphs:
        for pattern in _DATELINES:
            if match := pattern.match(paragraph):
                return _plausible(
                    int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"])
                )
    return None


def _from_meta(document) -> Iterator[str]:
    tags: dict[str, str] = {}
    for meta in document.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in PUBLISHED_META and meta.get("content") and key not in tags:
            tags[key] = meta.get("content")
    yield from (tags[key] for key in PUBLISHED_META if key in tags)


def _from_json_ld(document) -> Iterator[str]:
    for script in document.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        yield from _published_in(data)


def _published_in(data: object) -> Iterator[str]:
    if isinstance(data, list):
        for item in data:
            yield from _published_in(item)
    elif isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            yield data["datePublished"]
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            yield from _published_in(data.get(key))


def _from_time(document) -> Iterator[str]:
    for time in document.xpath('//time[@itemprop="datePublished" or @pubdate][@datetime]'):
        yield time.get("datetime")


def _read_date(value: str) -> date | None:
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)  # "Fri, 15 Oct 2021 10:00:00 GMT"
        except (TypeError, ValueError, IndexError):
            return None
    return _plausible(moment.year, moment.month, moment.day)


def _plausible(year: int, month: int, day: int) -> date | None:
    """The date, unless it cannot be one or lies in the future (a typo, a wrong field)."""
    try:
        stated = date(year, month, day)
    except ValueError:
        return None
    if stated.year < 1900 or stated > date.today() + timedelta(days=1):
        return None
    return stated
