"""Joins words broken by a stray hyphen ("Re-cently", "Bela-rus") and keeps real compounds.

The decision is made from word frequencies (``wordfreq``) and from the article itself: the
joined word must be a known word (``zipf >= MIN_JOINED_ZIPF``) clearly more frequent than
its two halves read as separate words. A half that is no word at all ("Septe-mber",
"Dusha-nbe") has a frequency near zero, so almost any known joined word wins; for a real
compound the joined form is rare ("socalled", "wellknown") or rarer than its halves
("reelection" against "re election", "coverup" against "cover up"). When the joined word
is also written unbroken elsewhere in the article ("Partner-ship" … "Partnership"), that
is evidence enough for a joined word about as frequent as its halves, or a name too rare
for wordfreq.

A hyphen at a line end is a typesetting break, so there a known joined word is enough.
A one-letter first half ("e-mail", "x-ray") or a capitalised second half ("Russian-Led",
"Jean-Claude") always stays.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from wordfreq import zipf_frequency

from claims.nlp.records import TextRepair

MIN_JOINED_ZIPF = 2.0
# How much more frequent than its halves a joined word must be: enough to leave spelling
# variants alone ("pre-empt" 2.34 / "preempt" 2.44) and join "add-ed" (4.61 / 5.16).
JOIN_MARGIN = 0.2
# With the joined word elsewhere in the article it may be a little rarer than its halves:
# wordfreq's estimate for two words is rough ("partner ship" 4.58 / "partnership" 4.48).
JOIN_MARGIN_WITH_EVIDENCE = -0.15

_LETTERS = r"[^\W\d_]+"
# A single hyphen between two runs of letters, not inside a longer chain ("state-of-the-art")
# and not touching digits; a line break may follow the hyphen.
BROKEN_WORD = re.compile(
    rf"(?<![\w\-\u2010])({_LETTERS})[-\u2010](\n?)({_LETTERS})(?![\w\-\u2010])"
)
WORD = re.compile(_LETTERS)


@lru_cache(maxsize=65536)
def _zipf(words: str) -> float:
    return zipf_frequency(words, "en")


def should_join(left: str, right: str, *, vocabulary: Container[str], line_break: bool) -> bool:
    """Whether ``left-right`` is one word broken in two rather than a hyphenated compound."""
    if len(left) == 1 or not right[0].islower():
        return False
    joined = (left + right).lower()
    joined_zipf = _zipf(joined)
    margin = JOIN_MARGIN
    if joined in vocabulary:
        joined_zipf = max(joined_zipf, MIN_JOINED_ZIPF)
        margin = JOIN_MARGIN_WITH_EVIDENCE
    if joined_zipf < MIN_JOINED_ZIPF:
        return False
    if line_break:
        return True
    return joined_zipf >= _zipf(f"{left} {right}".lower()) + margin


class ArticleWords(Container[str]):
    """The lowercased words written unbroken in a text, collected on the first question."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(found.lower() for found in WORD.findall(self._text))
        return word in self._words


def join_broken_words(text: str) -> tuple[str, list[TextRepair]]:
    """Repair the broken words of ``text``; the joins' offsets are into the result."""
    vocabulary = ArticleWords(text)
    joins: list[TextRepair] = []
    pieces: list[str] = []
    shift = 0  # how much shorter the repaired text is so far
    position = 0
    for match in BROKEN_WORD.finditer(text):
        left, line_break, right = match.groups()
        if should_join(left, right, vocabulary=vocabulary, line_break=bool(line_break)):
            repaired = left + right
        elif line_break:
            repaired = f"{left}-{right}"
        else:
            continue
        pieces.append(text[position : match.start()])
        pieces.append(repaired)
        position = match.end()
        if repaired != f"{left}-{right}":
            joins.append(TextRepair(f"{left}-{right}", repaired, match.start() - shift))
        shift += len(match.group(0)) - len(repaired)
    if not pieces:
        return text, joins
    pieces.append(text[position:])
    return "".join(pieces), joins
