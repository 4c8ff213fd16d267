"""Turns the paths given to the ingest command into the files to read, in a stable order.

A path may be a file, a folder (read recursively, sorted, hidden entries skipped), a glob
pattern (``articles/*.html``) or ``-`` for standard input. Paths that lead nowhere become
``ReadFailure`` items in the same stream, so one bad path never stops the others.

Inside a folder, a symbolic link to a file outside that folder (``passwd.txt`` ->
``/etc/passwd``) is not read unless ``follow_links`` is set: whoever can write into a
shared folder of articles could otherwise publish any file the ingest can read.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from claims.readers.records import ReadFailure

# Standard input; compare with ``is``: a file named "-" inside a folder is another path.
STDIN = Path("-")
# Inside folders only these are read; a file named on the command line is read whatever
# its name (and its format sniffed), so that gold JSON, notes and images beside the
# articles are not reported as failures.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".jsonl"})
_GLOB_CHARS = re.compile(r"[*?[]")


def expand_paths(
    paths: Sequence[str], *, follow_links: bool = False
) -> Iterator[Path | ReadFailure]:
    """The files named by ``paths`` (``STDIN`` for ``-``), or a failure for each dead end.

    ``follow_links`` reads links in folders that lead out of the folder named.
    """
    for given in paths:
        if given == "-":
            yield STDIN
        elif _GLOB_CHARS.search(given) and not os.path.lexists(given):
            yield from _expand_glob(given, follow_links=follow_links)
        else:
            yield from _expand_path(Path(given), follow_links=follow_links)


def os_error_reason(error: OSError) -> str:
    """A short, lower-case reason for an ``OSError`` raised while reading a path."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    return (error.strerror or str(error)).lower()


def _expand_glob(pattern: str, *, follow_links: bool) -> Iterator[Path | ReadFailure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield ReadFailure(pattern, "no file matches this pattern")
    for match in matches:
        yield from _expand_path(Path(match), follow_links=follow_links)


def _expand_path(path: Path, *, follow_links: bool) -> Iterator[Path | ReadFailure]:
    try:
        mode = path.stat().st_mode
    except OSError as error:
        yield ReadFailure(str(path), _dead_end_reason(path, error))
        return
    if stat.S_ISDIR(mode):
        root = None if follow_links else os.path.realpath(path)
        yield from _walk(path, root=root)
    elif stat.S_ISREG(mode):
        yield path
    else:
        yield ReadFailure(str(path), "not a regular file")


def _walk(folder: Path, *, root: str | None) -> Iterator[Path | ReadFailure]:
    """Article files under ``folder``, sorted by name; symbolic links to folders not followed,
    nor (``root`` given) links to files outside ``root``."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadFailure(str(folder), os_error_reason(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root=root)
        elif _is_link_to_folder(entry):
            continue  # following it could loop
        elif path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        elif root is not None and (outside := _link_outside(entry, root)) is not None:
            yield ReadFailure(
                str(path),
                f"symbolic link to {outside}, outside the folder: not read "
                "(--follow-links reads it)",
            )
        else:
            yield from _expand_path(path, follow_links=root is None)


def _link_outside(entry: os.DirEntry[str], root: str) -> str | None:
    """Where a symbolic link to an existing file outside ``root`` leads, else None."""
    if not entry.is_symlink() or not os.path.exists(entry.path):
        return None  # a broken link or a loop is reported when it is read
    target = os.path.realpath(entry.path)
    return None if os.path.commonpath([root, target]) == root else target


def _is_link_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link loop: reported when the link itself is read
        return False


def _dead_end_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"broken symbolic link (to {os.readlink(path)})"
    return os_error_reason(error)
