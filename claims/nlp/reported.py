"""Shapes 2 to 4, statements without quotation marks of their own: reported speech (a cue
not used by a quote, with its content), "according to X" adverbials, hearsay adverbs
("X reportedly …", no one named), the headline attributed by a dash or colon, and
transcript lines ("TRUMP: …").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claims.nlp.contents import MIN_REPORTED_WORDS
from claims.nlp.cue_reading import Cue
from claims.nlp.cues import CORE_SPEECH, CUE_VERBS
from claims.nlp.found import Found
from claims.nlp.quotes import QuoteIndex, has_quote_mark
from claims.nlp.records import CleanText
from claims.nlp.sources import author_of
from claims.nlp.spans import mention_of, trim_range

# Adverbs that attribute a clause to unnamed others: PolNeAR annotates them with no source.
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "reputedly", "purportedly", "supposedly"})
HEADLINE_DASH = re.compile(
    r"^(?P<content>.{8,}?)(?:\s+-{1,2}\s+|\s*[—–]\s*)(?P<source>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$"
)
HEADLINE_COLON = re.compile(
    r"^(?P<source>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?P<content>.{8,})$"
)
TRANSCRIPT_LINE = re.compile(r"^(?P<source>[A-Z][A-Z.'’ -]{1,40}):\s+(?P<content>\S.*)$")


def find_reported(
    doc: Doc, text: str, cues: list[Cue], used: set[int], quote_of: QuoteIndex
) -> list[Found]:
    """Reported speech: each cue no quote used, with content of at least two words."""
    found = []
    for cue in cues:
        if cue.verb.i in used or cue.content is None:
            continue
        start, end = cue.content
        if sum(1 for t in doc[start:end] if not t.is_punct) < MIN_REPORTED_WORDS:
            continue
        start_char, end_char = doc[start:end].start_char, doc[start:end].end_char
        inner = quote_of.overlapping(start_char, end_char)
        quoted = has_quote_mark(text[start_char:end_char])
        kind = "mixed" if inner and quoted else "indirect"
        confidence = 0.7 if cue.verb.lemma_ in CORE_SPEECH else 0.5
        used.add(cue.verb.i)
        found.append(
            Found(kind, cue.text, start_char, end_char, cue.source, cue.antecedent, confidence)
        )
    return found


def find_according_to(doc: Doc, quote_of: QuoteIndex) -> list[Found]:
    """ "The plan failed, according to the report": the longer side of the sentence."""
    found = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc):
            continue
        if doc[token.i + 1].lower_ != "to" or quote_of.at(token.idx) is not None:
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"
        ]
        if not objects:
            continue
        source = mention_of(author_of(objects[0]))
        sentence = token.sent
        phrase_end = max(token.right_edge.i, to.right_edge.i) + 1
        before = trim_range(doc, sentence.start, token.i)
        after = trim_range(doc, phrase_end, sentence.end)
        spans = [s for s in (before, after) if s is not None]
        if not spans:
            continue
        start, end = max(spans, key=lambda s: s[1] - s[0])
        start_char, end_char = doc[start:end].start_char, doc[start:end].end_char
        found.append(Found("indirect", "according to", start_char, end_char, source, None, 0.7))
    return found


def find_hearsay(doc: Doc, quote_of: QuoteIndex) -> list[Found]:
    """ "The FBI is reportedly making arrangements …": attributed, to no one named."""
    found = []
    for token in doc:
        if token.lower_ not in HEARSAY_ADVERBS or token.dep_ != "advmod":
            continue
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or quote_of.at(token.idx) is not None:
            continue
        if verb.lemma_.lower() in CUE_VERBS:
            continue  # "reportedly told aides that …": the cue's own statement holds it
        # "Reportedly, he …" leaves the adverb out; "he reportedly …" keeps it inside.
        start = token.i + 1 if token.i == verb.left_edge.i else verb.left_edge.i
        span = trim_range(
            doc, max(start, verb.sent.start), min(verb.right_edge.i + 1, verb.sent.end)
        )
        if span is None:
            continue
        clause = doc[span[0] : span[1]]
        found.append(
            Found("indirect", token.text, clause.start_char, clause.end_char, None, None, 0.5)
        )
    return found


def find_headline(clean: CleanText, text: str) -> list[Found]:
    """ "Talks failed — Lavrov" and "Lavrov: Talks failed" as the headline."""
    headline = clean.headline.strip()
    if not headline or not text.startswith(headline):
        first_line = text.split("\n", 1)[0].strip()
        if len(first_line) > 200 or first_line.endswith("."):
            return []
        headline = first_line
    match = HEADLINE_DASH.match(headline) or HEADLINE_COLON.match(headline)
    if match is None:
        return []
    offset = text.find(headline)
    start, end = match.span("content")
    cue = "—" if match.re is HEADLINE_DASH else ":"
    return [
        Found(
            "headline",
            cue,
            offset + start,
            offset + end,
            None,
            confidence=0.6,
            source_text=match.group("source"),
        )
    ]


def find_transcript_lines(text: str) -> list[Found]:
    """ "TRUMP: We will win.": a line opened by a name in capitals and a colon."""
    found = []
    offset = 0
    for line in text.split("\n"):
        match = TRANSCRIPT_LINE.match(line)
        if match and match.group("source").strip().isupper():
            start, end = match.span("content")
            found.append(
                Found(
                    "direct",
                    ":",
                    offset + start,
                    offset + end,
                    None,
                    confidence=0.6,
                    source_text=match.group("source").strip(),
                )
            )
        offset += len(line) + 1
    return found
