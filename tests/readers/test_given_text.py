"""Text given as a string (the API): the same checks as a file's bytes, and pages read as pages."""

from __future__ import annotations

from datetime import date

import pytest

from claims.readers.decoding import NotTextError, check_given_text
from claims.readers.given import article_from_text
from claims.readers.records import RawArticle, ReadFailure

PAGE = (
    "<!doctype html><html><head><title>Talks resume</title></head><body>"
    "<nav><a href='/'>Home</a></nav><article><h1>Talks resume</h1>"
    "<p>The foreign minister said on Tuesday that the talks would resume next week.</p>"
    "</article></body></html>"
)


def test_a_byte_order_mark_is_dropped_and_a_lone_surrogate_replaced():
    assert (
        check_given_text("\ufeffThe minister spoke \ud800 today.") == "The minister spoke ? today."
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("%PDF-1.7 the rest of a document", "a PDF document"),
        ("PK\x03\x04 an archive", "a ZIP archive"),
        ("\ufeff   ", "only whitespace"),
        ("\x01\x02\x03\x04 mostly controls", "control characters"),
    ],
)
def test_what_is_no_text_is_refused_with_the_reason(text, reason):
    with pytest.raises(NotTextError, match=reason):
        check_given_text(text)


def test_plain_text_is_the_article_with_what_the_caller_said():
    article = article_from_text(
        text="The minister spoke.", source="api", title="Talks", published=date(2021, 1, 2)
    )

    assert article == RawArticle(
        source="api", text="The minister spoke.", title="Talks", published=date(2021, 1, 2)
    )


def test_a_page_is_read_as_a_page_and_the_caller_wins():
    article = article_from_text(text=PAGE, source="api", outlet="Example")

    assert "<" not in article.text and "talks would resume next week" in article.text
    assert (article.title, article.outlet, article.format) == ("Talks resume", "Example", "html")


def test_a_page_without_article_text_is_a_failure():
    page = "<html><head><title>Home</title></head><body><nav>Home</nav></body></html>"

    failure = article_from_text(text=page, source="api")

    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("no article text found in the HTML page")
