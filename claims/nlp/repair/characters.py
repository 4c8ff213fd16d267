"""Character-level clean-up: mojibake, control characters, odd spaces and line endings.

Curly quotes and dashes are kept as they are: they are real punctuation that the quote
finder relies on.
"""

from __future__ import annotations

import re

import ftfy

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False)

# Text made only of these characters cannot hold mojibake, HTML entities or control
# characters, so ftfy (a few milliseconds per article) can be skipped for it.
_NEEDS_FTFY = re.compile(
    r"[^\n\t\x20-\x25\x27-\x7e\xa0\u2013-\u2015\u2018\u2019\u201c\u201d\u2026]"
)
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_ODD_SPACE = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")


def normalize_characters(raw: str) -> str:
    """Fix encoding errors and odd characters; one space between words, ``\\n`` line ends."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_FTFY.search(text):
        text = ftfy.fix_text(text, _FTFY_CONFIG)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    return _SPACE_AROUND_NEWLINE.sub("\n", text).strip()


def normalize_inline(text: str) -> str:
    """Like ``normalize_characters`` for a one-line string such as a title."""
    return " ".join(normalize_characters(text).split())
