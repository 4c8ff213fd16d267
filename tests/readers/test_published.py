"""Publication dates as a page or a dateline states them; nothing else is a date."""

from __future__ import annotations

from datetime import date

import pytest

from claims.readers.published import date_in_dateline, date_in_page


def page(head: str, body: str = "<p>Words.</p>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2021-10-15T09:30:00+03:00">',
        '<meta name="pubdate" content="2021-10-15">',
        '<meta itemprop="datePublished" content="2021-10-15">',
        '<meta name="DC.date.issued" content="Fri, 15 Oct 2021 10:00:00 GMT">',
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2021-10-15T08:00:00Z"}</script>',
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
        '{"@type": "Article", "datePublished": "2021-10-15"}]}</script>',
    ],
)
def test_a_page_s_stated_publication_date_is_read(head: str):
    assert date_in_page(page(head)) == date(2021, 10, 15)


def test_a_page_body_time_tag_is_read():
    body = '<time itemprop="datePublished" datetime="2021-10-15">15 October</time>'
    assert date_in_page(page("", body)) == date(2021, 10, 15)


@pytest.mark.parametrize(
    "head",
    [
        "",
        '<meta name="description" content="2021-10-15">',
        '<meta name="pubdate" content="soon">',
        '<meta name="pubdate" content="2999-01-01">',
        '<script type="application/ld+json">{not json</script>',
    ],
)
def test_a_page_without_a_stated_date_is_undated(head: str):
    assert date_in_page(page(head, "<p>© 2020 The Paper. Updated daily.</p>")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, Oct. 15, 2021 (Reuters) - The talks went on.", date(2021, 10, 15)),
        ("Talks resume\n\nMOSCOW, 15 October 2021 (TASS): The talks went on.", date(2021, 10, 15)),
        ("NEW YORK, March 3, 2020 - Markets fell.", date(2020, 3, 3)),
    ],
)
def test_a_dateline_with_a_full_date_dates_the_article(text: str, expected: date):
    assert date_in_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW (TASS): The minister said the talks went on.",
        "MOSCOW, October 15 /TASS/. The minister said so.",  # no year: no date
        "The minister said on October 15, 2021 that the talks went on.",  # not a dateline
        "Headline\n\nFirst.\n\nSecond.\n\nLONDON, Oct. 15, 2021 - Too far down.",
    ],
)
def test_text_without_a_dated_dateline_is_undated(text: str):
    assert date_in_dateline(text) is None
