"""Bad input becomes a ReadFailure with a clear reason, and reading goes on."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest

from claims.readers import MAX_ARTICLE_BYTES, RawArticle, ReadFailure, read_sources


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _only_failure(path: Path) -> ReadFailure:
    [item] = read_sources([str(path)])
    assert isinstance(item, ReadFailure)
    assert item.source == str(path)
    return item


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "only whitespace, no text"),
        (_png(), "binary file (a PNG image), not text"),
        (PDF, "binary file (a PDF document), not text"),
        (b"The minister\x00\x00 spoke", "binary file (contains NUL bytes), not text"),
        (bytes(range(128, 256)) * 4, "undecodable: not UTF-8, and no other text encoding fits"),
        (bytes(range(1, 9)) * 40, "undecodable: mostly control characters, not text"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nul", "undecodable", "controls"],
)
def test_a_file_that_is_not_article_text_fails_with_its_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)

    assert _only_failure(path).reason == reason


def test_a_file_over_the_size_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(20 * 1024 * 1024)  # sparse: no 20 MB written

    assert _only_failure(path).reason == "file is 20.0 MB, over the 5.0 MB limit"


def test_a_json_lines_file_may_be_larger_than_one_article(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = '{"text": "' + "x" * 1023 + '"}\n'
    path.write_text(line * (MAX_ARTICLE_BYTES // len(line) + 10), encoding="utf-8")

    items = read_sources([str(path)])

    assert all(isinstance(item, RawArticle) for item in items)


def test_a_missing_path_fails_and_the_next_one_is_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The minister spoke.", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    items = list(read_sources([str(missing), str(good)]))

    assert items[0] == ReadFailure(str(missing), "no such file or directory")
    assert isinstance(items[1], RawArticle)


def test_bad_json_lines_fail_one_by_one_and_the_good_ones_are_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(
        b'{"text": "One."}\n'
        b'{"text": "Two.",\n'
        b'{"title": "No text"}\n'
        b'{"text": "   "}\n'
        b'["text"]\n'
        b'{"text": "caf\xe9"}\n'
        b'{"text": "Seven."}\n'
    )

    items = list(read_sources([str(path)]))

    assert [(type(item).__name__, item.line) for item in items] == [
        ("RawArticle", 1),
        ("ReadFailure", 2),
        ("ReadFailure", 3),
        ("ReadFailure", 4),
        ("ReadFailure", 5),
        ("ReadFailure", 6),
        ("RawArticle", 7),
    ]
    reasons = [item.reason for item in items if isinstance(item, ReadFailure)]
    assert reasons[0].startswith("malformed JSON: ")
    assert reasons[1:] == [
        'record has no "text"',
        'record has no "text"',
        "a JSON object was expected, not list",
        "line is not UTF-8 text",
    ]
    assert str(items[1]) == f"{path}:2: {reasons[0]}"


def test_an_html_page_without_article_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Home</title></head><body><nav></nav></body></html>")

    assert _only_failure(path).reason == "no article text found in the HTML page"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file whatever its mode")
def test_a_file_without_read_permission_fails(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("The minister spoke.", encoding="utf-8")
    path.chmod(0)

    assert _only_failure(path).reason == "permission denied"


def test_a_file_the_system_refuses_to_open_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Works as root too, where a chmod 000 file is still readable.
    path = tmp_path / "secret.txt"
    path.write_text("The minister spoke.", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)

    assert _only_failure(path).reason == "permission denied"


def test_a_folder_that_cannot_be_listed_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)

    assert list(read_sources([str(folder)])) == [ReadFailure(str(folder), "permission denied")]
