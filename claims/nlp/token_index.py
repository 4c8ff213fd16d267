"""The tokens a pass over the whole article needs, found without building every Token.

A pass written ``for token in doc`` builds a Python ``Token`` per word and reads its
attributes one by one; several such passes per article were a third of extraction's time.
These read spaCy's attribute arrays (``Doc.to_array``, in C) and build Tokens only for the
words that can match, in text order.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np
from spacy.attrs import IDX, LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

from claims.nlp.spans import doc_text

_LINE_BREAK = re.compile("\n")


def tokens_lowered(doc: Doc, words: Collection[str]) -> list[Token]:
    """The tokens whose lower-case form is one of ``words`` (given in lower case)."""
    wanted = np.fromiter((doc.vocab.strings[word] for word in words), dtype=np.uint64)
    return _tokens(doc, np.isin(doc.to_array(LOWER), wanted))


def tokens_tagged(doc: Doc, tags: Collection[str]) -> list[Token]:
    """The tokens whose coarse part of speech (``pos_``) is one of ``tags``."""
    wanted = np.fromiter((IDS[tag] for tag in tags), dtype=np.uint64)
    return _tokens(doc, np.isin(doc.to_array(POS), wanted))


def capitalised(doc: Doc) -> list[Token]:
    """The tokens whose first character is upper case."""
    text = doc_text(doc)
    return [doc[i] for i, start in enumerate(doc.to_array(IDX).tolist()) if text[start].isupper()]


def line_numbers(doc: Doc) -> list[int]:
    """The line (counted from 0) each token starts on."""
    text = doc_text(doc)
    breaks = np.array([m.start() for m in _LINE_BREAK.finditer(text)], dtype=np.int64)
    starts = doc.to_array(IDX).astype(np.int64)
    return np.searchsorted(breaks, starts, side="left").tolist()


def _tokens(doc: Doc, mask: np.ndarray) -> list[Token]:
    return [doc[int(i)] for i in np.flatnonzero(mask)]
