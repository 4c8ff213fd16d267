"""Statements said in articles and grouped into claims, as ingest does it."""

from __future__ import annotations

from datetime import date

from claims.models import Speaker, Statement
from claims.services.claims import group_statements
from tests.factories import make_article, make_speaker, make_statement

CLAIM = "We will cut taxes for every working family in this country by next spring"


def said(
    text: str = CLAIM,
    *,
    outlet: str = "Example Times",
    published: date = date(2016, 3, 1),
    speaker: Speaker | None = None,
    **fields,
) -> Statement:
    """``text`` said by ``speaker`` in a new article of ``outlet``, grouped into its claim."""
    article = make_article(
        text=f"“{text},” the candidate said.", outlet=outlet, published=published
    )
    statement = make_statement(
        article=article, quote=text, speaker=speaker or make_speaker(), **fields
    )
    group_statements(statements=[statement])
    statement.refresh_from_db()
    return statement
