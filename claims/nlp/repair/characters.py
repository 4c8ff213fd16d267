"""Character-level clean-up: mojibake, control characters, odd spaces and line endings.

Curly quotes and dashes are kept as they are: they are real punctuation that the quote
finder relies on. Invisible characters (every default-ignorable code point: zero-width
joiners, direction marks, variation selectors…) are removed, so that one text written with
and without them is one article. Runs of punctuation and symbols are cut short: spaCy's
tokenizer splits such a run one character at a time, re-scanning the rest each time, so a
run of 40,000 "!" took minutes.
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
# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# No article (of the 973 in the gold sets) has a run of more than 7 punctuation marks or
# symbols; a longer one ("!!!!…", "=====…", "😀😀😀…") keeps its first MAX_SYMBOL_RUN.
MAX_SYMBOL_RUN = 10
# Possessive (``+``): a greedy group repeat keeps a backtracking entry per character, 600 MB
# for a run of 5 million "!"; a run is taken whole anyway, so nothing is ever given back.
_SYMBOL_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_SYMBOL_RUN + 1},}}+")
_ODD_SPACE = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")


def normalize_characters(raw: str) -> str:
    """Fix encoding errors and odd characters; one space between words, ``\\n`` line ends."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _NEEDS_FTFY.search(text):
        text = ftfy.fix_text(text, _FTFY_CONFIG)
    text = _INVISIBLE.sub("", text)
    text = _SYMBOL_RUN.sub(lambda run: run[0][:MAX_SYMBOL_RUN], text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    return _SPACE_AROUND_NEWLINE.sub("\n", text).strip()


def normalize_inline(text: str) -> str:
    """Like ``normalize_characters`` for a one-line string such as a title."""
    return " ".join(normalize_characters(text).split())
