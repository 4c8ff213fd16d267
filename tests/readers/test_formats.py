"""Reading each format: plain text, HTML pages, JSON Lines, and text in legacy encodings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claims.readers import RawArticle, ReadFailure, read_sources

PAGE = """<!doctype html>
<html><head>
<title>Minister warns on arms | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-09-15T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Minister warns on arms</h1>
<p>MOSCOW (TASS): The minister said the supply of weapons must stop. He spoke at a meeting
of security chiefs on Wednesday and took questions for an hour.</p>
<p>“We share the concerns,” he said. The talks will continue next month in the capital,
officials said in a statement released late on Tuesday.</p>
</article><footer>Subscribe now</footer></body></html>
"""


def _read(*paths: Path | str) -> list[RawArticle | ReadFailure]:
    return list(read_sources([str(path) for path in paths]))


def test_a_text_file_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text("Talks resume\n\nThe minister spoke.\n", encoding="utf-8")

    assert _read(path) == [
        RawArticle(source=str(path), text="Talks resume\n\nThe minister spoke.\n", format="text")
    ]


def test_the_seed_article_reads_as_text(seed_path: Path) -> None:
    [article] = _read(seed_path)

    assert isinstance(article, RawArticle)
    assert article.text.startswith("Necessary to block supply of weapons")


def test_an_html_page_gives_text_headline_date_author_and_site(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")

    [article] = _read(path)

    assert isinstance(article, RawArticle)
    assert article.format == "html"
    assert article.title == "Minister warns on arms"
    assert article.published == date(2021, 9, 15)
    assert article.author == "Jane Roe"
    assert article.outlet == "Daily Planet"
    assert "Home" not in article.text
    assert "took questions for an hour.\n\n“We share the concerns,” he said." in article.text, (
        "paragraphs are separated by a blank line"
    )


def test_a_text_file_holding_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")

    [article] = _read(path)

    assert isinstance(article, RawArticle)
    assert article.format == "html"


def test_json_lines_give_one_article_per_record_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        {
            "text": "The minister spoke.",
            "title": "Talks",
            "url": "https://example.org/a",
            "outlet": "Daily Planet",
            "published": "2021-09-15",
            "author": "Jane Roe",
        },
        {"text": "A second article.", "published": "2021-09-16T08:30:00+03:00"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")

    first, second = _read(path)

    assert first == RawArticle(
        source=str(path),
        text="The minister spoke.",
        title="Talks",
        url="https://example.org/a",
        outlet="Daily Planet",
        author="Jane Roe",
        published=date(2021, 9, 15),
        format="jsonl",
        line=1,
    )
    assert isinstance(second, RawArticle)
    assert (second.line, second.published) == (2, date(2021, 9, 16))


def test_an_unreadable_published_date_is_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "Hello there.", "published": "last week"}\n', encoding="utf-8")

    [article] = _read(path)

    assert isinstance(article, RawArticle)
    assert article.published is None
    assert article.warnings == ("published 'last week' is not an ISO date; ignored",)


def test_blank_lines_in_json_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "One."}\n\n{"text": "Two."}\n', encoding="utf-8")

    assert [item.line for item in _read(path)] == [1, 3]


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = "Le président a déclaré: “C’est naïve — à bientôt.”"
    path.write_bytes(text.encode("cp1252"))

    [article] = _read(path)

    assert isinstance(article, RawArticle)
    assert article.text == text


def test_latin_1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Señor Muñoz visitó Açores y Zürich."
    path.write_bytes(text.encode("latin-1"))

    [article] = _read(path)

    assert isinstance(article, RawArticle)
    assert article.text == text


def test_a_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffCafé talks resume.".encode())

    [article] = _read(path)

    assert isinstance(article, RawArticle)
    assert article.text == "Café talks resume."


def test_utf16_text_with_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Café talks resume.".encode("utf-16"))

    [article] = _read(path)

    assert isinstance(article, RawArticle)
    assert article.text == "Café talks resume."


def test_a_text_file_holding_a_page_after_a_form_feed_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("\f" + PAGE, encoding="utf-8")

    (article,) = _read(path)

    assert article.format == "html" and "<" not in article.text


def test_a_page_the_html_parser_chokes_on_is_a_failure_naming_the_file(
    tmp_path: Path, monkeypatch
) -> None:
    def choke(*args, **kwargs):
        raise ValueError("broken markup")

    monkeypatch.setattr("claims.readers.html.trafilatura.bare_extraction", choke)
    page = tmp_path / "broken.html"
    page.write_text(PAGE, encoding="utf-8")
    [failure] = _read(page)
    assert isinstance(failure, ReadFailure)
    assert failure.source == str(page)
    assert "could not be parsed" in failure.reason


def test_a_json_lines_record_holding_a_page_is_read_as_that_page(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"text": PAGE, "outlet": "Wire copy", "published": "2021-09-16"}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = _read(feed)
    assert isinstance(article, RawArticle)
    assert "<p>" not in article.text
    assert "MOSCOW (TASS): The minister said" in article.text
    assert article.title == "Minister warns on arms"
    assert (article.outlet, article.published, article.line) == (
        "Wire copy",
        date(2021, 9, 16),
        1,
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_decoded_not_called_binary(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "wide.txt"
    text = "Café talks resume\n\nThe minister said the talks would resume — «soon».\n"
    path.write_bytes(text.encode(encoding))

    [article] = _read(path)

    assert isinstance(article, RawArticle), article
    assert article.text == text


def test_binary_bytes_with_nuls_here_and_there_are_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 8)

    [failure] = _read(path)

    assert isinstance(failure, ReadFailure)
    assert "binary file" in failure.reason
