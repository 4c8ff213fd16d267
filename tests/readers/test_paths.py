"""Which files a run reads: folders, globs, standard input, symbolic links, and the count."""

from __future__ import annotations

import io
import os
from pathlib import Path

from claims.readers import (
    STDIN,
    RawArticle,
    ReadFailure,
    count_articles,
    expand_paths,
    read_sources,
)


def _write(path: Path, text: str = "The minister spoke.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "b.txt")
    _write(tmp_path / "a" / "z.html", "<html><body><p>x</p></body></html>")
    _write(tmp_path / "a" / "y.jsonl", '{"text": "One."}\n')
    _write(tmp_path / ".hidden.txt")
    _write(tmp_path / ".git" / "c.txt")
    _write(tmp_path / "gold.json", '{"statements": []}')
    _write(tmp_path / "notes.md")

    assert list(expand_paths([str(tmp_path)])) == [
        tmp_path / "a" / "y.jsonl",
        tmp_path / "a" / "z.html",
        tmp_path / "b.txt",
    ]


def test_a_file_named_on_the_command_line_is_read_whatever_its_extension(tmp_path: Path) -> None:
    path = _write(tmp_path / "article.md", "The minister spoke.")

    [article] = read_sources([str(path)])

    assert isinstance(article, RawArticle)
    assert article.text == "The minister spoke."


def test_a_file_of_unknown_extension_holding_json_lines_is_sniffed(tmp_path: Path) -> None:
    path = _write(tmp_path / "export.ndjson", '{"text": "One."}\n{"text": "Two."}\n')

    assert [item.text for item in read_sources([str(path)])] == ["One.", "Two."]


def test_a_glob_reads_the_matching_files_in_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.html", "<p>b</p>")
    _write(tmp_path / "a.html", "<p>a</p>")
    _write(tmp_path / "c.txt")

    assert list(expand_paths([str(tmp_path / "*.html")])) == [
        tmp_path / "a.html",
        tmp_path / "b.html",
    ]


def test_a_glob_matching_nothing_is_a_failure(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.html")

    assert list(read_sources([pattern])) == [ReadFailure(pattern, "no file matches this pattern")]


def test_standard_input_is_read_for_a_dash() -> None:
    [article] = read_sources(["-"], stdin=io.StringIO("Talks resume\n\nThe minister spoke.\n"))

    assert article == RawArticle(source="-", text="Talks resume\n\nThe minister spoke.\n")


def test_json_lines_on_standard_input_are_sniffed() -> None:
    stdin = io.StringIO('\n{"text": "One."}\n{"text": "Two."}\n')

    assert [(item.text, item.line) for item in read_sources(["-"], stdin=stdin)] == [
        ("One.", 2),
        ("Two.", 3),
    ]


def test_html_on_standard_input_is_sniffed() -> None:
    page = "<html><body><article><p>The minister said the talks would resume soon.</p></article></body></html>"

    [article] = read_sources(["-"], stdin=io.StringIO(page))

    assert isinstance(article, RawArticle)
    assert article.format == "html"
    assert "talks would resume" in article.text


def test_standard_input_keeps_its_place_among_the_paths(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt")

    items = list(expand_paths([str(path), "-"]))

    assert items == [path, STDIN]
    assert items[1] is STDIN


def test_a_broken_symbolic_link_is_a_failure(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")

    [failure] = read_sources([str(link)])

    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("broken symbolic link")


def test_a_symbolic_link_loop_is_a_failure_and_the_folder_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    _write(tmp_path / "c.txt")

    items = list(read_sources([str(tmp_path)]))

    assert [(type(item), item.source) for item in items] == [
        (ReadFailure, str(tmp_path / "a.txt")),
        (ReadFailure, str(tmp_path / "b.txt")),
        (RawArticle, str(tmp_path / "c.txt")),
    ]
    assert items[0].reason == "symbolic link loop"


def test_a_symbolic_link_to_a_parent_folder_is_not_followed(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt")
    os.symlink(tmp_path, tmp_path / "loop")

    assert list(expand_paths([str(tmp_path)])) == [tmp_path / "a.txt"]


def test_a_link_leading_out_of_the_folder_is_not_read_unless_asked(tmp_path: Path) -> None:
    """``ln -s /etc/passwd corpus/passwd.txt`` would otherwise publish the file."""
    secret = _write(tmp_path / "secret.txt", "root:x:0:0:root:/root:/bin/bash")
    folder = tmp_path / "corpus"
    _write(folder / "a.txt")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "a.txt")  # stays in the folder: read

    items = list(read_sources([str(folder)]))
    followed = list(read_sources([str(folder)], follow_links=True))

    assert [(type(item), Path(item.source).name) for item in items] == [
        (RawArticle, "a.txt"),
        (RawArticle, "inside.txt"),
        (ReadFailure, "passwd.txt"),
    ]
    assert items[2].reason == (
        f"symbolic link to {secret}, outside the folder: not read (--follow-links reads it)"
    )
    assert [item.text for item in followed][-1] == "root:x:0:0:root:/root:/bin/bash"
    assert count_articles([str(folder)]) == 3


def test_a_file_named_on_the_command_line_is_read_even_as_a_link(tmp_path: Path) -> None:
    secret = _write(tmp_path / "elsewhere" / "article.txt", "The minister spoke.")
    (tmp_path / "link.txt").symlink_to(secret)

    [article] = read_sources([str(tmp_path / "link.txt")])

    assert isinstance(article, RawArticle)


def test_count_matches_what_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt")
    _write(tmp_path / "b.jsonl", '{"text": "One."}\n\n{bad json\n{"text": "Three."}\n')
    _write(tmp_path / "empty.txt", "")
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]

    assert count_articles(paths) == len(list(read_sources(paths))) == 6
