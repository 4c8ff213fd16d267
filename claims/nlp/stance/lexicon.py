"""Prior polarity of single words, from the VADER lexicon (MIT, shipped in its wheel).

``word_valence`` answers in -1..1 for one token, read as the whole word it belongs to:

- a hyphenated compound is one word ("counter-productive", "anti-democratic"): its left part
  never counts alone, and a reversing prefix turns the right part around;
- a word missing from the lexicon is looked up through its derivational family ("harmful" ->
  "harm", "insecure" -> not "secure");
- words that state a legal status or a quantity rather than a judgement ("illegal",
  "legal") are neutral: "abortion is illegal in Ireland" takes no side; amounts ("low",
  "fewer") carry no value either, they turn the value of what they measure around
  (``claims.nlp.stance.phrase``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from claims.nlp import stance_cues as cues

SCALE = 4.0  # VADER valences run from -4 to 4
REVERSING_PREFIXES = ("counter", "anti", "non", "dis", "un", "in", "im", "il", "ir", "mis")
HYPHEN_REVERSING = frozenset({"counter", "anti", "non", "un", "dis", "mis", "ill", "under"})
SUFFIXES = ("fulness", "fully", "ful", "ness", "less", "ity", "ies", "ing", "ed", "es", "s", "ly")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    lexicon = {
        word: valence / SCALE
        for word, valence in SentimentIntensityAnalyzer().lexicon.items()
        if word.isalpha()
    }
    lexicon.update(cues.ARGUMENT_VALENCES)
    for word in cues.NEUTRAL_WORDS | cues.DIMINISHERS:  # amounts turn a value, carry none
        lexicon.pop(word, None)
    return lexicon


def lexicon_valence(word: str) -> float:
    """The valence of a lower-case word or its derivational family, 0 when unknown."""
    return _family_valence(word.lower())


@lru_cache(maxsize=20000)
def _family_valence(word: str) -> float:
    if word in cues.NEUTRAL_WORDS or word in cues.DIMINISHERS:
        return 0.0
    lexicon = _lexicon()
    if word in lexicon:
        return lexicon[word]
    for suffix in SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 4:
            for candidate in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else stem):
                if candidate in lexicon and candidate not in cues.NEUTRAL_WORDS:
                    return lexicon[candidate]
    for prefix in REVERSING_PREFIXES:
        rest = word.removeprefix(prefix)
        if rest != word and len(rest) >= 4 and rest in lexicon:
            return -lexicon[rest]
    return 0.0


def word_valence(token: Token) -> float:
    """The prior polarity of ``token`` as a whole word (see the module docstring)."""
    if token.is_stop or token.is_punct or token.like_num or token.ent_type_ in _NAME_LABELS:
        return 0.0
    if _hyphen_left(token):
        return 0.0  # "counter" in "counter-productive": the right part speaks for the word
    left = _hyphen_right_of(token)
    if left is not None:
        joined = left.lower_ + token.lower_
        if joined in _lexicon():
            return _lexicon()[joined]
        value = _best(token)
        return -value if left.lower_ in HYPHEN_REVERSING else value
    return _best(token)


def whole_word(token: Token) -> str:
    """The word ``token`` belongs to as written: "counter-productive" for "productive"."""
    left = _hyphen_right_of(token)
    return f"{left.text}-{token.text}" if left is not None else token.text


def _best(token: Token) -> float:
    value = _family_valence(token.lower_)
    if value == 0.0 and token.lemma_.lower() != token.lower_:
        value = _family_valence(token.lemma_.lower())
    return value


_NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "CARDINAL"})


def _hyphen_left(token: Token) -> bool:
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and not token.whitespace_
        and not doc[token.i + 1].whitespace_
    )


def _hyphen_right_of(token: Token) -> Token | None:
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-":
        return None
    left = doc[token.i - 2]
    if left.whitespace_ or doc[token.i - 1].whitespace_:
        return None
    return left
