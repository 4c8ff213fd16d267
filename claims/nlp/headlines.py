"""A headline that reports an act: "Senator Praises Harbour Plan", "Rose Bowl skywriters
blast Trump". Title case leaves the parser tagging the verb a proper noun, so the cue
layer does not see it, and a headline's content is often one name, shorter than
reported speech needs elsewhere.

The headline is read as subject, verb, object: the words before an inflected cue verb
("Praises", "Tweets", "blasted") are the source, the words after it up to a comma or the
end are the content. Only where no other statement already covers the headline.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.nlp.attribution import cue_lemma
from claims.nlp.cues import SPEECH_VERBS
from claims.nlp.found import Found
from claims.nlp.records import CleanText

# A longer run before the verb is a phrase, not a name or a description of one.
MAX_SOURCE_TOKENS = 6
# Words that may stand inside a title-case source ("Board of Elections", "Clinton's Aides").
_SOURCE_LINKS = frozenset({"of", "and", "the", "for", "on", "'s", "’s", "-"})
# Separators that end the content: a second clause ("…, Quotes Bible to …").
_CONTENT_ENDS = frozenset({",", ";", "—", "–"})


def find_headline_act(doc: Doc, clean: CleanText, text: str, found: list[Found]) -> list[Found]:
    """ "Senator Hale Praises Ferry Plan": Senator Hale's statement, "Ferry Plan"."""
    end = _headline_end(clean, text)
    if end == 0 or any(item.start < end for item in found):
        return []
    line = doc.char_span(0, end, alignment_mode="contract")
    if line is None or len(line) < 3:
        return []
    for token in line[1:]:
        if not _is_cue_verb(token):
            continue
        source = _source(line, token)
        content = _content(line, token)
        if source is None or content is None:
            return []
        return [
            Found(
                "indirect",
                token.text,
                content.start_char,
                content.end_char,
                source,
                None,
                0.5,
            )
        ]
    return []


def _headline_end(clean: CleanText, text: str) -> int:
    """Where the headline line ends, or 0 when the article has none."""
    headline = clean.headline.strip()
    if headline and text.startswith(headline):
        return len(headline)
    return 0


def _is_cue_verb(token: Token) -> bool:
    """An inflected speech verb ("Praises", "blasted", "Tweets"), even tagged as a name."""
    word = token.lower_
    lemma = cue_lemma(word)
    if lemma == word or lemma not in SPEECH_VERBS:
        return False
    return token.pos_ == "VERB" or (token.pos_ in ("PROPN", "NOUN") and token.text[0].isupper())


def _source(line: Span, verb: Token) -> Span | None:
    """The words before the verb, back to the line's start: a name or a description, with
    no verb of its own and without an adverb next to the verb."""
    doc = line.doc
    end = verb.i
    while end > line.start and doc[end - 1].pos_ == "ADV":
        end -= 1  # "This Panel Just Dismissed …"
    words = doc[line.start : end]
    if not 0 < len(words) <= MAX_SOURCE_TOKENS or not words[0].text[0].isupper():
        return None
    if any(t.is_punct and t.text not in ("-", "’s", "'s") for t in words):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # "Candidates Give Calculated Predictions": the verb came earlier
    titled = all(t.text[0].isupper() or t.lower_ in _SOURCE_LINKS for t in words)
    if not titled and verb.pos_ != "VERB":
        return None
    return words


def _content(line: Span, verb: Token) -> Span | None:
    """The words after the verb, up to a second clause or the end, without a closing stop."""
    doc = line.doc
    end = verb.i + 1
    while end < line.end and doc[end].text not in _CONTENT_ENDS:
        end += 1
    while end > verb.i + 1 and doc[end - 1].is_punct and doc[end - 1].text in ".!?:":
        end -= 1
    words = doc[verb.i + 1 : end]
    if not any(t.is_alpha for t in words):
        return None
    return words
