"""Hostile JSON Lines: each bad record fails alone, with its line number, and the reading
goes on; nothing in a record crashes the run or reaches the database as it came."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from claims.readers import RawArticle, ReadFailure, read_sources
from claims.readers.jsonl import bounded_lines

GOOD = json.dumps({"text": "The minister said the talks would resume."})


def read_lines(tmp_path: Path, *lines: str | bytes) -> list[RawArticle | ReadFailure]:
    path = tmp_path / "feed.jsonl"
    encoded = [line if isinstance(line, bytes) else line.encode("utf-8") for line in lines]
    path.write_bytes(b"\n".join([*encoded, GOOD.encode()]) + b"\n")
    items = list(read_sources([str(path)]))
    assert isinstance(items[-1], RawArticle) and items[-1].line == len(lines) + 1, items[-1]
    return items[:-1]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "malformed JSON: nested too deeply"),
        ('{"text": "a", "n": ' + "9" * 5000 + "}", "malformed JSON: Exceeds the limit"),
        ('{"text": 12345}', 'record has no "text" (int)'),
        ('{"text": "Talks.", "url": "http://x\\u0000.example"}', '"url" contains NUL'),
        ('{"text": "Talks.", "url": "javascript:alert(1)"}', '"url" is not an http(s) address'),
        ('{"text": "Talks.", "url": "not a url at all"}', '"url" holds spaces'),
        ('{"text": "Talks.", "url": "https://"}', '"url" names no host'),
        ('{"text": "Talks.", "outlet": {"name": "x"}}', '"outlet" must be a string, not dict'),
    ],
    ids=["deep", "long-int", "text-number", "nul-url", "javascript", "no-url", "no-host", "dict"],
)
def test_a_hostile_record_fails_alone_naming_why(tmp_path: Path, line: str, reason: str) -> None:
    [failure] = read_lines(tmp_path, line)

    assert isinstance(failure, ReadFailure) and failure.line == 1
    assert failure.reason.startswith(reason), failure.reason


@pytest.mark.parametrize("field", ["text", "outlet", "title"])
def test_a_lone_surrogate_becomes_a_question_mark_as_in_the_api(tmp_path: Path, field: str):
    record = {"text": "Talks resume.", field: "caf\\ud800 talks"}
    line = json.dumps(record).replace("\\\\ud800", "\\ud800")

    [article] = read_lines(tmp_path, line)

    assert isinstance(article, RawArticle)
    assert getattr(article, field) == "caf? talks"


def test_a_line_over_the_limit_is_skipped_and_the_next_one_read(tmp_path: Path) -> None:
    huge = '{"text": "' + "x" * (6 * 1024 * 1024) + '"}'

    [failure] = read_lines(tmp_path, huge)

    assert isinstance(failure, ReadFailure)
    assert "over the 5.0 MB limit" in failure.reason


def test_bounded_lines_never_return_more_than_the_limit() -> None:
    stream = io.BytesIO(b"short\n" + b"y" * 10_000 + b"\nafter\nlast")

    assert list(bounded_lines(stream, limit=100)) == [b"short\n", 10_001, b"after\n", b"last"]


def test_bounded_lines_continue_a_head_already_read() -> None:
    stream = io.BytesIO(b"ne\nthree\n")

    assert list(bounded_lines(stream, head=b"one\ntwo-o", limit=100)) == [
        b"one\n",
        b"two-one\n",
        b"three\n",
    ]
