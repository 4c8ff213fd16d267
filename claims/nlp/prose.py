"""Whether a text is prose at all: what ingest refuses before parsing it.

Two measures, each cheap on a 5 MB text:

- letters: most of what is not space must be letters (random bytes, symbol dumps and
  tables of digits alone are not articles; the gold articles are 77 % letters and more);
- words: most of its tokens must be words. Random printable ASCII passes the first (about
  55 % of its characters are letters) but its "words" are runs like ``q7{Xb;`` that hold
  symbols no word holds. A word is a run of letters, joined at most by a hyphen, an
  apostrophe or a full stop (``well-known``, ``don't``, ``U.S``); in an English text it
  must also be in ``wordfreq``'s English list. Numbers, acronyms and codes
  (``45.2%``, ``COVID-19``, ``NATO``) count neither way, so tables of figures in real news
  pass; so do texts in other languages (judged by shape only: they are stored with a
  warning that only English is extracted), and scripts written without spaces are not
  judged by words at all.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from wordfreq import get_frequency_dict

from claims.nlp.text_language import detect_language

# Of the characters that are not space, at least this share must be letters; read over the
# text's first _LETTER_SAMPLE characters.
MIN_LETTER_SHARE = 0.5
_LETTER_SAMPLE = 100_000
# Of the tokens judged (words and others, weighed by letters), at least this share must be words.
MIN_WORD_SHARE = 0.5
# A token weighs its letters, at most _MAX_WEIGHT (one long odd token, a headline of 600
# "T", does not outweigh a sentence); fewer weighed letters than _MIN_JUDGED decide nothing.
_MAX_WEIGHT = 12
_MIN_JUDGED = 24
# Words are read in three windows (start, middle, end), so that prose at the start does not
# carry junk after it.
_WORD_WINDOW = 8_000
# wordfreq's list has much junk of one to three letters ("qml"); below this frequency a
# "word" counts as unknown (about once in ten million words).
_MIN_FREQUENCY = 1e-7
_NO_SPACE_SCRIPTS = frozenset({"Han", "Kana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})
# What may join the letters of one word, and what may join letters and digits in a code.
_WORD = re.compile(r"[^\W\d_]+(?:['’.\-‐][^\W\d_]+)*\.?")
_CODE = re.compile(r"[\w'’.,:/&%+\-‐–]+")
_ACRONYM_LETTERS = 5


def not_prose_reason(text: str) -> str | None:
    """Why ``text`` is not an article's text, or None."""
    sample = text[:_LETTER_SAMPLE]
    visible = sum(1 for char in sample if not char.isspace())
    letters = sum(1 for char in sample if char.isalpha())
    if visible and letters < MIN_LETTER_SHARE * visible:
        return f"mostly not letters ({letters / visible:.0%} of its characters): not prose"
    share = word_share(text)
    if share is not None and share < MIN_WORD_SHARE:
        return f"mostly not words ({share:.0%} of its tokens are words): not prose"
    return None


def word_share(text: str) -> float | None:
    """The share of ``text``'s judged tokens that are words, weighed by their letters, or
    None when too little is judged, or the text is in a script written without spaces."""
    windows = _windows(text)
    detected = detect_language(windows)
    if detected.script in _NO_SPACE_SCRIPTS:
        return None
    in_words = judged = 0
    for token in windows.split():
        kind, letters = _judged(token, english=detected.english)
        if kind is None:
            continue
        weight = min(letters, _MAX_WEIGHT)
        judged += weight
        if kind:
            in_words += weight
    if judged < _MIN_JUDGED:
        return None
    return in_words / judged


def _windows(text: str) -> str:
    if len(text) <= 3 * _WORD_WINDOW:
        return text
    middle = (len(text) - _WORD_WINDOW) // 2
    return "\n".join(
        (
            text[:_WORD_WINDOW],
            text[middle : middle + _WORD_WINDOW],
            text[-_WORD_WINDOW:],
        )
    )


@lru_cache(maxsize=65_536)
def _judged(token: str, *, english: bool) -> tuple[bool | None, int]:
    """``_judge`` of a token once per process: news repeats its words ("the", "said")."""
    return _judge(token, _english_words() if english else None)


def _judge(token: str, known: dict[str, float] | None) -> tuple[bool | None, int]:
    """(True: a word, False: not one, None: neither, e.g. a number), and its letters."""
    core = _strip_marks(token)
    if not core.isascii():  # vowel signs (Devanagari), joiners (Persian ZWNJ) are in words
        core = "".join(char for char in core if unicodedata.category(char)[0] != "M")
        core = core.replace("\u200c", "").replace("\u200d", "")
    letters = sum(1 for char in core if char.isalpha())
    if not letters:
        return None, 0
    if _WORD.fullmatch(core):
        if core.isupper() and letters <= _ACRONYM_LETTERS:
            return None, letters  # NATO, AAPL: names more than words
        if known is None:
            return True, letters
        parts = re.findall(r"[^\W\d_]+", core.casefold())
        return all(known.get(part, 0.0) >= _MIN_FREQUENCY for part in parts), letters
    if _CODE.fullmatch(core) and any(char.isdigit() for char in core) and len(core) <= 16:
        return None, letters  # COVID-19, 1990s, 10:30am, B-52
    return False, letters


def _strip_marks(token: str) -> str:
    """``token`` without the punctuation and symbols around it ("(word)," → "word")."""
    start, end = 0, len(token)
    while start < end and unicodedata.category(token[start])[0] in "PS":
        start += 1
    while end > start and unicodedata.category(token[end - 1])[0] in "PS":
        end -= 1
    return token[start:end]


@lru_cache(maxsize=1)
def _english_words() -> dict[str, float]:
    # The list the hyphen repair reads too (claims.nlp.repair.hyphens): loaded once.
    return get_frequency_dict("en", wordlist="best")
